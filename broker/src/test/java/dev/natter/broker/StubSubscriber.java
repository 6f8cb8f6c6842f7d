package dev.natter.broker;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A subscriber on a local port that records every delivery and answers as it is told. */
public final class StubSubscriber implements AutoCloseable {

  /** One delivery: the event's headers and body, and when it arrived. */
  public record Delivery(String path, Map<String, List<String>> headers, String body, long nanos) {

    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }
  }

  /** What to answer: a status, reply headers (ce-* for a reply event) and a body. */
  public record Answer(int status, Map<String, String> headers, String body) {

    public static Answer status(int status) {
      return new Answer(status, Map.of(), "");
    }
  }

  private final HttpServer server;
  private final Map<String, List<Delivery>> byType = new ConcurrentHashMap<>();
  private final List<Delivery> all = new CopyOnWriteArrayList<>();
  private volatile Function<Delivery, Answer> answers = delivery -> Answer.status(202);

  public StubSubscriber() throws IOException {
    this(0);
  }

  public StubSubscriber(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  public String uri() {
    return "http://localhost:" + server.getAddress().getPort() + "/";
  }

  /** Answers with {@code answers} from now on. */
  public void answering(Function<Delivery, Answer> answers) {
    this.answers = answers;
  }

  public List<Delivery> deliveries(String type) {
    return byType.getOrDefault(type, List.of());
  }

  public List<Delivery> all() {
    return all;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
    Delivery delivery =
        new Delivery(
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body,
            System.nanoTime());

    String type = delivery.header("Ce-type");
    byType.computeIfAbsent(String.valueOf(type), key -> new CopyOnWriteArrayList<>()).add(delivery);
    all.add(delivery);
    Answer answer = answers.apply(delivery);
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    byte[] bytes = answer.body().getBytes(UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
