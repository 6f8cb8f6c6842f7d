package dev.natter.gateway.stream;

import java.time.Duration;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;

/**
 * Whether one stream's client keeps up. Events wait for it in a bounded buffer; a client that lets
 * more pile up than the buffer holds, or takes nothing, not even a heartbeat, for the stall time,
 * is too slow and its stream ends with {@link SlowClient}. Nobody else waits for it (C2).
 */
final class ClientPace {

  /** The stream's client did not keep up. */
  static final class SlowClient extends RuntimeException {
    SlowClient(String why) {
      super(why, null, false, false);
    }
  }

  private final int buffer;
  private final long stallNanos;
  private final Duration stall;
  private volatile long lastTaken = System.nanoTime();

  ClientPace(int buffer, Duration stall) {
    this.buffer = buffer;
    this.stall = stall;
    this.stallNanos = stall.toNanos();
  }

  /** {@code events}, held in the stream's bounded buffer until its client takes them. */
  <T> Flux<T> buffered(Flux<T> events) {
    return events
        .onBackpressureBuffer(buffer, BufferOverflowStrategy.ERROR)
        .onErrorMap(
            Exceptions::isOverflow,
            overflow -> new SlowClient("more than " + buffer + " events waited for it"));
  }

  /** {@code written}, with the time of what the client last took noted. */
  <T> Flux<T> taken(Flux<T> written) {
    return written.doOnNext(item -> lastTaken = System.nanoTime());
  }

  /** Fails with {@link SlowClient} when the client has taken nothing for the stall time. */
  void check() {
    if (System.nanoTime() - lastTaken > stallNanos) {
      throw new SlowClient("it took nothing for " + stall);
    }
  }
}
