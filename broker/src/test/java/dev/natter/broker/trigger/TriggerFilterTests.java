package dev.natter.broker.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Filters are checked by Artemis's own filter engine against messages as the broker sees them. */
class TriggerFilterTests {

  static CoreMessage event(Map<String, String> attributes) {
    CoreMessage message = new CoreMessage(1, 256);
    attributes.forEach((name, value) -> message.putStringProperty("ce_" + name, value));
    return message;
  }

  static boolean matches(String expression, Map<String, String> attributes) throws Exception {
    if (expression == null) {
      return true;
    }
    Filter filter = FilterImpl.createFilter(SimpleString.of(expression));
    return filter.match(event(attributes));
  }

  static boolean matches(List<FilterDialect> filters, Map<String, String> attributes)
      throws Exception {
    return matches(TriggerFilter.expression(null, filters), attributes);
  }

  static FilterDialect exact(String name, String value) {
    return new FilterDialect(Map.of(name, value), null, null, null, null, null);
  }

  static FilterDialect prefix(String name, String value) {
    return new FilterDialect(null, Map.of(name, value), null, null, null, null);
  }

  static FilterDialect suffix(String name, String value) {
    return new FilterDialect(null, null, Map.of(name, value), null, null, null);
  }

  static FilterDialect all(FilterDialect... filters) {
    return new FilterDialect(null, null, null, List.of(filters), null, null);
  }

  static FilterDialect any(FilterDialect... filters) {
    return new FilterDialect(null, null, null, null, List.of(filters), null);
  }

  static FilterDialect not(FilterDialect filter) {
    return new FilterDialect(null, null, null, null, null, filter);
  }

  static final Map<String, String> SUBMITTED =
      Map.of("type", "chat.message.submitted", "source", "/natter/gateway", "room", "general");

  @Nested
  class Attributes {

    @Test
    void matchesEventWithEveryAttributeEqual() throws Exception {
      String expression =
          TriggerFilter.expression(
              Map.of("type", "chat.message.submitted", "room", "general"), null);

      assertThat(matches(expression, SUBMITTED)).isTrue();
      assertThat(matches(expression, Map.of("type", "chat.message.submitted", "room", "other")))
          .isFalse();
      assertThat(matches(expression, Map.of("type", "chat.message.submitted"))).isFalse();
    }

    @Test
    void selectsEveryEventWithoutFilter() {
      assertThat(TriggerFilter.expression(Map.of(), null)).isNull();
      assertThat(TriggerFilter.expression(null, List.of())).isNull();
    }
  }

  @Nested
  class Dialects {

    @Test
    void exact() throws Exception {
      assertThat(matches(List.of(TriggerFilterTests.exact("room", "general")), SUBMITTED)).isTrue();
      assertThat(matches(List.of(TriggerFilterTests.exact("room", "gen")), SUBMITTED)).isFalse();
    }

    @Test
    void prefix() throws Exception {
      assertThat(matches(List.of(TriggerFilterTests.prefix("type", "chat.message.")), SUBMITTED))
          .isTrue();
      assertThat(matches(List.of(TriggerFilterTests.prefix("type", "chat.member.")), SUBMITTED))
          .isFalse();
    }

    @Test
    void suffix() throws Exception {
      assertThat(matches(List.of(TriggerFilterTests.suffix("source", "/gateway")), SUBMITTED))
          .isTrue();
      assertThat(matches(List.of(TriggerFilterTests.suffix("source", "/functions")), SUBMITTED))
          .isFalse();
    }

    @Test
    void all() throws Exception {
      var both =
          TriggerFilterTests.all(
              TriggerFilterTests.exact("room", "general"),
              TriggerFilterTests.prefix("type", "chat."));
      var oneFails =
          TriggerFilterTests.all(
              TriggerFilterTests.exact("room", "general"), TriggerFilterTests.prefix("type", "x."));

      assertThat(matches(List.of(both), SUBMITTED)).isTrue();
      assertThat(matches(List.of(oneFails), SUBMITTED)).isFalse();
    }

    @Test
    void any() throws Exception {
      var oneMatches =
          TriggerFilterTests.any(
              TriggerFilterTests.exact("room", "lobby"),
              TriggerFilterTests.exact("room", "general"));
      var noneMatch =
          TriggerFilterTests.any(
              TriggerFilterTests.exact("room", "lobby"),
              TriggerFilterTests.exact("room", "random"));

      assertThat(matches(List.of(oneMatches), SUBMITTED)).isTrue();
      assertThat(matches(List.of(noneMatch), SUBMITTED)).isFalse();
    }

    @Test
    void not() throws Exception {
      assertThat(
              matches(
                  List.of(TriggerFilterTests.not(TriggerFilterTests.exact("room", "lobby"))),
                  SUBMITTED))
          .isTrue();
      assertThat(
              matches(
                  List.of(TriggerFilterTests.not(TriggerFilterTests.exact("room", "general"))),
                  SUBMITTED))
          .isFalse();
    }

    @Test
    void notMatchesEventsWithoutTheAttribute() throws Exception {
      var notBot = TriggerFilterTests.not(TriggerFilterTests.exact("bot", "true"));

      assertThat(matches(List.of(notBot), SUBMITTED)).isTrue();
    }

    @Test
    void everyFilterOfTheListMustMatch() throws Exception {
      var filters =
          List.of(
              TriggerFilterTests.prefix("type", "chat."),
              TriggerFilterTests.exact("room", "lobby"));

      assertThat(matches(filters, SUBMITTED)).isFalse();
    }

    @Test
    void filtersTakePrecedenceOverAttributes() throws Exception {
      String expression =
          TriggerFilter.expression(
              Map.of("room", "lobby"), List.of(TriggerFilterTests.exact("room", "general")));

      assertThat(matches(expression, SUBMITTED)).isTrue();
    }

    @Test
    void refusesFilterWithNoOrSeveralDialects() {
      var none = new FilterDialect(null, null, null, null, null, null);
      var two = new FilterDialect(Map.of("a", "b"), Map.of("a", "b"), null, null, null, null);

      assertThatThrownBy(() -> TriggerFilter.expression(null, List.of(none)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> TriggerFilter.expression(null, List.of(two)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Injection {

    @ParameterizedTest
    @ValueSource(
        strings = {"x' OR '1'='1", "x') OR (1=1", "'", "''", "x' OR ce_type IS NOT NULL OR 'a'='b"})
    void treatsQuotesInValuesAsLiteralText(String value) throws Exception {
      String expression = TriggerFilter.expression(Map.of("room", value), null);

      assertThat(matches(expression, SUBMITTED)).isFalse();
      assertThat(matches(expression, Map.of("room", value))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "!", "a%b", "50%_off!"})
    void treatsLikeWildcardsInPrefixAsLiteralText(String value) throws Exception {
      var filters = List.of(TriggerFilterTests.prefix("room", value));

      assertThat(matches(filters, Map.of("room", value + "-tail"))).isTrue();
      assertThat(matches(filters, Map.of("room", "zz" + value))).isFalse();
      assertThat(matches(filters, Map.of("room", "general"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Type", "ce_type", "type OR 1", "", "a-b"})
    void refusesAttributeNamesThatAreNotCloudEventsNames(String name) {
      assertThatThrownBy(() -> TriggerFilter.expression(Map.of(name, "x"), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
