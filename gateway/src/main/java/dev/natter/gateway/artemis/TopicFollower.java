package dev.natter.gateway.artemis;

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
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Follows a multicast address with one non-durable subscription, connecting as soon as Artemis can
 * be reached and retrying until then; Artemis's client reconnects it afterwards.
 */
public abstract class TopicFollower implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final ActiveMQConnectionFactory factory;
  private final String address;
  private final ScheduledExecutorService retries;
  private volatile Connection connection;
  private volatile boolean running;

  /** Follows {@code address} once started. */
  protected TopicFollower(ActiveMQConnectionFactory factory, String address) {
    this.factory = factory;
    this.address = address;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, address));
  }

  /** Takes one message from the address. */
  protected abstract void onMessage(Message message);

  /** Work to do once connected, such as reading the current state; nothing by default. */
  protected void connected(Connection connection) throws JMSException {}

  /**
   * Hands every message {@code queue} holds to {@link #onMessage}, leaving them there: the state a
   * last-value queue keeps of the address. Nothing when the queue does not exist (yet).
   */
  protected void browse(Connection connection, String queue) throws JMSException {
    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      var state = ArtemisQueues.find(session, queue);
      if (state.isEmpty()) {
        return;
      }
      try (QueueBrowser browser = session.createBrowser(state.get())) {
        for (Object message : Collections.list(browser.getEnumeration())) {
          onMessage((Message) message);
        }
      }
    }
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
    Connection opened = null;
    try {
      opened = factory.createConnection();
      opened.setExceptionListener(
          e -> log.warn("NATTER-FOLLOW-001 Connection following {}: {}", address, e.getMessage()));
      Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session.createConsumer(session.createTopic(address)).setMessageListener(this::onMessage);
      opened.start();
      connected(opened);
      connection = opened;
      log.info("Following {}", address);
    } catch (JMSException e) {
      closeQuietly(opened);
      log.warn(
          "NATTER-FOLLOW-002 Cannot follow {} yet, retrying in {}: {}",
          address,
          RETRY,
          e.getMessage());
      retries.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    running = false;
    Connection open = connection;
    connection = null;
    closeQuietly(open);
  }

  private void closeQuietly(Connection open) {
    if (open != null) {
      try {
        open.close();
      } catch (JMSException e) {
        log.debug("Closing the connection following {}: {}", address, e.getMessage());
      }
    }
  }

  /** Ends the retries for good. */
  @Override
  public void destroy() {
    retries.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
