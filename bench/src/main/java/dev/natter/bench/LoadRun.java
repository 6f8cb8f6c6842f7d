package dev.natter.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** N subscribers over R rooms, P producers at a fixed rate: latency, throughput and cost. */
final class LoadRun {

  private static final Logger log = LoggerFactory.getLogger(LoadRun.class);
  private static final Duration OPEN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PROGRESS = Duration.ofSeconds(5);

  private final Options options;
  private final URI gateway;
  private final Map<String, Long> pids;
  private final long gatewayPid;

  /**
   * @param pids the stack's processes by name, to measure; empty when the gateway runs elsewhere
   */
  LoadRun(Options options, URI gateway, Map<String, Long> pids) {
    this.options = options;
    this.gateway = gateway;
    this.pids = pids;
    this.gatewayPid = pids.getOrDefault("gateway", -1L);
  }

  LoadResult run() throws Exception {
    List<String> rooms = IntStream.range(0, options.rooms()).mapToObj(i -> "bench-" + i).toList();
    Deliveries deliveries = new Deliveries(options.messages());
    try (Streams streams = new Streams(gateway);
        Producers producers = new Producers(gateway);
        Progress progress = new Progress(deliveries, Clock.now(), PROGRESS)) {
      for (int i = 0; i < options.subscribers(); i++) {
        streams.open(rooms.get(i % rooms.size()), deliveries::delivered);
      }
      Await.until(() -> streams.opened() + streams.failed() >= options.subscribers(), OPEN_TIMEOUT);
      log.info("{} streams open, {} failed", streams.opened(), streams.failed());
      producers.signIn(options.producers());

      long start = Clock.now() + 100_000_000L;
      long measureFrom = start + options.warmup().toNanos();
      Cpu cpu = new Cpu(pids);
      Thread marker = new Thread(() -> markWindow(deliveries, cpu, measureFrom), "bench-window");
      marker.setDaemon(true);
      marker.start();
      producers.run(options.messages(), options.rate(), start, rooms);
      long sendEnd = Clock.now();
      long deliveredInWindow = deliveries.inWindow();
      Map<String, Double> cpuShares = cpu.sharesSinceMark();
      long expected = expected(streams.opened());
      Await.until(() -> deliveries.total() >= expected, DRAIN_TIMEOUT);
      double seconds = (sendEnd - measureFrom) / 1e9;
      Footprint footprint = Footprint.of(gateway, gatewayPid, streams.held());
      double eventsPerSecond = deliveredInWindow / seconds;
      return result(deliveries, producers, streams, cpuShares, eventsPerSecond, expected)
          .withFootprint(footprint);
    }
  }

  private static void markWindow(Deliveries deliveries, Cpu cpu, long measureFrom) {
    long wait;
    while ((wait = measureFrom - Clock.now()) > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
    deliveries.measureFrom(measureFrom);
    cpu.mark();
  }

  /** Deliveries owed: each message to every open stream of its room. */
  private long expected(int open) {
    long perRoom = open / options.rooms();
    return options.messages() * perRoom;
  }

  private LoadResult result(
      Deliveries deliveries,
      Producers producers,
      Streams streams,
      Map<String, Double> cpu,
      double eventsPerSecond,
      long expected) {
    Histogram latency = deliveries.histogram();
    Histogram accepted = producers.accepted().getIntervalHistogram();
    long perRoom = streams.opened() / options.rooms();
    long incomplete =
        IntStream.range(0, (int) options.messages())
            .filter(id -> deliveries.count(id) != perRoom)
            .count();
    return new LoadResult(
        options,
        streams.opened(),
        producers.sent(),
        producers.refused(),
        expected,
        deliveries.total(),
        incomplete,
        eventsPerSecond,
        latency,
        accepted,
        cpu,
        null);
  }
}
