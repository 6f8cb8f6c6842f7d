package dev.natter.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.natter.gateway.TestBroker;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway that starts after others reads who is online from the last-value queue the broker
 * bridge declared, instead of failing to browse it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PresenceStateIntegrationTests {

  static TestBroker artemis;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    artemis = TestBroker.start();
    var server = artemis.server().getActiveMQServer();
    server.addAddressInfo(
        new AddressInfo(SimpleString.of(PresenceFeed.ADDRESS), RoutingType.MULTICAST));
    server.createQueue(
        QueueConfiguration.of(PresenceFeed.STATE)
            .setAddress(PresenceFeed.ADDRESS)
            .setRoutingType(RoutingType.MULTICAST)
            .setLastValue(true)
            .setNonDestructive(true));
    long now = System.currentTimeMillis();
    var early =
        new PresenceRecord(
            PresenceRecord.MEMBER,
            "early",
            "early",
            "lobby",
            "s1",
            "other",
            now,
            now + 60_000,
            true);
    try (var factory = new ActiveMQConnectionFactory(artemis.url());
        Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      session
          .createProducer(session.createTopic(PresenceFeed.ADDRESS))
          .send(early.toMessage(session));
    }
    registry.add("natter.artemis.url", artemis::url);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    artemis.stop();
  }

  @LocalServerPort int port;

  @Test
  void readsWhoIsOnlineFromTheStateTheBrokerKeeps() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest members =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rooms/lobby/members"))
            .build();
    await()
        .untilAsserted(
            () ->
                assertThat(http.send(members, HttpResponse.BodyHandlers.ofString()).body())
                    .contains("early"));
  }
}
