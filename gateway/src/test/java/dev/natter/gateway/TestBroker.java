package dev.natter.gateway;

import java.net.ServerSocket;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** An Artemis broker in the test's JVM, on a free port, keeping nothing on disk. */
public final class TestBroker {

  private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
  private final int port;

  private TestBroker(int port) {
    this.port = port;
  }

  public static TestBroker start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TestBroker broker = new TestBroker(port);
    broker.server.setConfiguration(
        new ConfigurationImpl()
            .setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .addAcceptorConfiguration("core", "tcp://localhost:" + port));
    broker.server.start();
    return broker;
  }

  /** The embedded server, to declare what the broker bridge would. */
  public EmbeddedActiveMQ server() {
    return server;
  }

  /** Starts the broker again, on the same port, after {@link #stop()}. */
  public void restart() throws Exception {
    server.start();
  }

  public String url() {

    return "tcp://localhost:" + port;
  }

  public void stop() throws Exception {
    server.stop();
  }
}
