package dev.natter.gateway.message;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.EventTracing;
import dev.natter.events.InvalidEventException;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import dev.natter.gateway.history.HistoryQueues;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads a room's posted messages from its bounded history in the broker. */
@Component
class RoomHistory {

  private static final Logger log = LoggerFactory.getLogger(RoomHistory.class);

  /** The types the history API shows, as a filter list. */
  private static final String SHOWN =
      Stream.of(
              ChatEvents.MESSAGE_POSTED,
              ChatEvents.ACTION_POSTED,
              ChatEvents.DICE_ROLLED,
              ChatEvents.TOPIC_CHANGED)
          .map(type -> "'" + type + "'")
          .collect(Collectors.joining(","));

  private final HistoryQueues history;

  RoomHistory(HistoryQueues history) {
    this.history = history;
  }

  /**
   * Up to {@code limit} of the room's latest posted messages before position {@code before} (or the
   * latest of all when {@code null}), oldest first.
   */
  List<MessageView> recent(String room, int limit, Long before) {
    String selector = "ce_type IN (" + SHOWN + ")";
    if (before != null) {
      selector += " AND " + Destinations.SEQUENCE + " < " + before;
    }
    List<MessageView> messages = history.browse(room, selector, message -> view(message, room));
    return messages.subList(Math.max(0, messages.size() - limit), messages.size());
  }

  /** The entry as the API shows it; one that cannot be read is skipped, not a failure. */
  @SuppressWarnings("unchecked")
  private static Optional<MessageView> view(Message message, String room) throws JMSException {
    CloudEvent event = JmsCloudEvents.read(message);
    Map<String, Object> data;
    try {
      data = EventData.read(event, Map.class);
    } catch (InvalidEventException e) {
      log.warn(
          "NATTER-HISTORY-002 Skipped unreadable entry {} in room {}: {}",
          event.getId(),
          room,
          e.getMessage());
      return Optional.empty();
    }
    String time = event.getTime() == null ? null : event.getTime().toString();
    long seq = message.getLongProperty(Destinations.SEQUENCE);
    return Optional.of(
        new MessageView(
            event.getId(),
            seq,
            event.getType(),
            room,
            string(data.get("author")),
            text(event.getType(), data),
            time,
            string(data.get("submissionId")),
            string(event.getExtension(ChatEvents.VIA)),
            data,
            event.getSource().toString(),
            EventTracing.traceId(event).orElse(null)));
  }

  private static String text(String type, Map<String, Object> data) {
    return switch (type) {
      case ChatEvents.TOPIC_CHANGED -> string(data.get("topic"));
      case ChatEvents.DICE_ROLLED -> "rolled " + data.get("dice") + ": " + data.get("total");
      default -> string(data.get("text"));
    };
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
