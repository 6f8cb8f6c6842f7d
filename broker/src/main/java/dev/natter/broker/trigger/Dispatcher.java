package dev.natter.broker.trigger;

import dev.natter.events.EventMdc;
import dev.natter.events.InvalidEventException;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * Delivers one trigger's events to its subscriber. A reply is published before the event is
 * acknowledged. A failed delivery is retried with the trigger's backoff through Artemis scheduled
 * delivery, or dead-lettered, in the transaction that acknowledges the failed attempt.
 */
class Dispatcher implements SessionAwareMessageListener<Message> {

  /** Message property counting delivery attempts across retries. */
  static final String ATTEMPT = "natter_attempt";

  /** Artemis's property for the time a message becomes deliverable. */
  static final String SCHEDULED = "_AMQ_SCHED_DELIVERY";

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final TriggerProperties.Trigger trigger;
  private final Delivery delivery;
  private final SubscriberClient client;
  private final ReplyPublisher replies;
  private final DeadLetters deadLetters;

  Dispatcher(
      TriggerProperties.Trigger trigger,
      Delivery delivery,
      SubscriberClient client,
      ReplyPublisher replies,
      DeadLetters deadLetters) {
    this.trigger = trigger;
    this.delivery = delivery;
    this.client = client;
    this.replies = replies;
    this.deadLetters = deadLetters;
  }

  @Override
  public void onMessage(Message message, Session session) throws JMSException {
    CloudEvent event = JmsCloudEvents.read(message);
    int attempt = message.propertyExists(ATTEMPT) ? message.getIntProperty(ATTEMPT) : 1;
    try (var mdc = EventMdc.put(event)) {
      deliver(event);
    } catch (DeliveryException failure) {
      if (failure.retryable() && attempt <= delivery.retry()) {
        retryLater(session, event, attempt, failure);
      } else {
        deadLetters.deadLetter(session, trigger, delivery, event, attempt, failure);
      }
    }
  }

  private void deliver(CloudEvent event) {
    Optional<CloudEvent> reply = client.deliver(trigger.subscriber().uri(), event);
    if (reply.isEmpty()) {
      log.debug("Delivered to {}, no reply", trigger.name());
      return;
    }
    try {
      replies.publish(trigger.name(), event, reply.get());
    } catch (InvalidEventException e) {
      throw new DeliveryException(
          "The reply is invalid: " + e.getMessage(), 200, false, new byte[0]);
    }
    log.debug(
        "Delivered to {}, reply {} {}", trigger.name(), reply.get().getType(), reply.get().getId());
  }

  private void retryLater(Session session, CloudEvent event, int attempt, DeliveryException failure)
      throws JMSException {
    Duration backoff = delivery.backoff(attempt);
    log.warn(
        "NATTER-DISPATCH-001 Trigger {} attempt {} of {} failed, retrying in {}: {}",
        trigger.name(),
        attempt,
        delivery.retry() + 1,
        backoff,
        failure.getMessage());
    Message retry = JmsCloudEvents.write(event, session.createBytesMessage());
    retry.setIntProperty(ATTEMPT, attempt + 1);
    retry.setLongProperty(SCHEDULED, System.currentTimeMillis() + backoff.toMillis());
    String queue = TriggerNames.queue(trigger.name());
    try (var producer = session.createProducer(session.createQueue(queue))) {
      producer.send(retry);
    }
  }
}
