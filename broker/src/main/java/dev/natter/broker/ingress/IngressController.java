package dev.natter.broker.ingress;

import dev.natter.broker.BrokerMetrics;
import dev.natter.broker.trigger.Hops;
import dev.natter.events.ChatContract;
import dev.natter.events.Commands;
import dev.natter.events.EventTracing;
import dev.natter.events.InvalidEventException;
import dev.natter.events.http.BodyTooLargeException;
import dev.natter.events.http.CloudEventHttp;
import dev.natter.events.jms.JmsCloudEvents;
import io.cloudevents.CloudEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts CloudEvents over HTTP in binary, structured or batch mode and answers 202 once the broker
 * holds every one of them; a request is accepted whole or refused whole.
 */
@RestController
class IngressController {

  private static final Logger log = LoggerFactory.getLogger(IngressController.class);

  private final IngressPublisher publisher;
  private final BrokerMetrics metrics;
  private final IngressProperties properties;
  private final EventTracing tracing;
  private final int ttl;

  IngressController(
      BrokerMetrics metrics,
      EventTracing tracing,
      IngressPublisher publisher,
      IngressProperties properties,
      @Value("${natter.broker.ttl:16}") int ttl) {
    this.metrics = metrics;
    this.tracing = tracing;
    this.publisher = publisher;
    this.properties = properties;
    this.ttl = ttl;
  }

  @PostMapping("/")
  ResponseEntity<Void> accept(
      @RequestHeader HttpHeaders headers,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request)
      throws IOException {
    requireToken(authorization);
    List<CloudEvent> events = CloudEventHttp.read(headers, body(request));
    try {
      check(events, CloudEventHttp.isBatch(headers));
    } catch (RuntimeException refused) {
      events.forEach(event -> metrics.ingress(event.getType(), "refused"));
      throw refused;
    }
    List<CloudEvent> distinct = distinct(events);
    int repeated = publisher.publish(distinct.stream().map(this::entering).toList());
    distinct.forEach(event -> metrics.ingress(event.getType(), "accepted"));
    if (repeated + events.size() - distinct.size() > 0) {
      metrics.duplicates(repeated + events.size() - distinct.size());
    }
    log.debug("Accepted {} event(s)", events.size());
    return ResponseEntity.accepted().build();
  }

  /**
   * {@code event} as it enters the broker: commands marked, hops counted, and the request's trace
   * context added unless the producer gave the event its own.
   */
  private CloudEvent entering(CloudEvent event) {
    return Hops.entering(tracing.stampIfAbsent(Commands.tag(event)), ttl);
  }

  private void check(List<CloudEvent> events, boolean batch) {
    for (int index = 0; index < events.size(); index++) {
      try {
        check(events.get(index));
      } catch (InvalidEventException e) {
        throw batch ? e.inBatch(index, events.get(index).getId()) : e;
      }
    }
  }

  private void check(CloudEvent event) {
    if (properties.isReserved(event.getType())) {
      throw new InvalidEventException(
          "type",
          "Type '" + event.getType() + "' is published by Natter itself, not through the ingress");
    }
    ChatContract.check(event);
    ChatContract.checkSubmission(event);
  }

  /** A batch may repeat an event; Artemis sees one transaction, so repeats are dropped here. */
  private static List<CloudEvent> distinct(List<CloudEvent> events) {
    Map<String, CloudEvent> byKey = new LinkedHashMap<>();
    events.forEach(event -> byKey.putIfAbsent(JmsCloudEvents.duplicateKey(event), event));
    return List.copyOf(byKey.values());
  }

  private void requireToken(String authorization) {
    byte[] expected = properties.token().getBytes(StandardCharsets.UTF_8);
    byte[] given = bearer(authorization).getBytes(StandardCharsets.UTF_8);
    if (expected.length > 0 && !MessageDigest.isEqual(expected, given)) {
      throw new UnauthorizedException();
    }
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "";
    }
    return authorization.substring(7).trim();
  }

  private byte[] body(HttpServletRequest request) throws IOException {
    int limit = (int) properties.maxBodySize().toBytes();
    return BodyTooLargeException.read(
        request.getInputStream(), request.getContentLengthLong(), limit);
  }
}
