package uk.gov.observatory.notification.api;

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
import uk.gov.observatory.notification.IdempotencyKeyReusedException;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.Violation;

/**
 * The notification module's own errors as the API's problems: a notification that breaks the data
 * standard's rules (every broken rule listed), a reused Idempotency-Key, an unknown reference.
 * Asked before the API's general advice ({@code ApiExceptionHandler}), which answers the rest.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationProblems {

  @ExceptionHandler(InvalidNotificationException.class)
  ResponseEntity<ProblemDetail> invalid(
      InvalidNotificationException e, HttpServletRequest request) {
    List<ApiError> errors = e.violations().stream().map(NotificationProblems::error).toList();
    long fields = errors.stream().map(ApiError::field).distinct().count();
    return ApiProblems.problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ApiProblems.INVALID_NOTIFICATION,
        "The notification breaks the data standard's rules",
        fields
            + (fields == 1 ? " field breaks" : " fields break")
            + " the rules: nothing was stored. See errors.",
        errors,
        request);
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(
      IdempotencyKeyReusedException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ApiProblems.IDEMPOTENCY_KEY_REUSED,
        "The Idempotency-Key was already used for a different notification",
        "This Idempotency-Key was already used with a different request body: nothing was stored."
            + " Use a new key for a new notification, or resend the original body to get its"
            + " result.",
        null,
        request);
  }

  @ExceptionHandler(NotificationNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(
      NotificationNotFoundException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.NOT_FOUND,
        ApiProblems.NOT_FOUND,
        "Not Found",
        "The register holds no notification with the reference '" + e.ref() + "'.",
        null,
        request);
  }

  /** A broken rule as an entry of the problem's errors. */
  static ApiError error(Violation v) {
    return new ApiError(v.path(), v.value(), v.reason());
  }
}
