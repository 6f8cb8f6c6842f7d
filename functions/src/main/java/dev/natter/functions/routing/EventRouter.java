package dev.natter.functions.routing;

import dev.natter.events.EventTracing;
import dev.natter.events.InvalidEventException;
import dev.natter.events.http.BodyTooLargeException;
import dev.natter.events.http.CloudEventHttp;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The functions' one HTTP endpoint: takes a CloudEvent in binary or structured mode, hands it to
 * the function its type is routed to, and answers with the reply event in binary mode, or 202 when
 * the function has nothing to say.
 */
@RestController
class EventRouter {

  private static final Logger log = LoggerFactory.getLogger(EventRouter.class);

  private final FunctionRoutes routes;
  private final MeterRegistry metrics;
  private final EventTracing tracing;
  private final int maxBodySize;

  EventRouter(
      FunctionRoutes routes,
      MeterRegistry metrics,
      EventTracing tracing,
      @Value("${natter.functions.max-body-size:256KB}") DataSize maxBodySize) {
    this.routes = routes;
    this.metrics = metrics;
    this.tracing = tracing;
    this.maxBodySize = (int) maxBodySize.toBytes();
  }

  @PostMapping("/")
  ResponseEntity<byte[]> handle(@RequestHeader HttpHeaders headers, HttpServletRequest request)
      throws IOException {
    byte[] body =
        BodyTooLargeException.read(
            request.getInputStream(), request.getContentLengthLong(), maxBodySize);
    CloudEvent event = CloudEventHttp.readOne(headers, body);
    FunctionRoutes.Target target =
        routes
            .forEvent(event)
            .orElseThrow(
                () ->
                    new InvalidEventException(
                        "type", "No function here handles type '" + event.getType() + "'"));
    try (var handling = tracing.handle("function " + target.name(), event)) {
      return invoke(target, event);
    }
  }

  /** Applies {@code target}, timed; its reply carries the trace context of this handling. */
  private ResponseEntity<byte[]> invoke(FunctionRoutes.Target target, CloudEvent event) {
    Timer.Sample sample = Timer.start(metrics);
    String outcome = "failed";
    try {
      CloudEvent reply = target.function().apply(event);
      outcome = reply == null ? "none" : reply.getType();
      log.debug("Handled, reply {}", outcome);
      return reply == null ? ResponseEntity.accepted().build() : binary(tracing.stamp(reply));
    } finally {
      sample.stop(
          Timer.builder("natter.function.invocations")
              .description("Events handled by a function, by the type of its reply")
              .tag("function", target.name())
              .tag("reply", outcome)
              .register(metrics));
    }
  }

  private static ResponseEntity<byte[]> binary(CloudEvent reply) {
    HttpHeaders headers = new HttpHeaders();
    byte[][] body = {new byte[0]};
    CloudEventHttp.writeBinary(reply, headers::add, bytes -> body[0] = bytes);
    return new ResponseEntity<>(body[0], headers, HttpStatus.OK);
  }
}
