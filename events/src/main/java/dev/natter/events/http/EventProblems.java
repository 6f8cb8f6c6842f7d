package dev.natter.events.http;

import dev.natter.events.InvalidEventException;
import dev.natter.events.UnsupportedEventMediaTypeException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details for events that cannot be accepted. */
public final class EventProblems {

  private static final URI INVALID_EVENT = URI.create("urn:natter:problem:invalid-event");

  private EventProblems() {}

  /** 400 naming the attribute at fault, in the {@code attribute} property. */
  public static ProblemDetail invalid(InvalidEventException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(INVALID_EVENT);
    problem.setTitle("Invalid CloudEvent");
    if (e.attribute() != null) {
      problem.setProperty("attribute", e.attribute());
    }
    if (e.index() != null) {
      problem.setProperty("index", e.index());
    }
    if (e.eventId() != null) {
      problem.setProperty("id", e.eventId());
    }
    return problem;
  }

  /** 415 for a request that carries no readable event. */
  public static ProblemDetail unsupported(UnsupportedEventMediaTypeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    problem.setTitle("Unsupported media type");
    return problem;
  }
}
