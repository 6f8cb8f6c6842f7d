package dev.natter.events;

import java.util.regex.Pattern;

/** The rule for room names, shared by every edge that accepts one. */
public final class Rooms {

  /** Lower-case letters, digits, '-' and '_', starting with a letter or digit. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  /** Human-readable form of {@link #NAME}, for error messages. */
  public static final String RULE =
      "1 to 40 characters: lower-case letters, digits, '-' or '_',"
          + " starting with a letter or digit";

  private Rooms() {}

  /** Whether {@code name} is a valid room name. */
  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
