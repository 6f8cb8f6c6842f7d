package dev.natter.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole chat on one machine: the broker app with an embedded Artemis, the functions and the
 * gateway, each its own process on its own port, talking over TCP and HTTP as when deployed apart.
 */
public final class LocalStack implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Path apps;
  private final Path data;
  private final Ports ports;
  private final Map<String, String> gatewaySettings;
  private final Map<String, String> commonSettings;
  private final List<AppProcess> running = new CopyOnWriteArrayList<>();

  /**
   * A stack of the runnable jars in {@code apps}, keeping its state under {@code data}.
   *
   * @param ports where each component listens
   */
  public LocalStack(Path apps, Path data, Ports ports) {
    this(apps, data, ports, Map.of());
  }

  /**
   * A stack as above whose gateways also get {@code gatewaySettings} in their environment.
   *
   * @param gatewaySettings environment variables for the gateways, such as shorter presence
   */
  public LocalStack(Path apps, Path data, Ports ports, Map<String, String> gatewaySettings) {
    this(apps, data, ports, gatewaySettings, Map.of());
  }

  /**
   * A stack as above whose every app also gets {@code commonSettings}, such as log levels.
   *
   * @param commonSettings environment variables for every app; the stack's own take precedence
   */
  public LocalStack(
      Path apps,
      Path data,
      Ports ports,
      Map<String, String> gatewaySettings,
      Map<String, String> commonSettings) {
    this.apps = apps;
    this.data = data;
    this.ports = ports;
    this.gatewaySettings = Map.copyOf(gatewaySettings);
    this.commonSettings = Map.copyOf(commonSettings);
  }

  /** Starts every component and waits until all are ready. */
  public void start() throws IOException, InterruptedException {
    AppProcess broker = start("broker", ports.ingress(), brokerEnvironment());
    broker.awaitReady(START_TIMEOUT);
    AppProcess functions = start("functions", ports.functions(), artemisEnvironment());
    AppProcess gateway = start("gateway", ports.gateway(), gatewayEnvironment());
    functions.awaitReady(START_TIMEOUT);
    gateway.awaitReady(START_TIMEOUT);
  }

  /**
   * Kills the component called {@code name} at once, as a crash would, starts it again and waits
   * until it is ready.
   */
  public void crashAndRestart(String name) throws IOException, InterruptedException {
    restart(crash(name));
  }

  /** Kills the component called {@code name} as a crash would: no shutdown, no goodbye. */
  public AppProcess crash(String name) throws InterruptedException {
    AppProcess crashed = app(name);
    crashed.kill();
    running.remove(crashed);
    return crashed;
  }

  /** Starts {@code crashed} again on its port and waits until it is ready. */
  public AppProcess restart(AppProcess crashed) throws IOException, InterruptedException {
    String name = crashed.name();
    running.remove(crashed);
    Map<String, String> environment =
        switch (name) {
          case "broker" -> brokerEnvironment();
          case "gateway", "gateway-2" -> gatewayEnvironment();
          default -> artemisEnvironment();
        };
    AppProcess restarted = start(name, crashed.port(), environment);
    restarted.awaitReady(START_TIMEOUT);
    return restarted;
  }

  /** Whether {@code app} is one of the stack's: a component crashed on purpose is not. */
  boolean isRunning(AppProcess app) {
    return running.contains(app);
  }

  /** The running component called {@code name}: broker, functions or gateway. */
  public AppProcess app(String name) {
    return running.stream()
        .filter(app -> app.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No app " + name));
  }

  public Ports ports() {
    return ports;
  }

  public Path logs() {
    return data.resolve("logs");
  }

  private AppProcess start(String name, int port, Map<String, String> environment)
      throws IOException {
    Path jar = apps.resolve("natter-" + name + ".jar");
    AppProcess app = AppProcess.start(name, jar, port, withCommon(environment), logs());
    running.add(app);
    return app;
  }

  private Map<String, String> brokerEnvironment() {
    return Map.of(
        "NATTER_ARTEMIS_EMBEDDED", "true",
        "ARTEMIS_PORT", Integer.toString(ports.artemis()),
        "ARTEMIS_URL", artemisUrl(),
        "NATTER_DATA_DIR", data.toString(),
        "NATTER_FUNCTIONS_URL", "http://localhost:" + ports.functions() + "/");
  }

  /** The gateway signs sessions with a secret kept in the data directory, so restarts keep them. */
  private Map<String, String> gatewayEnvironment() throws IOException {
    Map<String, String> environment = new HashMap<>(gatewaySettings);
    environment.put("ARTEMIS_URL", artemisUrl());
    environment.put("NATTER_TOKEN_SECRET", DevSecret.in(data));
    return environment;
  }

  /** Starts one more gateway replica on {@code port}, sharing the broker, and waits for it. */
  public AppProcess startGateway(String name, int port) throws IOException, InterruptedException {
    Path jar = apps.resolve("natter-gateway.jar");
    AppProcess gateway =
        AppProcess.start(name, jar, port, withCommon(gatewayEnvironment()), logs());
    running.add(gateway);
    gateway.awaitReady(START_TIMEOUT);
    return gateway;
  }

  private Map<String, String> withCommon(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>(commonSettings);
    merged.putAll(environment);
    return merged;
  }

  private Map<String, String> artemisEnvironment() {
    return Map.of("ARTEMIS_URL", artemisUrl());
  }

  private String artemisUrl() {
    return "tcp://localhost:" + ports.artemis();
  }

  /** Stops every component, the last started first. */
  @Override
  public void close() throws InterruptedException {
    // Taken off the list first, so that their exits are known to be meant.
    List<AppProcess> stopping = new ArrayList<>(running);
    running.clear();
    for (int i = stopping.size() - 1; i >= 0; i--) {
      stopping.get(i).stop(STOP_GRACE);
    }
  }

  /** The ports of the components. */
  public record Ports(int gateway, int ingress, int functions, int artemis) {

    /** The documented defaults. */
    public static Ports defaults() {
      return new Ports(8080, 8081, 8082, 61616);
    }
  }
}
