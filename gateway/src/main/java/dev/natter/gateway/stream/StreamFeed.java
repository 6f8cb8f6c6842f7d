package dev.natter.gateway.stream;

import dev.natter.events.jms.Destinations;
import dev.natter.gateway.artemis.TopicFollower;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the broker's stream of events users see, one subscription per gateway, and hands each
 * event to the {@link RoomHub}.
 */
@Component
class StreamFeed extends TopicFollower {

  private static final Logger log = LoggerFactory.getLogger(StreamFeed.class);

  private final RoomHub hub;

  StreamFeed(ActiveMQConnectionFactory factory, RoomHub hub) {
    super(factory, Destinations.STREAM);
    this.hub = hub;
  }

  @Override
  protected void onMessage(Message message) {
    try {
      hub.publish(StreamEvent.of(message));
    } catch (JMSException | RuntimeException e) {
      log.warn("NATTER-STREAM-002 Skipped an unreadable stream event: {}", e.getMessage());
    }
  }
}
