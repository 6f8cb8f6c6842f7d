package dev.natter.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;

/**
 * The Artemis distribution from Maven Central as a broker in its own process, with login required:
 * created once, then started, killed and restarted by tests.
 */
public final class StandaloneArtemis implements AutoCloseable {

  public static final String USER = "natter";
  public static final String PASSWORD = "a-test-password";

  private final Path instance;
  private final int port;
  private Process process;

  private StandaloneArtemis(Path instance, int port) {
    this.instance = instance;
    this.port = port;
  }

  /** Creates a broker instance on {@code port} from the unpacked distribution. */
  public static StandaloneArtemis create(int port) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("natter.artemis-home", "target/artemis-dist"));
    makeExecutable(home.resolve("bin/artemis"));
    Path instance = Files.createTempDirectory("natter-standalone").resolve("broker");
    run(
        List.of(
            home.resolve("bin/artemis").toString(),
            "create",
            instance.toString(),
            "--user",
            USER,
            "--password",
            PASSWORD,
            "--require-login",
            "--silent",
            "--no-web",
            "--nio",
            "--host",
            "localhost",
            "--default-port",
            Integer.toString(port),
            "--no-amqp-acceptor",
            "--no-mqtt-acceptor",
            "--no-stomp-acceptor",
            "--no-hornetq-acceptor",
            "--no-autotune"),
        instance.getParent().resolve("create.log"));
    return new StandaloneArtemis(instance, port);
  }

  public String url() {
    return "tcp://localhost:" + port;
  }

  /** Starts the broker and waits until it takes logins. */
  public void start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
            .redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolve("run.log").toFile()));
    process = builder.start();
    Awaitility.await("standalone Artemis up")
        .atMost(Duration.ofSeconds(90))
        .ignoreExceptions()
        .until(this::acceptsLogin);
  }

  private boolean acceptsLogin() throws Exception {
    if (!process.isAlive()) {
      throw new IllegalStateException("Artemis exited; see " + instance.resolve("run.log"));
    }
    try (var factory = new ActiveMQConnectionFactory(url(), USER, PASSWORD);
        var connection = factory.createConnection()) {
      return true;
    }
  }

  /** Kills the broker at once, as a crash would (SIGKILL). */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** Ends the broker; its data is thrown away with it, so there is nothing to stop gracefully. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process create =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!create.waitFor(2, TimeUnit.MINUTES) || create.exitValue() != 0) {
      throw new IllegalStateException("artemis create failed; see " + log);
    }
  }

  private static void makeExecutable(Path script) throws IOException {
    try (Stream<Path> ignored = Stream.empty()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(script);
      permissions.add(PosixFilePermission.OWNER_EXECUTE);
      Files.setPosixFilePermissions(script, permissions);
    }
  }
}
