package dev.natter.broker.trigger;

/**
 * A subscriber did not take an event.
 *
 * @see <a href="https://github.com/knative/specs/blob/main/specs/eventing/data-plane.md">Knative
 *     data plane</a>
 */
class DeliveryException extends RuntimeException {

  private final int status;
  private final boolean retryable;
  private final byte[] body;

  /** A failure without an answer (connection refused, timeout): always worth retrying. */
  DeliveryException(String message) {
    this(message, 0, true, new byte[0]);
  }

  DeliveryException(String message, int status, boolean retryable, byte[] body) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.body = body;
  }

  /** A failure for the subscriber's answer {@code status}, retried as Knative retries it. */
  static DeliveryException forStatus(String subscriber, int status, byte[] body) {
    boolean retryable =
        status >= 500 || status == 404 || status == 408 || status == 409 || status == 429;
    return new DeliveryException(subscriber + " answered " + status, status, retryable, body);
  }

  /** The HTTP status the subscriber answered, 0 when it did not answer. */
  int status() {
    return status;
  }

  boolean retryable() {
    return retryable;
  }

  /**
   * Whether the subscriber as a whole is unavailable (no answer, 404, 429, 502, 503, 504), rather
   * than failing on this one event: then every event would fail alike.
   */
  boolean unavailable() {
    return status == 0 || status == 404 || status == 429 || (status >= 502 && status <= 504);
  }

  /** The body of the subscriber's answer, possibly empty. */
  byte[] body() {
    return body;
  }
}
