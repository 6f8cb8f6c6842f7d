package dev.natter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class GatewayShutdownIntegrationTests {

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void endsOpenStreamsQuicklyWhenStoppingAndTellsClientsToComeBack() throws Exception {
    int artemisPort = freePort();
    int port = freePort();
    EmbeddedActiveMQ artemis = new EmbeddedActiveMQ();
    artemis.setConfiguration(
        new ConfigurationImpl()
            .setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .addAcceptorConfiguration("core", "tcp://localhost:" + artemisPort));
    artemis.start();
    ConfigurableApplicationContext gateway =
        new SpringApplicationBuilder(GatewayApplication.class)
            .run("--server.port=" + port, "--natter.artemis.url=tcp://localhost:" + artemisPort);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/stream?room=general"))
              .build();
      HttpResponse<Stream<String>> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
      var lines = response.body().iterator();
      assertThat(List.of(lines.next(), lines.next())).contains(":open");

      Instant stopping = Instant.now();
      gateway.close();

      List<String> rest = new java.util.ArrayList<>();
      lines.forEachRemaining(rest::add);
      assertThat(Duration.between(stopping, Instant.now())).isLessThan(Duration.ofSeconds(10));
      assertThat(rest).contains(":closing", "retry:1000");
    } finally {
      gateway.close();
      artemis.stop();
    }
  }
}
