package dev.natter.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Raw JMS on the same broker: persistent messages sent at Natter's rate on a fixed schedule, and
 * the time from each one's intended send to its receipt by a listener.
 */
final class JmsRoundTrip {

  private static final String INTENDED = "intended";

  private final String url;
  private final int rate;

  JmsRoundTrip(String url, int rate) {
    this.url = url;
    this.rate = rate;
  }

  /** Sends for {@code duration}, and returns the latencies of its second half, in micros. */
  Histogram run(Duration duration) throws Exception {
    Recorder latency = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
    AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
    AtomicLong received = new AtomicLong();
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        Connection receiving = factory.createConnection();
        Connection sending = factory.createConnection()) {
      Session in = receiving.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Queue queue = in.createQueue("natter.bench.round-trip");
      in.createConsumer(queue)
          .setMessageListener(
              message -> {
                long now = Clock.now();
                long intended = longProperty(message);
                received.incrementAndGet();
                if (intended >= measureFrom.get()) {
                  latency.recordValue(Math.max(0, (now - intended) / 1_000));
                }
              });
      receiving.start();
      Session out = sending.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = out.createProducer(queue);
      producer.setDeliveryMode(DeliveryMode.PERSISTENT);
      long sent = send(out, producer, duration, measureFrom);
      Await.until(() -> received.get() >= sent, Duration.ofSeconds(30));
    }
    return latency.getIntervalHistogram();
  }

  private long send(Session session, MessageProducer producer, Duration duration, AtomicLong from)
      throws Exception {
    long interval = 1_000_000_000L / rate;
    long start = Clock.now();
    long messages = duration.toNanos() / interval;
    from.set(start + duration.toNanos() / 2);
    for (long k = 0; k < messages; k++) {
      long intended = start + k * interval;
      long wait;
      while ((wait = intended - Clock.now()) > 0) {
        LockSupport.parkNanos(wait);
      }
      var message = session.createTextMessage(Marker.text(k, intended));
      message.setLongProperty(INTENDED, intended);
      producer.send(message);
    }
    return messages;
  }

  private static long longProperty(jakarta.jms.Message message) {
    try {
      return message.getLongProperty(INTENDED);
    } catch (jakarta.jms.JMSException e) {
      return Long.MAX_VALUE;
    }
  }
}
