package uk.gov.observatory.review.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.ReviewConflictException;
import uk.gov.observatory.review.ReviewNotPermittedException;
import uk.gov.observatory.review.VersionRequiredException;

/**
 * The review module's own errors as the API's problems: a change without its version (428), a
 * request that breaks a rule of reviews (422, every problem listed), a change made meanwhile by
 * someone else (409), an action the role may not take (403). Asked before the API's general advice
 * ({@code ApiExceptionHandler}), which answers the rest.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewProblems {

  /** A change to an existing record without the version it started from: 428. */
  @ExceptionHandler(VersionRequiredException.class)
  ResponseEntity<ProblemDetail> versionRequired(
      VersionRequiredException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.PRECONDITION_REQUIRED,
        ApiProblems.VERSION_REQUIRED,
        "The version you started from is required",
        "A change to an existing record must name the version it started from (the version"
            + " field of what you read): nothing was changed. Read the record, then send its"
            + " version with your change.",
        List.of(new ApiError("version", null, VersionRequiredException.MESSAGE)),
        request);
  }

  @ExceptionHandler(InvalidReviewException.class)
  ResponseEntity<ProblemDetail> invalidReview(
      InvalidReviewException e, HttpServletRequest request) {
    List<ApiError> errors =
        e.problems().stream().map(p -> new ApiError(p.field(), null, p.message())).toList();
    return ApiProblems.problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ApiProblems.INVALID_REVIEW,
        "The request breaks a rule of reviews",
        "Nothing was changed. See errors.",
        errors,
        request);
  }

  @ExceptionHandler(ReviewConflictException.class)
  ResponseEntity<ProblemDetail> reviewConflict(
      ReviewConflictException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.CONFLICT,
        ApiProblems.CONFLICT,
        "Changed by someone else",
        e.getMessage(),
        null,
        request);
  }

  @ExceptionHandler(ReviewNotPermittedException.class)
  ResponseEntity<ProblemDetail> reviewForbidden(
      ReviewNotPermittedException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.FORBIDDEN,
        "urn:observatory:problem:forbidden",
        "Not permitted",
        e.getMessage(),
        null,
        request);
  }
}
