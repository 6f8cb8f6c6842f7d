package dev.natter.broker.ingress;

import dev.natter.events.jms.BrokerSender;
import io.cloudevents.CloudEvent;
import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands the events of one request to the broker in one transaction: all are accepted, or none.
 * Artemis refuses a transaction holding an event it has seen (same source and id); then each event
 * is sent alone, so the duplicates are dropped and the new ones accepted.
 */
@Component
class IngressPublisher {

  private static final Logger log = LoggerFactory.getLogger(IngressPublisher.class);

  private final JmsTemplate transacted;
  private final JmsTemplate oneByOne;

  IngressPublisher(CachingConnectionFactory connectionFactory) {
    this.transacted = new JmsTemplate(connectionFactory);
    this.transacted.setSessionTransacted(true);
    this.oneByOne = new JmsTemplate(connectionFactory);
  }

  /**
   * Sends {@code events}, all or none.
   *
   * @return how many of them the broker already had, and dropped: at least one when any was a
   *     repeat, as Artemis does not say how many of a request were
   */
  int publish(List<CloudEvent> events) {
    try {
      transacted.execute(
          session -> {
            BrokerSender.send(session, events);
            session.commit();
            return null;
          });
      return 0;
    } catch (JmsException e) {
      if (!isDuplicate(e)) {
        throw e;
      }
      log.debug("A request repeats events the broker has; sending them one by one");
      oneByOne.execute(
          session -> {
            BrokerSender.send(session, events);
            return null;
          });
      return 1;
    }
  }

  private static boolean isDuplicate(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof ActiveMQDuplicateIdException || message.contains("Duplicate message")) {
        return true;
      }
    }
    return false;
  }
}
