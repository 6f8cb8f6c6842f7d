package dev.natter.events.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.natter.events.InvalidEventException;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudEvents in the JSON event format, single or batched, checking each before the SDK
 * builds it.
 *
 * @see "CloudEvents JSON event format 1.0.2"
 */
final class StructuredJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(JsonFormat.getCloudEventJacksonModule())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StructuredJson() {}

  static CloudEvent readEvent(byte[] body) {
    return toEvent(parse(body));
  }

  static List<CloudEvent> readBatch(byte[] body) {
    JsonNode root = parse(body);
    if (!root.isArray()) {
      throw new InvalidEventException(null, "A batch must be a JSON array of events");
    }
    List<CloudEvent> events = new ArrayList<>(root.size());
    for (JsonNode node : root) {
      try {
        events.add(toEvent(node));
      } catch (InvalidEventException e) {
        JsonNode id = node.get("id");
        throw e.inBatch(events.size(), id != null && id.isTextual() ? id.textValue() : null);
      }
    }
    return events;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidEventException(null, "The body is not valid JSON");
    }
  }

  private static CloudEvent toEvent(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidEventException(null, "A structured event must be a JSON object");
    }
    AttributeRules.check(attributes(node));
    if (node.has("data") && node.has("data_base64")) {
      throw new InvalidEventException(
          "data_base64", "An event cannot set both data and data_base64");
    }
    if (node.has("data_base64") && !node.get("data_base64").isTextual()) {
      throw new InvalidEventException("data_base64", "data_base64 must be a base64 string");
    }
    try {
      return MAPPER.treeToValue(node, CloudEvent.class);
    } catch (JacksonException e) {
      throw unreadable(e.getOriginalMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw unreadable(e.getMessage());
    }
  }

  private static InvalidEventException unreadable(String reason) {
    return new InvalidEventException(null, "The event cannot be read: " + reason);
  }

  private static Map<String, String> attributes(JsonNode node) {
    Map<String, String> attributes = new HashMap<>();
    node.properties()
        .forEach(
            field -> {
              String name = field.getKey();
              if (isData(name)) {
                return;
              }
              if (isKnown(name)) {
                attributes.put(name, text(name, field.getValue()));
              } else {
                AttributeRules.checkExtensionName(name);
                attributes.put(name, scalar(name, field.getValue()));
              }
            });
    return attributes;
  }

  private static boolean isKnown(String name) {
    return SpecVersion.V1.getAllAttributes().contains(name)
        || SpecVersion.V03.getAllAttributes().contains(name);
  }

  private static String scalar(String name, JsonNode value) {
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      throw new InvalidEventException(
          name, "Extension '" + name + "' must be a string, a number or a boolean");
    }
    return value.asText();
  }

  private static boolean isData(String name) {
    return name.equals("data") || name.equals("data_base64");
  }

  private static String text(String name, JsonNode value) {
    if (!value.isTextual()) {
      throw new InvalidEventException(name, "Attribute '" + name + "' must be a string");
    }
    return value.textValue();
  }
}
