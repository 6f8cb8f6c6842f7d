package dev.natter.gateway.session;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The rule for nicknames. */
final class Nicks {

  private static final Pattern NICK = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,31}");

  static final String RULE =
      "1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit";

  private Nicks() {}

  /** The nick as it will be shown: NFC-normalised and trimmed. */
  static String normalise(String nick) {
    return Normalizer.normalize(nick, Normalizer.Form.NFC).strip();
  }

  static boolean isValid(String nick) {
    return NICK.matcher(nick).matches();
  }
}
