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
 * The triggers: which events go to which subscriber, and how failures are retried, in the field
 * names of Knative's Trigger and delivery spec.
 *
 * @param triggers the triggers, each becoming a filtered divert into its own Artemis queue
 * @param delivery the delivery of triggers that set none, field by field
 * @param dispatch how the dispatcher calls subscribers
 * @param ttl hops an event may make through replies before it is dropped
 * @see <a href="https://knative.dev/docs/eventing/triggers/">Knative triggers</a>
 */
@Validated
@ConfigurationProperties("natter.broker")
record TriggerProperties(
    @Valid List<Trigger> triggers,
    Delivery delivery,
    @DefaultValue Dispatch dispatch,
    @DefaultValue("16") int ttl) {

  TriggerProperties {
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }

  /** The delivery {@code trigger} gets: its own, then the broker's, then Natter's defaults. */
  Delivery deliveryOf(Trigger trigger) {
    return Delivery.DEFAULTS.overriddenBy(delivery).overriddenBy(trigger.delivery());
  }

  /**
   * One trigger.
   *
   * @param name unique name, part of its address's name
   * @param filter exact match on attributes; ignored when {@code filters} is set
   * @param filters filters in Knative's dialects, all of which must match
   * @param subscriber where it delivers events
   * @param delivery how failed deliveries are retried and where they end
   */
  record Trigger(
      @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String name,
      @Valid Filter filter,
      List<Map<String, Object>> filters,
      @NotNull @Valid Destination subscriber,
      Delivery delivery) {

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
   * An addressable destination.
   *
   * @param uri its URL
   */
  record Destination(@NotNull URI uri) {}

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
