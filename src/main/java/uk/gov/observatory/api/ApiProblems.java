package uk.gov.observatory.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The problem types of this API (RFC 9457 {@code type}); plain HTTP errors use about:blank. */
public final class ApiProblems {
  private ApiProblems() {}

  public static final String INVALID_NOTIFICATION = "urn:observatory:problem:invalid-notification";
  public static final String INVALID_PARAMETERS = "urn:observatory:problem:invalid-parameters";
  public static final String MALFORMED_REQUEST = "urn:observatory:problem:malformed-request";
  public static final String IDEMPOTENCY_KEY_REUSED =
      "urn:observatory:problem:idempotency-key-reused";
  public static final String NOT_FOUND = "about:blank";
  public static final String INVALID_REVIEW = "urn:observatory:problem:invalid-review";
  public static final String CONFLICT = "urn:observatory:problem:conflict";
  public static final String VERSION_REQUIRED = "urn:observatory:problem:version-required";

  static URI uri(String type) {
    return URI.create(type);
  }

  /**
   * A problem response: its status, type, title and detail, the path of the request as its
   * instance, and the errors (if any) one per field, as {@code application/problem+json}.
   */
  public static ResponseEntity<ProblemDetail> problem(
      HttpStatus status,
      String type,
      String title,
      String detail,
      List<ApiError> errors,
      HttpServletRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create(type));
    body.setTitle(title);
    body.setInstance(URI.create(request.getRequestURI()));
    if (errors != null) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
