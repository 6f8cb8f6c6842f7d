package dev.natter.broker.trigger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The triggers: which events go to which subscriber, in the field names of Knative's Trigger.
 *
 * @param triggers the triggers, each becoming a filtered Artemis queue
 * @param dispatch how the dispatcher calls subscribers
 * @see <a href="https://knative.dev/docs/eventing/triggers/">Knative triggers</a>
 */
@Validated
@ConfigurationProperties("natter.broker")
record TriggerProperties(@Valid List<Trigger> triggers, @DefaultValue Dispatch dispatch) {

  TriggerProperties {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }

  /**
   * One trigger.
   *
   * @param name unique name, part of its queue's name
   * @param filter exact match on attributes; ignored when {@code filters} is set
   * @param filters filters in Knative's dialects, all of which must match
   * @param subscriber where it delivers them
   */
  record Trigger(
      @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String name,
      @Valid Filter filter,
      List<Map<String, Object>> filters,
      @NotNull @Valid Subscriber subscriber) {

    /** The {@code filters} as dialect trees. */
    List<FilterDialect> dialects() {
      return filters == null ? List.of() : filters.stream().map(FilterDialect::read).toList();
    }
  }

  /**
   * Exact match on event attributes, extensions included.
   *
   * @param attributes attribute name to the value it must have
   */
  record Filter(Map<String, String> attributes) {}

  /**
   * The destination of a trigger's events.
   *
   * @param uri the URL events are POSTed to in binary mode
   */
  record Subscriber(@NotNull URI uri) {}

  /**
   * How subscribers are called.
   *
   * @param concurrency consumers per trigger, delivering in parallel across rooms
   * @param connectTimeout how long to wait for a subscriber's connection
   * @param requestTimeout how long to wait for a subscriber's answer, cold start included
   */
  record Dispatch(
      @DefaultValue("4") int concurrency,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("60s") Duration requestTimeout) {}
}
