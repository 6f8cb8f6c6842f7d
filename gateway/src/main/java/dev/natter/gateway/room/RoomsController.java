package dev.natter.gateway.room;

import dev.natter.gateway.history.HistoryQueues;
import dev.natter.gateway.presence.Presence;
import dev.natter.gateway.web.RoomNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The rooms there are, with their topics and who is online. Rooms are created by their first
 * message; the broker keeps the directory (the last-value queue {@code natter.rooms}).
 */
@RestController
class RoomsController {

  static final String DIRECTORY = "natter.rooms";

  private final HistoryQueues queues;
  private final Presence presence;

  RoomsController(HistoryQueues queues, Presence presence) {
    this.queues = queues;
    this.presence = presence;
  }

  /** A room as the API shows it. */
  record Room(String name, String topic, List<String> online) {}

  @GetMapping("/api/rooms")
  Mono<List<Room>> rooms() {
    return Mono.fromCallable(
            () ->
                directory().entrySet().stream()
                    .map(entry -> room(entry.getKey(), entry.getValue()))
                    .toList())
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/api/rooms/{room}")
  Mono<Room> room(@PathVariable String room) {
    RoomNames.require(room);
    return Mono.fromCallable(() -> room(room, directory().getOrDefault(room, "")))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private Room room(String name, String topic) {
    return new Room(name, topic, presence.members(name));
  }

  /** Room name to topic (empty when it has none), sorted by name. */
  private Map<String, String> directory() {
    Map<String, String> rooms = new TreeMap<>();
    queues
        .browseQueue(
            DIRECTORY,
            null,
            message ->
                Optional.of(
                    Map.entry(
                        message.getStringProperty("room"),
                        Optional.ofNullable(message.getStringProperty("topic")).orElse(""))))
        .forEach(
            entry -> rooms.merge(entry.getKey(), entry.getValue(), (a, b) -> a.isEmpty() ? b : a));
    presence.rooms().forEach(room -> rooms.putIfAbsent(room, ""));
    return rooms;
  }
}
