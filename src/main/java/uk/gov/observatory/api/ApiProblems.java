package uk.gov.observatory.api;

import java.net.URI;

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
}
