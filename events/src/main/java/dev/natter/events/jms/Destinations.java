package dev.natter.events.jms;

/** The Artemis addresses Natter's components share. */
public final class Destinations {

  /** Multicast address every event enters; triggers subscribe to it. */
  public static final String BROKER = "natter.broker";

  /** Multicast address of the events users see, in history order, for the gateways. */
  public static final String STREAM = "natter.stream";

  /** Prefix of each room's bounded history queue. */
  public static final String HISTORY_PREFIX = "natter.history.";

  /** Message property holding an event's position in the history. */
  public static final String SEQUENCE = "natter_seq";

  private Destinations() {}

  /** The history queue of {@code room}, which must be a valid room name. */
  public static String history(String room) {
    return HISTORY_PREFIX + room;
  }
}
