package dev.natter.events.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Artemis can be reached, for the readiness probe: an app that cannot reach it can accept
 * nothing, so it takes no traffic. It keeps one connection that does not reconnect by itself; when
 * that connection fails, the next check opens a new one, and says down until one opens.
 */
public class ArtemisReadiness implements HealthIndicator, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ArtemisReadiness.class);

  private final ActiveMQConnectionFactory factory;
  private Connection connection;
  private volatile boolean failed;

  public ArtemisReadiness(String url, String user, String password) {
    this.factory = new ActiveMQConnectionFactory(url, user, password);
    factory.setReconnectAttempts(0);
    factory.setInitialConnectAttempts(1);
    factory.setCallTimeout(2_000);
  }

  @Override
  public synchronized Health health() {
    if (connection == null || failed) {
      close();
      try {
        Connection opened = factory.createConnection();
        opened.setExceptionListener(e -> lost(e.getMessage()));
        opened.start();
        connection = opened;
        failed = false;
      } catch (JMSException e) {
        return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
      }
    }
    return Health.up().build();
  }

  private void lost(String why) {
    if (!failed) {
      log.warn("NATTER-READY-001 Lost Artemis, not ready until it is back: {}", why);
    }
    failed = true;
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (JMSException e) {
        log.debug("Closing the readiness connection: {}", e.getMessage());
      }
      connection = null;
    }
  }

  @Override
  public synchronized void destroy() {
    close();
  }
}
