package dev.natter.functions;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds the events functions answer with: a new id, the function's own source and type, the time
 * of the reply, and the room of the event it answers.
 */
@Component
public class Replies {

  private final Clock clock;

  public Replies(Clock clock) {
    this.clock = clock;
  }

  /** A reply to {@code cause} from {@code function}, of {@code type}, carrying {@code data}. */
  public CloudEvent reply(CloudEvent cause, String function, String type, Object data) {
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(UUID.randomUUID().toString())
            .withSource(URI.create("/natter/functions/" + function))
            .withType(type)
            .withTime(OffsetDateTime.now(clock))
            .withData(ChatEvents.JSON, EventData.write(data));
    Object room = cause.getExtension(ChatEvents.ROOM);
    if (room != null) {
      builder.withExtension(ChatEvents.ROOM, room.toString());
    }
    if (ChatEvents.MESSAGE_SUBMITTED.equals(cause.getType())
        && !ChatEvents.GATEWAY_SOURCE.equals(cause.getSource())) {
      builder.withExtension(ChatEvents.VIA, cause.getSource().toString());
    }
    return builder.build();
  }

  /** A reply only {@code audience} sees, such as a rejection or help. */
  public CloudEvent privateReply(
      CloudEvent cause, String function, String type, Object data, String audience) {
    return CloudEventBuilder.from(reply(cause, function, type, data))
        .withExtension(ChatEvents.AUDIENCE, audience)
        .build();
  }
}
