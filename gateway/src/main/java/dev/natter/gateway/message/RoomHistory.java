package dev.natter.gateway.message;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.InvalidEventException;
import dev.natter.events.PostedMessage;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import dev.natter.gateway.history.HistoryQueues;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads a room's posted messages from its bounded history in the broker. */
@Component
class RoomHistory {

  private static final Logger log = LoggerFactory.getLogger(RoomHistory.class);

  private final HistoryQueues history;

  RoomHistory(HistoryQueues history) {
    this.history = history;
  }

  /**
   * Up to {@code limit} of the room's latest posted messages before position {@code before} (or the
   * latest of all when {@code null}), oldest first.
   */
  List<MessageView> recent(String room, int limit, Long before) {
    String selector = "ce_type = '" + ChatEvents.MESSAGE_POSTED + "'";
    if (before != null) {
      selector += " AND " + Destinations.SEQUENCE + " < " + before;
    }
    List<MessageView> messages = history.browse(room, selector, message -> view(message, room));
    return messages.subList(Math.max(0, messages.size() - limit), messages.size());
  }

  /** The message as the API shows it; one that cannot be read is skipped, not a failure. */
  private static Optional<MessageView> view(Message message, String room) throws JMSException {
    CloudEvent event = JmsCloudEvents.read(message);
    PostedMessage posted;
    try {
      posted = EventData.read(event, PostedMessage.class);
    } catch (InvalidEventException e) {
      log.warn(
          "NATTER-HISTORY-002 Skipped unreadable message {} in room {}: {}",
          event.getId(),
          room,
          e.getMessage());
      return Optional.empty();
    }
    String time = event.getTime() == null ? null : event.getTime().toString();
    long seq = message.getLongProperty(Destinations.SEQUENCE);
    return Optional.of(
        new MessageView(
            event.getId(), seq, room, posted.author(), posted.text(), time, posted.submissionId()));
  }
}
