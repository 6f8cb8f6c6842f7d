package dev.natter.broker.trigger;

import dev.natter.events.jms.JmsCloudEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a trigger's filters into an Artemis filter expression on the {@code ce_*} message
 * properties. Only configuration is ever written into an expression, never an event's value, and
 * every value is written as a quoted literal.
 *
 * <p>Each comparison is guarded with {@code IS NOT NULL} so that an event without the attribute
 * simply does not match, and {@code not} turns that into a match, as in Knative.
 */
final class TriggerFilter {

  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z0-9]{1,20}");
  private static final String TRUE = "1 = 1";
  private static final String FALSE = "1 = 0";

  private TriggerFilter() {}

  /**
   * The expression for a trigger: {@code filters} when given (all must match), otherwise the
   * attribute filter; {@code null} selects every event.
   */
  static String expression(Map<String, String> attributes, List<FilterDialect> filters) {
    if (filters != null && !filters.isEmpty()) {
      return all(filters);
    }
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    return each(attributes, TriggerFilter::equal);
  }

  private static String dialect(FilterDialect filter) {
    List<String> parts = new ArrayList<>();
    if (filter.exact() != null) {
      parts.add(each(filter.exact(), TriggerFilter::equal));
    }
    if (filter.prefix() != null) {
      parts.add(each(filter.prefix(), (name, value) -> like(name, escapeLike(value) + "%")));
    }
    if (filter.suffix() != null) {
      parts.add(each(filter.suffix(), (name, value) -> like(name, "%" + escapeLike(value))));
    }
    if (filter.all() != null) {
      parts.add(all(filter.all()));
    }
    if (filter.any() != null) {
      parts.add(any(filter.any()));
    }
    if (filter.negation() != null) {
      parts.add("NOT (" + dialect(filter.negation()) + ")");
    }
    if (parts.size() != 1) {
      throw new IllegalArgumentException(
          "Each filter sets exactly one of exact, prefix, suffix, all, any or not");
    }
    return parts.get(0);
  }

  private static String all(List<FilterDialect> filters) {
    return filters.isEmpty() ? TRUE : join(filters, " AND ");
  }

  private static String any(List<FilterDialect> filters) {
    return filters.isEmpty() ? FALSE : join(filters, " OR ");
  }

  private static String join(List<FilterDialect> filters, String operator) {
    return filters.stream()
        .map(filter -> "(" + dialect(filter) + ")")
        .collect(Collectors.joining(operator));
  }

  private static String each(Map<String, String> values, BiFunction<String, String, String> test) {
    if (values.isEmpty()) {
      return TRUE;
    }
    return new TreeMap<>(values)
        .entrySet().stream()
            .map(entry -> test.apply(property(entry.getKey()), entry.getValue()))
            .collect(Collectors.joining(" AND "));
  }

  private static String equal(String property, String value) {
    return "(" + property + " IS NOT NULL AND " + property + " = " + literal(value) + ")";
  }

  private static String like(String property, String pattern) {
    return "("
        + property
        + " IS NOT NULL AND "
        + property
        + " LIKE "
        + literal(pattern)
        + " ESCAPE '!')";
  }

  private static String property(String attribute) {
    if (!ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException(
          "Filter attribute '" + attribute + "' is not a CloudEvents attribute name");
    }
    return JmsCloudEvents.property(attribute);
  }

  /** A SQL-92 string literal: quotes doubled, so the value cannot end the literal. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String escapeLike(String value) {
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
