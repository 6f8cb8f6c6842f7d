package dev.natter.broker.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TriggerPropertiesTests {

  static TriggerProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bind("natter.broker", TriggerProperties.class)
        .get();
  }

  @Test
  void bindsKnativeFieldNamesIncludingNestedDialects() {
    TriggerProperties properties =
        bind(
            Map.of(
                "natter.broker.triggers[0].name", "bots",
                "natter.broker.triggers[0].subscriber.uri", "http://bots/",
                "natter.broker.triggers[0].filters[0].prefix.type", "chat.",
                "natter.broker.triggers[0].filters[1].not.any[0].exact.room", "quiet",
                "natter.broker.triggers[0].filters[1].not.any[1].suffix.source", "/bot"));

    List<FilterDialect> filters = properties.triggers().get(0).dialects();
    assertThat(filters).hasSize(2);
    assertThat(filters.get(0).prefix()).containsEntry("type", "chat.");
    FilterDialect negation = filters.get(1).negation();
    assertThat(negation.any()).hasSize(2);
    assertThat(negation.any().get(0).exact()).containsEntry("room", "quiet");
    assertThat(negation.any().get(1).suffix()).containsEntry("source", "/bot");
  }

  @Test
  void refusesUnknownDialect() {
    TriggerProperties properties =
        bind(
            Map.of(
                "natter.broker.triggers[0].name", "x",
                "natter.broker.triggers[0].subscriber.uri", "http://x/",
                "natter.broker.triggers[0].filters[0].cesql", "type = 'a'"));

    assertThatThrownBy(() -> properties.triggers().get(0).dialects())
        .hasMessageContaining("Unknown filter dialect 'cesql'");
  }
}
