package dev.natter.broker.trigger;

import dev.natter.events.http.EventJson;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lists, shows and replays each trigger's dead letters, for operators holding the admin token.
 * Without a configured token the endpoint is closed.
 */
@RestController
class DeadLetterController {

  private final DeadLetters deadLetters;
  private final TriggerProperties triggers;
  private final byte[] token;

  DeadLetterController(
      DeadLetters deadLetters,
      TriggerProperties triggers,
      @Value("${natter.broker.admin-token:}") String token) {
    this.deadLetters = deadLetters;
    this.triggers = triggers;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @GetMapping(path = "/dead-letters/{trigger}", produces = MediaType.APPLICATION_JSON_VALUE)
  String list(
      @PathVariable String trigger,
      @RequestParam(defaultValue = "100") int limit,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    authorize(authorization, trigger);
    if (limit < 1 || limit > 1000) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit is 1 to 1000");
    }
    return deadLetters.list(trigger, limit).stream()
        .map(EventJson::write)
        .collect(Collectors.joining(",", "[", "]"));
  }

  @GetMapping(path = "/dead-letters/{trigger}/{id}", produces = JsonFormat.CONTENT_TYPE)
  String inspect(
      @PathVariable String trigger,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    authorize(authorization, trigger);
    return deadLetters
        .find(trigger, id)
        .map(EventJson::write)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "No dead letter " + id + " in trigger " + trigger));
  }

  @PostMapping("/dead-letters/{trigger}/replay")
  Map<String, Integer> replay(
      @PathVariable String trigger,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    authorize(authorization, trigger);
    return Map.of("replayed", deadLetters.replay(trigger));
  }

  private void authorize(String authorization, String trigger) {
    if (token.length == 0) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Dead letters are closed: set NATTER_ADMIN_TOKEN to open them");
    }
    String given =
        authorization != null && authorization.startsWith("Bearer ")
            ? authorization.substring(7).trim()
            : "";
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ResponseStatusException(
          HttpStatus.UNAUTHORIZED, "Send the admin token as a bearer token");
    }
    if (triggers.triggers().stream().noneMatch(known -> known.name().equals(trigger))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No trigger named " + trigger);
    }
  }
}
