package dev.natter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class BrokerMetricsTests {

  @Test
  void producersCannotGrowTheNumberOfTypeTagsWithoutBound() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BrokerMetrics metrics = new BrokerMetrics(registry);

    for (int i = 0; i < 10 * BrokerMetrics.MAX_TYPES; i++) {
      metrics.ingress("made.up." + i, "accepted");
    }
    metrics.ingress("made.up.0", "accepted");
    metrics.ingress(null, "refused");

    var counters = registry.find("natter.ingress.events").counters();
    assertThat(counters).hasSize(BrokerMetrics.MAX_TYPES + 2);
    assertThat(registry.get("natter.ingress.events").tag("type", "made.up.0").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("natter.ingress.events").tag("type", "other").counter().count())
        .isEqualTo(9 * BrokerMetrics.MAX_TYPES);
    assertThat(registry.get("natter.ingress.events").tag("type", "none").counter().count())
        .isEqualTo(1);
  }
}
