package dev.natter.broker.trigger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.natter.broker.BrokerTestSupport;
import dev.natter.broker.StubSubscriber;
import dev.natter.broker.StubSubscriber.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Knative's delivery spec on Artemis: retries with backoff, dead letters, replay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryIntegrationTests {

  static final String ADMIN = "admin-token-for-tests";
  static StubSubscriber subscriber;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    BrokerTestSupport.embeddedBroker(registry);
    subscriber = new StubSubscriber();
    subscriber.answering(DeliveryIntegrationTests::answer);
    registry.add("natter.broker.admin-token", () -> ADMIN);
    trigger(
        registry, 0, "linear", "retry", "3", "backoff-policy", "linear", "backoff-delay", "PT0.3S");
    trigger(
        registry,
        1,
        "exponential",
        "retry",
        "3",
        "backoff-policy",
        "exponential",
        "backoff-delay",
        "PT0.1S");
    trigger(registry, 2, "permanent", "retry", "3");
    trigger(registry, 3, "poison", "retry", "2", "backoff-delay", "PT0.1S");
    trigger(registry, 4, "sink", "retry", "0", "dead-letter-sink.uri", subscriber.uri() + "sink");
    chatTrigger(registry, 5, "refusing", "chat.message.submitted");
    chatTrigger(registry, 6, "notices", "chat.message.failed");
  }

  static void chatTrigger(DynamicPropertyRegistry registry, int index, String name, String type) {
    String prefix = "natter.broker.triggers[" + index + "].";
    registry.add(prefix + "name", () -> name);
    registry.add(prefix + "filters[0].exact.type", () -> type);
    registry.add(prefix + "subscriber.uri", subscriber::uri);
    registry.add(prefix + "delivery.retry", () -> "1");
    registry.add(prefix + "delivery.backoff-delay", () -> "PT0.1S");
  }

  static void trigger(
      DynamicPropertyRegistry registry, int index, String name, String... delivery) {
    String prefix = "natter.broker.triggers[" + index + "].";
    registry.add(prefix + "name", () -> name);
    registry.add(prefix + "filters[0].exact.type", () -> "test." + name);
    registry.add(prefix + "subscriber.uri", subscriber::uri);
    for (int i = 0; i < delivery.length; i += 2) {
      String value = delivery[i + 1];
      registry.add(prefix + "delivery." + delivery[i], () -> value);
    }
  }

  /** Fails linear and exponential events, refuses permanent ones, chokes on bad JSON. */
  static Answer answer(StubSubscriber.Delivery delivery) {
    String type = delivery.header("Ce-type");
    return switch (type) {
      case "test.linear", "test.exponential" -> new Answer(503, Map.of(), "busy, try later");
      case "test.permanent" -> Answer.status(400);
      case "test.sink" ->
          delivery.path().endsWith("/sink") ? Answer.status(202) : Answer.status(500);
      case "chat.message.submitted" -> Answer.status(400);
      case "test.poison" ->
          delivery.body().startsWith("{not json") ? Answer.status(500) : Answer.status(204);
      default -> Answer.status(202);
    };
  }

  @AfterAll
  static void stop() {
    subscriber.close();
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  void ingest(String type, String id, String room, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .header("ce-specversion", "1.0")
            .header("ce-id", id)
            .header("ce-source", "/tests")
            .header("ce-type", type)
            .header("ce-room", room)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(202);
  }

  HttpResponse<String> admin(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + ADMIN)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static List<Long> gapsMillis(List<StubSubscriber.Delivery> deliveries) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < deliveries.size(); i++) {
      gaps.add((deliveries.get(i).nanos() - deliveries.get(i - 1).nanos()) / 1_000_000);
    }
    return gaps;
  }

  static void assertGapsNear(List<Long> gaps, long... expected) {
    assertThat(gaps).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(gaps.get(i))
          .as("gap %d of %s", i + 1, gaps)
          .isBetween(expected[i] - 50, expected[i] + 700);
    }
  }

  @Test
  void retriesWithLinearBackoffThenDeadLetters() throws Exception {
    ingest("test.linear", "lin-1", "general", "{}");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> subscriber.deliveries("test.linear").size() == 4);
    assertGapsNear(gapsMillis(subscriber.deliveries("test.linear")), 300, 600, 900);
    await().until(() -> admin("GET", "/dead-letters/linear").body().contains("lin-1"));
    String dead = admin("GET", "/dead-letters/linear").body();
    assertThat(JsonPath.<String>read(dead, "$[0].knativeerrorcode")).isEqualTo("503");
    assertThat(
            new String(
                Base64.getDecoder().decode(JsonPath.<String>read(dead, "$[0].knativeerrordata")),
                UTF_8))
        .isEqualTo("busy, try later");
    assertThat(JsonPath.<String>read(dead, "$[0].knativeerrordest")).isEqualTo(subscriber.uri());
    HttpResponse<String> one = admin("GET", "/dead-letters/linear/lin-1");
    assertThat(one.headers().firstValue("Content-Type")).hasValue("application/cloudevents+json");
    assertThat(JsonPath.<String>read(one.body(), "$.knativeerrorcode")).isEqualTo("503");
    assertThat(admin("GET", "/dead-letters/linear/no-such-id").statusCode()).isEqualTo(404);

    assertThat(metrics.get("natter.ingress.events").tag("type", "test.linear").counter().count())
        .isEqualTo(1);
    // 503 is what a subscriber starting from zero answers: waited for in place, then dead letter
    assertThat(dispatches("linear", "unavailable")).isEqualTo(3);
    assertThat(metrics.get("natter.dispatch.cold.wait").tag("trigger", "linear").timer().count())
        .isEqualTo(3);
    assertThat(dispatches("linear", "dead-letter")).isEqualTo(1);
    assertThat(dispatches("linear", "delivered")).isZero();
    assertThat(metrics.get("natter.dead.letters").tag("trigger", "linear").gauge().value())
        .isEqualTo(1);
  }

  @Autowired MeterRegistry metrics;

  long dispatches(String trigger, String outcome) {
    var timer =
        metrics.find("natter.dispatch").tag("trigger", trigger).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void retriesWithExponentialBackoff() throws Exception {
    ingest("test.exponential", "exp-1", "general", "{}");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> subscriber.deliveries("test.exponential").size() == 4);
    assertGapsNear(gapsMillis(subscriber.deliveries("test.exponential")), 200, 400, 800);
  }

  @Test
  void deadLettersAtOnceWhatTheSubscriberRefusesForGood() throws Exception {
    ingest("test.permanent", "perm-1", "general", "{}");

    await().until(() -> admin("GET", "/dead-letters/permanent").body().contains("perm-1"));
    assertThat(subscriber.deliveries("test.permanent")).hasSize(1);
  }

  @Test // C15
  void poisonMessageIsDeadLetteredIntactWhileTheRoomFlows() throws Exception {
    ingest("test.poison", "poison-1", "kitchen", "{not json");
    ingest("test.poison", "fine-1", "kitchen", "{\"fine\":true}");

    await().until(() -> admin("GET", "/dead-letters/poison").body().contains("poison-1"));
    var deliveries = subscriber.deliveries("test.poison");
    assertThat(deliveries.stream().filter(d -> "poison-1".equals(d.header("Ce-id")))).hasSize(3);
    assertThat(deliveries.stream().filter(d -> "fine-1".equals(d.header("Ce-id")))).hasSize(1);
    assertThat(deliveries.get(1).header("Ce-id"))
        .as("the room flows meanwhile")
        .isEqualTo("fine-1");
    String dead = admin("GET", "/dead-letters/poison").body();
    assertThat(JsonPath.<String>read(dead, "$[0].id")).isEqualTo("poison-1");
    assertThat(JsonPath.<String>read(dead, "$[0].source")).isEqualTo("/tests");
    assertThat(JsonPath.<String>read(dead, "$[0].type")).isEqualTo("test.poison");
    assertThat(JsonPath.<String>read(dead, "$[0].room")).isEqualTo("kitchen");
    String data = JsonPath.read(dead, "$[0].data_base64");
    assertThat(new String(Base64.getDecoder().decode(data), UTF_8)).isEqualTo("{not json");
    assertThat(dispatches("poison", "retry")).isEqualTo(2);
    assertThat(dispatches("poison", "dead-letter")).isEqualTo(1);
    assertThat(dispatches("poison", "delivered")).isEqualTo(1);
  }

  @Test
  void replaysDeadLettersForAFreshSetOfAttempts() throws Exception {
    ingest("test.permanent", "perm-replay", "general", "{}");
    await().until(() -> admin("GET", "/dead-letters/permanent").body().contains("perm-replay"));

    HttpResponse<String> replay = admin("POST", "/dead-letters/permanent/replay");

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Integer>read(replay.body(), "$.replayed")).isPositive();
    await()
        .until(
            () ->
                subscriber.deliveries("test.permanent").stream()
                        .filter(d -> "perm-replay".equals(d.header("Ce-id")))
                        .count()
                    == 2);
    StubSubscriber.Delivery again =
        subscriber.deliveries("test.permanent").stream()
            .filter(d -> "perm-replay".equals(d.header("Ce-id")))
            .toList()
            .get(1);
    assertThat(again.header("Ce-knativeerrorcode")).isNull();
  }

  @Test
  void sendsDeadLettersToTheSinkWithTheReasonAttached() throws Exception {
    ingest("test.sink", "sunk-1", "general", "{}");

    await().until(() -> subscriber.deliveries("test.sink").size() == 2);
    StubSubscriber.Delivery atSink = subscriber.deliveries("test.sink").get(1);
    assertThat(atSink.path()).isEqualTo("/sink");
    assertThat(atSink.header("Ce-id")).isEqualTo("sunk-1");
    assertThat(atSink.header("Ce-knativeerrorcode")).isEqualTo("500");
    assertThat(atSink.header("Ce-knativeerrordest")).isEqualTo(subscriber.uri());
    assertThat(admin("GET", "/dead-letters/sink").body()).isEqualTo("[]");
  }

  @Test
  void tellsTheAuthorOfADeadLetteredSubmissionThatItFailed() throws Exception {
    String trace = "0af7651916cd43dd8448eb211c80319c";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .header("ce-specversion", "1.0")
            .header("ce-id", "doomed-1")
            .header("ce-source", "/tests")
            .header("ce-type", "chat.message.submitted")
            .header("ce-room", "general")
            .header("ce-traceparent", "00-" + trace + "-b7ad6b7169203331-01")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"author\":\"zoe\",\"text\":\"hi\"}"))
            .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(202);

    await().until(() -> subscriber.deliveries("chat.message.failed").size() == 1);
    StubSubscriber.Delivery notice = subscriber.deliveries("chat.message.failed").get(0);
    assertThat(notice.header("Ce-room")).isEqualTo("general");
    assertThat(notice.header("Ce-chataudience")).isEqualTo("zoe");
    assertThat(notice.header("Ce-source")).isEqualTo("/natter/broker");
    assertThat(notice.header("Ce-traceparent")).contains(trace);
    assertThat(JsonPath.<String>read(notice.body(), "$.submissionId")).isEqualTo("doomed-1");
    assertThat(JsonPath.<String>read(notice.body(), "$.reason")).isEqualTo("undeliverable");
    assertThat(JsonPath.<String>read(notice.body(), "$.author")).isEqualTo("zoe");
    assertThat(subscriber.deliveries("chat.message.submitted")).hasSize(1);
  }

  @Test
  void keepsDeadLettersClosedToRequestsWithoutTheAdminToken() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dead-letters/permanent"))
            .build();

    assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(401);
    assertThat(admin("GET", "/dead-letters/nope").statusCode()).isEqualTo(404);
  }
}
