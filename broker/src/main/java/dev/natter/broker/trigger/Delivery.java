package dev.natter.broker.trigger;

import java.net.URI;
import java.time.Duration;

/**
 * How failed deliveries are retried and where they end, as Knative's delivery spec: {@code retry}
 * retries after the first attempt, the {@code n}th waiting {@code backoffDelay * n} (linear) or
 * {@code backoffDelay * 2^n} (exponential), then the dead-letter sink, if any, and the trigger's
 * dead-letter queue. Unset fields are taken from the level above.
 *
 * @param retry how many times a failed delivery is retried
 * @param backoffPolicy {@code linear} or {@code exponential}
 * @param backoffDelay the base delay, ISO-8601 (e.g. {@code PT0.5S})
 * @param deadLetterSink where events go when every attempt failed
 * @see <a href="https://knative.dev/docs/eventing/event-delivery/">Knative event delivery</a>
 */
record Delivery(
    Integer retry,
    BackoffPolicy backoffPolicy,
    Duration backoffDelay,
    TriggerProperties.Destination deadLetterSink) {

  static final Delivery DEFAULTS =
      new Delivery(10, BackoffPolicy.EXPONENTIAL, Duration.ofMillis(500), null);

  /** The backoff policies of Knative's delivery spec. */
  enum BackoffPolicy {
    LINEAR,
    EXPONENTIAL
  }

  /** This delivery with every field {@code other} sets taken from {@code other}. */
  Delivery overriddenBy(Delivery other) {
    if (other == null) {
      return this;
    }
    return new Delivery(
        other.retry() != null ? other.retry() : retry,
        other.backoffPolicy() != null ? other.backoffPolicy() : backoffPolicy,
        other.backoffDelay() != null ? other.backoffDelay() : backoffDelay,
        other.deadLetterSink() != null ? other.deadLetterSink() : deadLetterSink);
  }

  /** How long to wait before retry number {@code retry} (1 for the first retry). */
  Duration backoff(int retry) {
    return backoffPolicy == BackoffPolicy.LINEAR
        ? backoffDelay.multipliedBy(retry)
        : backoffDelay.multipliedBy(1L << Math.min(retry, 30));
  }

  /** The dead-letter sink's URL, or {@code null}. */
  URI deadLetterUri() {
    return deadLetterSink == null ? null : deadLetterSink.uri();
  }
}
