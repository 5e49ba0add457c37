package uk.gov.observatory.api;

import java.net.URI;

/** The problem types of this API (RFC 9457 {@code type}); plain HTTP errors use about:blank. */
final class ApiProblems {
  private ApiProblems() {}

  static final String INVALID_NOTIFICATION = "urn:observatory:problem:invalid-notification";
  static final String INVALID_PARAMETERS = "urn:observatory:problem:invalid-parameters";
  static final String MALFORMED_REQUEST = "urn:observatory:problem:malformed-request";
  static final String IDEMPOTENCY_KEY_REUSED = "urn:observatory:problem:idempotency-key-reused";
  static final String NOT_FOUND = "about:blank";
  static final String INVALID_REVIEW = "urn:observatory:problem:invalid-review";
  static final String CONFLICT = "urn:observatory:problem:conflict";
  static final String VERSION_REQUIRED = "urn:observatory:problem:version-required";

  static URI uri(String type) {
    return URI.create(type);
  }
}
