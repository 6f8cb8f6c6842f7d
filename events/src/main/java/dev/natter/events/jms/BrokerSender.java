package dev.natter.events.jms;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;

/** Sends events to the broker address, where triggers pick them up. */
public final class BrokerSender {

  private BrokerSender() {}

  /** Sends {@code events} as persistent messages through {@code session}. */
  public static void send(Session session, List<CloudEvent> events) throws JMSException {
    try (MessageProducer producer =
        session.createProducer(session.createTopic(Destinations.BROKER))) {
      for (CloudEvent event : events) {
        producer.send(JmsCloudEvents.write(event, session.createBytesMessage()));
      }
    }
  }
}
