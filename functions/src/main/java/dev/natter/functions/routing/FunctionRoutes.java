package dev.natter.functions.routing;

import dev.natter.events.ChatEvents;
import io.cloudevents.CloudEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.stereotype.Component;

/**
 * Resolves an event type to the function that handles it, from the allow-list alone: no header or
 * expression in a request can choose a function.
 */
@Component
class FunctionRoutes {

  private static final Logger log = LoggerFactory.getLogger(FunctionRoutes.class);

  /** A function and the name it is known by. */
  record Target(String name, Function<CloudEvent, CloudEvent> function) {}

  private final Map<String, Target> byType = new LinkedHashMap<>();

  FunctionRoutes(
      RoutingProperties properties,
      FunctionCatalog catalog,
      @Value("${spring.cloud.function.definition:}") String definition) {
    Set<String> enabled = enabled(definition);
    for (RoutingProperties.Route route : properties.routes()) {
      if (enabled.isEmpty() || enabled.contains(route.function())) {
        byType.put(
            key(route.type(), route.commands()),
            new Target(route.function(), lookup(catalog, route.function())));
      }
    }
    log.info("Routing event types {}", byType.keySet());
  }

  /**
   * The function for {@code event}: by its type, and for submissions by whether it is a command
   * (the edges mark commands with the {@code chatcommand} attribute).
   */
  Optional<Target> forEvent(CloudEvent event) {
    boolean command = event.getExtension(ChatEvents.COMMAND) != null;
    return Optional.ofNullable(byType.get(key(event.getType(), command)));
  }

  private static String key(String type, boolean commands) {
    return commands ? type + " (command)" : type;
  }

  private static Set<String> enabled(String definition) {
    return Arrays.stream(definition.split("[;,]"))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toSet());
  }

  private static Function<CloudEvent, CloudEvent> lookup(FunctionCatalog catalog, String name) {
    Function<CloudEvent, CloudEvent> function = catalog.lookup(Function.class, name);
    if (function == null) {
      throw new IllegalStateException("Route names function '" + name + "', which does not exist");
    }
    return function;
  }
}
