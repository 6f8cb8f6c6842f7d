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
  private final Presence presence;
  private final Duration lifetime;

  SessionController(Tokens tokens, Presence presence, SessionProperties properties) {
    this.tokens = tokens;
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

  /** The session a signed-in user changes nick from, if the request carries one. */
  private Optional<Identity> previous(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return tokens.verify(authorization.substring(7).trim());
  }

  private ResponseEntity<SessionResponse> start(String nick, Optional<Identity> previous) {
    String token = tokens.issue(new Identity(nick, presence.claim(nick)));
    previous.ifPresent(old -> presence.release(old.nick(), old.session()));
    ResponseCookie cookie =
        ResponseCookie.from(Tokens.COOKIE, token)
            .httpOnly(true)
            .sameSite("Strict")
            .path("/api/stream")
            .maxAge(lifetime)
            .build();
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .body(new SessionResponse(nick, token));
  }

  record SessionRequest(String nick) {}

  record SessionResponse(String nick, String token) {}
}
