package dev.natter.broker.ingress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.natter.broker.BrokerTestSupport;
import dev.natter.events.jms.Destinations;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngressIntegrationTests {

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws IOException {
    BrokerTestSupport.embeddedBroker(registry);
    registry.add("natter.broker.triggers", () -> "");
    registry.add("natter.ingress.max-body-size", () -> "1KB");
  }

  @LocalServerPort int port;
  @Autowired ActiveMQConnectionFactory artemis;

  final HttpClient http = HttpClient.newHttpClient();
  Connection connection;
  MessageConsumer broker;

  @BeforeEach
  void listenToTheBrokerAddress() throws Exception {
    connection = artemis.createConnection();
    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    broker = session.createConsumer(session.createTopic(Destinations.BROKER));
    connection.start();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
  }

  HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, String> binary(String id) {
    return Map.of(
        "ce-specversion", "1.0",
        "ce-id", id,
        "ce-source", "/tests",
        "ce-type", "chat.message.submitted",
        "ce-room", "general",
        "Content-Type", "application/json");
  }

  CloudEvent received() throws Exception {
    Message message = broker.receive(5_000);
    assertThat(message).as("message on the broker address").isNotNull();
    return JmsCloudEvents.read(message);
  }

  static String structured(String id) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + id
        + "\",\"source\":\"/tests\","
        + "\"type\":\"chat.message.submitted\",\"room\":\"general\","
        + "\"datacontenttype\":\"application/json\",\"data\":{\"author\":\"bot\",\"text\":\"hi\"}}";
  }

  @Test
  void acceptsStructuredMode() throws Exception {
    HttpResponse<String> response =
        post(Map.of("Content-Type", "application/cloudevents+json"), structured("s-1"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(received().getId()).isEqualTo("s-1");
  }

  @Test
  void acceptsWholeBatch() throws Exception {
    String batch = "[" + structured("batch-1") + "," + structured("batch-2") + "]";

    HttpResponse<String> response =
        post(Map.of("Content-Type", "application/cloudevents-batch+json"), batch);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(received().getId()).isEqualTo("batch-1");
    assertThat(received().getId()).isEqualTo("batch-2");
  }

  @Test
  void refusesWholeBatchWithOneInvalidEvent() throws Exception {
    String batch =
        "[" + structured("ok-1") + "," + structured("").replace("\"id\":\"\",", "") + "]";

    HttpResponse<String> response =
        post(Map.of("Content-Type", "application/cloudevents-batch+json"), batch);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"attribute\":\"id\"").contains("\"index\":1");
    assertThat(broker.receive(500)).isNull();
  }

  @Test
  void refusesHeadersOverTheLimitWithAProblemDetail() throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(binary("huge"));
    headers.put("ce-subject", "x".repeat(70_000));

    HttpResponse<String> response = post(headers, "{\"author\":\"bot\",\"text\":\"hi\"}");

    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + response.statusCode());
  }

  @Test
  void namesTheEventOfABatchThatBreaksTheChatContract() throws Exception {
    String batch =
        "["
            + structured("fine-1")
            + ","
            + structured("textless-2").replace(",\"text\":\"hi\"", "")
            + "]";

    HttpResponse<String> response =
        post(Map.of("Content-Type", "application/cloudevents-batch+json"), batch);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"index\":1", "\"id\":\"textless-2\"", "Event 1 of the batch ('textless-2')");
    assertThat(broker.receive(500)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ce-id", "ce-source", "ce-type", "ce-specversion"})
  void refusesEventWithoutRequiredAttributeNamingIt(String header) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(binary("missing"));
    headers.remove(header);

    HttpResponse<String> response = post(headers, "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"attribute\":\"" + header.substring(3) + "\"")
        .doesNotContain("Exception");
  }

  @ParameterizedTest // C10
  @ValueSource(strings = {"0.2", "2.0"})
  void refusesUnknownSpecVersionWith400(String version) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(binary("v"));
    headers.put("ce-specversion", version);

    HttpResponse<String> response = post(headers, "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"attribute\":\"specversion\"");
  }

  @Test
  void refusesChatEventWithInvalidRoom() throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(binary("r"));
    headers.put("ce-room", "No Such/Room");

    HttpResponse<String> response = post(headers, "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"attribute\":\"room\"");
  }

  @Test
  void acceptsTheSameEventTwiceButHandsItOnOnce() throws Exception {
    String body = "{\"author\":\"bot\",\"text\":\"hi\"}";

    assertThat(post(binary("again"), body).statusCode()).isEqualTo(202);
    assertThat(post(binary("again"), body).statusCode()).isEqualTo(202);
    assertThat(post(binary("after-again"), body).statusCode()).isEqualTo(202);

    assertThat(received().getId()).isEqualTo("again");
    assertThat(received().getId()).isEqualTo("after-again");
  }

  @Test
  void acceptsAnEmptyBatch() throws Exception {
    HttpResponse<String> response =
        post(Map.of("Content-Type", "application/cloudevents-batch+json"), "[]");

    assertThat(response.statusCode()).isEqualTo(202);
  }

  /** Every chat type but a submission is Natter's own: forging one would, say, set a topic. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "chat.message.posted",
        "chat.message.rejected",
        "chat.message.failed",
        "chat.topic.changed",
        "chat.nick.requested",
        "chat.dice.rolled",
        "chat.anything.new",
        "natter.resync"
      })
  void refusesTypesOnlyNatterPublishes(String type) throws Exception {
    Map<String, String> headers = new java.util.HashMap<>(binary("forged-" + type));
    headers.put("ce-type", type);

    HttpResponse<String> response = post(headers, "{\"author\":\"alice\",\"text\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"attribute\":\"type\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "{\"text\":\"no author\"}",
        "{\"author\":\"Bad Nick!\",\"text\":\"x\"}",
        "{\"author\":\"bot\"}"
      })
  void refusesSubmissionsThePageCouldNotHaveMade(String data) throws Exception {
    HttpResponse<String> response = post(binary("bad-data"), data);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"attribute\":\"data\"");
  }

  @Test
  void answersOtherMethodsWithAProblemDetail() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).GET().build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded"
      })
  void refusesMediaTypeItDoesNotRead(String mediaType) throws Exception {
    HttpResponse<String> response = post(Map.of("Content-Type", mediaType), "--x\r\n\r\n--x--");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("Unsupported media type");
  }

  @Test
  void refusesBodyOverTheLimit() throws Exception {
    HttpResponse<String> response = post(binary("big"), "x".repeat(2_000));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(broker.receive(500)).isNull();
  }

  @Test
  void acceptsBinaryModeOnceTheBrokerHasIt() throws Exception {

    HttpResponse<String> response = post(binary("b-1"), "{\"author\":\"bot\",\"text\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    CloudEvent event = received();
    assertThat(event.getId()).isEqualTo("b-1");
    assertThat(event.getExtension("room")).isEqualTo("general");
    assertThat(new String(event.getData().toBytes(), UTF_8)).contains("\"text\":\"hi\"");
  }
}
