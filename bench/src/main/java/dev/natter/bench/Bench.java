package dev.natter.bench;

import dev.natter.local.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark of issue #7: starts Natter (or measures a running gateway), runs the load, the
 * capacity run and the Artemis baselines, prints every figure and draws the latency plot.
 */
public final class Bench {

  private static final Logger log = LoggerFactory.getLogger(Bench.class);

  /** Flood control lets producers post far faster than a person could. */
  private static final Map<String, String> GATEWAY_SETTINGS =
      Map.of("NATTER_FLOOD_BURST", "100000", "NATTER_FLOOD_REFILL", "1ms");

  private final Options options;
  private final PrintStream out;

  public Bench(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Options options = Options.parse(args);
    BenchResult result = new Bench(options, System.out).run();
    System.exit(result.load().incomplete() == 0 ? 0 : 1);
  }

  /** Runs every part the options ask for, prints the report and returns what it measured. */
  public BenchResult run() throws Exception {
    Report report = new Report(out);
    report.machine(options);
    LoadResult load;
    Capacity.Result capacity = null;
    if (options.gateway() == null) {
      try (LocalStack stack = startStack()) {
        URI gateway = URI.create("http://localhost:" + stack.ports().gateway());
        load = new LoadRun(options, gateway, pids(stack)).run();
        report.load(load);
        capacity = capacity(gateway, stack.app("gateway").pid(), report);
      }
    } else {
      load = new LoadRun(options, options.gateway(), Map.of()).run();
      report.load(load);
      capacity = capacity(options.gateway(), -1, report);
    }
    Baselines.Result baselines = runBaselines();
    report.baselines(baselines, load);
    Path plot = LatencyPlot.write(options.output(), load, baselines);
    report.plot(plot);
    return new BenchResult(load, capacity, baselines, plot);
  }

  private Capacity.Result capacity(URI gateway, long pid, Report report) throws Exception {
    if (options.capacity() == 0) {
      return null;
    }
    Capacity.Result capacity = new Capacity(gateway, pid).run(options.capacity());
    report.capacity(capacity);
    return capacity;
  }

  private Baselines.Result runBaselines() throws Exception {
    if (options.baseline().isZero()) {
      return null;
    }
    return new Baselines(Baselines.artemisHome(), options.baseline(), options.rate()).run();
  }

  private LocalStack startStack() throws IOException, InterruptedException {
    Path apps = Path.of(System.getProperty("natter.apps-dir", "bench/target/apps"));
    Path data = Files.createTempDirectory("natter-bench");
    var ports = new LocalStack.Ports(freePort(), freePort(), freePort(), freePort());
    LocalStack stack = new LocalStack(apps, data, ports, GATEWAY_SETTINGS);
    log.info("Starting Natter from {}; logs in {}", apps, stack.logs());
    stack.start();
    return stack;
  }

  private static Map<String, Long> pids(LocalStack stack) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String name : new String[] {"broker", "functions", "gateway"}) {
      pids.put(name, stack.app(name).pid());
    }
    return pids;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
