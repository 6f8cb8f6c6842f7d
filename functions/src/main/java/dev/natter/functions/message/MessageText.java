package dev.natter.functions.message;

import java.text.Normalizer;

/**
 * The rules a message's text must meet. Text is cleaned first: line breaks become {@code \n}, other
 * control characters are removed, broken UTF-16 is replaced, the result is NFC-normalised and
 * trimmed.
 */
public final class MessageText {

  private static final int REPLACEMENT = 0xFFFD;

  private MessageText() {}

  /** The text as everyone will see it. */
  public static String normalise(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder clean = new StringBuilder(lines.length());
    lines
        .codePoints()
        .forEach(
            codePoint -> {
              if (Character.isSurrogate((char) codePoint) && Character.isBmpCodePoint(codePoint)) {
                clean.appendCodePoint(REPLACEMENT);
              } else if (codePoint == '\n' || !Character.isISOControl(codePoint)) {
                clean.appendCodePoint(codePoint);
              }
            });
    return Normalizer.normalize(clean, Normalizer.Form.NFC).strip();
  }

  /** Why {@code normalised} text is refused, or {@code null} when it is accepted. */
  public static Refusal check(String normalised, int maxLength) {
    if (isBlank(normalised)) {
      return new Refusal("blank", "The message is empty");
    }
    int length = normalised.codePointCount(0, normalised.length());
    if (length > maxLength) {
      return new Refusal(
          "too-long", "The message has " + length + " characters; the limit is " + maxLength);
    }
    return null;
  }

  /** Nothing to see: only spaces, line breaks and invisible format characters. */
  private static boolean isBlank(String text) {
    return text.codePoints()
        .allMatch(
            codePoint ->
                Character.isWhitespace(codePoint)
                    || Character.isSpaceChar(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT);
  }

  /** A refusal: a stable code and words a user can act on. */
  public record Refusal(String reason, String detail) {}
}
