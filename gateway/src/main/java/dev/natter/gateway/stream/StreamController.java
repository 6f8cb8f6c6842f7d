package dev.natter.gateway.stream;

import dev.natter.events.Nicks;
import dev.natter.gateway.presence.Presence;
import dev.natter.gateway.session.Identity;
import dev.natter.gateway.session.Tokens;
import dev.natter.gateway.web.ApiException;
import dev.natter.gateway.web.RoomNames;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One Server-Sent Events stream per page, carrying every room the page shows: each event named by
 * its type, identified by its history position, with the whole CloudEvent as data.
 */
@RestController
class StreamController {

  private static final Logger log = LoggerFactory.getLogger(StreamController.class);

  /** Sent first, after the rooms are followed, so headers flush and clients learn the retry. */
  private static final ServerSentEvent<String> OPENED =
      ServerSentEvent.<String>builder().comment("open").retry(Duration.ofSeconds(2)).build();

  /** Sent last when the gateway stops: come back soon. */
  private static final ServerSentEvent<String> CLOSING =
      ServerSentEvent.<String>builder().comment("closing").retry(Duration.ofSeconds(1)).build();

  private final RoomHub hub;
  private final StreamShutdown shutdown;
  private final StreamHistory history;
  private final StreamMetrics metrics;
  private final Presence presence;
  private final Tokens tokens;
  private final StreamProperties properties;

  StreamController(
      RoomHub hub,
      StreamHistory history,
      StreamProperties properties,
      StreamShutdown shutdown,
      Presence presence,
      Tokens tokens,
      StreamMetrics metrics) {
    this.metrics = metrics;
    this.presence = presence;
    this.tokens = tokens;
    this.hub = hub;
    this.history = history;
    this.shutdown = shutdown;
    this.properties = properties;
  }

  @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> stream(
      @RequestParam(name = "room", required = false) List<String> rooms,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
      @CookieValue(name = Tokens.COOKIE, required = false) String session,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    Set<String> followed = rooms(rooms);
    Long lastSeq = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter);
    response.getHeaders().setCacheControl("no-cache");
    response.getHeaders().set("X-Accel-Buffering", "no");
    Flux<ServerSentEvent<String>> answer =
        Mono.fromCallable(() -> member(session))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMapMany(
                identity -> {
                  String key = identity.map(member -> Nicks.key(member.nick())).orElse(null);
                  var stream =
                      stream(followed, lastSeq, key, request.getRemoteAddress())
                          .onErrorResume(ClientPace.SlowClient.class, why -> hangUp(response));
                  return identity.map(member -> present(stream, followed, member)).orElse(stream);
                });
    return metrics.counted(answer);
  }

  /** The events {@code rooms} have for the nick keyed {@code nickKey} (anyone when null). */
  private Flux<ServerSentEvent<String>> stream(
      Set<String> rooms, Long lastSeq, String nickKey, Object client) {
    ClientPace pace = new ClientPace(properties.buffer(), properties.stall());
    Flux<StreamEvent> live = Flux.merge(rooms.stream().map(hub::follow).toList());
    Flux<ServerSentEvent<String>> events =
        pace.buffered(
                (lastSeq == null ? live : resumed(live, rooms, lastSeq))
                    .filter(event -> event.isFor(nickKey)))
            .map(StreamController::toSse)
            .doOnNext(event -> metrics.delivered());
    // Ticks are counted whether or not the client takes them, so a stalled one is noticed.
    Flux<ServerSentEvent<String>> heartbeats =
        Flux.interval(properties.heartbeat())
            .doOnNext(tick -> pace.check())
            .onBackpressureDrop()
            .map(tick -> ServerSentEvent.<String>builder().comment("").build());
    return pace.taken(Flux.merge(events, Flux.just(OPENED), heartbeats))
        .takeUntilOther(shutdown.closing())
        .concatWith(Flux.just(CLOSING))
        .doOnError(ClientPace.SlowClient.class, why -> slowClient(client, why));
  }

  /**
   * Closes the connection of a client too slow: what is still queued for it is dropped, and the
   * stream ends without an error that the server would report.
   */
  private static <T> Flux<T> hangUp(ServerHttpResponse response) {
    if (ServerHttpResponseDecorator.getNativeResponse(response)
        instanceof HttpServerResponse nettyResponse) {
      nettyResponse.withConnection(Connection::dispose);
    }
    return Flux.empty();
  }

  /**
   * {@code stream}, with its member present in its rooms while it is open. Telling the broker
   * blocks, so it happens off the event loops.
   */
  private Flux<ServerSentEvent<String>> present(
      Flux<ServerSentEvent<String>> stream, Set<String> rooms, Identity member) {
    return Flux.usingWhen(
        Mono.fromCallable(() -> enter(rooms, member)).subscribeOn(Schedulers.boundedElastic()),
        entered -> stream,
        StreamController::leave,
        (entered, error) -> leave(entered),
        StreamController::leave);
  }

  private static Mono<Void> leave(List<Runnable> entered) {
    return Mono.<Void>fromRunnable(() -> entered.forEach(Runnable::run))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Whom the page's session cookie names, if it still holds its nick. */
  private Optional<Identity> member(String session) {
    return Optional.ofNullable(session)
        .flatMap(tokens::verify)
        .filter(identity -> presence.holds(identity.nick(), identity.session()));
  }

  private List<Runnable> enter(Set<String> rooms, Identity identity) {
    return rooms.stream()
        .map(room -> presence.enter(room, identity.nick(), identity.session()))
        .toList();
  }

  /**
   * What the client missed after {@code lastSeq}, then the live events. The live events are
   * followed first and held while the history is read, so nothing falls between the two; those the
   * replay already holds are dropped.
   */
  private Flux<StreamEvent> resumed(Flux<StreamEvent> live, Set<String> rooms, long lastSeq) {
    return Flux.defer(
        () -> {
          Sinks.Many<StreamEvent> held = Sinks.many().unicast().onBackpressureBuffer();
          Disposable following = live.subscribe(held::tryEmitNext, held::tryEmitError);
          return Mono.fromCallable(() -> history.after(rooms, lastSeq))
              .subscribeOn(Schedulers.boundedElastic())
              .flatMapMany(
                  replay ->
                      Flux.concat(
                          Flux.fromIterable(replay.events()),
                          held.asFlux().filter(event -> event.seq() > replay.last())))
              .doFinally(signal -> following.dispose());
        });
  }

  /** The position a client resumes from: a history position, or none. */
  private static Long position(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return null;
    }
    String position = lastEventId.trim();
    if (position.matches("\\d{1,18}")) {
      return Long.parseLong(position);
    }
    throw new ApiException(
        HttpStatus.BAD_REQUEST,
        "Invalid Last-Event-ID",
        "Last-Event-ID is the id of an event this stream sent: a position, 0 or more");
  }

  /** A client that stopped reading is let go, as designed: the others are not slowed. */
  private void slowClient(Object client, ClientPace.SlowClient why) {
    log.info(
        "NATTER-STREAM-001 Closed the stream of {}, a client too slow: {}",
        client,
        why.getMessage());

    metrics.slowClient();
  }

  private Set<String> rooms(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "No room", "Name the rooms to follow: ?room=a&room=b");
    }
    Set<String> rooms = new LinkedHashSet<>();
    requested.forEach(room -> rooms.add(RoomNames.require(room)));
    if (rooms.size() > properties.maxRooms()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Too many rooms",
          "One stream follows at most " + properties.maxRooms() + " rooms");
    }
    return rooms;
  }

  private static ServerSentEvent<String> toSse(StreamEvent event) {
    var sse = ServerSentEvent.builder(event.json()).event(event.type());
    if (event.hasPosition()) {
      sse.id(Long.toString(event.seq()));
    }
    return sse.build();
  }
}
