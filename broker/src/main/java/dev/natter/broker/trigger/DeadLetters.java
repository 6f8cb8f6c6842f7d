package dev.natter.broker.trigger;

import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.SessionProxy;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Events every attempt failed for: sent to the trigger's dead-letter sink if it has one, otherwise
 * (or when the sink fails too) kept in the trigger's dead-letter queue, where they can be listed
 * and replayed. Each carries Knative's error extensions: where delivery failed, the last status,
 * and the start of the last answer.
 */
@Component
class DeadLetters {

  static final String ERROR_DESTINATION = "knativeerrordest";
  static final String ERROR_CODE = "knativeerrorcode";
  static final String ERROR_DATA = "knativeerrordata";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final int ERROR_DATA_LIMIT = 1024;

  private final SubscriberClient client;
  private final JmsTemplate jms;
  private final FailureNotices notices;

  DeadLetters(SubscriberClient client, JmsTemplate jms, FailureNotices notices) {
    this.client = client;
    this.jms = jms;
    this.notices = notices;
  }

  /** How many events wait in the trigger's dead-letter queue; -1 when Artemis cannot say. */
  long depth(String trigger) {
    try {
      return jms.execute(
          session -> {
            Session target =
                session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
            try {
              var query =
                  ((ActiveMQSession) target)
                      .getCoreSession()
                      .queueQuery(SimpleString.of(TriggerNames.deadLetters(trigger)));
              return query.isExists() ? query.getMessageCount() : 0L;
            } catch (ActiveMQException e) {
              throw new IllegalStateException(e.getMessage(), e);
            }
          });
    } catch (RuntimeException e) {
      log.debug("Counting the dead letters of {}: {}", trigger, e.getMessage());
      return -1;
    }
  }

  /**
   * Dead-letters {@code event} in the transaction of {@code session}, and tells the author of a
   * chat submission that it failed.
   */
  void deadLetter(
      Session session,
      TriggerProperties.Trigger trigger,
      Delivery delivery,
      CloudEvent event,
      int attempts,
      DeliveryException failure)
      throws JMSException {
    CloudEvent annotated = annotate(event, trigger.subscriber().uri(), failure);
    log.warn(
        "NATTER-DISPATCH-004 Trigger {} gave up on {} after {} attempt(s): {}",
        trigger.name(),
        event.getId(),
        attempts,
        failure.getMessage());
    notices.failed(session, event, attempts);
    if (delivery.deadLetterUri() != null && sentToSink(delivery.deadLetterUri(), annotated)) {
      return;
    }
    Message message = JmsCloudEvents.write(annotated, session.createBytesMessage());
    message.setIntProperty(Dispatcher.ATTEMPT, attempts);
    String queue = TriggerNames.deadLetters(trigger.name());
    try (var producer = session.createProducer(session.createQueue(queue))) {
      producer.send(message);
    }
  }

  private boolean sentToSink(URI sink, CloudEvent event) {
    try {
      client.deliver(sink, event);
      return true;
    } catch (DeliveryException e) {
      log.warn(
          "NATTER-DISPATCH-005 Dead-letter sink {} refused {}, kept in the dead-letter queue: {}",
          sink,
          event.getId(),
          e.getMessage());
      return false;
    }
  }

  private static CloudEvent annotate(CloudEvent event, URI destination, DeliveryException failure) {
    CloudEventBuilder builder =
        CloudEventBuilder.from(event).withExtension(ERROR_DESTINATION, destination.toString());
    if (failure.status() > 0) {
      builder.withExtension(ERROR_CODE, Integer.toString(failure.status()));
    }
    byte[] body = failure.body();
    if (body.length > 0) {
      byte[] start = Arrays.copyOf(body, Math.min(body.length, ERROR_DATA_LIMIT));
      builder.withExtension(ERROR_DATA, Base64.getEncoder().encodeToString(start));
    }
    return builder.build();
  }

  /** Up to {@code limit} of {@code trigger}'s dead letters, oldest first. */
  List<CloudEvent> list(String trigger, int limit) {
    return browse(trigger, limit, event -> true);
  }

  /** The dead letter of {@code trigger} with the event id {@code id}, if there is one. */
  Optional<CloudEvent> find(String trigger, String id) {
    return browse(trigger, 1, event -> id.equals(event.getId())).stream().findFirst();
  }

  private List<CloudEvent> browse(String trigger, int limit, Predicate<CloudEvent> wanted) {
    String queue = TriggerNames.deadLetters(trigger);
    return jms.browse(
        queue,
        (Session session, QueueBrowser browser) -> {
          List<CloudEvent> events = new ArrayList<>();
          var messages = browser.getEnumeration();
          while (events.size() < limit && messages.hasMoreElements()) {
            CloudEvent event = JmsCloudEvents.read((Message) messages.nextElement());
            if (wanted.test(event)) {
              events.add(event);
            }
          }
          return events;
        });
  }

  /**
   * Sends every dead letter of {@code trigger} back to the trigger for a fresh set of attempts,
   * without the error extensions; returns how many.
   */
  int replay(String trigger) {
    return jms.execute(
        session -> {
          int replayed = 0;
          var target = session.createQueue(TriggerNames.queue(trigger));
          try (MessageConsumer dead =
                  session.createConsumer(session.createQueue(TriggerNames.deadLetters(trigger)));
              var producer = session.createProducer(target)) {
            for (Message message = dead.receive(1_000);
                message != null;
                message = dead.receive(200)) {
              producer.send(
                  JmsCloudEvents.write(
                      clean(JmsCloudEvents.read(message)), session.createBytesMessage()));
              replayed++;
            }
            session.commit();
          }
          log.info("Replayed {} dead letter(s) of trigger {}", replayed, trigger);
          return replayed;
        },
        true);
  }

  private static CloudEvent clean(CloudEvent event) {
    return CloudEventBuilder.from(event)
        .withoutExtension(ERROR_DESTINATION)
        .withoutExtension(ERROR_CODE)
        .withoutExtension(ERROR_DATA)
        .build();
  }
}
