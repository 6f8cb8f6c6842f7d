package dev.natter.broker.ingress;

import dev.natter.events.ChatContract;
import dev.natter.events.http.CloudEventHttp;
import dev.natter.events.jms.BrokerSender;
import io.cloudevents.CloudEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
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

  private final JmsTemplate jms;
  private final IngressProperties properties;

  IngressController(JmsTemplate jms, IngressProperties properties) {
    this.jms = jms;
    this.properties = properties;
  }

  @PostMapping("/")
  ResponseEntity<Void> accept(@RequestHeader HttpHeaders headers, HttpServletRequest request)
      throws IOException {
    List<CloudEvent> events = CloudEventHttp.read(headers, body(request));
    events.forEach(ChatContract::check);
    jms.execute(
        session -> {
          BrokerSender.send(session, events);
          session.commit();
          return null;
        });
    log.debug("Accepted {} event(s), first {}", events.size(), events.get(0).getId());
    return ResponseEntity.accepted().build();
  }

  private byte[] body(HttpServletRequest request) throws IOException {
    int limit = (int) properties.maxBodySize().toBytes();
    if (request.getContentLengthLong() > limit) {
      throw new BodyTooLargeException(limit);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new BodyTooLargeException(limit);
      }
      return body;
    }
  }
}
