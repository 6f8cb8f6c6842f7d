package dev.natter.functions.command;

import dev.natter.events.ChatEvents;
import io.cloudevents.CloudEvent;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /help}: lists the commands, for the one who asked only. */
@Component
class Help implements Command {

  private final CommandReplies replies;
  private final ObjectProvider<Command> commands;

  Help(CommandReplies replies, ObjectProvider<Command> commands) {
    this.replies = replies;
    this.commands = commands;
  }

  /** Data of {@code chat.help.shown}. */
  record HelpShown(List<Entry> commands, String submissionId) {}

  /** One command, as help lists it. */
  record Entry(String usage, String description) {}

  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "/help";
  }

  @Override
  public String description() {
    return "List the commands (only you see this)";
  }

  @Override
  public CloudEvent run(CloudEvent submitted, String author, String arguments) {
    // The bean factory leaves a bean out of its own providers: help adds itself.
    List<Entry> entries =
        Stream.concat(Stream.of(this), commands.orderedStream().filter(command -> command != this))
            .sorted(Comparator.comparing(Command::name))
            .map(command -> new Entry(command.usage(), command.description()))
            .toList();
    var help = new HelpShown(entries, submitted.getId());
    return replies.author(submitted, author, ChatEvents.HELP_SHOWN, help);
  }
}
