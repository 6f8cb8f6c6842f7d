package dev.natter.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Producers posting through the gateway on a fixed schedule: message {@code k} is meant to leave at
 * {@code start + k / rate}, whatever became of the ones before it, and carries that time.
 */
final class Producers implements AutoCloseable {

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private final ConnectionProvider pool =
      ConnectionProvider.builder("bench-producers")
          .maxConnections(512)
          .pendingAcquireMaxCount(-1)
          .build();
  private final HttpClient client;
  private final List<String> tokens = new ArrayList<>();
  private final Recorder accepted = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
  private final LongAdder refused = new LongAdder();
  private final LongAdder sent = new LongAdder();

  Producers(URI gateway) {
    this.client =
        HttpClient.create(pool).baseUrl(gateway.toString()).responseTimeout(Duration.ofSeconds(30));
  }

  /** Signs in {@code count} producers, each under a nick of its own. */
  void signIn(int count) {
    String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    for (int i = 0; i < count; i++) {
      String json = "{\"nick\":\"bench-" + run + "-" + i + "\"}";
      String body = post("/api/sessions", null, json).block(Duration.ofSeconds(30));
      Matcher token = TOKEN.matcher(body == null ? "" : body);
      if (!token.find()) {
        throw new IllegalStateException("No session for producer " + i + ": " + body);
      }
      tokens.add(token.group(1));
    }
  }

  /**
   * Sends {@code messages} at {@code rate} per second from {@code start}, message {@code k} to room
   * {@code k % rooms}, and returns once the last has left.
   */
  void run(long messages, int rate, long start, List<String> rooms) {
    long interval = 1_000_000_000L / rate;
    for (long k = 0; k < messages; k++) {
      long intended = start + k * interval;
      long wait;
      while ((wait = intended - Clock.now()) > 0) {
        LockSupport.parkNanos(wait);
      }
      send(k, intended, rooms.get((int) (k % rooms.size())));
    }
  }

  private void send(long k, long intended, String room) {
    String token = tokens.get((int) (k % tokens.size()));
    String json = "{\"text\":\"" + Marker.text(k, intended) + "\"}";
    sent.increment();
    post("/api/rooms/" + room + "/messages", token, json)
        .subscribe(
            body -> accepted.recordValue(Math.max(0, (Clock.now() - intended) / 1_000)),
            error -> refused.increment());
  }

  /** The body of a 2xx answer; other answers fail. */
  private Mono<String> post(String path, String token, String json) {
    return client
        .headers(
            headers -> {
              headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
              if (token != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
              }
            })
        .post()
        .uri(path)
        .send(ByteBufFlux.fromString(Mono.just(json)))
        .responseSingle(
            (response, body) ->
                response.status().code() / 100 == 2
                    ? body.asString().defaultIfEmpty("")
                    : body.asString()
                        .defaultIfEmpty("")
                        .flatMap(
                            text ->
                                Mono.error(
                                    new IllegalStateException(response.status() + " " + text))));
  }

  /** Submission to 202 Accepted, in microseconds against the intended send time. */
  Recorder accepted() {
    return accepted;
  }

  long refused() {
    return refused.sum();
  }

  long sent() {
    return sent.sum();
  }

  @Override
  public void close() {
    pool.disposeLater().block(Duration.ofSeconds(10));
  }
}
