package dev.natter.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokensTests {

  static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
  static final Identity ALICE = new Identity("alice", "session-1");
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  static Tokens tokens(String secret, Instant now) {
    return new Tokens(
        new SessionProperties(secret, Duration.ofHours(1)), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void verifiesTheNickItIssuedFor() {
    Tokens tokens = tokens(SECRET, NOW);

    assertThat(tokens.verify(tokens.issue(ALICE))).hasValue(ALICE);
  }

  @Test
  void refusesExpiredToken() {
    String token = tokens(SECRET, NOW).issue(ALICE);

    assertThat(tokens(SECRET, NOW.plus(Duration.ofHours(2))).verify(token)).isEmpty();
  }

  @Test
  void refusesTokenSignedWithAnotherSecret() {
    String token = tokens(SECRET.replace('a', 'b'), NOW).issue(ALICE);

    assertThat(tokens(SECRET, NOW).verify(token)).isEmpty();
  }

  @Test
  void refusesTamperedToken() {
    Tokens tokens = tokens(SECRET, NOW);
    String[] parts = tokens.issue(ALICE).split("\\.");
    String forged = parts[0] + "." + parts[1].replace('A', 'B') + "." + parts[2];

    assertThat(tokens.verify(forged)).isEmpty();
    assertThat(tokens.verify("not a token")).isEmpty();
    assertThat(tokens.verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.")).isEmpty();
  }

  @Test
  void refusesSecretShorterThan32Bytes() {
    assertThatThrownBy(() -> tokens("short", NOW)).hasMessageContaining("32 bytes");
  }

  @Test
  void makesUpARandomSecretWhenNoneIsConfigured() {
    String token = tokens("", NOW).issue(ALICE);

    assertThat(tokens("", NOW).verify(token)).isEmpty();
  }
}
