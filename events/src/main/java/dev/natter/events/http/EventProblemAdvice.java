package dev.natter.events.http;

import dev.natter.events.InvalidEventException;
import dev.natter.events.UnsupportedEventMediaTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers events that cannot be accepted with a problem detail, never a stack trace. */
@RestControllerAdvice
public class EventProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(EventProblemAdvice.class);

  @ExceptionHandler
  ProblemDetail invalid(InvalidEventException e) {
    log.debug("Refused event: {}", e.getMessage());
    return EventProblems.invalid(e);
  }

  @ExceptionHandler
  ProblemDetail unsupported(UnsupportedEventMediaTypeException e) {
    return EventProblems.unsupported(e);
  }

  @ExceptionHandler
  ProblemDetail tooLarge(BodyTooLargeException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setTitle("Body too large");
    return problem;
  }
}
