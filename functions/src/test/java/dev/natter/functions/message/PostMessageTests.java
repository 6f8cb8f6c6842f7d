package dev.natter.functions.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.InvalidEventException;
import dev.natter.events.PostedMessage;
import dev.natter.events.RejectedMessage;
import dev.natter.events.SubmittedMessage;
import dev.natter.functions.Replies;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostMessageTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

  final PostMessage postMessage = new PostMessage(new Replies(CLOCK), new MessageProperties(10));

  static CloudEvent submitted(String text) {
    return submittedData(EventData.write(new SubmittedMessage("alice", text)));
  }

  static CloudEvent submittedData(byte[] data) {
    return CloudEventBuilder.v1()
        .withId("sub-1")
        .withSource(URI.create("/tests"))
        .withType(ChatEvents.MESSAGE_SUBMITTED)
        .withExtension(ChatEvents.ROOM, "general")
        .withData(ChatEvents.JSON, data)
        .build();
  }

  @Nested
  class Accepted {

    @Test
    void postsTheMessageWithItsAuthorAndSubmission() {
      CloudEvent reply = postMessage.apply(submitted("hello"));

      assertThat(reply.getType()).isEqualTo(ChatEvents.MESSAGE_POSTED);
      assertThat(EventData.read(reply, PostedMessage.class))
          .isEqualTo(new PostedMessage("alice", "hello", "sub-1"));
    }

    @Test // C13
    void repliesWithNewIdOwnSourceTypeAndTime() {
      CloudEvent cause = submitted("hello");

      CloudEvent reply = postMessage.apply(cause);

      assertThat(reply.getId()).isNotEqualTo(cause.getId()).hasSize(36);
      assertThat(reply.getType()).isNotEqualTo(cause.getType());
      assertThat(reply.getSource()).hasToString("/natter/functions/post-message");
      assertThat(reply.getTime()).hasToString("2026-12-03T10:15:30Z");
      assertThat(reply.getExtension(ChatEvents.ROOM)).isEqualTo("general");
      assertThat(reply.getDataContentType()).isEqualTo("application/json");
    }

    @Test
    void trimsTheText() {
      CloudEvent reply = postMessage.apply(submitted(" \t hello \n"));

      assertThat(EventData.read(reply, PostedMessage.class).text()).isEqualTo("hello");
    }

    @Test
    void normalisesToNfc() {
      CloudEvent reply = postMessage.apply(submitted("Cafe\u0301"));

      assertThat(EventData.read(reply, PostedMessage.class).text()).isEqualTo("Caf\u00e9");
    }

    @Test
    void countsLengthInCodePoints() {
      String tenEmoji = "👋".repeat(10);

      CloudEvent reply = postMessage.apply(submitted(tenEmoji));

      assertThat(reply.getType()).isEqualTo(ChatEvents.MESSAGE_POSTED);
      assertThat(EventData.read(reply, PostedMessage.class).text()).isEqualTo(tenEmoji);
    }

    @Test
    void keepsNonAsciiTextIntact() {
      CloudEvent reply = postMessage.apply(submitted("Grüße 你好"));

      assertThat(EventData.read(reply, PostedMessage.class).text()).isEqualTo("Grüße 你好");
    }
  }

  @Nested
  class Rejected {

    @Test
    void removesControlCharactersButKeepsLineBreaks() {
      CloudEvent reply = postMessage.apply(submitted("a\u0000b\u001bc\r\nd\re\tf"));

      assertThat(EventData.read(reply, PostedMessage.class).text()).isEqualTo("abc\nd\nef");
    }

    @Test
    void replacesBrokenSurrogates() {
      CloudEvent reply = postMessage.apply(submitted("x\uD800y"));

      assertThat(EventData.read(reply, PostedMessage.class).text()).isEqualTo("x\uFFFDy");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "   ", "\n\t", "\u3000", "\u200B", "\u200B \u2060\uFEFF", "\u0000\u0007"})
    void rejectsBlankText(String text) {

      CloudEvent reply = postMessage.apply(submitted(text));

      assertThat(reply.getType()).isEqualTo(ChatEvents.MESSAGE_REJECTED);
      assertThat(EventData.read(reply, RejectedMessage.class))
          .isEqualTo(new RejectedMessage("alice", "blank", "The message is empty", "sub-1"));
    }

    @Test
    void rejectsTextOverTheLimit() {
      CloudEvent reply = postMessage.apply(submitted("👋".repeat(11)));

      RejectedMessage rejection = EventData.read(reply, RejectedMessage.class);
      assertThat(rejection.reason()).isEqualTo("too-long");
      assertThat(rejection.detail()).isEqualTo("The message has 11 characters; the limit is 10");
      assertThat(reply.getExtension(ChatEvents.ROOM)).isEqualTo("general");
    }

    @Test
    void refusesDataThatIsNotJson() {
      CloudEvent poison = submittedData("{not json".getBytes(UTF_8));

      assertThatThrownBy(() -> postMessage.apply(poison))
          .isInstanceOfSatisfying(
              InvalidEventException.class, e -> assertThat(e.attribute()).isEqualTo("data"));
    }

    @Test
    void refusesSubmissionWithoutAuthor() {
      CloudEvent anonymous = submittedData("{\"text\":\"hi\"}".getBytes(UTF_8));

      assertThatThrownBy(() -> postMessage.apply(anonymous))
          .isInstanceOf(InvalidEventException.class);
    }
  }
}
