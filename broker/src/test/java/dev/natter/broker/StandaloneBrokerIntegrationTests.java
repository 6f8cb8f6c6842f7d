package dev.natter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.natter.broker.StubSubscriber.Answer;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bridge against the Artemis distribution in its own process, with login required. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StandaloneBrokerIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(StandaloneBrokerIntegrationTests.class);
  static final int ROOMS = 10;

  static StandaloneArtemis artemis;
  static StubSubscriber subscriber;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    artemis = StandaloneArtemis.create(BrokerTestSupport.freePort());
    artemis.start();
    subscriber = new StubSubscriber();
    subscriber.answering(StandaloneBrokerIntegrationTests::reply);
    registry.add("natter.artemis.url", artemis::url);
    registry.add("natter.artemis.user", () -> StandaloneArtemis.USER);
    registry.add("natter.artemis.password", () -> StandaloneArtemis.PASSWORD);
    registry.add("natter.broker.triggers[0].name", () -> "echo");
    registry.add("natter.broker.triggers[0].filter.attributes.type", () -> "test.echo");
    registry.add("natter.broker.triggers[0].subscriber.uri", subscriber::uri);
    registry.add("natter.broker.triggers[0].delivery.retry", () -> "20");
    registry.add("natter.broker.triggers[0].delivery.backoff-delay", () -> "PT0.2S");
  }

  /** Answers each event with a posted message whose text is the event's id. */
  static Answer reply(StubSubscriber.Delivery delivery) {
    return new Answer(
        200,
        Map.of(
            "ce-specversion", "1.0",
            "ce-id", UUID.randomUUID().toString(),
            "ce-source", "/stub",
            "ce-type", "chat.message.posted",
            "ce-room", delivery.header("Ce-room"),
            "Content-Type", "application/json"),
        "{\"author\":\"stub\",\"text\":\""
            + delivery.header("Ce-id")
            + "\",\"submissionId\":\"x\"}");
  }

  @AfterAll
  static void stop() throws Exception {
    subscriber.close();
    artemis.close();
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  int ingest(String id, String room) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .timeout(Duration.ofSeconds(60))
            .header("ce-specversion", "1.0")
            .header("ce-id", id)
            .header("ce-source", "/tests")
            .header("ce-type", "test.echo")
            .header("ce-room", room)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  static Set<String> delivered() {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    subscriber.deliveries("test.echo").forEach(d -> ids.add(d.header("Ce-id")));
    return ids;
  }

  @Test
  void refusesConnectionsWithoutLogin() {
    var anonymous = new ActiveMQConnectionFactory(artemis.url());

    assertThatThrownBy(() -> anonymous.createConnection().close())
        .isInstanceOf(JMSSecurityException.class);
  }

  @Test
  void deliversAndPublishesRepliesThroughTheStandaloneBroker() {
    assertThat(ingest("standalone-1", "lobby")).isEqualTo(202);

    await().until(() -> delivered().contains("standalone-1"));
    await().until(() -> replyCounts("lobby").getOrDefault("standalone-1", 0) == 1);
  }

  @Test
  void deliversEveryAcceptedEventAfterTheBrokerIsKilledMidway() throws Exception {
    List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    Thread crash = new Thread(this::killAndRestart);
    for (int i = 0; i < 500; i++) {
      String id = "crash-" + i;
      if (i == 150) {
        crash.start();
      }
      if (ingest(id, "room-" + (i % ROOMS)) == 202) {
        accepted.add(id);
      }
    }
    crash.join();

    await().atMost(Duration.ofMinutes(3)).until(() -> delivered().containsAll(accepted));
    Map<String, Integer> replies = new HashMap<>();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              replies.clear();
              for (int room = 0; room < ROOMS; room++) {
                replies.putAll(replyCounts("room-" + room));
              }
              return replies.keySet().containsAll(accepted);
            });
    long redelivered = subscriber.deliveries("test.echo").size() - delivered().size();
    log.info(
        "Accepted {} of 500 across a kill -9 of Artemis; {} redelivered to the subscriber",
        accepted.size(),
        redelivered);
    assertThat(accepted).hasSizeGreaterThan(250);
    assertThat(replies.entrySet())
        .filteredOn(entry -> accepted.contains(entry.getKey()))
        .allSatisfy(entry -> assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(1));
  }

  @Test
  void readinessFollowsTheBroker() throws Exception {
    await().until(() -> status("/readyz") == 200);

    artemis.kill();
    await().atMost(Duration.ofSeconds(20)).until(() -> status("/readyz") == 503);
    assertThat(status("/livez")).as("alive: a restart would not bring Artemis back").isEqualTo(200);
    artemis.start();

    await().atMost(Duration.ofSeconds(30)).until(() -> status("/readyz") == 200);
  }

  int status(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void killAndRestart() {
    try {
      artemis.kill();
      artemis.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** How often each text appears among the replies kept in the room's history. */
  static Map<String, Integer> replyCounts(String room) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    var factory =
        new ActiveMQConnectionFactory(
            artemis.url(), StandaloneArtemis.USER, StandaloneArtemis.PASSWORD);
    try (var connection = factory.createConnection()) {
      Session session = connection.createSession();
      try (QueueBrowser browser =
          session.createBrowser(session.createQueue(Destinations.history(room)))) {
        for (Object message : Collections.list(browser.getEnumeration())) {
          byte[] data = JmsCloudEvents.read((Message) message).getData().toBytes();
          String text =
              new String(data, StandardCharsets.UTF_8)
                  .replaceAll(".*\"text\":\"([^\"]*)\".*", "$1");
          counts.merge(text, 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
