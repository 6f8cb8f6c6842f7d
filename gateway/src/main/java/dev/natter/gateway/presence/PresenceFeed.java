package dev.natter.gateway.presence;

import dev.natter.gateway.artemis.TopicFollower;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The broker side of presence: records are published to the multicast address {@code
 * natter.presence}, whose last-value queue {@code natter.presence.state} (declared by the broker
 * bridge) keeps the latest of each; this replica follows the address and, on connecting, reads the
 * queue.
 */
@Component
class PresenceFeed extends TopicFollower {

  static final String ADDRESS = "natter.presence";
  static final String STATE = "natter.presence.state";

  private static final Logger log = LoggerFactory.getLogger(PresenceFeed.class);

  private final JmsTemplate jms;
  private volatile Consumer<PresenceRecord> records = record -> {};

  PresenceFeed(ActiveMQConnectionFactory factory, JmsTemplate jms) {
    super(factory, ADDRESS);
    this.jms = jms;
  }

  void onRecord(Consumer<PresenceRecord> records) {
    this.records = records;
  }

  /** Publishes {@code record}, which Artemis drops once {@code ttl} has passed. */
  void publish(PresenceRecord record, Duration ttl) {
    jms.execute(
        session -> {
          try (var producer = session.createProducer(session.createTopic(ADDRESS))) {
            producer.setTimeToLive(ttl.toMillis());
            producer.send(record.toMessage(session));
          }
          return null;
        });
  }

  /** Reads every record the broker keeps; later ones arrive through the address. */
  @Override
  protected void connected(Connection connection) throws JMSException {
    browse(connection, STATE);
  }

  @Override
  protected void onMessage(Message message) {
    try {
      records.accept(PresenceRecord.of(message));
    } catch (JMSException | RuntimeException e) {
      log.warn("NATTER-PRESENCE-002 Skipped an unreadable presence record: {}", e.getMessage());
    }
  }
}
