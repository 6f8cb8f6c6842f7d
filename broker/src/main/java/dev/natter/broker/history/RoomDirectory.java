package dev.natter.broker.history;

import dev.natter.events.ChatEvents;
import dev.natter.events.EventData;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.HashSet;
import java.util.Set;

/**
 * The rooms there are and their topics, as last-value records in the queue {@code natter.rooms}:
 * one record per room, written when the history writer first sees it, and one per room topic,
 * written when it changes. Written in the history writer's transaction, so they survive restarts as
 * the history does.
 */
final class RoomDirectory {

  static final String QUEUE = "natter.rooms";

  private final Set<String> known = new HashSet<>();

  /** Records what {@code event} says about its room, if anything new. */
  void record(Session session, MessageProducer producer, CloudEvent event, String room)
      throws JMSException {
    if (known.add(room)) {
      producer.send(session.createQueue(QUEUE), entry(session, "room:" + room, room));
    }
    if (ChatEvents.TOPIC_CHANGED.equals(event.getType())) {
      Message topic = entry(session, "topic:" + room, room);
      TopicChanged changed = EventData.read(event, TopicChanged.class);
      topic.setStringProperty("topic", changed.topic());
      topic.setStringProperty("author", changed.author());
      producer.send(session.createQueue(QUEUE), topic);
    }
  }

  private static Message entry(Session session, String key, String room) throws JMSException {
    Message entry = session.createMessage();
    entry.setStringProperty("_AMQ_LVQ_NAME", key);
    entry.setStringProperty("room", room);
    return entry;
  }

  /** The data of a topic change, as the topic command writes it. */
  record TopicChanged(String author, String topic) {}
}
