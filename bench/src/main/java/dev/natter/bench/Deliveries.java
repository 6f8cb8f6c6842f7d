package dev.natter.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Every message the subscribers received: submit to delivered latency against the message's
 * intended send time (so a stalled sender cannot hide the stall), and how often each arrived.
 */
final class Deliveries {

  private static final long HIGHEST = TimeUnit.MINUTES.toMicros(10);

  private final Recorder latency = new Recorder(HIGHEST, 3);
  private final Recorder recent = new Recorder(HIGHEST, 3);
  private final AtomicIntegerArray counts;
  private final LongAdder inWindow = new LongAdder();
  private volatile long measureFrom = Long.MAX_VALUE;

  Deliveries(long messages) {
    this.counts = new AtomicIntegerArray(Math.toIntExact(messages));
  }

  /** From now on deliveries of messages meant to be sent at or after {@code from} are measured. */
  void measureFrom(long from) {
    measureFrom = from;
    latency.reset();
  }

  /** Message {@code id}, meant to be sent at {@code intended} (bench nanos), arrived now. */
  void delivered(int id, long intended) {
    if (id < 0 || id >= counts.length()) {
      return;
    }
    counts.incrementAndGet(id);
    long now = Clock.now();
    recent.recordValue(Math.min(Math.max(0, (now - intended) / 1_000), HIGHEST));
    if (now >= measureFrom) {
      inWindow.increment();
    }
    if (intended >= measureFrom) {
      long micros = Math.max(0, (now - intended) / 1_000);
      latency.recordValue(Math.min(micros, HIGHEST));
    }
  }

  /** Latencies of every delivery since the last call, warm-up included, in microseconds. */
  Histogram sinceLastAsked() {
    return recent.getIntervalHistogram();
  }

  /** Latencies recorded since the measured window began, in microseconds. */
  Histogram histogram() {
    return latency.getIntervalHistogram();
  }

  /** Deliveries of any message since the measured window began. */
  long inWindow() {
    return inWindow.sum();
  }

  int count(int id) {
    return counts.get(id);
  }

  long total() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }
}
