package dev.natter.gateway.presence;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.jms.BrokerSender;
import dev.natter.events.jms.Destinations;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces that someone joined or left a room. Every replica may announce the same change; the
 * duplicate-detection key, built from the room, the nick and when the membership began, lets
 * Artemis keep one.
 */
@Component
class PresenceEvents {

  private static final URI SOURCE = URI.create("/natter/gateway/presence");

  private final JmsTemplate jms;
  private final Clock clock;

  PresenceEvents(JmsTemplate jms, Clock clock) {
    this.jms = jms;
    this.clock = clock;
  }

  void joined(String room, String nick, String key, long since) {
    send(ChatEvents.MEMBER_JOINED, room, nick, "joined " + room + " " + key + " " + since);
  }

  void left(String room, String nick, String key, long since) {
    send(ChatEvents.MEMBER_LEFT, room, nick, "left " + room + " " + key + " " + since);
  }

  private void send(String type, String room, String nick, String duplicateKey) {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(UUID.nameUUIDFromBytes(duplicateKey.getBytes()).toString())
            .withSource(SOURCE)
            .withType(type)
            .withTime(OffsetDateTime.now(clock))
            .withExtension(ChatEvents.ROOM, room)
            .withData(ChatEvents.JSON, EventData.write(new Member(nick)))
            .build();
    jms.execute(
        session -> {
          try (var producer = session.createProducer(session.createTopic(Destinations.BROKER))) {
            producer.send(BrokerSender.message(session, event, duplicateKey));
          }
          return null;
        });
  }

  /** Data of the presence events. */
  record Member(String nick) {}
}
