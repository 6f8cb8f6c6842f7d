package dev.natter.broker.trigger;

import dev.natter.events.EventTracing;
import dev.natter.events.InvalidEventException;
import dev.natter.events.http.CloudEventHttp;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** POSTs events to subscribers in binary mode and reads the reply event, if any. */
@Component
class SubscriberClient {

  private final HttpClient http;
  private final TriggerProperties.Dispatch settings;

  private final EventTracing tracing;

  SubscriberClient(TriggerProperties properties, EventTracing tracing) {
    this.tracing = tracing;
    this.settings = properties.dispatch();
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .build();
  }

  /**
   * Delivers {@code event}; the reply is empty when the subscriber has nothing to say.
   *
   * @throws DeliveryException when the subscriber does not accept the event
   */
  Optional<CloudEvent> deliver(URI subscriber, CloudEvent event) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(subscriber)
            .timeout(settings.requestTimeout())
            .header("Prefer", "reply");
    byte[][] body = {new byte[0]};
    CloudEventHttp.writeBinary(event, request::header, bytes -> body[0] = bytes);
    // The dispatch span, as the W3C headers: the subscriber's span becomes its child.
    tracing.injectCurrent(request::setHeader);
    HttpResponse<byte[]> response =
        send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body[0])).build());
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw DeliveryException.forStatus(subscriber.toString(), status, response.body());
    }
    try {
      return reply(response);
    } catch (InvalidEventException e) {
      throw new DeliveryException(
          subscriber + " replied with an invalid event: " + e.getMessage(),
          status,
          false,
          response.body());
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new DeliveryException(request.uri() + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(request.uri() + " interrupted");
    }
  }

  private static Optional<CloudEvent> reply(HttpResponse<byte[]> response) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
    boolean hasEvent =
        response.body().length > 0
            || headers.keySet().stream().anyMatch(name -> name.regionMatches(true, 0, "ce-", 0, 3));
    return hasEvent
        ? Optional.of(CloudEventHttp.readOne(headers, response.body()))
        : Optional.empty();
  }
}
