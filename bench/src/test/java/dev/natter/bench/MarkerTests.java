package dev.natter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerTests {

  private final List<long[]> found = new ArrayList<>();
  private final Marker marker = new Marker((id, intended) -> found.add(new long[] {id, intended}));

  @Test
  void findsMarksSplitAcrossChunks() {
    String event = "data: {\"text\":\"" + Marker.text(42, 123456789) + "\"}\n\n";
    int middle = event.indexOf('t', event.indexOf("~b"));

    feed(event.substring(0, middle));
    feed(event.substring(middle));

    assertThat(found).containsExactly(new long[] {42, 123456789});
  }

  @Test
  void ignoresTildesThatStartNoMark() {
    feed("~~x~b7~ ~b12t~ " + Marker.text(3, 9) + Marker.text(4, 10));

    assertThat(found).containsExactly(new long[] {3, 9}, new long[] {4, 10});
  }

  private void feed(String text) {
    for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
      marker.process(value);
    }
  }
}
