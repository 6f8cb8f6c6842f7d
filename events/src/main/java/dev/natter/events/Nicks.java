package dev.natter.events;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The rule for nicknames, shared by every edge that accepts one. */
public final class Nicks {

  private static final Pattern NICK =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}_.-]{0,31}");

  /** Human-readable form of the rule, for error messages. */
  public static final String RULE =
      "1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit";

  private Nicks() {}

  /** The nick as it will be shown: NFC-normalised and trimmed. */
  public static String normalise(String nick) {
    return Normalizer.normalize(nick, Normalizer.Form.NFC).strip();
  }

  /** Whether {@code nick}, already normalised, follows the rule. */
  public static boolean isValid(String nick) {
    return NICK.matcher(nick).matches();
  }
}
