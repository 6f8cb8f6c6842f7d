package dev.natter.gateway.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Fans each room's events out to the streams that follow the room. */
@Component
class RoomHub {

  private final Map<String, Sinks.Many<StreamEvent>> rooms = new ConcurrentHashMap<>();

  /** Hands {@code event} to every current follower of its room. */
  void publish(StreamEvent event) {
    Sinks.Many<StreamEvent> sink = rooms.get(event.room());
    if (sink != null) {
      sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofSeconds(1)));
    }
  }

  /** The room's events from now on; a follower that stops reading misses nothing others get. */
  Flux<StreamEvent> follow(String room) {
    return Flux.defer(
            () ->
                rooms
                    .computeIfAbsent(room, name -> Sinks.many().multicast().directBestEffort())
                    .asFlux())
        .doFinally(signal -> forgetIfUnfollowed(room));
  }

  private void forgetIfUnfollowed(String room) {
    rooms.computeIfPresent(room, (name, sink) -> sink.currentSubscriberCount() == 0 ? null : sink);
  }
}
