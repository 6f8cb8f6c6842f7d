package dev.natter.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and words to answer it with. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final HttpHeaders headers = new HttpHeaders();

  /** A refusal with {@code status}, a short {@code title} and a {@code detail} to act on. */
  public ApiException(HttpStatus status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** Headers the answer carries, such as {@code Retry-After}. */
  public HttpHeaders headers() {
    return headers;
  }
}
