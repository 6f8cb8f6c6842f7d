package dev.natter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A chat user as the HTTP API sees one: a session, and SSE streams read in the background. */
final class ChatClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String token;
  private String cookie;

  ChatClient(LocalStack stack) {
    this(stack.ports().gateway());
  }

  /** A user of the gateway on {@code port}. */
  ChatClient(int port) {
    this.base = "http://localhost:" + port;
  }

  ChatClient signIn(String nick) throws Exception {
    HttpResponse<String> response = post("/api/sessions", "{\"nick\":\"" + nick + "\"}", null);
    assertThat(response.statusCode()).isEqualTo(201);
    token = JsonPath.read(response.body(), "$.token");
    cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return this;
  }

  /** The session's bearer token. */
  String token() {
    return token;
  }

  /** The same session, using the gateway on {@code port}. */
  ChatClient at(int port) {
    ChatClient elsewhere = new ChatClient(port);
    elsewhere.token = token;
    elsewhere.cookie = cookie;
    return elsewhere;
  }

  /** Ends the session; returns the HTTP status. */
  int signOut() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Tries to say {@code text} in {@code room}; returns the HTTP status. */
  int trySay(String room, String text) throws Exception {
    String json = "{\"text\":" + quote(text) + "}";
    return post("/api/rooms/" + room + "/messages", json, token).statusCode();
  }

  /** Says {@code text} in {@code room}; returns the submission's id. */
  String say(String room, String text) throws Exception {
    return say(room, text, Map.of());
  }

  /** Says {@code text} in {@code room} with {@code headers}, such as a W3C traceparent. */
  String say(String room, String text, Map<String, String> headers) throws Exception {
    String json = "{\"text\":" + quote(text) + "}";
    HttpResponse<String> response = post("/api/rooms/" + room + "/messages", json, token, headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JsonPath.read(response.body(), "$.id");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String bearer) throws Exception {
    return post(path, json, bearer, Map.of());
  }

  private HttpResponse<String> post(
      String path, String json, String bearer, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a stream of {@code rooms} and returns once it is open. */
  Events follow(String... rooms) throws Exception {
    return resume(null, rooms);
  }

  /** Opens a stream of {@code rooms} resuming after {@code lastEventId}, once it is open. */
  Events resume(String lastEventId, String... rooms) throws Exception {
    String query = String.join("&", Stream.of(rooms).map(room -> "room=" + room).toList());
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/stream?" + query));
    if (lastEventId != null) {
      builder.header("Last-Event-ID", lastEventId);
    }
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    HttpRequest request = builder.build();
    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    Events events = new Events(response.body());
    events.awaitOpen();
    return events;
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Events of one stream, parsed as they arrive. */
  static final class Events implements AutoCloseable {

    private final Stream<String> lines;
    private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

    Events(Stream<String> lines) {
      this.lines = lines;
      Thread reader = new Thread(() -> read(lines.iterator()), "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(Iterator<String> lines) {
      Map<String, String> event = new java.util.HashMap<>();
      try {
        while (lines.hasNext()) {
          String line = lines.next();
          if (line.startsWith(":")) {
            comments.add(line);
          } else if (line.isEmpty()) {
            if (event.containsKey("data")) {
              received.add(event);
            }
            event = new java.util.HashMap<>();
          } else {
            int colon = line.indexOf(':');
            event.put(line.substring(0, colon), line.substring(colon + 1));
          }
        }
      } catch (RuntimeException closed) {
        // the stream was closed by the test
      }
    }

    /** Every event received so far, in order, and those still to come within {@code wait}. */
    List<Map<String, String>> drain(Duration wait) throws InterruptedException {
      List<Map<String, String>> events = new ArrayList<>();
      Map<String, String> event;
      while ((event = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        events.add(event);
      }
      return events;
    }

    void awaitOpen() throws InterruptedException {
      assertThat(comments.poll(10, TimeUnit.SECONDS)).as("stream opened").isNotNull();
    }

    /** The next event of {@code type}, skipping others, within {@code timeout}. */
    Map<String, String> next(String type, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<Map<String, String>> skipped = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        Map<String, String> event =
            received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (event != null && type.equals(event.get("event"))) {
          return event;
        }
        if (event != null) {
          skipped.add(event);
        }
      }
      throw new AssertionError("No " + type + " within " + timeout + "; got " + skipped);
    }

    @Override
    public void close() {
      lines.close();
    }
  }
}
