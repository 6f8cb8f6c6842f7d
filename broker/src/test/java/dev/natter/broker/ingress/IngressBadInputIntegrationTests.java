package dev.natter.broker.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natter.broker.BrokerTestSupport;
import dev.natter.events.http.EdgeVerdict;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Whatever producers post, the ingress answers below 500 and explains every refusal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngressBadInputIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(IngressBadInputIntegrationTests.class);
  static final int REQUESTS = 10_000;

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws IOException {
    BrokerTestSupport.embeddedBroker(registry);
    registry.add("natter.broker.triggers", () -> "");
    registry.add("natter.ingress.max-body-size", () -> "8KB");
  }

  @LocalServerPort int port;

  @Test
  void answersEveryGeneratedRequestBelow500() {
    EdgeVerdict verdict =
        new EdgeVerdict(URI.create("http://localhost:" + port + "/"), Set.of(202, 400, 413, 415));

    Map<Integer, Integer> statuses = verdict.checkGenerated(REQUESTS);

    log.info("Ingress: {} generated requests answered {}", REQUESTS, statuses);
    assertThat(statuses).containsKeys(202, 400);
  }
}
