package dev.natter.gateway.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans each room's events out to the streams that follow the room, and tells the metrics how many
 * streams follow each room (rooms nobody follows here are not listed).
 */
@Component
class RoomHub {

  private record Room(Sinks.Many<StreamEvent> sink, Gauge followers) {}

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  RoomHub(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Hands {@code event} to every current follower of its room. */
  void publish(StreamEvent event) {
    Room room = rooms.get(event.room());
    if (room != null) {
      room.sink().emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }
  }

  /** The room's events from now on; a follower that stops reading misses nothing others get. */
  Flux<StreamEvent> follow(String room) {
    return Flux.defer(() -> rooms.computeIfAbsent(room, this::open).sink().asFlux())
        .doFinally(signal -> forgetIfUnfollowed(room));
  }

  private Room open(String name) {
    Sinks.Many<StreamEvent> sink = Sinks.many().multicast().directBestEffort();
    Gauge followers =
        Gauge.builder("natter.sse.room.followers", sink, Sinks.Many::currentSubscriberCount)
            .description("Streams on this gateway following the room")
            .tag("room", name)
            .register(registry);
    return new Room(sink, followers);
  }

  private void forgetIfUnfollowed(String name) {
    rooms.computeIfPresent(
        name,
        (key, room) -> {
          if (room.sink().currentSubscriberCount() > 0) {
            return room;
          }
          registry.remove(room.followers());
          return null;
        });
  }
}
