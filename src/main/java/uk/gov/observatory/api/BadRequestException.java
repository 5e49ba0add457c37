package uk.gov.observatory.api;

import java.util.List;

/**
 * The request itself is wrong (its query parameters, headers or the shape of its body), as opposed
 * to a well-formed notification that breaks the standard's rules: answered 400 with every error.
 */
public class BadRequestException extends RuntimeException {
  private final String type;
  private final String title;
  private final transient List<ApiError> errors;

  public BadRequestException(String type, String title, String detail, List<ApiError> errors) {
    super(detail);
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  String type() {
    return type;
  }

  String title() {
    return title;
  }

  List<ApiError> errors() {
    return errors;
  }
}
