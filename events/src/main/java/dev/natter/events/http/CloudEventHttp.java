package dev.natter.events.http;

import dev.natter.events.InvalidEventException;
import dev.natter.events.UnsupportedEventMediaTypeException;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/**
 * Reads CloudEvents from HTTP requests and responses in binary, structured and batch mode, and
 * writes them in binary mode.
 *
 * @see "CloudEvents HTTP protocol binding 1.0.2"
 */
public final class CloudEventHttp {

  /** Media type of a structured-mode event in the JSON format. */
  public static final String STRUCTURED_JSON = "application/cloudevents+json";

  /** Media type of a batch of events in the JSON format. */
  public static final String BATCH_JSON = "application/cloudevents-batch+json";

  private static final String HEADER_PREFIX = "ce-";

  private CloudEventHttp() {}

  /** Reads every event of a request; all are valid, or an exception names the first fault. */
  public static List<CloudEvent> read(HttpHeaders headers, byte[] body) {
    return read(flatten(headers), body);
  }

  /** Whether a request with {@code headers} carries a batch of events. */
  public static boolean isBatch(HttpHeaders headers) {
    return mediaType(headers.getFirst(HttpHeaders.CONTENT_TYPE))
        .startsWith("application/cloudevents-batch");
  }

  /** Reads every event of a request whose headers are given by (case-insensitive) name. */
  public static List<CloudEvent> read(Map<String, String> headers, byte[] body) {
    Map<String, String> lookup = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    lookup.putAll(headers);
    String mediaType = mediaType(lookup.get("content-type"));
    if (mediaType.startsWith("application/cloudevents-batch")) {
      requireJson(mediaType);
      return StructuredJson.readBatch(body).stream().map(CloudEventHttp::toV1).toList();
    }
    if (mediaType.startsWith("application/cloudevents")) {
      requireJson(mediaType);
      return List.of(toV1(StructuredJson.readEvent(body)));
    }
    if (lookup.keySet().stream().anyMatch(CloudEventHttp::isEventHeader)) {
      return List.of(toV1(readBinary(lookup, body)));
    }
    throw new UnsupportedEventMediaTypeException(mediaType.isEmpty() ? "none" : mediaType);
  }

  /** Reads the single event a request or response carries. */
  public static CloudEvent readOne(HttpHeaders headers, byte[] body) {
    return readOne(flatten(headers), body);
  }

  /** Reads the single event a request or response carries, headers given by name. */
  public static CloudEvent readOne(Map<String, String> headers, byte[] body) {
    List<CloudEvent> events = read(headers, body);
    if (events.size() != 1) {
      throw new InvalidEventException(null, "Expected one event, not a batch");
    }
    return events.get(0);
  }

  /** Writes {@code event} in binary mode through the given header and body sinks. */
  public static void writeBinary(
      CloudEvent event, BiConsumer<String, String> putHeader, Consumer<byte[]> sendBody) {
    BiConsumer<String, String> encoding =
        (name, value) ->
            putHeader.accept(name, isEventHeader(name) ? HeaderValues.encode(value) : value);
    HttpMessageFactory.createWriter(encoding, sendBody).writeBinary(event);
  }

  private static CloudEvent readBinary(Map<String, String> raw, byte[] body) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> attributes = new HashMap<>();
    raw.forEach(
        (name, value) -> {
          if (isEventHeader(name)) {
            String decoded = HeaderValues.decode(value);
            headers.put(name, decoded);
            attributes.put(
                name.substring(HEADER_PREFIX.length()).toLowerCase(Locale.ROOT), decoded);
          } else {
            headers.put(name, value);
            if (name.equalsIgnoreCase("content-type")) {
              attributes.put("datacontenttype", value);
            }
          }
        });
    attributes.keySet().stream()
        .filter(name -> !isKnownAttribute(name))
        .forEach(AttributeRules::checkExtensionName);
    AttributeRules.check(attributes);
    try {
      return HttpMessageFactory.createReader(headers, body).toEvent();
    } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidEventException(null, "The event cannot be read: " + e.getMessage());
    }
  }

  private static boolean isKnownAttribute(String name) {
    return SpecVersion.V1.getAllAttributes().contains(name)
        || SpecVersion.V03.getAllAttributes().contains(name);
  }

  private static boolean isEventHeader(String name) {
    return name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length());
  }

  private static void requireJson(String mediaType) {
    if (!mediaType.endsWith("+json")) {
      throw new UnsupportedEventMediaTypeException(mediaType);
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  private static CloudEvent toV1(CloudEvent event) {
    return event.getSpecVersion() == SpecVersion.V1 ? event : CloudEventBuilder.v1(event).build();
  }

  private static Map<String, String> flatten(HttpHeaders headers) {
    Map<String, String> flat = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> flat.put(name, String.join(",", values)));
    return flat;
  }
}
