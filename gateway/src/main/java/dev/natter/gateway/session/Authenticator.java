package dev.natter.gateway.session;

import dev.natter.gateway.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds the nick behind a request's bearer token. */
@Component
public class Authenticator {

  private static final String BEARER = "Bearer ";

  private final Tokens tokens;

  Authenticator(Tokens tokens) {
    this.tokens = tokens;
  }

  /** Who sent a valid {@code Authorization: Bearer} header; 401 otherwise. */
  public Identity identity(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw unauthorized(
          "Send the token from POST /api/sessions as 'Authorization: Bearer <token>'");
    }
    return tokens
        .verify(authorization.substring(BEARER.length()).trim())
        .orElseThrow(
            () -> unauthorized("The token is invalid or has expired; start a new session"));
  }

  private static ApiException unauthorized(String detail) {
    ApiException unauthorized = new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    unauthorized.headers().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return unauthorized;
  }
}
