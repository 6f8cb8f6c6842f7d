package dev.natter.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway is ready only while it can reach Artemis: no traffic comes to it otherwise. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessIntegrationTests {

  static TestBroker artemis;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    artemis = TestBroker.start();
    registry.add("natter.artemis.url", artemis::url);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    artemis.stop();
  }

  @LocalServerPort int port;

  int readiness() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void readinessFollowsTheBroker() throws Exception {
    await().until(() -> readiness() == 200);

    artemis.stop();
    await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 503);
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/livez"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .as("alive all the same: restarting it would not bring Artemis back")
        .isEqualTo(200);

    artemis.restart();
    await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 200);
  }
}
