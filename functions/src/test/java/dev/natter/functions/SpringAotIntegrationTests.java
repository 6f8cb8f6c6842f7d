package dev.natter.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The functions image starts from the beans Spring AOT generated at build time: the packaged jar,
 * run that way, serves its functions and probes as the tests' ordinary context does.
 */
class SpringAotIntegrationTests {

  static final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path work;
  Process app;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.destroy();
      app.waitFor();
    }
  }

  int start(String functions, String managementPort) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.aot.enabled=true",
                "-jar",
                System.getProperty("natter.functions-jar"))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("app.log").toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("NATTER_FUNCTIONS", functions);
    builder.environment().put("NATTER_MANAGEMENT_PORT", managementPort);
    app = builder.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> get(port, "/readyz").statusCode() == 200);
    return port;
  }

  String log() throws IOException {
    return Files.readString(work.resolve("app.log"));
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> submit(int port, String text, boolean command) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
            .header("ce-specversion", "1.0")
            .header("ce-id", "aot-" + System.nanoTime())
            .header("ce-source", "/tests/aot")
            .header("ce-type", "chat.message.submitted")
            .header("ce-room", "general")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"author\":\"ada\",\"text\":\"" + text + "\"}"));
    if (command) {
      request.header("ce-chatcommand", "roll");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheFunctionItIsToldAndItsMetrics() throws Exception {
    int port = start("postMessage", "");

    HttpResponse<String> posted = submit(port, "hello", false);
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.headers().firstValue("ce-type")).hasValue("chat.message.posted");
    assertThat(posted.body()).contains("\"text\":\"hello\"");

    HttpResponse<String> command = submit(port, "/roll 2d6", true);
    assertThat(command.statusCode())
        .as("runCommand is not served here: %s", command.body())
        .isEqualTo(400);

    assertThat(get(port, "/actuator/prometheus").body()).contains("natter_");
    assertThat(log()).contains("Starting AOT-processed").doesNotContain("NATTER-FUNCTIONS-001");
  }

  @Test
  void warnsThatAManagementPortIsIgnored() throws Exception {
    int port = start("runCommand", "9");

    HttpResponse<String> command = submit(port, "/roll 2d6", true);
    assertThat(command.statusCode()).isEqualTo(200);
    assertThat(command.headers().firstValue("ce-type")).hasValue("chat.dice.rolled");

    assertThat(get(port, "/actuator/prometheus").statusCode())
        .as("metrics stay on the app's port")
        .isEqualTo(200);
    assertThat(log()).contains("NATTER-FUNCTIONS-001 Management port 9 ignored");
  }
}
