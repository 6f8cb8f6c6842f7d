package dev.natter.gateway.message;

import dev.natter.events.ChatEvents;
import dev.natter.events.Commands;
import dev.natter.events.EventData;
import dev.natter.events.EventTracing;
import dev.natter.events.SubmittedMessage;
import dev.natter.events.jms.BrokerSender;
import dev.natter.gateway.presence.Presence;
import dev.natter.gateway.session.Authenticator;
import dev.natter.gateway.session.Identity;
import dev.natter.gateway.web.ApiException;
import dev.natter.gateway.web.RoomNames;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Turns what users say into submitted events, and reads back what a room has said. */
@RestController
class MessageController {

  private static final Logger log = LoggerFactory.getLogger(MessageController.class);

  static final URI SOURCE = ChatEvents.GATEWAY_SOURCE;

  private final Authenticator authenticator;
  private final JmsTemplate jms;
  private final RoomHistory history;
  private final Clock clock;
  private final FloodControl flood;
  private final Presence presence;
  private final EventTracing tracing;

  MessageController(
      Authenticator authenticator,
      JmsTemplate jms,
      RoomHistory history,
      Clock clock,
      FloodControl flood,
      Presence presence,
      EventTracing tracing) {
    this.tracing = tracing;
    this.flood = flood;
    this.presence = presence;
    this.authenticator = authenticator;
    this.jms = jms;
    this.history = history;
    this.clock = clock;
  }

  @PostMapping("/api/rooms/{room}/messages")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<Accepted> submit(
      @PathVariable String room,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody MessageRequest request) {
    Identity identity = authenticator.identity(authorization);
    RoomNames.require(room);
    if (request.text() == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid message", "Send {\"text\": \"...\"}");
    }
    flood.take(identity.nick());
    // The request's trace (the page sends a traceparent) goes on with the event.
    CloudEvent event =
        tracing.stamp(
            Commands.tag(submitted(room, new SubmittedMessage(identity.nick(), request.text()))));
    return Mono.fromRunnable(
            () -> {
              requireNick(identity);
              send(event);
            })
        .subscribeOn(Schedulers.boundedElastic())
        .thenReturn(new Accepted(event.getId()));
  }

  @GetMapping("/api/rooms/{room}/messages")
  Mono<List<MessageView>> recent(
      @PathVariable String room,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) Long before) {
    RoomNames.require(room);
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid limit", "limit is 1 to 1000");
    }
    if (before != null && before < 1) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Invalid before", "before is a position, 1 or more");
    }
    return Mono.fromCallable(() -> history.recent(room, limit, before))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** The session must still hold its nick; asking the broker blocks, so not on an event loop. */
  private void requireNick(Identity identity) {
    if (!presence.holds(identity.nick(), identity.session())) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Nick taken",
          "Your session lapsed and someone else took '" + identity.nick() + "'; sign in again");
    }
  }

  private CloudEvent submitted(String room, SubmittedMessage message) {
    return CloudEventBuilder.v1()
        .withId(UUID.randomUUID().toString())
        .withSource(SOURCE)
        .withType(ChatEvents.MESSAGE_SUBMITTED)
        .withTime(OffsetDateTime.now(clock))
        .withExtension(ChatEvents.ROOM, room)
        .withData(ChatEvents.JSON, EventData.write(message))
        .build();
  }

  private void send(CloudEvent event) {
    try (var handling = tracing.handle("submit", event)) {
      log.debug("Submitting to the broker");
      jms.execute(
          session -> {
            BrokerSender.send(session, List.of(event));
            return null;
          });
    }
  }

  record MessageRequest(String text) {}

  record Accepted(String id) {}
}
