package dev.natter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTests {

  @Test
  void defaultsToTheIssuesLoad() {
    Options options = Options.parse();

    assertThat(options.subscribers()).isEqualTo(1000);
    assertThat(options.rooms()).isEqualTo(10);
    assertThat(options.rate()).isEqualTo(1000);
    assertThat(options.messages()).isEqualTo(70_000);
  }

  @Test
  void readsDurationsInMillisecondsSecondsAndMinutes() {
    Options options = Options.parse("--warmup", "500ms", "--duration", "2m", "--baseline", "0s");

    assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.baseline()).isZero();
  }

  @Test
  void refusesUnknownOptionsAndUnevenRooms() {
    assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--subscriber", "5"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse("--subscribers", "5", "--rooms", "2"));
  }
}
