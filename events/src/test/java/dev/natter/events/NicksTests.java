package dev.natter.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NicksTests {

  @ParameterizedTest
  @CsvSource({
    "alice, ALICE",
    "alice, Alice",
    "alice, аlice",
    "paypal, pаypаl",
    "modern, rnodern",
    "Zoë, Zoe\u0308",
    "straße, STRASSE",
    "bob, ｂｏｂ",
    "Robert, R0bert",
    "Robert, Robeŕt",
    "Robert, ROBERT",
    "olga, 0lga",
    "Zoe, Zoë"
  })
  void givesLookAlikeNicksTheSameKey(String one, String other) {
    assertThat(Nicks.key(other)).isEqualTo(Nicks.key(one));
  }

  @ParameterizedTest
  @CsvSource({"alice, alicia", "bob, rob", "ann, anne", "नमस्ते, नमस्त", "李小龙, 李小虎"})
  void givesDifferentNicksDifferentKeys(String one, String other) {
    assertThat(Nicks.key(other)).isNotEqualTo(Nicks.key(one));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "Zoë", "नमस्ते", "李小龙", "a.b-c_d"})
  void acceptsNicksInAnyScript(String nick) {
    assertThat(Nicks.isValid(Nicks.normalise(nick))).isTrue();
  }
}
