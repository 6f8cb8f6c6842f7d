package dev.natter.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole chat once for every test class that asks for a {@link LocalStack}: separate
 * processes on free ports with a fresh journal, stopped when the test run ends.
 */
public class NatterExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
        .stack();
  }

  /** The stack, stopped when JUnit closes the root store. */
  record Running(LocalStack stack) implements AutoCloseable {

    static Running start() {
      try {
        Path apps = Path.of(System.getProperty("natter.apps-dir", "target/apps"));
        Path data = Files.createTempDirectory("natter-e2e");
        var ports = new LocalStack.Ports(freePort(), freePort(), freePort(), freePort());
        // Presence lapses fast, so tests of crashed gateways finish quickly.
        var gateways =
            java.util.Map.of("NATTER_PRESENCE_TTL", "6s", "NATTER_PRESENCE_REFRESH", "2s");
        // Every event's path is logged, as JSON lines that the tracing tests read.
        var everyApp =
            java.util.Map.of(
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "LOGGING_LEVEL_DEV_NATTER", "debug");
        LocalStack stack = new LocalStack(apps, data, ports, gateways, everyApp);
        stack.start();
        return new Running(stack);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      stack.close();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
