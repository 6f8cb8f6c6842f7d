package dev.natter.events.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Requests that claim to carry CloudEvents, mostly wrong: every mode, attributes missing, repeated
 * in headers and body, of the wrong kind or value, bodies cut short or of another type. For the
 * property runs of every edge that takes events.
 */
public final class EventRequests {

  /** One HTTP request: its headers (no Host or Content-Length) and body. */
  public record EventRequest(Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      headers.forEach(
          (name, value) -> text.append(name).append('=').append(cut(value)).append(' '));
      return text.append(cut(new String(body, StandardCharsets.UTF_8))).toString();
    }

    private static String cut(String value) {
      return value.length() <= 80 ? value : value.substring(0, 80) + "…(" + value.length() + ")";
    }
  }

  private static final List<String> ATTRIBUTES =
      List.of(
          "specversion",
          "id",
          "source",
          "type",
          "room",
          "time",
          "subject",
          "dataschema",
          "datacontenttype",
          "chatcommand",
          "chataudience",
          "knativebrokerttl",
          "traceparent",
          "data",
          "data_base64",
          "x");

  private static final List<String> MEDIA_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "application/json; charset=utf-16",
          "text/plain",
          "application/octet-stream",
          "application/cloudevents+json",
          "application/cloudevents-batch+json",
          "application/cloudevents+xml",
          "application/cloudevents",
          "",
          "garbage",
          "application/");

  private EventRequests() {}

  /** Requests of every kind, about half of them close to a valid event. */
  public static Stream<EventRequest> sample(int count) {
    return Arbitraries.oneOf(binary(), structured(), batch()).sampleStream().limit(count);
  }

  private static Arbitrary<String> value() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            "1.0",
            "0.3",
            "0.2",
            "2.0",
            "chat.message.submitted",
            "chat.message.posted",
            "general",
            "UPPER",
            "/tests",
            "urn:x",
            "2026-12-03T10:00:00Z",
            "yesterday",
            "%ZZ",
            "%C3%28",
            "%00",
            "-1",
            "16",
            "99999999999999999999",
            "null",
            "{}"),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(2040).ofMaxLength(2100));
  }

  private static Arbitrary<Map<String, String>> attributes() {
    Arbitrary<String> name = Arbitraries.of(ATTRIBUTES);
    return Combinators.combine(
            Arbitraries.maps(name, value()).ofMaxSize(12), Arbitraries.of(true, false))
        .as(
            (random, nearlyValid) -> {
              Map<String, String> attributes = new LinkedHashMap<>();
              if (nearlyValid) {
                attributes.put("specversion", "1.0");
                attributes.put("id", "e-1");
                attributes.put("source", "/tests");
                attributes.put("type", "chat.message.submitted");
                attributes.put("room", "general");
              }
              attributes.putAll(random);
              return attributes;
            });
  }

  private static Arbitrary<String> data() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "{\"author\":\"bot\",\"text\":\"hi\"}",
            "{\"author\":\"bot\",\"text\":\"\"}",
            "{\"author\":\"<b>\",\"text\":\"hi\"}",
            "{\"author\":null,\"text\":[1,2]}",
            "{\"text\":\"/roll 99999d99999\"}",
            "{\"author\":\"bot\",\"text\":\"/nick \\u0000\"}",
            "{not json",
            "[]",
            "null",
            "\"a string\"",
            "1e999999",
            "[".repeat(5_000),
            "{\"a\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_001)),
        Arbitraries.strings()
            .ofMaxLength(80)
            .map(text -> "{\"author\":\"bot\",\"text\":" + quote(text) + "}"),
        Arbitraries.strings().ofMaxLength(60));
  }

  private static Arbitrary<EventRequest> binary() {
    return Combinators.combine(attributes(), Arbitraries.of(MEDIA_TYPES), data())
        .as(
            (attributes, mediaType, data) -> {
              Map<String, String> headers = new LinkedHashMap<>();
              attributes.forEach((name, value) -> headers.put("ce-" + name, value));
              if (!mediaType.isEmpty()) {
                headers.put("Content-Type", mediaType);
              }
              return new EventRequest(headers, data.getBytes(StandardCharsets.UTF_8));
            });
  }

  private static Arbitrary<String> structuredEvent() {
    return Combinators.combine(attributes(), data(), Arbitraries.of(true, false))
        .as(
            (attributes, data, asString) -> {
              StringBuilder json = new StringBuilder("{");
              attributes.forEach(
                  (name, value) ->
                      json.append(quote(name)).append(':').append(quote(value)).append(','));
              json.append("\"data\":").append(asString ? quote(data) : data).append('}');
              return json.toString();
            });
  }

  private static Arbitrary<EventRequest> structured() {
    return Combinators.combine(structuredEvent(), Arbitraries.of(MEDIA_TYPES))
        .as((event, mediaType) -> request(mediaType, event));
  }

  private static Arbitrary<EventRequest> batch() {
    return Combinators.combine(structuredEvent().list().ofMaxSize(4), Arbitraries.of(MEDIA_TYPES))
        .as((events, mediaType) -> request(mediaType, "[" + String.join(",", events) + "]"));
  }

  private static EventRequest request(String mediaType, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!mediaType.isEmpty()) {
      headers.put("Content-Type", mediaType);
    }
    return new EventRequest(headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code text} as a JSON string, with every character outside printable ASCII escaped. */
  public static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < ' ' || c > '~') {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }
}
