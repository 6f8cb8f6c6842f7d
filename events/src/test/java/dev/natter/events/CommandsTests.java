package dev.natter.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTests {

  static CloudEvent submission(String text, String command) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId("1")
            .withSource(URI.create("/tests"))
            .withType(ChatEvents.MESSAGE_SUBMITTED)
            .withData(ChatEvents.JSON, EventData.write(new SubmittedMessage("alice", text)));
    if (command != null) {
      builder.withExtension(ChatEvents.COMMAND, command);
    }
    return builder.build();
  }

  @Test
  void recognisesCommands() {
    assertThat(Commands.of("/roll 2d6")).contains(new Commands.Command("roll", "2d6"));
    assertThat(Commands.of("  /me waves  ")).contains(new Commands.Command("me", "waves"));
    assertThat(Commands.of("/help")).contains(new Commands.Command("help", ""));
    assertThat(Commands.of("/topic a\nb")).contains(new Commands.Command("topic", "a\nb"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "/", "/ roll", "//roll", "/Roll", "a /roll"})
  void leavesOtherTextAlone(String text) {
    assertThat(Commands.of(text)).isEmpty();
  }

  @Test
  void marksCommandsAndUnmarksWhatProducersClaimed() {
    assertThat(Commands.tag(submission("/roll", null)).getExtension(ChatEvents.COMMAND))
        .isEqualTo("roll");
    assertThat(Commands.tag(submission("plain", "roll")).getExtension(ChatEvents.COMMAND)).isNull();
  }
}
