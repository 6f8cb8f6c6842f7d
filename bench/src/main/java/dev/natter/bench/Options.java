package dev.natter.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What one benchmark run does: its sizes, its durations, and where the stack and the results are.
 *
 * @param subscribers SSE streams opened for the load run, spread evenly over the rooms
 * @param rooms rooms the load run uses
 * @param producers nicks that post, each with its own session
 * @param rate messages submitted per second, all producers together
 * @param warmup load before the measured window, whose latencies are not recorded
 * @param duration the measured window
 * @param capacity idle streams to hold in the capacity run; 0 skips it
 * @param baseline how long each Artemis baseline runs; zero skips them
 * @param gateway a running gateway to measure; null starts the whole stack
 * @param output where the plot and the raw histograms go
 */
public record Options(
    int subscribers,
    int rooms,
    int producers,
    int rate,
    Duration warmup,
    Duration duration,
    int capacity,
    Duration baseline,
    URI gateway,
    Path output) {

  /** Reads {@code --name value} pairs; unknown names are refused. */
  public static Options parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --name value, got " + args[i]);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    Options options = fromMap(given);
    if (options.subscribers % options.rooms != 0) {
      throw new IllegalArgumentException("--subscribers must be a multiple of --rooms");
    }
    given.keySet().removeAll(NAMES);
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("Unknown options " + given.keySet());
    }
    return options;
  }

  private static final java.util.Set<String> NAMES =
      java.util.Set.of(
          "subscribers",
          "rooms",
          "producers",
          "rate",
          "warmup",
          "duration",
          "capacity",
          "baseline",
          "gateway",
          "output");

  private static Options fromMap(Map<String, String> given) {
    String gateway = given.get("gateway");
    return new Options(
        Integer.parseInt(given.getOrDefault("subscribers", "1000")),
        Integer.parseInt(given.getOrDefault("rooms", "10")),
        Integer.parseInt(given.getOrDefault("producers", "10")),
        Integer.parseInt(given.getOrDefault("rate", "1000")),
        duration(given.getOrDefault("warmup", "10s")),
        duration(given.getOrDefault("duration", "60s")),
        Integer.parseInt(given.getOrDefault("capacity", "0")),
        duration(given.getOrDefault("baseline", "20s")),
        gateway == null ? null : URI.create(gateway),
        Path.of(given.getOrDefault("output", "bench/target")));
  }

  /** {@code 500ms}, {@code 60s} or {@code 2m}. */
  static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> throw new IllegalArgumentException("Not a duration: " + text);
    };
  }

  /** Messages the load run submits, warm-up included. */
  long messages() {
    return (warmup.toNanos() + duration.toNanos()) * rate / 1_000_000_000L;
  }
}
