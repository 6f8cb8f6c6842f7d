package dev.natter.events.jms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jms.JmsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers requests that need Artemis while it is away with 503, never a stack trace. */
@RestControllerAdvice
public class BrokerProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(BrokerProblemAdvice.class);

  @ExceptionHandler
  ProblemDetail brokerUnavailable(JmsException e) {
    log.warn("NATTER-BROKER-001 Artemis is unavailable: {}", e.getMostSpecificCause().getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "The broker is unavailable; retry shortly");
    problem.setTitle("Broker unavailable");
    return problem;
  }
}
