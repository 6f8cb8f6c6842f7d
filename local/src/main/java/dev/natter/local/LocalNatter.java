package dev.natter.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the whole chat locally until Ctrl-C. */
public final class LocalNatter {

  private static final Logger log = LoggerFactory.getLogger(LocalNatter.class);

  private static final AtomicBoolean STOPPING = new AtomicBoolean();

  private LocalNatter() {}

  public static void main(String[] args) throws Exception {
    Path apps = Path.of(System.getProperty("natter.apps-dir", "local/target/apps"));
    Path data = Path.of(env("NATTER_DATA_DIR", "data")).toAbsolutePath();
    LocalStack.Ports ports =
        new LocalStack.Ports(
            port("NATTER_GATEWAY_PORT", 8080),
            port("NATTER_INGRESS_PORT", 8081),
            port("NATTER_FUNCTIONS_PORT", 8082),
            port("ARTEMIS_PORT", 61616));
    // Local runs answer this machine only, unless asked to listen wider.
    Map<String, String> listen =
        Map.of("SERVER_ADDRESS", env("NATTER_LISTEN_ADDRESS", "127.0.0.1"));
    LocalStack stack = new LocalStack(apps, data, ports, Map.of(), listen);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack, stopped)));

    log.info("Starting Artemis, broker, functions and gateway; logs in {}", stack.logs());
    try {
      stack.start();
    } catch (IllegalStateException e) {
      log.error("{}", e.getMessage());
      System.exit(1);
    }
    // A component that dies on its own is started again; one that keeps dying stops Natter.
    new Supervisor(stack, () -> System.exit(1), () -> STOPPING.get() || stopped.getCount() == 0)
        .watch("broker", "functions", "gateway");
    log.info("Natter is running: open http://localhost:{}/ (Ctrl-C stops it)", ports.gateway());
    log.info("CloudEvents ingress: http://localhost:{}/", ports.ingress());
    stopped.await();
  }

  private static void stop(LocalStack stack, CountDownLatch stopped) {
    STOPPING.set(true);
    log.info("Stopping Natter");
    try {
      stack.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Stopped");
    stopped.countDown();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int port(String name, int fallback) {
    return Integer.parseInt(env(name, Integer.toString(fallback)));
  }
}
