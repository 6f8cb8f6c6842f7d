package dev.natter.gateway.session;

import dev.natter.gateway.artemis.TopicFollower;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Sessions ended before their tokens expire (signed out, or left for another nick), known to every
 * replica: each end is published to the multicast address {@code natter.sessions.ended}, whose
 * last-value queue {@code natter.sessions.ended.state} (declared by the broker bridge) keeps it
 * until the token could have expired anyway; this replica follows the address and, on connecting,
 * reads the queue.
 */
@Component
public class EndedSessions extends TopicFollower {

  static final String ADDRESS = "natter.sessions.ended";
  static final String STATE = "natter.sessions.ended.state";

  private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);
  private static final String SESSION = "session";
  private static final String UNTIL = "until";

  private final JmsTemplate jms;
  private final Clock clock;
  private final Duration lifetime;
  private final Map<String, Long> ended = new ConcurrentHashMap<>();

  EndedSessions(
      ActiveMQConnectionFactory factory,
      JmsTemplate jms,
      Clock clock,
      SessionProperties properties) {
    super(factory, ADDRESS);
    this.jms = jms;
    this.clock = clock;
    this.lifetime = properties.tokenLifetime();
  }

  /** Ends {@code session} on every replica, for as long as a token of it could be valid. */
  void end(String session) {
    long until = clock.millis() + lifetime.toMillis();
    jms.execute(
        jmsSession -> {
          try (var producer = jmsSession.createProducer(jmsSession.createTopic(ADDRESS))) {
            producer.setTimeToLive(lifetime.toMillis());
            Message message = jmsSession.createMessage();
            message.setStringProperty("_AMQ_LVQ_NAME", session);
            message.setStringProperty(SESSION, session);
            message.setLongProperty(UNTIL, until);
            producer.send(message);
          }
          return null;
        });
    remember(session, until);
  }

  /** Whether {@code session} was ended while its tokens were still valid. */
  public boolean isEnded(String session) {
    Long until = ended.get(session);
    if (until != null && until <= clock.millis()) {
      ended.remove(session, until);
      return false;
    }
    return until != null;
  }

  private void remember(String session, long until) {
    if (until > clock.millis()) {
      ended.put(session, until);
    }
    if (ended.size() % 1024 == 0) {
      long now = clock.millis();
      ended.values().removeIf(time -> time <= now);
    }
  }

  /** Reads every end the broker keeps; later ones arrive through the address. */
  @Override
  protected void connected(Connection connection) throws JMSException {
    browse(connection, STATE);
  }

  @Override
  protected void onMessage(Message message) {
    try {
      remember(message.getStringProperty(SESSION), message.getLongProperty(UNTIL));
    } catch (JMSException | RuntimeException e) {
      log.warn("NATTER-SESSION-002 Skipped an unreadable ended session: {}", e.getMessage());
    }
  }
}
