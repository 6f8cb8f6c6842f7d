package dev.natter.gateway.message;

import dev.natter.gateway.web.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A token bucket per nick: a burst allowance, then one message per refill period. Others are not
 * affected by one nick's flood. Buckets are per gateway replica.
 */
@Component
class FloodControl {

  private final FloodProperties properties;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  FloodControl(FloodProperties properties) {
    this.properties = properties;
  }

  /** Takes one message's worth from {@code nick}'s bucket, or refuses with 429. */
  void take(String nick) {
    ConsumptionProbe probe =
        buckets.computeIfAbsent(nick, key -> bucket()).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      throw new TooManyMessagesException(seconds);
    }
  }

  /** Forgets nicks whose buckets are full again: they hold nothing worth keeping. */
  @Scheduled(fixedDelay = 60_000)
  void forgetIdle() {
    buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.burst());
  }

  private Bucket bucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(properties.burst())
                .refillGreedy(1, properties.refill())
                .build())
        .build();
  }

  /** A nick sending faster than allowed; it may try again after {@code retryAfter} seconds. */
  static class TooManyMessagesException extends ApiException {

    TooManyMessagesException(long retryAfter) {
      super(
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many messages",
          "You are sending faster than the room allows; try again in " + retryAfter + " s");
      headers().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }
  }
}
