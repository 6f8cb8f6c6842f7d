package dev.natter.gateway.session;

import dev.natter.events.Nicks;
import dev.natter.gateway.presence.Presence;
import dev.natter.gateway.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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
  ResponseEntity<SessionResponse> create(@RequestBody SessionRequest request) {
    String nick = request.nick() == null ? "" : Nicks.normalise(request.nick());
    if (!Nicks.isValid(nick)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid nick", "A nick is " + Nicks.RULE);
    }
    String token = tokens.issue(new Identity(nick, presence.claim(nick)));
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
