package dev.natter.functions.message;

import java.text.Normalizer;

/** The rules a message's text must meet, applied after trimming and NFC normalisation. */
final class MessageText {

  private MessageText() {}

  /** The text as everyone will see it: trimmed and in Unicode normalisation form C. */
  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
  }

  /** Why {@code normalised} text is refused, or {@code null} when it is accepted. */
  static Refusal check(String normalised, int maxLength) {
    if (normalised.isEmpty()) {
      return new Refusal("blank", "The message is empty");
    }
    int length = normalised.codePointCount(0, normalised.length());
    if (length > maxLength) {
      return new Refusal(
          "too-long", "The message has " + length + " characters; the limit is " + maxLength);
    }
    return null;
  }

  /** A refusal: a stable code and words a user can act on. */
  record Refusal(String reason, String detail) {}
}
