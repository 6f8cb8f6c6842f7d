package dev.natter.broker.trigger;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.EventTracing;
import dev.natter.events.RejectedMessage;
import dev.natter.events.SubmittedMessage;
import dev.natter.events.jms.BrokerSender;
import dev.natter.events.jms.Destinations;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the author of a chat submission that was dead-lettered that it failed ({@code
 * chat.message.failed}), so that a page never shows a message as on its way forever. The notice is
 * sent in the transaction that dead-letters the submission.
 */
@Component
class FailureNotices {

  static final URI SOURCE = URI.create("/natter/broker");
  static final String REASON = "undeliverable";

  private final EventTracing tracing;

  FailureNotices(EventTracing tracing) {
    this.tracing = tracing;
  }

  /** Sends the notice for {@code event} through {@code session}, if it is a chat submission. */
  void failed(Session session, CloudEvent event, int attempts) throws JMSException {
    if (!ChatEvents.MESSAGE_SUBMITTED.equals(event.getType())) {
      return;
    }
    String author = author(event);
    if (author == null || event.getExtension(ChatEvents.ROOM) == null) {
      return;
    }
    CloudEvent notice = tracing.stamp(notice(event, author, attempts));
    String key = "failed " + event.getSource() + " " + event.getId();
    try (var producer = session.createProducer(null)) {
      producer.send(
          session.createTopic(Destinations.BROKER), BrokerSender.message(session, notice, key));
    }
  }

  private static CloudEvent notice(CloudEvent event, String author, int attempts) {
    String detail =
        "Natter could not deliver this message ("
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + "); send it again later";
    var data = new RejectedMessage(author, REASON, detail, event.getId());
    String identity = "failed " + event.getSource() + " " + event.getId();
    return CloudEventBuilder.v1()
        .withId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString())
        .withSource(SOURCE)
        .withType(ChatEvents.MESSAGE_FAILED)
        .withTime(OffsetDateTime.now(ZoneOffset.UTC))
        .withExtension(ChatEvents.ROOM, event.getExtension(ChatEvents.ROOM).toString())
        .withExtension(ChatEvents.AUDIENCE, author)
        .withData(ChatEvents.JSON, EventData.write(data))
        .build();
  }

  /** The submission's author, or null when its data does not name one. */
  private static String author(CloudEvent event) {
    try {
      return EventData.read(event, SubmittedMessage.class).author();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
