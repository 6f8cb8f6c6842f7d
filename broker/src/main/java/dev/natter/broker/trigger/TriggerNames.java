package dev.natter.broker.trigger;

/** The Artemis names of a trigger's resources. */
final class TriggerNames {

  private TriggerNames() {}

  /** The anycast address and queue a trigger's events are diverted to. */
  static String queue(String trigger) {
    return "natter.trigger." + trigger;
  }

  /** The divert that copies a trigger's events from the broker address to its queue. */
  static String divert(String trigger) {
    return "natter.divert." + trigger;
  }

  /** The anycast address and queue of a trigger's dead letters. */
  static String deadLetters(String trigger) {
    return "natter.dead." + trigger;
  }
}
