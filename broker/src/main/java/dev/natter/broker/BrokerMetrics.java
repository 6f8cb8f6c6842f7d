package dev.natter.broker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the bridge counts, for operators: events in, deliveries to subscribers and their latency,
 * retries, dead letters, replies, duplicates, and time spent waiting for cold subscribers.
 */
@Component
public class BrokerMetrics {

  /** Event types are chosen by producers: past this many, new ones are counted as "other". */
  static final int MAX_TYPES = 100;

  private final MeterRegistry registry;
  private final Set<String> types = ConcurrentHashMap.newKeySet();

  public BrokerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** An event the ingress took in ({@code accepted}) or refused ({@code refused}). */
  public void ingress(String type, String outcome) {
    Counter.builder("natter.ingress.events")
        .description("Events posted to the ingress")
        .tag("type", bounded(type))
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** The type as a tag value, keeping the number of distinct values small. */
  String bounded(String type) {
    if (type == null || type.isEmpty()) {
      return "none";
    }
    if (types.contains(type) || (types.size() < MAX_TYPES && types.add(type))) {
      return type;
    }
    return "other";
  }

  /** Events the broker dropped as repeats of ones it holds. */
  public void duplicates(int count) {
    Counter.builder("natter.ingress.duplicates")
        .description("Repeated events dropped at the ingress")
        .register(registry)
        .increment(count);
  }

  /**
   * One attempt to deliver to a trigger's subscriber, and how it ended: {@code delivered}, {@code
   * retry}, {@code unavailable} or {@code dead-letter}.
   */
  public void dispatch(String trigger, String outcome, Duration took) {
    Timer.builder("natter.dispatch")
        .description("Deliveries to trigger subscribers")
        .tag("trigger", trigger)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** Time a trigger waited, holding its room's events, for a subscriber starting from zero. */
  public void coldWait(String trigger, Duration waited) {
    Timer.builder("natter.dispatch.cold.wait")
        .description("Time spent waiting for subscribers that were unavailable")
        .tag("trigger", trigger)
        .register(registry)
        .record(waited);
  }

  /** A reply a subscriber answered with, published to the broker. */
  public void reply(String trigger, String type) {
    Counter.builder("natter.replies")
        .description("Replies published")
        .tag("trigger", trigger)
        .tag("type", bounded(type))
        .register(registry)
        .increment();
  }
}
