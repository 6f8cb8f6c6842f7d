package dev.natter.gateway.message;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import dev.natter.events.InvalidEventException;
import dev.natter.events.PostedMessage;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.SessionProxy;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** Reads a room's recent messages from its bounded history queue in the broker. */
@Component
class RoomHistory {

  private static final Logger log = LoggerFactory.getLogger(RoomHistory.class);

  private final JmsTemplate jms;

  RoomHistory(JmsTemplate jms) {
    this.jms = jms;
  }

  /** Up to {@code limit} of the room's latest posted messages, oldest first. */
  List<MessageView> recent(String room, int limit) {
    String queue = Destinations.history(room);
    return jms.execute(
        session -> exists(session, queue) ? browse(session, queue, room, limit) : List.of());
  }

  private static List<MessageView> browse(Session session, String queue, String room, int limit)
      throws JMSException {
    String posted = "ce_type = '" + ChatEvents.MESSAGE_POSTED + "'";
    Deque<MessageView> latest = new ArrayDeque<>(limit);
    try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), posted)) {
      for (Object message : Collections.list(browser.getEnumeration())) {
        if (latest.size() == limit) {
          latest.removeFirst();
        }
        view((Message) message, room).ifPresent(latest::addLast);
      }
    }
    return new ArrayList<>(latest);
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

  /** Asks without creating: browsing a missing queue would create it without its ring size. */
  private static boolean exists(Session session, String queue) throws JMSException {
    Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
    try {
      return ((ActiveMQSession) target)
          .getCoreSession()
          .queueQuery(SimpleString.of(queue))
          .isExists();
    } catch (org.apache.activemq.artemis.api.core.ActiveMQException e) {
      throw new jakarta.jms.JMSException(e.getMessage());
    }
  }
}
