package dev.natter.broker.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natter.broker.BrokerTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngressTokenIntegrationTests {

  static final String TOKEN = "ingress-token-for-tests";

  @DynamicPropertySource
  static void broker(DynamicPropertyRegistry registry) throws Exception {
    BrokerTestSupport.embeddedBroker(registry);
    registry.add("natter.ingress.token", () -> TOKEN);
  }

  @LocalServerPort int port;

  HttpResponse<String> post(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .header("ce-specversion", "1.0")
            .header("ce-id", "t-" + System.nanoTime())
            .header("ce-source", "/tests")
            .header("ce-type", "test.token")
            .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsEventsWithTheToken() throws Exception {
    assertThat(post("Bearer " + TOKEN).statusCode()).isEqualTo(202);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "Bearer", "Bearer wrong", "Basic aW5ncmVzcw==", "bearer " + TOKEN + "x"})
  void refusesEventsWithoutTheToken(String authorization) throws Exception {
    HttpResponse<String> response = post(authorization.isEmpty() ? null : authorization);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(response.body()).contains("Bearer <token>");
  }
}
