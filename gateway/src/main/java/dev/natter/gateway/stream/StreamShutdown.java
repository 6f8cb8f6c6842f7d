package dev.natter.gateway.stream;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Ends every stream when the gateway stops, before the web server waits for open requests, so that
 * a shutdown is quick and clients reconnect (to another replica, or this one once back).
 */
@Component
class StreamShutdown implements SmartLifecycle {

  private volatile Sinks.One<Boolean> closing = Sinks.one();
  private volatile boolean running;

  /** Signals once, when the gateway begins to stop. */
  Mono<Boolean> closing() {
    return Mono.defer(() -> closing.asMono());
  }

  @Override
  public void start() {
    closing = Sinks.one();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    closing.tryEmitValue(true);
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
