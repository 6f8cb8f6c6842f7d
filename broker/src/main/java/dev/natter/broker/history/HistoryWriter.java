package dev.natter.broker.history;

import dev.natter.broker.artemis.Topology;
import dev.natter.events.ChatEvents;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Gives every event users see its position: one writer at a time (an exclusive queue) numbers the
 * events, appends each to its room's bounded history queue and publishes it on the stream, in one
 * transaction per batch. A room's queue is created by Artemis on its first event, as a ring queue
 * of the configured size.
 */
@Component
class HistoryWriter implements SmartLifecycle {

  static final String FEED = "natter.feed.history";
  static final String SEQUENCE = "natter.state.sequence";

  private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);

  private final ActiveMQConnectionFactory factory;
  private final Topology topology;
  private final HistoryProperties properties;
  private volatile boolean running;
  private Thread worker;

  HistoryWriter(
      ActiveMQConnectionFactory factory, Topology topology, HistoryProperties properties) {
    this.factory = factory;
    this.topology = topology;
    this.properties = properties;
    declare();
  }

  private void declare() {
    topology.multicastAddress(Destinations.BROKER);
    topology.multicastAddress(Destinations.STREAM);
    String types =
        Stream.concat(properties.types().stream(), properties.streamedOnly().stream())
            .map(HistoryWriter::literal)
            .collect(Collectors.joining(","));
    topology.addressSettings(
        Destinations.HISTORY_PREFIX + "#",
        new AddressSettings()
            .setAutoCreateAddresses(true)
            .setAutoCreateQueues(true)
            .setAutoDeleteAddresses(false)
            .setAutoDeleteQueues(false)
            .setDefaultAddressRoutingType(RoutingType.ANYCAST)
            .setDefaultQueueRoutingType(RoutingType.ANYCAST)
            .setDefaultRingSize(properties.size()));
    topology.queue(
        QueueConfiguration.of(FEED)
            .setAddress(Destinations.BROKER)
            .setRoutingType(RoutingType.MULTICAST)
            .setExclusive(true)
            .setFilterString("ce_room IS NOT NULL AND ce_type IN (" + types + ")"));
    topology.queue(
        QueueConfiguration.of(RoomDirectory.QUEUE)
            .setRoutingType(RoutingType.ANYCAST)
            .setLastValue(true)
            .setNonDestructive(true));
    topology.queue(
        QueueConfiguration.of(SEQUENCE).setRoutingType(RoutingType.ANYCAST).setLastValue(true));
  }

  private static String literal(String type) {
    return "'" + type.replace("'", "''") + "'";
  }

  @Override
  public void start() {
    running = true;
    worker = new Thread(this::run, "history-writer");
    worker.start();
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try (Connection connection = factory.createConnection()) {
        connection.start();
        writeUntilStopped(connection.createSession(true, Session.SESSION_TRANSACTED));
      } catch (JMSException | RuntimeException e) {
        if (running) {
          log.warn(
              "NATTER-HISTORY-001 History writer lost its connection, reconnecting: {}",
              e.getMessage());
          pause();
        }
      }
    }
  }

  private void writeUntilStopped(Session session) throws JMSException {
    long sequence = lastSequence(session);
    log.info("Writing history from position {}", sequence);
    MessageConsumer feed =
        session.createConsumer(session.createQueue(Destinations.BROKER + "::" + FEED));
    MessageProducer producer = session.createProducer(null);
    RoomDirectory rooms = new RoomDirectory();
    while (running) {
      Message first = feed.receive(1_000);
      if (first == null) {
        continue;
      }
      int count = 0;
      for (Message message = first; message != null && count < properties.batchSize(); count++) {
        sequence++;
        append(session, producer, rooms, message, sequence);
        message = count + 1 < properties.batchSize() ? feed.receiveNoWait() : null;
      }
      producer.send(session.createQueue(SEQUENCE), sequenceMarker(session, sequence));
      session.commit();
      log.debug("Wrote {} event(s) up to position {}", count, sequence);
    }
  }

  private void append(
      Session session,
      MessageProducer producer,
      RoomDirectory rooms,
      Message message,
      long sequence)
      throws JMSException {
    CloudEvent event = JmsCloudEvents.read(message);
    String room = event.getExtension(ChatEvents.ROOM).toString();
    if (properties.types().contains(event.getType())) {
      Queue history = session.createQueue(Destinations.history(room));
      producer.send(history, positioned(session, event, sequence));
      rooms.record(session, producer, event, room);
    }
    producer.send(session.createTopic(Destinations.STREAM), positioned(session, event, sequence));
  }

  private static Message positioned(Session session, CloudEvent event, long sequence)
      throws JMSException {
    Message message = JmsCloudEvents.write(event, session.createBytesMessage());
    message.setLongProperty(Destinations.SEQUENCE, sequence);
    return message;
  }

  private static Message sequenceMarker(Session session, long sequence) throws JMSException {
    Message marker = session.createMessage();
    marker.setStringProperty("_AMQ_LVQ_NAME", "sequence");
    marker.setLongProperty(Destinations.SEQUENCE, sequence);
    return marker;
  }

  private static long lastSequence(Session session) throws JMSException {
    Queue queue = session.createQueue(SEQUENCE);
    long last = 0;
    try (QueueBrowser browser = session.createBrowser(queue)) {
      for (Object message : Collections.list(browser.getEnumeration())) {
        last = Math.max(last, ((Message) message).getLongProperty(Destinations.SEQUENCE));
      }
    }
    return last;
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
