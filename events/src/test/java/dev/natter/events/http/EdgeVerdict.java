package dev.natter.events.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.natter.events.http.EventRequests.EventRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends generated requests to an edge and holds it to its promise: an answer below 500, and for
 * every refusal a problem detail without a stack trace. Prints how the answers were spread.
 */
public final class EdgeVerdict {

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI edge;
  private final Set<Integer> allowed;
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  /** A verdict on {@code edge}, which may answer only the {@code allowed} statuses. */
  public EdgeVerdict(URI edge, Set<Integer> allowed) {
    this.edge = edge;
    this.allowed = allowed;
  }

  /** Sends {@code count} generated requests and checks every answer; returns their statuses. */
  public Map<Integer, Integer> checkGenerated(int count) {
    EventRequests.sample(count)
        .forEach(
            request -> {
              try {
                check(request);
              } catch (Exception e) {
                throw new AssertionError("Could not send " + request, e);
              }
            });
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
    return statuses;
  }

  /** Sends {@code request} and checks the answer. */
  public void check(EventRequest request) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(edge).POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    statuses.merge(status, 1, Integer::sum);
    assertThat(status).as("%s answered %s to %s", edge, response.body(), request).isIn(allowed);
    if (status >= 400) {
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as("%s refusing %s", status, request)
          .startsWith("application/problem+json");
      assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
  }

  /** How many answers of each status, as {@code {202=..., 400=...}}. */
  public Map<Integer, Integer> statuses() {
    return statuses;
  }
}
