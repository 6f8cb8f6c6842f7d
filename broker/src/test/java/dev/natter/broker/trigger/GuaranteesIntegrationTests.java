package dev.natter.broker.trigger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.natter.broker.BrokerTestSupport;
import dev.natter.broker.StubSubscriber;
import dev.natter.broker.StubSubscriber.Answer;
import dev.natter.broker.artemis.EmbeddedArtemis;
import dev.natter.events.jms.Destinations;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Order per room, duplicates, reply loops and cold subscribers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuaranteesIntegrationTests {

  static StubSubscriber subscriber;
  static int coldPort;
  static StubSubscriber cold;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    BrokerTestSupport.embeddedBroker(registry);
    subscriber = new StubSubscriber();
    subscriber.answering(GuaranteesIntegrationTests::answer);
    coldPort = BrokerTestSupport.freePort();
    registry.add("natter.broker.ttl", () -> "5");
    registry.add("natter.broker.dispatch.concurrency", () -> "8");
    trigger(registry, 0, "order", subscriber.uri());
    trigger(registry, 1, "loop", subscriber.uri());
    trigger(registry, 2, "bytes", subscriber.uri());
    trigger(registry, 3, "cold", "http://localhost:" + coldPort + "/");
    trigger(registry, 4, "flaky", subscriber.uri());
    registry.add("natter.broker.triggers[4].delivery.retry", () -> "20");
    registry.add("natter.broker.triggers[4].delivery.backoff-policy", () -> "linear");
    registry.add("natter.broker.triggers[4].delivery.backoff-delay", () -> "PT0.2S");
    registry.add("natter.broker.triggers[3].delivery.retry", () -> "10");
    registry.add("natter.broker.triggers[3].delivery.backoff-delay", () -> "PT0.2S");
  }

  static void trigger(DynamicPropertyRegistry registry, int index, String name, String uri) {
    String prefix = "natter.broker.triggers[" + index + "].";
    registry.add(prefix + "name", () -> name);
    registry.add(prefix + "filter.attributes.type", () -> "test." + name);
    registry.add(prefix + "subscriber.uri", () -> uri);
  }

  static volatile boolean flakyIsDown = true;
  static final List<String> flakyDelivered = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Loops answer with another loop event; cold ones with a chat message; flaky ones are refused
   * while the subscriber is down; others get nothing.
   */
  static Answer answer(StubSubscriber.Delivery delivery) {
    String type = delivery.header("Ce-type");
    if ("test.flaky".equals(type)) {
      if (flakyIsDown) {
        return Answer.status(503);
      }
      flakyDelivered.add(delivery.header("Ce-id"));
      return Answer.status(204);
    }
    if ("test.loop".equals(type) || "test.cold".equals(type)) {
      String replyType = "test.loop".equals(type) ? "test.loop" : "chat.message.posted";
      return new Answer(
          200,
          Map.of(
              "ce-specversion",
              "1.0",
              "ce-id",
              UUID.randomUUID().toString(),
              "ce-source",
              "/stub",
              "ce-type",
              replyType,
              "ce-room",
              delivery.header("Ce-room"),
              "Content-Type",
              "application/json"),
          "{\"author\":\"stub\",\"text\":\""
              + delivery.header("Ce-id")
              + "\",\"submissionId\":\"x\"}");
    }
    return Answer.status(204);
  }

  @AfterAll
  static void stop() {
    subscriber.close();
    if (cold != null) {
      cold.close();
    }
  }

  @LocalServerPort int port;
  @Autowired ActiveMQConnectionFactory artemis;
  @Autowired EmbeddedArtemis embedded;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> post(String contentType, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  void ingest(String type, String id, String room) throws Exception {
    var headers =
        Map.of(
            "ce-specversion",
            "1.0",
            "ce-id",
            id,
            "ce-source",
            "/tests",
            "ce-type",
            type,
            "ce-room",
            room);
    assertThat(post("application/json", "{}", headers).statusCode()).isEqualTo(202);
  }

  static String structured(String type, String id, String room, int seq) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/tests\",\"type\":\""
        + type
        + "\",\"room\":\""
        + room
        + "\",\"datacontenttype\":\"application/json\",\"data\":{\"seq\":"
        + seq
        + "}}";
  }

  List<StubSubscriber.Delivery> ordered() {
    return subscriber.deliveries("test.order").stream()
        .filter(delivery -> delivery.header("Ce-id").startsWith("o-"))
        .toList();
  }

  long deliveriesOf(String type, String id) {
    return subscriber.deliveries(type).stream().filter(d -> id.equals(d.header("Ce-id"))).count();
  }

  @Test
  void keepsEachRoomInOrderAcrossEightConsumers() throws Exception {
    int rooms = 10;
    int perRoom = 100;
    for (int seq = 0; seq < perRoom; seq++) {
      List<String> batch = new ArrayList<>();
      for (int room = 0; room < rooms; room++) {
        batch.add(structured("test.order", "o-" + room + "-" + seq, "room-" + room, seq));
      }
      var response =
          post("application/cloudevents-batch+json", "[" + String.join(",", batch) + "]", Map.of());
      assertThat(response.statusCode()).isEqualTo(202);
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> ordered().size() >= rooms * perRoom);
    Map<String, List<Integer>> byRoom = new ConcurrentHashMap<>();
    for (StubSubscriber.Delivery delivery : ordered()) {
      int seq = Integer.parseInt(delivery.body().replaceAll("\\D", ""));
      byRoom.computeIfAbsent(delivery.header("Ce-room"), key -> new ArrayList<>()).add(seq);
    }
    assertThat(byRoom).hasSize(rooms);
    byRoom.forEach((room, seqs) -> assertThat(seqs).as(room).isSorted().hasSize(perRoom));
  }

  @Test
  void keepsARoomInOrderWhenItsSubscriberComesBack() throws Exception {
    for (int i = 0; i < 20; i++) {
      ingest("test.flaky", "flaky-" + i, "flaky-room");
    }
    await().until(() -> heldByDispatchers("natter.trigger.flaky") > 0);

    flakyIsDown = false;

    await().atMost(Duration.ofSeconds(30)).until(() -> flakyDelivered.size() == 20);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("flaky-" + i);
    }
    assertThat(flakyDelivered).containsExactlyElementsOf(expected);
  }

  @Test
  void dropsAnEventPostedTwice() throws Exception {
    ingest("test.order", "twice", "dup-room");
    ingest("test.order", "twice", "dup-room");
    ingest("test.order", "after-twice", "dup-room");

    await().until(() -> deliveriesOf("test.order", "after-twice") == 1);
    assertThat(deliveriesOf("test.order", "twice")).isEqualTo(1);
  }

  @Test // C13
  void stopsAReplyLoopAtTheHopLimit() throws Exception {
    ingest("test.loop", "loop-start", "loop-room");

    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(15))
        .until(() -> subscriber.deliveries("test.loop").size() == 5);
    assertThat(subscriber.deliveries("test.loop").get(4).header("Ce-knativebrokerttl"))
        .isEqualTo("1");
  }

  @Test // C11
  void deliversDataBase64AsTheDecodedBytes() throws Exception {
    String event =
        "{\"specversion\":\"1.0\",\"id\":\"b64\",\"source\":\"/tests\",\"type\":\"test.bytes\","
            + "\"room\":\"bytes\",\"datacontenttype\":\"text/plain\",\"data_base64\":\"R3LDvMOfZSDwn5GL\"}";

    assertThat(post("application/cloudevents+json", event, Map.of()).statusCode()).isEqualTo(202);

    await().until(() -> deliveriesOf("test.bytes", "b64") == 1);
    StubSubscriber.Delivery delivery = subscriber.deliveries("test.bytes").get(0);
    assertThat(delivery.body()).isEqualTo("Grüße 👋");
    assertThat(delivery.header("Content-type")).isEqualTo("text/plain");
  }

  @Test // C9
  void waitsForAColdSubscriberAndPublishesEachReplyOnce() throws Exception {
    Set<String> replies = ConcurrentHashMap.newKeySet();
    List<String> duplicates = new ArrayList<>();
    try (Connection connection = artemis.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session
          .createConsumer(session.createTopic(Destinations.STREAM))
          .setMessageListener(
              message -> {
                String text = text(message);
                if (!replies.add(text)) {
                  duplicates.add(text);
                }
              });
      connection.start();
      List<String> burst = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        burst.add(structured("test.cold", "cold-" + i, "cold-" + (i % 10), i));
      }

      assertThat(
              post(
                      "application/cloudevents-batch+json",
                      "[" + String.join(",", burst) + "]",
                      Map.of())
                  .statusCode())
          .isEqualTo(202);
      await().until(() -> heldByDispatchers("natter.trigger.cold") > 0);
      cold = new StubSubscriber(coldPort);
      cold.answering(GuaranteesIntegrationTests::answer);

      await().atMost(Duration.ofSeconds(60)).until(() -> replies.size() == 200);
      await().during(Duration.ofSeconds(1)).until(() -> replies.size() == 200);
      assertThat(duplicates).isEmpty();
      Set<String> delivered =
          cold.deliveries("test.cold").stream()
              .map(d -> d.header("Ce-id"))
              .collect(Collectors.toSet());
      assertThat(delivered).hasSize(200);
    }
  }

  /** Events the dispatchers hold while they wait for the subscriber to come up. */
  long heldByDispatchers(String queue) {
    return embedded.server().locateQueue(queue).getDeliveringCount();
  }

  static String text(Message message) {
    try {
      byte[] body = message.getBody(byte[].class);
      String json = new String(body, UTF_8);
      return json.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
