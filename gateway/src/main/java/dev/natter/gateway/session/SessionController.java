package dev.natter.gateway.session;

import dev.natter.events.Nicks;
import dev.natter.gateway.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starts chat sessions: a nick in, a token bound to it out. */
@RestController
class SessionController {

  private final Tokens tokens;

  SessionController(Tokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/api/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  SessionResponse create(@RequestBody SessionRequest request) {
    String nick = request.nick() == null ? "" : Nicks.normalise(request.nick());
    if (!Nicks.isValid(nick)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid nick", "A nick is " + Nicks.RULE);
    }
    // TODO(#4): refuse nicks taken by someone online (case-insensitive, look-alikes) with 409.
    return new SessionResponse(nick, tokens.issue(nick));
  }

  record SessionRequest(String nick) {}

  record SessionResponse(String nick, String token) {}
}
