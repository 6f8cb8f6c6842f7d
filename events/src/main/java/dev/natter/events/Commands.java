package dev.natter.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises slash commands in what users submit: {@code /name arguments}. */
public final class Commands {

  private static final Pattern COMMAND =
      Pattern.compile("/([a-z]{1,20})(?:\\s+(.*))?", Pattern.DOTALL);

  private Commands() {}

  /** A command and the text after its name. */
  public record Command(String name, String arguments) {}

  /**
   * {@code submission} with its {@link ChatEvents#COMMAND} attribute set from its text when it is a
   * command, and removed when it is not, whatever the producer sent.
   */
  public static CloudEvent tag(CloudEvent submission) {
    if (!ChatEvents.MESSAGE_SUBMITTED.equals(submission.getType())) {
      return submission;
    }
    var text = EventData.read(submission, SubmittedMessage.class).text();
    CloudEventBuilder builder = CloudEventBuilder.from(submission);
    of(text)
        .ifPresentOrElse(
            command -> builder.withExtension(ChatEvents.COMMAND, command.name()),
            () -> builder.withoutExtension(ChatEvents.COMMAND));
    return builder.build();
  }

  /** The command {@code text} holds, if it starts with one. */
  public static Optional<Command> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = COMMAND.matcher(text.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String arguments = matcher.group(2) == null ? "" : matcher.group(2).strip();
    return Optional.of(new Command(matcher.group(1), arguments));
  }
}
