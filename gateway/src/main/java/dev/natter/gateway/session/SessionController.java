package dev.natter.gateway.session;

import dev.natter.events.Nicks;
import dev.natter.gateway.presence.Presence;
import dev.natter.gateway.web.ApiException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Starts chat sessions: a nick in, a token bound to it out. */
@RestController
class SessionController {

  private final Tokens tokens;
  private final Authenticator authenticator;
  private final EndedSessions ended;
  private final Presence presence;
  private final Duration lifetime;

  SessionController(
      Tokens tokens,
      Authenticator authenticator,
      EndedSessions ended,
      Presence presence,
      SessionProperties properties) {
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.ended = ended;
    this.presence = presence;
    this.lifetime = properties.tokenLifetime();
  }

  @PostMapping("/api/sessions")
  Mono<ResponseEntity<SessionResponse>> create(
      @RequestBody SessionRequest request,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    String nick = request.nick() == null ? "" : Nicks.normalise(request.nick());
    if (!Nicks.isValid(nick)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid nick", "A nick is " + Nicks.RULE);
    }
    Optional<Identity> previous = previous(authorization);
    return Mono.fromCallable(() -> start(nick, previous)).subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * Ends the session the bearer token names: the token is refused from then on, its nick is free at
   * once and the stream's cookie is cleared. Ending a session already ended, or none, is not an
   * error.
   */
  @DeleteMapping("/api/sessions")
  Mono<ResponseEntity<Void>> end(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    Optional<Identity> identity = previous(authorization);
    return Mono.fromRunnable(() -> identity.ifPresent(this::finish))
        .subscribeOn(Schedulers.boundedElastic())
        .then(
            Mono.fromSupplier(
                () ->
                    ResponseEntity.noContent()
                        .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                        .<Void>build()));
  }

  /** The session a signed-in user changes nick from, if the request carries one. */
  private Optional<Identity> previous(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return authenticator.live(authorization.substring(7).trim());
  }

  private ResponseEntity<SessionResponse> start(String nick, Optional<Identity> previous) {
    String token = tokens.issue(new Identity(nick, presence.claim(nick)));
    previous.ifPresent(this::finish);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.SET_COOKIE, cookie(token, lifetime).toString())
        .body(new SessionResponse(nick, token));
  }

  /** Refuses the session's tokens from now on, then frees its nick. */
  private void finish(Identity session) {
    ended.end(session.session());
    presence.release(session.nick(), session.session());
  }

  /** The cookie that lets the page's stream, which cannot send headers, say whose it is. */
  private static ResponseCookie cookie(String token, Duration maxAge) {
    return ResponseCookie.from(Tokens.COOKIE, token)
        .httpOnly(true)
        .sameSite("Strict")
        .path("/api/stream")
        .maxAge(maxAge)
        .build();
  }

  record SessionRequest(String nick) {}

  record SessionResponse(String nick, String token) {}
}
