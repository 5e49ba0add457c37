package uk.gov.observatory.learning.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.gov.observatory.api.ApiController;
import uk.gov.observatory.api.ApiError;
import uk.gov.observatory.api.ApiProblems;
import uk.gov.observatory.learning.AnalysisNotFoundException;
import uk.gov.observatory.learning.AnalysisNotPermittedException;
import uk.gov.observatory.learning.InvalidAnalysisException;

/**
 * The learning module's errors as the API's problems: a request that breaks a rule of analyses
 * (400, each problem naming its field, or a CSV file's line and column), an action the caller may
 * not take (403), an analysis that is not there or not theirs to see (404). Asked before the API's
 * general advice.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalysisProblems {

  static final String INVALID_ANALYSIS = "urn:observatory:problem:invalid-analysis";

  @ExceptionHandler(InvalidAnalysisException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidAnalysisException e, HttpServletRequest request) {
    // A read changes nothing; a change refused stores nothing.
    String nothing = request.getMethod().equals("GET") ? "" : ": nothing was stored";
    return ApiProblems.problem(
        HttpStatus.BAD_REQUEST,
        INVALID_ANALYSIS,
        "The request breaks a rule of thematic analyses",
        e.problems().size() == 1
            ? e.problems().get(0).message() + nothing + "."
            : e.problems().size() + " problems" + nothing + ". See errors.",
        e.problems().stream().map(p -> new ApiError(p.field(), null, p.message())).toList(),
        request);
  }

  @ExceptionHandler(AnalysisNotPermittedException.class)
  ResponseEntity<ProblemDetail> forbidden(
      AnalysisNotPermittedException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.FORBIDDEN,
        "urn:observatory:problem:forbidden",
        "Not permitted",
        e.getMessage(),
        null,
        request);
  }

  @ExceptionHandler(AnalysisNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(AnalysisNotFoundException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, "Not Found", e.getMessage(), null, request);
  }
}
