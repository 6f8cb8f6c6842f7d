package dev.natter.functions.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natter.events.http.EdgeVerdict;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whatever is posted to the functions, they answer below 500 and explain every refusal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadEventsIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(BadEventsIntegrationTests.class);
  static final int REQUESTS = 10_000;

  @LocalServerPort int port;

  @Test
  void answersEveryGeneratedRequestBelow500() {
    EdgeVerdict verdict =
        new EdgeVerdict(
            URI.create("http://localhost:" + port + "/"), Set.of(200, 202, 400, 413, 415));

    Map<Integer, Integer> statuses = verdict.checkGenerated(REQUESTS);

    log.info("Functions: {} generated requests answered {}", REQUESTS, statuses);
    assertThat(statuses).containsKeys(200, 400);
  }

  @Test
  void answersItsErrorPathAskedForDirectlyWith404() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/error"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
