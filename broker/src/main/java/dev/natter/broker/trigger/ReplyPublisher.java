package dev.natter.broker.trigger;

import dev.natter.events.ChatContract;
import dev.natter.events.InvalidEventException;
import dev.natter.events.jms.BrokerSender;
import dev.natter.events.jms.Destinations;
import io.cloudevents.CloudEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes replies back to the broker address before the event they answer is acknowledged. Each
 * reply is keyed for Artemis duplicate detection on the trigger and the event it answers, so a
 * redelivered event never publishes a second reply.
 */
@Component
class ReplyPublisher {

  private static final Logger log = LoggerFactory.getLogger(ReplyPublisher.class);

  private final JmsTemplate jms;
  private final int ttl;

  ReplyPublisher(CachingConnectionFactory connectionFactory, TriggerProperties properties) {
    this.jms = new JmsTemplate(connectionFactory);
    this.jms.setPubSubDomain(true);

    this.ttl = properties.ttl();
  }

  /**
   * Publishes {@code reply} to {@code cause}, unless the hop limit is reached.
   *
   * @throws InvalidEventException when the reply breaks Natter's contract
   */
  void publish(String trigger, CloudEvent cause, CloudEvent reply) {
    ChatContract.check(reply);
    Optional<CloudEvent> hopped = Hops.replying(cause, reply, ttl);
    if (hopped.isEmpty()) {
      log.warn(
          "NATTER-DISPATCH-003 Dropped reply {} {} to {}: hop limit reached, a trigger loop?",
          reply.getType(),
          reply.getId(),
          cause.getId());
      return;
    }
    String key = "reply " + trigger + " " + cause.getSource() + " " + cause.getId();
    jms.send(Destinations.BROKER, session -> BrokerSender.message(session, hopped.get(), key));
  }
}
