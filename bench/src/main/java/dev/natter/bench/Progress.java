package dev.natter.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency over time while the load runs, one line per interval: shows whether a tail is one stall
 * (start-up, a collection) or the steady state.
 */
final class Progress implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "bench-progress");
            thread.setDaemon(true);
            return thread;
          });

  Progress(Deliveries deliveries, long start, Duration every) {
    timer.scheduleAtFixedRate(
        () -> report(deliveries, start, every),
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static void report(Deliveries deliveries, long start, Duration every) {
    Histogram recent = deliveries.sinceLastAsked();
    log.info(
        "t={}s delivered/s {} latency ms p50 {} p99 {} max {}",
        (Clock.now() - start) / 1_000_000_000L,
        recent.getTotalCount() / every.toSeconds(),
        recent.getValueAtPercentile(50) / 1000,
        recent.getValueAtPercentile(99) / 1000,
        recent.getMaxValue() / 1000);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
