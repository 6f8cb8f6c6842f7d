package dev.natter.functions.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.SubmittedMessage;
import dev.natter.functions.Replies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class RunCommandTests {

  final CommandReplies replies =
      new CommandReplies(
          new Replies(Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC)));
  final RunCommand run = runCommand();

  RunCommand runCommand() {
    StaticListableBeanFactory commands = new StaticListableBeanFactory();
    List<Command> all =
        List.of(new Me(replies, 2000), new Roll(replies), new Topic(replies), new Nick(replies));
    all.forEach(command -> commands.addBean(command.name(), command));
    Help help = new Help(replies, commands.getBeanProvider(Command.class));
    commands.addBean("help", help);
    return new RunCommand(List.of(all.get(0), all.get(1), all.get(2), all.get(3), help), replies);
  }

  static CloudEvent submitted(String text) {
    return CloudEventBuilder.v1()
        .withId("sub-1")
        .withSource(URI.create("/tests"))
        .withType(ChatEvents.MESSAGE_SUBMITTED)
        .withExtension(ChatEvents.ROOM, "general")
        .withExtension(ChatEvents.COMMAND, "x")
        .withData(ChatEvents.JSON, EventData.write(new SubmittedMessage("alice", text)))
        .build();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(CloudEvent event) {
    return EventData.read(event, Map.class);
  }

  @Test
  void postsAnActionForMe() {
    CloudEvent reply = run.apply(submitted("/me waves  "));

    assertThat(reply.getType()).isEqualTo(ChatEvents.ACTION_POSTED);
    assertThat(data(reply)).containsEntry("text", "waves").containsEntry("author", "alice");
    assertThat(reply.getExtension(ChatEvents.AUDIENCE)).isNull();
  }

  @Test
  void rollsDiceWithinTheirSides() {
    CloudEvent reply = run.apply(submitted("/roll 3d6"));

    assertThat(reply.getType()).isEqualTo(ChatEvents.DICE_ROLLED);
    List<Integer> rolls = (List<Integer>) data(reply).get("rolls");
    assertThat(rolls).hasSize(3).allSatisfy(roll -> assertThat(roll).isBetween(1, 6));
    assertThat(data(reply).get("total"))
        .isEqualTo(rolls.stream().mapToInt(Integer::intValue).sum());
    assertThat(data(reply)).containsEntry("dice", "3d6");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/roll 0d6", "/roll 101d6", "/roll 2d1", "/roll two dice", "/roll 1d99999"})
  void refusesDiceItCannotRollOnlyToItsAuthor(String text) {
    CloudEvent reply = run.apply(submitted(text));

    assertThat(reply.getType()).isEqualTo(ChatEvents.MESSAGE_REJECTED);
    assertThat(data(reply)).containsEntry("reason", "bad-dice");
    assertThat(reply.getExtension(ChatEvents.AUDIENCE)).isEqualTo("alice");
  }

  @Test
  void setsAndClearsTheTopic() {
    assertThat(data(run.apply(submitted("/topic  Friday release  "))))
        .containsEntry("topic", "Friday release");
    assertThat(data(run.apply(submitted("/topic")))).containsEntry("topic", "");
  }

  @Test
  void showsHelpOnlyToItsAuthor() {
    CloudEvent reply = run.apply(submitted("/help"));

    assertThat(reply.getType()).isEqualTo(ChatEvents.HELP_SHOWN);
    assertThat(reply.getExtension(ChatEvents.AUDIENCE)).isEqualTo("alice");
    assertThat((List<Map<String, String>>) data(reply).get("commands"))
        .extracting(entry -> entry.get("usage"))
        .containsExactly("/help", "/me <action>", "/nick <new nick>", "/roll NdM", "/topic <text>");
  }

  @Test
  void asksTheAuthorsPageToChangeNick() {
    CloudEvent reply = run.apply(submitted("/nick Zoë"));

    assertThat(reply.getType()).isEqualTo(ChatEvents.NICK_REQUESTED);
    assertThat(data(reply)).containsEntry("nick", "Zoë");
    assertThat(reply.getExtension(ChatEvents.AUDIENCE)).isEqualTo("alice");
  }

  @Test
  void tellsTheAuthorThereIsNoSuchCommand() {
    CloudEvent reply = run.apply(submitted("/dance"));

    assertThat(reply.getType()).isEqualTo(ChatEvents.MESSAGE_REJECTED);
    assertThat(data(reply)).containsEntry("reason", "unknown-command");
    assertThat(reply.getExtension(ChatEvents.AUDIENCE)).isEqualTo("alice");
  }

  @Test // C13
  void repliesNeverReuseTheSubmissionsTypeOrId() {
    CloudEvent submitted = submitted("/roll");

    CloudEvent reply = run.apply(submitted);

    assertThat(reply.getId()).isNotEqualTo(submitted.getId());
    assertThat(reply.getType()).isNotEqualTo(submitted.getType());
    assertThat(reply.getSource()).hasToString("/natter/functions/run-command");
  }
}
