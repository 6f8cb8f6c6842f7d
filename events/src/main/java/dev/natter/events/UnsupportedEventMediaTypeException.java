package dev.natter.events;

/** A request whose media type carries no CloudEvent that Natter reads. */
public class UnsupportedEventMediaTypeException extends RuntimeException {

  /** A request with the unreadable {@code mediaType}. */
  public UnsupportedEventMediaTypeException(String mediaType) {
    super(
        "Media type '"
            + mediaType
            + "' is not a CloudEvent: send binary mode (ce-* headers)"
            + " or structured mode (application/cloudevents+json)");
  }
}
