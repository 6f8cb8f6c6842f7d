package dev.natter.gateway.presence;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The broker side of presence: records are published to the multicast address {@code
 * natter.presence}, whose last-value queue {@code natter.presence.state} (declared by the broker
 * bridge) keeps the latest of each; this replica follows the address and, on connecting, reads the
 * queue.
 */
@Component
class PresenceFeed implements SmartLifecycle, DisposableBean {

  static final String ADDRESS = "natter.presence";
  static final String STATE = "natter.presence.state";

  private static final Logger log = LoggerFactory.getLogger(PresenceFeed.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final ActiveMQConnectionFactory factory;
  private final JmsTemplate jms;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> new Thread(runnable, "presence-retry"));
  private volatile Consumer<PresenceRecord> records = record -> {};
  private volatile Connection connection;
  private volatile boolean running;

  PresenceFeed(ActiveMQConnectionFactory factory, JmsTemplate jms) {
    this.factory = factory;
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

  @Override
  public void start() {
    running = true;
    connect();
  }

  private void connect() {
    if (!running) {
      return;
    }
    try {
      Connection opened = factory.createConnection();
      Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session.createConsumer(session.createTopic(ADDRESS)).setMessageListener(this::onMessage);
      opened.start();
      readState(opened.createSession(false, Session.AUTO_ACKNOWLEDGE));
      connection = opened;
      log.info("Following {}", ADDRESS);
    } catch (JMSException e) {
      log.warn(
          "NATTER-PRESENCE-001 Cannot follow presence yet, retrying in {}: {}",
          RETRY,
          e.getMessage());
      retries.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void readState(Session session) throws JMSException {
    try (session) {
      var core = ((ActiveMQSession) session).getCoreSession();
      try {
        if (!core.queueQuery(SimpleString.of(STATE)).isExists()) {
          return;
        }
      } catch (ActiveMQException e) {
        throw new JMSException(e.getMessage());
      }
      try (QueueBrowser browser = session.createBrowser(session.createQueue(STATE))) {
        for (Object message : Collections.list(browser.getEnumeration())) {
          onMessage((Message) message);
        }
      }
    }
  }

  private void onMessage(Message message) {
    try {
      records.accept(PresenceRecord.of(message));
    } catch (JMSException | RuntimeException e) {
      log.warn("NATTER-PRESENCE-002 Skipped an unreadable presence record: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    running = false;
    Connection open = connection;
    connection = null;
    if (open != null) {
      try {
        open.close();
      } catch (JMSException e) {
        log.debug("Closing the presence feed: {}", e.getMessage());
      }
    }
  }

  @Override
  public void destroy() {
    retries.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
