package dev.natter.gateway.stream;

import dev.natter.events.jms.Destinations;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the broker's stream of events users see, one subscription per gateway, and hands each
 * event to the {@link RoomHub}.
 */
@Component
class StreamFeed implements SmartLifecycle, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StreamFeed.class);

  private final ActiveMQConnectionFactory factory;
  private final RoomHub hub;
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> new Thread(runnable, "stream-feed-retry"));
  private volatile Connection connection;
  private volatile boolean running;

  StreamFeed(ActiveMQConnectionFactory factory, RoomHub hub) {
    this.factory = factory;
    this.hub = hub;
  }

  @Override
  public void start() {
    running = true;
    connect();
  }

  /** Connects, or tries again shortly: the gateway serves pages while Artemis is away. */
  private void connect() {
    if (!running) {
      return;
    }
    try {
      Connection opened = factory.createConnection();
      opened.setExceptionListener(
          e -> log.warn("NATTER-STREAM-001 Stream feed connection: {}", e.getMessage()));
      Session session = opened.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session
          .createConsumer(session.createTopic(Destinations.STREAM))
          .setMessageListener(this::onMessage);
      opened.start();
      connection = opened;
      log.info("Following {}", Destinations.STREAM);
    } catch (JMSException e) {
      log.warn(
          "NATTER-STREAM-003 Cannot follow {} yet, retrying in {}: {}",
          Destinations.STREAM,
          RETRY,
          e.getMessage());
      retries.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void onMessage(Message message) {
    try {
      hub.publish(StreamEvent.of(message));
    } catch (JMSException | RuntimeException e) {
      log.warn("NATTER-STREAM-002 Skipped an unreadable stream event: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    retries.shutdownNow();
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
        log.debug("Closing the stream feed: {}", e.getMessage());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
