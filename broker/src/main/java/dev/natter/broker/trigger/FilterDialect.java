package dev.natter.broker.trigger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One filter of a trigger's {@code filters} list, in one of Knative's dialects. Exactly one field
 * is set.
 *
 * @param exact attribute name to the value it must equal
 * @param prefix attribute name to the value it must start with
 * @param suffix attribute name to the value it must end with
 * @param all filters that must all match
 * @param any filters of which at least one must match
 * @param negation a filter that must not match ({@code not} in configuration)
 * @see <a href="https://knative.dev/docs/eventing/triggers/#trigger-filtering">Trigger
 *     filtering</a>
 */
record FilterDialect(
    Map<String, String> exact,
    Map<String, String> prefix,
    Map<String, String> suffix,
    List<FilterDialect> all,
    List<FilterDialect> any,
    FilterDialect negation) {

  /**
   * Reads one filter from configuration as Spring binds it: nested maps, with lists as maps keyed
   * by index. (Records cannot be bound recursively, so the tree is read here.)
   */
  static FilterDialect read(Object config) {
    Map<String, Object> fields = map(config, "filter");
    for (String key : fields.keySet()) {
      if (!List.of("exact", "prefix", "suffix", "all", "any", "not").contains(key)) {
        throw new IllegalArgumentException("Unknown filter dialect '" + key + "'");
      }
    }
    return new FilterDialect(
        values(fields.get("exact")),
        values(fields.get("prefix")),
        values(fields.get("suffix")),
        list(fields.get("all")),
        list(fields.get("any")),
        fields.containsKey("not") ? read(fields.get("not")) : null);
  }

  private static Map<String, String> values(Object config) {
    if (config == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    map(config, "attribute values")
        .forEach((name, value) -> values.put(name, String.valueOf(value)));
    return values;
  }

  private static List<FilterDialect> list(Object config) {
    if (config == null) {
      return null;
    }
    Iterable<?> items =
        config instanceof List<?> list ? list : new TreeMap<>(indexed(config)).values();
    List<FilterDialect> filters = new ArrayList<>();
    items.forEach(item -> filters.add(read(item)));
    return filters;
  }

  private static Map<Integer, Object> indexed(Object config) {
    Map<Integer, Object> indexed = new TreeMap<>();
    map(config, "list").forEach((index, item) -> indexed.put(Integer.valueOf(index), item));
    return indexed;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object config, String what) {
    if (!(config instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Expected a " + what + ", found '" + config + "'");
    }
    return (Map<String, Object>) config;
  }
}
