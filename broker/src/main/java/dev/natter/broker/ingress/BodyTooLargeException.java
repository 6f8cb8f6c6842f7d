package dev.natter.broker.ingress;

/** A request body over the configured limit. */
class BodyTooLargeException extends RuntimeException {

  BodyTooLargeException(int limit) {
    super("The request body is larger than the limit of " + limit + " bytes");
  }
}
