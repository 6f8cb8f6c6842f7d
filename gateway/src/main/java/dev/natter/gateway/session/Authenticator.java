package dev.natter.gateway.session;

import dev.natter.gateway.web.ApiException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds the nick behind a request's bearer token. */
@Component
public class Authenticator {

  private static final String BEARER = "Bearer ";

  private final Tokens tokens;
  private final EndedSessions ended;

  Authenticator(Tokens tokens, EndedSessions ended) {
    this.tokens = tokens;
    this.ended = ended;
  }

  /** Who sent a valid {@code Authorization: Bearer} header; 401 otherwise. */
  public Identity identity(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw unauthorized(
          "Send the token from POST /api/sessions as 'Authorization: Bearer <token>'");
    }
    return live(authorization.substring(BEARER.length()).trim())
        .orElseThrow(
            () -> unauthorized("The token is invalid or has expired; start a new session"));
  }

  /**
   * Whom a token names, if it is valid and its session has not ended: signing out, or taking
   * another nick, ends the old token at once, on every replica.
   */
  Optional<Identity> live(String token) {
    return tokens.verify(token).filter(identity -> !ended.isEnded(identity.session()));
  }

  private static ApiException unauthorized(String detail) {
    ApiException unauthorized = new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    unauthorized.headers().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return unauthorized;
  }
}
