package dev.natter.functions.command;

import dev.natter.events.Commands;
import dev.natter.events.EventData;
import dev.natter.events.InvalidEventException;
import dev.natter.events.SubmittedMessage;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Runs the slash command a submission holds, or tells its author there is no such command. */
@Component("runCommand")
class RunCommand implements Function<CloudEvent, CloudEvent> {

  static final String NAME = "run-command";

  private final Map<String, Command> commands;
  private final CommandReplies replies;

  RunCommand(List<Command> commands, CommandReplies replies) {
    this.commands = commands.stream().collect(Collectors.toMap(Command::name, command -> command));
    this.replies = replies;
  }

  @Override
  public CloudEvent apply(CloudEvent submitted) {
    SubmittedMessage message = EventData.read(submitted, SubmittedMessage.class);
    if (message.author() == null || message.text() == null) {
      throw new InvalidEventException("data", "A submitted message needs an author and a text");
    }
    return Commands.of(message.text())
        .map(command -> run(submitted, message.author(), command))
        .orElseThrow(() -> new InvalidEventException("data", "The text is not a command"));
  }

  private CloudEvent run(CloudEvent submitted, String author, Commands.Command command) {
    Command known = commands.get(command.name());
    if (known == null) {
      String detail = "There is no command /" + command.name() + "; /help lists them";
      return replies.rejected(submitted, author, "unknown-command", detail);
    }
    return known.run(submitted, author, command.arguments());
  }
}
