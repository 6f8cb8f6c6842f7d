package dev.natter.functions.routing;

import dev.natter.events.InvalidEventException;
import dev.natter.events.UnsupportedEventMediaTypeException;
import dev.natter.events.http.EventProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers events that cannot be handled with a problem detail, never a stack trace. */
@RestControllerAdvice
class EventProblemAdvice {

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
}
