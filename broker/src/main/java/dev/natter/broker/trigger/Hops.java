package dev.natter.broker.trigger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.Optional;

/**
 * The hop counter that stops reply loops: the extension {@code knativebrokerttl}, as Knative's
 * broker names it, set when an event enters and lowered by one each time a reply re-enters.
 */
public final class Hops {

  /** The extension attribute holding the hops an event has left. */
  public static final String TTL = "knativebrokerttl";

  private Hops() {}

  /** {@code event} with {@code ttl} hops if it carries no valid count of its own. */
  public static CloudEvent entering(CloudEvent event, int ttl) {
    if (remaining(event) > 0) {
      return event;
    }
    return CloudEventBuilder.from(event).withExtension(TTL, ttl).build();
  }

  /** {@code reply} with one hop fewer than {@code cause}, or empty when none are left. */
  static Optional<CloudEvent> replying(CloudEvent cause, CloudEvent reply, int defaultTtl) {
    int left = remaining(cause);
    int next = (left > 0 ? left : defaultTtl) - 1;
    if (next <= 0) {
      return Optional.empty();
    }
    return Optional.of(CloudEventBuilder.from(reply).withExtension(TTL, next).build());
  }

  private static int remaining(CloudEvent event) {
    Object ttl = event.getExtension(TTL);
    if (ttl == null) {
      return 0;
    }
    try {
      return Integer.parseInt(ttl.toString().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
