package dev.natter.broker.artemis;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the bridge reaches Artemis, and the embedded broker for local runs.
 *
 * @param url the Artemis connection URL
 * @param user the Artemis user, or empty when the broker needs no login
 * @param password the Artemis password
 * @param managementAddress the address of Artemis's management API; the user needs the manage
 *     permission on it
 * @param embedded the broker this process runs itself, for local runs only
 */
@ConfigurationProperties("natter.artemis")
public record ArtemisProperties(
    @DefaultValue("tcp://localhost:61616") String url,
    String user,
    String password,
    @DefaultValue("activemq.management") String managementAddress,
    @DefaultValue Embedded embedded) {

  /**
   * An Artemis broker inside this process.
   *
   * @param enabled whether to run it
   * @param dataDirectory where its journal lives
   * @param host the interface its CORE acceptor binds to
   * @param port the port of its CORE acceptor
   */
  public record Embedded(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("data/artemis") Path dataDirectory,
      @DefaultValue("localhost") String host,
      @DefaultValue("61616") int port) {}
}
