package dev.natter.broker.trigger;

import dev.natter.events.ChatContract;
import dev.natter.events.EventMdc;
import dev.natter.events.InvalidEventException;
import dev.natter.events.jms.BrokerSender;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * Delivers one trigger's events to its subscriber and publishes the reply in the same transaction
 * that acknowledges the event, so that a reply is never lost and never published without the
 * acknowledgement.
 */
class Dispatcher implements SessionAwareMessageListener<Message> {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final TriggerProperties.Trigger trigger;
  private final SubscriberClient client;

  Dispatcher(TriggerProperties.Trigger trigger, SubscriberClient client) {
    this.trigger = trigger;
    this.client = client;
  }

  @Override
  public void onMessage(Message message, Session session) throws JMSException {
    CloudEvent event = JmsCloudEvents.read(message);
    try (var mdc = EventMdc.put(event)) {
      Optional<CloudEvent> reply = deliver(event, message);
      if (reply.isPresent()) {
        ChatContract.check(reply.get());
        BrokerSender.send(session, List.of(reply.get()));
        log.debug(
            "Delivered to {}, reply {} {}",
            trigger.name(),
            reply.get().getType(),
            reply.get().getId());
      } else {
        log.debug("Delivered to {}, no reply", trigger.name());
      }
    } catch (InvalidEventException e) {
      throw new DeliveryException(
          trigger.subscriber().uri() + " replied with an invalid event: " + e.getMessage());
    }
  }

  private Optional<CloudEvent> deliver(CloudEvent event, Message message) throws JMSException {
    try {
      return client.deliver(trigger.subscriber().uri(), event);
    } catch (DeliveryException e) {
      log.warn(
          "NATTER-DISPATCH-001 Trigger {} delivery {} failed, Artemis will redeliver: {}",
          trigger.name(),
          message.getIntProperty("JMSXDeliveryCount"),
          e.getMessage());
      throw e;
    }
  }
}
