package dev.natter.functions.routing;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The allow-list that maps event types to functions.
 *
 * @param routes which function handles which {@code ce-type}; no other type is accepted
 */
@ConfigurationProperties("natter.functions")
record RoutingProperties(List<Route> routes) {

  RoutingProperties {
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  /**
   * One entry of the allow-list.
   *
   * @param type the {@code ce-type} this route accepts
   * @param commands whether it takes the submissions that are commands instead of the others
   * @param function the name of the function bean that handles it
   */
  record Route(String type, boolean commands, String function) {}
}
