package dev.natter.broker.ingress;

/** A request without the bearer token the ingress is configured to require. */
class UnauthorizedException extends RuntimeException {

  UnauthorizedException() {
    super("Send the ingress token as 'Authorization: Bearer <token>'");
  }
}
