package dev.natter.events.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of attribute values in binary-mode HTTP headers: space, double quote, percent
 * and everything outside printable ASCII are sent as percent-encoded UTF-8.
 *
 * @see "CloudEvents HTTP protocol binding 1.0.2, 3.1.3.2: HTTP header values"
 */
final class HeaderValues {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HeaderValues() {}

  static String encode(String value) {
    StringBuilder encoded = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c > 0x20 && c < 0x7F && c != '"' && c != '%') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }

  /** Decodes percent-encoded UTF-8; a '%' that starts no valid escape is kept as it is. */
  static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (c == '%' && high >= 0 && low >= 0) {
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
