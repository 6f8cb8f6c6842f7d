package dev.natter.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * How many streams are open, how many events they carried, and how many slow clients were let go.
 */
@Component
class StreamMetrics {

  private final AtomicInteger open = new AtomicInteger();
  private final Counter slowClients;
  private final Counter delivered;

  StreamMetrics(MeterRegistry registry) {
    Gauge.builder("natter.sse.connections", open, AtomicInteger::get)
        .description("Server-Sent Events streams open on this gateway")
        .register(registry);
    slowClients =
        Counter.builder("natter.sse.slow.clients")
            .description("Streams closed because their client stopped reading")
            .register(registry);
    delivered =
        Counter.builder("natter.sse.events")
            .description("Events written to Server-Sent Events streams")
            .register(registry);
  }

  /** {@code stream}, counted while it is open. */
  <T> Flux<T> counted(Flux<T> stream) {
    return stream
        .doOnSubscribe(subscription -> open.incrementAndGet())
        .doFinally(signal -> open.decrementAndGet());
  }

  void delivered() {
    delivered.increment();
  }

  void slowClient() {
    slowClients.increment();
  }
}
