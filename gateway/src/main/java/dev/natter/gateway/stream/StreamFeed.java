package dev.natter.gateway.stream;

import dev.natter.events.ChatEvents;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the broker's stream of events users see, one subscription per gateway, and hands each
 * event to the {@link RoomHub}.
 */
@Component
class StreamFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamFeed.class);
  private static final JsonFormat JSON = new JsonFormat();

  private final ActiveMQConnectionFactory factory;
  private final RoomHub hub;
  private volatile Connection connection;

  StreamFeed(ActiveMQConnectionFactory factory, RoomHub hub) {
    this.factory = factory;
    this.hub = hub;
  }

  @Override
  public void start() {
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
      throw new IllegalStateException("Cannot follow the broker's stream: " + e.getMessage(), e);
    }
  }

  private void onMessage(Message message) {
    try {
      CloudEvent event = JmsCloudEvents.read(message);
      String json = new String(JSON.serialize(event), StandardCharsets.UTF_8);
      long seq = message.getLongProperty(Destinations.SEQUENCE);
      Object room = event.getExtension(ChatEvents.ROOM);
      hub.publish(new StreamEvent(room.toString(), seq, event.getType(), json));
    } catch (JMSException | RuntimeException e) {
      log.warn("NATTER-STREAM-002 Skipped an unreadable stream event: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
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
    return connection != null;
  }
}
