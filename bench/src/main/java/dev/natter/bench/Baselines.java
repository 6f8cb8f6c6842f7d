package dev.natter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artemis alone on this machine: a standalone broker from the distribution (persistent journal),
 * {@code artemis perf client} for its throughput and a raw JMS round trip for its latency.
 */
final class Baselines {

  private static final Logger log = LoggerFactory.getLogger(Baselines.class);
  private static final Pattern RECEIVED =
      Pattern.compile("\"sampleType\":\"interval\",\"warmup\":false,[^}]*\"received\":(\\d+)");

  private final Path home;
  private final Duration duration;
  private final int rate;

  /**
   * @param home the unpacked distribution
   * @param duration how long each baseline runs
   * @param rate messages per second of the JMS round trip, as Natter's load
   */
  Baselines(Path home, Duration duration, int rate) {
    this.home = home;
    this.duration = duration;
    this.rate = rate;
  }

  /**
   * What Artemis alone did.
   *
   * @param perfPerSecond messages per second {@code artemis perf} moved, persistent
   * @param roundTrip JMS send to receive at Natter's rate, microseconds
   */
  record Result(double perfPerSecond, Histogram roundTrip) {}

  /** The distribution: {@code natter.artemis-home}, or the one the bench module unpacks. */
  static Path artemisHome() throws IOException {
    String given = System.getProperty("natter.artemis-home");
    if (given != null) {
      return Path.of(given);
    }
    try (Stream<Path> dists = Files.list(Path.of("bench/target/artemis-dist"))) {
      return dists.findFirst().orElseThrow(() -> new IOException("No Artemis distribution"));
    }
  }

  Result run() throws Exception {
    Path work = Files.createTempDirectory("natter-bench-artemis");
    int port = Bench.freePort();
    command(
            work,
            "create",
            work.resolve("broker").toString(),
            "--user",
            "bench",
            "--password",
            "bench",
            "--allow-anonymous",
            "--silent",
            "--no-web",
            "--nio",
            "--default-port",
            Integer.toString(port),
            "--no-amqp-acceptor",
            "--no-mqtt-acceptor",
            "--no-stomp-acceptor",
            "--no-hornetq-acceptor")
        .waitFor();
    Process broker = start(work.resolve("broker/bin/artemis"), work.resolve("broker.log"), "run");
    try {
      String url = "tcp://localhost:" + port;
      Await.until(() -> logged(work.resolve("broker.log")), Duration.ofMinutes(1));
      log.info("Artemis baseline broker on {}", url);
      double perf = perf(work, url);
      Histogram roundTrip = new JmsRoundTrip(url, rate).run(duration);
      return new Result(perf, roundTrip);
    } finally {
      broker.destroy();
      if (!broker.waitFor(30, TimeUnit.SECONDS)) {
        broker.destroyForcibly().waitFor();
      }
    }
  }

  /** Persistent messages per second, mean of the intervals after warm-up. */
  private double perf(Path work, String url) throws Exception {
    Path json = work.resolve("perf.json");
    long seconds = Math.max(2, duration.toSeconds());
    Process perf =
        command(
            work,
            "perf",
            "client",
            "--url",
            url,
            "--persistent",
            "--max-pending",
            "100",
            "--message-size",
            "256",
            "--warmup",
            Long.toString(Math.max(1, seconds / 4)),
            "--duration",
            Long.toString(seconds),
            "--json",
            json.toString(),
            "--silent");
    perf.waitFor();
    Matcher intervals = RECEIVED.matcher(Files.readString(json));
    long sum = 0;
    int count = 0;
    while (intervals.find()) {
      sum += Long.parseLong(intervals.group(1));
      count++;
    }
    return count == 0 ? Double.NaN : (double) sum / count;
  }

  private Process command(Path work, String... args) throws IOException {
    return start(home.resolve("bin/artemis"), work.resolve("artemis-cli.log"), args);
  }

  private static Process start(Path script, Path log, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static boolean logged(Path log) {
    try {
      return Files.exists(log) && Files.readString(log).contains("Server is now active");
    } catch (IOException e) {
      return false;
    }
  }
}
