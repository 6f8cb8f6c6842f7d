package dev.natter.broker.ingress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.JmsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for everything the ingress refuses. */
@RestControllerAdvice
class IngressProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(IngressProblemAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    problem.setTitle("Unauthorized");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(problem);
  }

  @ExceptionHandler
  ProblemDetail brokerUnavailable(JmsException e) {
    log.warn("NATTER-INGRESS-001 Cannot hand events to Artemis: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "The broker is unavailable; retry later");
    problem.setTitle("Broker unavailable");
    return problem;
  }
}
