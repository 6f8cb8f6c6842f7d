package dev.natter.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The figures, printed as the harness's result: one labelled line each. */
final class Report {

  private static final double MIB = 1024.0 * 1024.0;

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void machine(Options options) {
    out.printf(
        "%n== Natter bench: %d cores, %.1f GiB max heap for the bench JVM, Java %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / MIB / 1024,
        Runtime.version());
    out.printf("options: %s%n", options);
  }

  void load(LoadResult load) {
    out.printf("%n== Load: submit -> delivered at every subscriber%n");
    out.printf(
        "streams %d, messages sent %d, refused %d, deliveries %d of %d, incomplete messages %d%n",
        load.streams(),
        load.sent(),
        load.refused(),
        load.delivered(),
        load.expected(),
        load.incomplete());
    latency("latency (ms, corrected for coordinated omission)", load.latency());
    latency("accepted (ms, submit -> 202)", load.accepted());
    out.printf("delivered events/s %.0f%n", load.eventsPerSecond());
    out.printf("pipeline messages/s %.0f%n", load.messagesPerSecond());
    footprint("gateway", load.footprint());
    for (Map.Entry<String, Double> cpu : load.cpu().entrySet()) {
      out.printf("cpu %s %.2f cores%n", cpu.getKey(), cpu.getValue());
    }
  }

  void latency(String label, Histogram histogram) {
    out.printf(
        "%s: p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f (n=%d)%n",
        label,
        millis(histogram, 50),
        millis(histogram, 90),
        millis(histogram, 99),
        millis(histogram, 99.9),
        histogram.getMaxValue() / 1000.0,
        histogram.getTotalCount());
  }

  private void footprint(String label, Footprint footprint) {
    out.printf(
        "%s heap %.1f MiB, RSS %.1f MiB, with %d streams: %.1f KiB heap and %.1f KiB RSS each%n",
        label,
        footprint.heapBytes() / MIB,
        footprint.rssBytes() / MIB,
        footprint.connections(),
        footprint.heapPerConnection() / 1024,
        footprint.rssPerConnection() / 1024);
  }

  void capacity(Capacity.Result capacity) {
    if (capacity == null) {
      return;
    }
    out.printf("%n== Capacity: idle streams on one gateway%n");
    out.printf(
        "connections held %d of %d asked (%d failed to open)%n",
        capacity.held(), capacity.target(), capacity.failed());
    footprint("gateway before", capacity.before());
    footprint("gateway holding", capacity.after());
    out.printf(
        "heap per connection %.1f KiB, RSS per connection %.1f KiB (added by the streams)%n",
        capacity.heapPerConnection() / 1024, capacity.rssPerConnection() / 1024);
  }

  void baselines(Baselines.Result baselines, LoadResult load) {
    if (baselines == null) {
      return;
    }
    out.printf("%n== Baselines: Artemis alone, standalone broker, persistent%n");
    out.printf("artemis perf client msg/s %.0f%n", baselines.perfPerSecond());
    latency("raw JMS round trip (ms)", baselines.roundTrip());
    out.printf(
        "ratio pipeline msg/s to artemis perf %.1f %%%n",
        100 * load.messagesPerSecond() / baselines.perfPerSecond());
    out.printf(
        "ratio latency to raw JMS: p50 %.1fx p99 %.1fx%n",
        millis(load.latency(), 50) / millis(baselines.roundTrip(), 50),
        millis(load.latency(), 99) / millis(baselines.roundTrip(), 99));
  }

  void plot(Path plot) {
    out.printf("%nlatency plot %s%n", plot);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
