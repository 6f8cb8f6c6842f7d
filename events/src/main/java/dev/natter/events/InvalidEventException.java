package dev.natter.events;

/** An event that breaks the CloudEvents specification or Natter's contract. */
public class InvalidEventException extends RuntimeException {

  private final String attribute;

  /** An event whose {@code attribute} is missing or wrong. */
  public InvalidEventException(String attribute, String detail) {
    super(detail);
    this.attribute = attribute;
  }

  /** The attribute at fault, or {@code null} when the event as a whole is. */
  public String attribute() {
    return attribute;
  }
}
