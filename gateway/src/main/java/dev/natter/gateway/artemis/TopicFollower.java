package dev.natter.gateway.artemis;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a multicast address with one non-durable subscription, connecting as soon as Artemis can
 * be reached and retrying until then; Artemis's client reconnects it afterwards.
 */
public final class TopicFollower {

  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  /** Work to do once connected, such as reading the current state. */
  @FunctionalInterface
  public interface OnConnect {
    void connected(Connection connection) throws JMSException;
  }

  private final ActiveMQConnectionFactory factory;
  private final String address;
  private final MessageListener listener;
  private final OnConnect onConnect;
  private final ScheduledExecutorService retries;
  private volatile Connection connection;
  private volatile boolean running;

  /** Follows {@code address}, handing every message to {@code listener}. */
  public TopicFollower(
      ActiveMQConnectionFactory factory,
      String address,
      MessageListener listener,
      OnConnect onConnect) {
    this.factory = factory;
    this.address = address;
    this.listener = listener;
    this.onConnect = onConnect;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, address));
  }

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
      opened.setExceptionListener(
          e -> log.warn("NATTER-FOLLOW-001 Connection following {}: {}", address, e.getMessage()));
      Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session.createConsumer(session.createTopic(address)).setMessageListener(listener);
      opened.start();
      onConnect.connected(opened);
      connection = opened;
      log.info("Following {}", address);
    } catch (JMSException e) {
      log.warn(
          "NATTER-FOLLOW-002 Cannot follow {} yet, retrying in {}: {}",
          address,
          RETRY,
          e.getMessage());
      retries.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  public void stop() {
    running = false;
    Connection open = connection;
    connection = null;
    if (open != null) {
      try {
        open.close();
      } catch (JMSException e) {
        log.debug("Closing the connection following {}: {}", address, e.getMessage());
      }
    }
  }

  /** Ends the retries for good. */
  public void destroy() {
    retries.shutdownNow();
  }

  public boolean isRunning() {
    return running;
  }
}
