package dev.natter.broker.artemis;

import java.util.Arrays;
import java.util.EnumSet;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares the addresses, queues, diverts and address settings Natter needs on whichever broker it
 * talks to, embedded or standalone, through Artemis's core and management APIs. Every declaration
 * is idempotent, so each start brings the broker in line with the configuration.
 */
public class Topology implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Topology.class);
  private static final long MANAGEMENT_TIMEOUT = 10_000;

  private final ActiveMQConnectionFactory factory;
  private final String managementAddress;
  private ClientSessionFactory sessions;
  private ClientSession session;

  Topology(ActiveMQConnectionFactory factory, String managementAddress) {
    this.factory = factory;
    this.managementAddress = managementAddress;
  }

  /** Creates an address with {@code routing} unless it exists. */
  public synchronized void address(String name, RoutingType routing) {
    try {
      SimpleString address = SimpleString.of(name);
      if (!session().addressQuery(address).isExists()) {
        session().createAddress(address, EnumSet.of(routing), false);
        log.info("Created address {}", name);
      }
    } catch (ActiveMQException e) {
      throw new IllegalStateException("Cannot declare address " + name, e);
    }
  }

  /** Creates a multicast address unless it exists. */
  public void multicastAddress(String name) {
    address(name, RoutingType.MULTICAST);
  }

  /** Creates a durable queue unless one of that name exists. */
  public synchronized void queue(QueueConfiguration queue) {
    SimpleString address = queue.getAddress() == null ? queue.getName() : queue.getAddress();
    try {
      var existing = session().queueQuery(queue.getName());
      if (existing.isExists() && !existing.getAddress().equals(address)) {
        throw new IllegalStateException(
            "Queue "
                + queue.getName()
                + " is bound to address "
                + existing.getAddress()
                + ", not "
                + address
                + ": delete it (artemis queue delete --name "
                + queue.getName()
                + ") and restart");
      }
      if (!existing.isExists()) {

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

  /** Creates an anycast address with one durable queue of the same name. */
  public void anycastQueue(String name) {
    address(name, RoutingType.ANYCAST);
    queue(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST));
  }

  /** Creates the divert, or brings an existing one of that name in line with it. */
  public synchronized void divert(DivertConfiguration divert) {
    boolean exists = divertExists(divert.getName());
    manage(exists ? "updateDivert" : "createDivert", divert.toJSON());
    if (!divertExists(divert.getName())) {
      throw new IllegalStateException(
          "Artemis did not deploy divert " + divert.getName() + "; see the broker's log");
    }
    log.info(
        "{} divert {} from {} to {} filtered by [{}]",
        exists ? "Updated" : "Created",
        divert.getName(),
        divert.getAddress(),
        divert.getForwardingAddress(),
        divert.getFilterString());
  }

  private boolean divertExists(String name) {
    Object names = manage("listDivertNames");
    return names instanceof Object[] list && Arrays.asList(list).contains(name);
  }

  /** Sets the address settings for addresses matching {@code match}. */
  public synchronized void addressSettings(String match, AddressSettings settings) {
    manage("addAddressSettings", match, settings.toJSON());
    log.info("Applied address settings to {}", match);
  }

  private Object manage(String operation, Object... arguments) {
    try {
      ClientRequestor requestor = new ClientRequestor(session(), managementAddress);
      ClientMessage request = session().createMessage(false);
      ManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, operation, arguments);
      ClientMessage reply = requestor.request(request, MANAGEMENT_TIMEOUT);
      if (reply == null) {
        throw new IllegalStateException("No answer from Artemis management to " + operation);
      }
      Object result = ManagementHelper.getResult(reply);
      if (!ManagementHelper.hasOperationSucceeded(reply)) {
        throw new IllegalStateException("Artemis refused " + operation + ": " + result);
      }
      return result;

    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot run " + operation + " on Artemis: " + e, e);
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
      session.start();
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
