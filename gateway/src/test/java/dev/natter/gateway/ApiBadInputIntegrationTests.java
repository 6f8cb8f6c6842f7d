package dev.natter.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.net.URLEncoder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whatever a browser or a script sends the gateway's API (sessions, messages, history, rooms,
 * streams), it answers below 500, and every refusal is a problem detail without a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiBadInputIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(ApiBadInputIntegrationTests.class);
  static final int REQUESTS = 10_000;
  static final Set<Integer> ALLOWED =
      Set.of(200, 201, 202, 204, 400, 401, 404, 405, 406, 409, 413, 415, 429);

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

  final Map<Integer, Integer> statuses = new TreeMap<>();

  /** A request: method, path and query (encoded), headers and body. */
  record Call(String method, String target, Map<String, String> headers, String body) {}

  /** What came back; a stream's body only when it was refused. */
  record Reply(int status, String contentType, String body) {}

  static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
        Arbitraries.of(
            "",
            "general",
            "UPPER",
            "a".repeat(200),
            "../etc",
            "%",
            "<b>",
            "-1",
            "0",
            "1001",
            "99999999999999999999",
            "1e3",
            "null"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  static String quote(String value) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      json.append(
          c < ' ' || c > '~' || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : c);
    }
    return json.append('"').toString();
  }

  static Arbitrary<String> jsonBody(String field) {
    return Arbitraries.oneOf(
        text().map(value -> "{\"" + field + "\":" + quote(value) + "}"),
        Arbitraries.of("", "{", "[]", "null", "{\"" + field + "\":42}", "{\"" + field + "\":null}"),
        Arbitraries.strings().ofMaxLength(40));
  }

  static Arbitrary<Map<String, String>> headers(List<String> tokens) {
    Arbitrary<String> authorization =
        Arbitraries.oneOf(
            Arbitraries.of(tokens).map(token -> "Bearer " + token),
            text().map(value -> "Bearer " + value.replaceAll("[^ -~]", "")),
            Arbitraries.of("", "Basic x", "Bearer"));
    Arbitrary<String> contentType =
        Arbitraries.of("application/json", "text/plain", "application/xml", "", "garbage/");
    Arbitrary<String> lastEventId = text().map(value -> value.replaceAll("[^ -~]", "").strip());
    return Combinators.combine(
            authorization, contentType, lastEventId, Arbitraries.integers().between(0, 7))
        .as(
            (auth, type, last, which) -> {
              Map<String, String> headers = new TreeMap<>();
              if ((which & 1) != 0 && !auth.isBlank()) headers.put("Authorization", auth);
              if ((which & 2) != 0 && !type.isEmpty()) headers.put("Content-Type", type);
              if ((which & 4) != 0 && !last.isEmpty()) headers.put("Last-Event-ID", last);
              return headers;
            });
  }

  static Arbitrary<Call> calls(List<String> tokens) {
    Arbitrary<Map<String, String>> headers = headers(tokens);
    Arbitrary<String> room = text().map(ApiBadInputIntegrationTests::encode);
    return Arbitraries.oneOf(
        Combinators.combine(jsonBody("nick"), headers)
            .as((body, h) -> new Call("POST", "/api/sessions", h, body)),
        headers.map(h -> new Call("DELETE", "/api/sessions", h, "")),
        Combinators.combine(room, jsonBody("text"), headers)
            .as((r, body, h) -> new Call("POST", "/api/rooms/" + r + "/messages", h, body)),
        Combinators.combine(room, text(), text(), headers)
            .as(
                (r, limit, before, h) ->
                    new Call(
                        "GET",
                        "/api/rooms/"
                            + r
                            + "/messages?limit="
                            + encode(limit)
                            + "&before="
                            + encode(before),
                        h,
                        "")),
        Combinators.combine(room, Arbitraries.of("", "/members"), headers)
            .as((r, tail, h) -> new Call("GET", "/api/rooms/" + r + tail, h, "")),
        Combinators.combine(room, room, text(), headers)
            .as(
                (a, b, last, h) ->
                    new Call(
                        "GET",
                        "/api/stream?room=" + a + "&room=" + b + "&lastEventId=" + encode(last),
                        h,
                        "")),
        Combinators.combine(text(), Arbitraries.of("GET", "POST", "PUT", "PATCH"), headers)
            .as((path, method, h) -> new Call(method, "/api/" + encode(path), h, "{}")),
        headers.map(h -> new Call("GET", "/error", h, "")));
  }

  String token(int n) throws Exception {
    Reply session =
        send(
            new Call(
                "POST",
                "/api/sessions",
                Map.of("Content-Type", "application/json"),
                "{\"nick\":\"prober" + n + "\"}"));
    return JsonPath.read(session.body(), "$.token");
  }

  /**
   * Sends {@code call} over a connection of its own, closed after the answer: every request is
   * judged alone, and a stream is closed once its head has come.
   */
  Reply send(Call call) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      byte[] body = call.body().getBytes(UTF_8);
      StringBuilder head = new StringBuilder(call.method() + " " + call.target() + " HTTP/1.1\r\n");
      head.append("Host: localhost\r\nConnection: close\r\n");
      if (body.length > 0) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      call.headers()
          .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      // One write: a server that answers from the head alone must not find a body arriving later.
      byte[] start = head.append("\r\n").toString().getBytes(UTF_8);
      byte[] request = java.util.Arrays.copyOf(start, start.length + body.length);
      System.arraycopy(body, 0, request, start.length, body.length);
      socket.getOutputStream().write(request);
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      while (answer.indexOf("\r\n\r\n") < 0) {
        int b = in.read();
        assertThat(b).as("answer to %s ended in its head: %s", call, answer).isNotNegative();
        answer.append((char) b);
      }
      int status = Integer.parseInt(answer.substring(9, 12));
      String type =
          answer
              .toString()
              .lines()
              .filter(line -> line.regionMatches(true, 0, "Content-Type:", 0, 13))
              .map(line -> line.substring(13).trim())
              .findFirst()
              .orElse("");
      boolean stream = status == 200 && call.target().startsWith("/api/stream");
      return new Reply(status, type, stream ? "" : new String(in.readAllBytes(), UTF_8));
    }
  }

  @Test
  void answersEveryGeneratedRequestBelow500() throws Exception {
    List<String> tokens = List.of(token(1), token(2), token(3), token(4), token(5));

    for (Call call : calls(tokens).sampleStream().limit(REQUESTS).toList()) {
      Reply reply;
      try {
        reply = send(call);
      } catch (java.net.SocketTimeoutException e) {
        throw new AssertionError("No answer within 10 s to " + call, e);
      } catch (java.io.IOException e) {
        throw new AssertionError("Connection failed on " + call, e);
      }
      statuses.merge(reply.status(), 1, Integer::sum);
      assertThat(reply.status()).as("%s answered %s", call, reply.body()).isIn(ALLOWED);
      if (reply.status() >= 400) {
        assertThat(reply.contentType())
            .as("refusal of %s", call)
            .isEqualTo("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
      }
    }

    log.info("Gateway API: {} generated requests answered {}", REQUESTS, statuses);
    assertThat(statuses).as("a spread of answers").containsKeys(200, 201, 400, 404, 415);
  }
}
