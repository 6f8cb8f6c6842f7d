package dev.natter.broker.trigger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.natter.broker.BrokerTestSupport;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DispatcherIntegrationTests {

  /** What the stub subscriber received, by event id: the headers of each delivery. */
  static final Map<String, List<Map<String, List<String>>>> deliveries = new ConcurrentHashMap<>();

  static final AtomicInteger failuresLeft = new AtomicInteger();
  static HttpServer subscriber;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws IOException {
    BrokerTestSupport.embeddedBroker(registry);
    subscriber = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    subscriber.createContext("/", DispatcherIntegrationTests::answer);
    subscriber.start();
    String uri = "http://localhost:" + subscriber.getAddress().getPort() + "/";
    registry.add("natter.broker.triggers[0].name", () -> "stub");
    registry.add("natter.broker.triggers[0].filter.attributes.type", () -> "test.ping");
    registry.add("natter.broker.triggers[0].subscriber.uri", () -> uri);
  }

  /** Replies to "reply-*" events, answers 202 to "quiet-*" ones, fails "flaky-*" ones once. */
  static void answer(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestHeaders().getFirst("ce-id");
    exchange.getRequestBody().readAllBytes();
    deliveries
        .computeIfAbsent(id, key -> new CopyOnWriteArrayList<>())
        .add(exchange.getRequestHeaders());
    if (id.startsWith("flaky") && failuresLeft.getAndDecrement() > 0) {
      exchange.sendResponseHeaders(503, -1);
    } else if (id.startsWith("quiet")) {
      exchange.sendResponseHeaders(202, -1);
    } else {
      reply(exchange, id);
    }
    exchange.close();
  }

  static void reply(HttpExchange exchange, String id) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.add("ce-specversion", "1.0");
    headers.add("ce-id", "answer-to-" + id);
    headers.add("ce-source", "/stub");
    headers.add("ce-type", "chat.message.posted");
    headers.add("ce-room", "general");
    headers.add("Content-Type", "application/json");
    byte[] body = "{\"author\":\"stub\",\"text\":\"pong\"}".getBytes(UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  @AfterAll
  static void stopSubscriber() {
    subscriber.stop(0);
  }

  @LocalServerPort int port;
  @Autowired ActiveMQConnectionFactory artemis;

  final HttpClient http = HttpClient.newHttpClient();
  Connection connection;
  MessageConsumer stream;

  @BeforeEach
  void followTheStream() throws Exception {
    connection = artemis.createConnection();
    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    stream = session.createConsumer(session.createTopic(Destinations.STREAM));
    connection.start();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  void ingest(String id) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .header("ce-specversion", "1.0")
            .header("ce-id", id)
            .header("ce-source", "/tests")
            .header("ce-type", "test.ping")
            .header("ce-room", "general")
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(202);
  }

  @Test
  void deliversInBinaryModeAskingForAReply() throws Exception {
    ingest("reply-1");

    await().until(() -> deliveries.containsKey("reply-1"));
    Map<String, List<String>> headers = deliveries.get("reply-1").get(0);
    assertThat(headers.get("Ce-type")).containsExactly("test.ping");
    assertThat(headers.get("Ce-room")).containsExactly("general");
    assertThat(headers.get("Prefer")).containsExactly("reply");
  }

  @Test
  void publishesTheReplyBackToTheBroker() throws Exception {
    ingest("reply-2");

    Message message = stream.receive(10_000);
    assertThat(message).as("reply on the stream").isNotNull();
    CloudEvent reply = JmsCloudEvents.read(message);
    assertThat(reply.getId()).isEqualTo("answer-to-reply-2");
    assertThat(message.getLongProperty(Destinations.SEQUENCE)).isPositive();
  }

  @Test // C14
  void treatsAcceptedWithoutBodyAsSuccessWithNoReply() throws Exception {
    ingest("quiet-1");
    ingest("reply-3");

    Message next = stream.receive(10_000);
    assertThat(JmsCloudEvents.read(next).getId()).isEqualTo("answer-to-reply-3");
    assertThat(deliveries.get("quiet-1")).hasSize(1);
  }

  @Test
  void redeliversWhenTheSubscriberFails() throws Exception {
    failuresLeft.set(1);

    ingest("flaky-1");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> deliveries.getOrDefault("flaky-1", List.of()).size() == 2);
    assertThat(JmsCloudEvents.read(stream.receive(10_000)).getId()).isEqualTo("answer-to-flaky-1");
  }
}
