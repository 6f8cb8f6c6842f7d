package dev.natter.events;

/** An event that breaks the CloudEvents spec or Natter's contract for its type. */
public class InvalidEventException extends RuntimeException {

  private final String attribute;
  private final Integer index;
  private final String eventId;

  /** An event whose {@code attribute} is missing or wrong. */
  public InvalidEventException(String attribute, String detail) {
    this(attribute, detail, null, null);
  }

  private InvalidEventException(String attribute, String detail, Integer index, String eventId) {
    super(detail);
    this.attribute = attribute;
    this.index = index;
    this.eventId = eventId;
  }

  /** The same fault, found in the event at {@code index} (from 0) of a batch, whose id is given. */
  public InvalidEventException inBatch(int index, String eventId) {
    String where =
        "Event " + index + " of the batch" + (eventId == null ? "" : " ('" + eventId + "')");
    return new InvalidEventException(attribute, where + ": " + getMessage(), index, eventId);
  }

  /** The attribute at fault, or {@code null} when the event as a whole is. */
  public String attribute() {
    return attribute;
  }

  /** Where in a batch the faulty event is (from 0), or {@code null} outside a batch. */
  public Integer index() {
    return index;
  }

  /** The faulty event's id in a batch, when it has one. */
  public String eventId() {
    return eventId;
  }
}
