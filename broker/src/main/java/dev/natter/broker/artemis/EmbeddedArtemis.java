package dev.natter.broker.artemis;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Artemis broker in this process for local runs: persistent journal, one CORE acceptor, no
 * authentication. Never for production, where a standalone broker with login is used.
 */
public class EmbeddedArtemis {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedArtemis.class);

  private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

  EmbeddedArtemis(ArtemisProperties.Embedded properties) {
    server.setConfiguration(configuration(properties));
  }

  /** The running broker, for inspection. */
  public ActiveMQServer server() {
    return server.getActiveMQServer();
  }

  void start() throws Exception {
    server.start();
    log.info("Embedded Artemis started, journal in {}", journal(server));
  }

  void stop() throws Exception {
    server.stop();
    log.info("Embedded Artemis stopped");
  }

  private static Configuration configuration(ArtemisProperties.Embedded properties) {
    Path data = properties.dataDirectory().toAbsolutePath();
    String acceptor = "tcp://" + properties.host() + ":" + properties.port() + "?protocols=CORE";
    try {
      return new ConfigurationImpl()
          .setName("natter-embedded")
          .setPersistenceEnabled(true)
          .setSecurityEnabled(false)
          .setJMXManagementEnabled(false)
          .setJournalDirectory(data.resolve("journal").toString())
          .setBindingsDirectory(data.resolve("bindings").toString())
          .setPagingDirectory(data.resolve("paging").toString())
          .setLargeMessagesDirectory(data.resolve("large-messages").toString())
          .addAcceptorConfiguration("core", acceptor)
          .addAddressSetting("#", defaults());
    } catch (Exception e) {
      throw new IllegalStateException("Invalid embedded Artemis acceptor " + acceptor, e);
    }
  }

  private static AddressSettings defaults() {
    return new AddressSettings()
        .setDeadLetterAddress(SimpleString.of("natter.dlq"))
        .setAutoCreateDeadLetterResources(true)
        .setExpiryAddress(SimpleString.of("natter.expired"))
        .setAutoCreateExpiryResources(true)
        .setMaxDeliveryAttempts(10)
        .setRedeliveryDelay(1000)
        .setRedeliveryMultiplier(2)
        .setMaxRedeliveryDelay(30_000);
  }

  private static String journal(EmbeddedActiveMQ server) {
    return server.getActiveMQServer().getConfiguration().getJournalLocation().toString();
  }
}
