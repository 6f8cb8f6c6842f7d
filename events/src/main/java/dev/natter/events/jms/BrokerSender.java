package dev.natter.events.jms;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;

/** Sends events to the broker address, where triggers pick them up. */
public final class BrokerSender {

  private BrokerSender() {}

  /**
   * Sends {@code events} as persistent messages through {@code session}; Artemis drops any whose
   * source and id it has seen recently.
   */
  public static void send(Session session, List<CloudEvent> events) throws JMSException {
    try (MessageProducer producer =
        session.createProducer(session.createTopic(Destinations.BROKER))) {
      for (CloudEvent event : events) {
        producer.send(message(session, event, JmsCloudEvents.duplicateKey(event)));
      }
    }
  }

  /** The message for {@code event}, dropped by Artemis if {@code duplicateKey} was seen. */
  public static Message message(Session session, CloudEvent event, String duplicateKey)
      throws JMSException {
    Message message = JmsCloudEvents.write(event, session.createBytesMessage());
    message.setStringProperty(JmsCloudEvents.DUPLICATE_ID, duplicateKey);
    return message;
  }
}
