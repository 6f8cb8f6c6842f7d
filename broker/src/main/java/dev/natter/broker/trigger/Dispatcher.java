package dev.natter.broker.trigger;

import dev.natter.broker.BrokerMetrics;
import dev.natter.events.EventTracing;
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
 * acknowledged. While the subscriber is unavailable, the dispatcher waits with the trigger's
 * backoff holding the event, which keeps each room in order; when the subscriber fails on one
 * event, that event is retried with the backoff through Artemis scheduled delivery while the rest
 * flows. What never succeeds is dead-lettered, in the transaction that acknowledges the last
 * attempt.
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
  private final BrokerMetrics metrics;
  private final EventTracing tracing;
  private volatile boolean stopping;

  Dispatcher(
      TriggerProperties.Trigger trigger,
      Delivery delivery,
      SubscriberClient client,
      ReplyPublisher replies,
      DeadLetters deadLetters,
      BrokerMetrics metrics,
      EventTracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
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
    try (var handling = tracing.handle("dispatch " + trigger.name(), event)) {
      for (; ; attempt++) {
        long started = System.nanoTime();
        try {
          deliver(event);
          outcome(handling, "delivered", started);
          return;
        } catch (DeliveryException failure) {
          handling.failed(failure);
          if (!failure.retryable() || attempt > delivery.retry()) {
            outcome(handling, "dead-letter", started);
            deadLetters.deadLetter(session, trigger, delivery, event, attempt, failure);
            return;
          }
          if (!failure.unavailable()) {
            outcome(handling, "retry", started);
            retryLater(session, event, attempt, failure);
            return;
          }
          outcome(handling, "unavailable", started);
          long waiting = System.nanoTime();
          waitInPlace(attempt, failure);
          metrics.coldWait(trigger.name(), since(waiting));
        }
      }
    }
  }

  private void outcome(EventTracing.Handling handling, String outcome, long started) {
    handling.tag("natter.outcome", outcome);
    metrics.dispatch(trigger.name(), outcome, since(started));
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  /** Stops waiting for subscribers; an event being waited on goes back to its queue. */
  void stop() {
    stopping = true;
  }

  /** Allows waiting for subscribers again. */
  void start() {
    stopping = false;
  }

  /**
   * Waits before the next attempt holding the event, so the room's later events wait behind it: the
   * subscriber is away for all of them, and this keeps their order.
   */
  private void waitInPlace(int attempt, DeliveryException failure) {
    Duration backoff = delivery.backoff(attempt);
    log.warn(
        "NATTER-DISPATCH-006 Trigger {} subscriber unavailable (attempt {} of {}), waiting {}: {}",
        trigger.name(),
        attempt,
        delivery.retry() + 1,
        backoff,
        failure.getMessage());
    long until = System.nanoTime() + backoff.toNanos();
    while (System.nanoTime() < until) {
      if (stopping) {
        throw new IllegalStateException("Stopping: the event goes back to its queue");
      }
      try {
        Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted: the event goes back to its queue", e);
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
      metrics.reply(trigger.name(), reply.get().getType());
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
