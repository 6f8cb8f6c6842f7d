package dev.natter.events;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** The rule for nicknames, shared by every edge that accepts one. */
public final class Nicks {

  private static final Pattern NICK =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}_.-]{0,31}");

  /** Human-readable form of the rule, for error messages. */
  public static final String RULE =
      "1 to 32 letters, digits, '_', '.' or '-', starting with a letter or digit";

  private static final ThreadLocal<SpoofChecker> SKELETONS =
      ThreadLocal.withInitial(() -> new SpoofChecker.Builder().build());

  private Nicks() {}

  /** The nick as it will be shown: NFC-normalised and trimmed. */
  public static String normalise(String nick) {
    return Normalizer.normalize(nick, Normalizer.Form.NFC).strip();
  }

  /**
   * The key under which a nick is unique: equal for nicks that differ only in case, in accents (the
   * combining diacritical marks of Latin, Greek and Cyrillic), or that look alike (Unicode
   * confusables, such as Latin "a" and Cyrillic "а", "rn" and "m", or "0" and "O"). Case is folded
   * again after the skeleton, since a confusable may map to a capital.
   *
   * @see <a href="https://www.unicode.org/reports/tr39/#Confusable_Detection">UTS #39</a>
   */
  public static String key(String nick) {
    String bare =
        DIACRITICS.matcher(Normalizer.normalize(nick.strip(), Normalizer.Form.NFD)).replaceAll("");
    SpoofChecker skeletons = SKELETONS.get();
    String skeleton = skeletons.getSkeleton(UCharacter.foldCase(bare, true));
    return skeletons.getSkeleton(UCharacter.foldCase(skeleton, true));
  }

  private static final Pattern DIACRITICS = Pattern.compile("[\\u0300-\\u036f]");

  /** Whether {@code nick}, already normalised, follows the rule. */
  public static boolean isValid(String nick) {
    return NICK.matcher(nick).matches();
  }
}
