package dev.natter.gateway.stream;

import dev.natter.events.ChatEvents;
import dev.natter.events.Nicks;
import dev.natter.events.http.EventJson;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * An event on its way to browsers, serialised once for all of them.
 *
 * @param room the room it belongs to
 * @param seq its position in the history: the SSE id; negative for notices that have none
 * @param type its CloudEvents type: the SSE event name
 * @param json the whole event in the CloudEvents JSON format: the SSE data
 * @param audience the key of the only nick that may see it, or {@code null} for everyone
 */
record StreamEvent(String room, long seq, String type, String json, String audience) {

  /** The SSE event name of a resync notice. */
  static final String RESYNC = "natter.resync";

  /** The event a positioned message from the stream or a history queue carries. */
  static StreamEvent of(Message message) throws JMSException {
    CloudEvent event = JmsCloudEvents.read(message);
    Object room = event.getExtension(ChatEvents.ROOM);
    long seq = message.getLongProperty(Destinations.SEQUENCE);
    Object audience = event.getExtension(ChatEvents.AUDIENCE);
    String key = audience == null ? null : Nicks.key(audience.toString());
    return new StreamEvent(String.valueOf(room), seq, event.getType(), EventJson.write(event), key);
  }

  /**
   * A notice that {@code room}'s history no longer holds every event after {@code lastSeq}: the
   * client should reload the room instead of trusting the stream to fill the gap.
   */
  static StreamEvent resync(String room, long lastSeq) {
    String json = "{\"room\":\"" + room + "\",\"lastEventId\":\"" + lastSeq + "\"}";
    return new StreamEvent(room, -1, RESYNC, json, null);
  }

  /**
   * Whether a stream of the nick with uniqueness key {@code nickKey} (or an anonymous one, when
   * {@code null}) may see it.
   */
  boolean isFor(String nickKey) {
    return audience == null || audience.equals(nickKey);
  }

  boolean hasPosition() {
    return seq >= 0;
  }
}
