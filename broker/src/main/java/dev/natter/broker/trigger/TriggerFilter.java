package dev.natter.broker.trigger;

import dev.natter.events.jms.JmsCloudEvents;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a trigger's attribute filter into an Artemis filter expression on the {@code ce_*} message
 * properties. Only configuration is ever written into an expression, never an event's value.
 */
final class TriggerFilter {

  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]{1,20}");

  private TriggerFilter() {}

  /** The expression for {@code attributes}, or {@code null} to select every event. */
  static String expression(Map<String, String> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    return new TreeMap<>(attributes)
        .entrySet().stream()
            .map(entry -> equal(entry.getKey(), entry.getValue()))
            .collect(Collectors.joining(" AND "));
  }

  private static String equal(String attribute, String value) {
    if (!ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException(
          "Filter attribute '" + attribute + "' is not a CloudEvents attribute name");
    }
    return JmsCloudEvents.property(attribute) + " = " + literal(value);
  }

  /** A SQL-92 string literal: quotes doubled, so the value cannot end the literal. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
