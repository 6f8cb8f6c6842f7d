package dev.natter.broker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An embedded Artemis on a free port with a fresh journal, for one test class. */
public final class BrokerTestSupport {

  private BrokerTestSupport() {}

  /** Points the app at a new embedded broker; returns its port. */
  public static int embeddedBroker(DynamicPropertyRegistry registry) throws IOException {
    int port = freePort();
    Path data = Files.createTempDirectory("natter-artemis");
    registry.add("natter.artemis.embedded.enabled", () -> "true");
    registry.add("natter.artemis.embedded.port", () -> port);
    registry.add("natter.artemis.embedded.data-directory", data::toString);
    registry.add("natter.artemis.url", () -> "tcp://localhost:" + port);
    return port;
  }

  /** A port nothing listens on right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
