package dev.natter.events.jms;

import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Closes Artemis connection factories once the components that use them have stopped, before cached
 * connections are reset and beans destroyed. Closing a factory ends its reconnection attempts, so
 * that sessions and connections still open close at once even when the broker is gone, instead of
 * waiting for it for ever.
 */
public final class ArtemisClientShutdown implements SmartLifecycle {

  private final List<ActiveMQConnectionFactory> factories;
  private volatile boolean running;

  /** Closes {@code factories} when the application stops. */
  public ArtemisClientShutdown(List<ActiveMQConnectionFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    factories.forEach(ActiveMQConnectionFactory::close);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * After the components that use the factories (the default phase and the web server's), before
   * plain lifecycle beans such as Spring's caching connection factory (phase 0).
   */
  @Override
  public int getPhase() {
    return 1;
  }
}
