package dev.natter.broker.artemis;

import java.util.EnumSet;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares the addresses and queues Natter needs on whichever broker it talks to, embedded or
 * standalone, through Artemis's core API.
 */
public class Topology implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Topology.class);

  private final ActiveMQConnectionFactory factory;
  private ClientSessionFactory sessions;
  private ClientSession session;

  Topology(ActiveMQConnectionFactory factory) {
    this.factory = factory;
  }

  /** Creates a multicast address unless it exists. */
  public synchronized void multicastAddress(String name) {
    try {
      SimpleString address = SimpleString.of(name);
      if (!session().addressQuery(address).isExists()) {
        session().createAddress(address, EnumSet.of(RoutingType.MULTICAST), false);
        log.info("Created address {}", name);
      }
    } catch (ActiveMQException e) {
      throw new IllegalStateException("Cannot declare address " + name, e);
    }
  }

  /** Creates a durable queue unless one of that name exists. */
  public synchronized void queue(QueueConfiguration queue) {
    try {
      if (!session().queueQuery(queue.getName()).isExists()) {
        session().createQueue(queue.setDurable(true));
        log.info(
            "Created queue {} on {} filtered by [{}]",
            queue.getName(),
            queue.getAddress(),
            queue.getFilterString());
      }
    } catch (ActiveMQQueueExistsException raced) {
      log.debug("Queue {} was created meanwhile", queue.getName());
    } catch (ActiveMQException e) {
      throw new IllegalStateException("Cannot declare queue " + queue.getName(), e);
    }
  }

  private ClientSession session() throws ActiveMQException {
    if (session == null || session.isClosed()) {
      try {
        sessions = factory.getServerLocator().createSessionFactory();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot reach Artemis: " + e.getMessage(), e);
      }
      session =
          sessions.createSession(
              factory.getUser(), factory.getPassword(), false, true, true, false, 0);
    }
    return session;
  }

  @Override
  public synchronized void close() throws ActiveMQException {
    if (session != null) {
      session.close();
      sessions.close();
    }
  }
}
