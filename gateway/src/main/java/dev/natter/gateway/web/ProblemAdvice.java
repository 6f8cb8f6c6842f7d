package dev.natter.gateway.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every refusal with an RFC 9457 problem detail, never a stack trace. */
@RestControllerAdvice
class ProblemAdvice {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    return ResponseEntity.status(e.status()).headers(e.headers()).body(problem);
  }
}
