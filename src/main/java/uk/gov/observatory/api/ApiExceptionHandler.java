package uk.gov.observatory.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the JSON API as an RFC 9457 problem ({@code application/problem+json}). Only the
 * API's controllers ({@link ApiController}) are advised: the pages keep their own error pages. A
 * module's own exceptions (a notification that breaks the rules, a review conflict) are answered by
 * that module's advice, built with {@link ApiProblems#problem}; everything else here. Nothing
 * internal (stack traces, class names, SQL) ever reaches a client, and bad input never becomes a
 * 500.
 */
@RestControllerAdvice(annotations = ApiController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ProblemDetail> badRequest(BadRequestException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.BAD_REQUEST, e.type(), e.title(), e.getMessage(), e.errors(), request);
  }

  @ExceptionHandler(ResourceNotFoundException.class)
  ResponseEntity<ProblemDetail> resourceNotFound(
      ResourceNotFoundException e, HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, "Not Found", e.getMessage(), null, request);
  }

  @ExceptionHandler(ApiFallbackController.ApiPathNotFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.NOT_FOUND,
        ApiProblems.NOT_FOUND,
        "Not Found",
        "The API has no resource at this path. The API is described at /api/v1/openapi.json.",
        null,
        request);
  }

  /**
   * Spring Security's firewall refuses a parameter's name or value (a control character, say) when
   * the controller first reads it, inside this advice's reach: a 400, not an unexpected failure.
   */
  @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(
      org.springframework.security.web.firewall.RequestRejectedException e,
      HttpServletRequest request) {
    return ApiProblems.problem(
        HttpStatus.BAD_REQUEST,
        ApiProblems.INVALID_PARAMETERS,
        "A parameter is not allowed",
        "A parameter's name or value has a character that is not allowed (a control character):"
            + " nothing was read or stored.",
        null,
        request);
  }

  /** Anything unexpected: logged here, and the client learns only that it failed. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    logUnexpected(e, request);
    return ApiProblems.problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "about:blank",
        "Internal Server Error",
        "The request could not be completed because of an unexpected error. It has been logged;"
            + " please try again later.",
        null,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<ApiError> errors = new ArrayList<>();
    String detail = unreadable(ex, errors);
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    body.setType(URI.create(ApiProblems.MALFORMED_REQUEST));
    body.setTitle("The request body could not be read");
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Sets the instance and the problem media type on every problem the base class builds. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
      HttpServletRequest servlet =
          request instanceof NativeWebRequest n
              ? n.getNativeRequest(HttpServletRequest.class)
              : null;
      if (servlet != null) {
        problem.setInstance(URI.create(servlet.getRequestURI()));
      }
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  /**
   * A clear, safe description of why the body could not be read (no class names, no input echoed).
   */
  private static final java.util.regex.Pattern DUPLICATE =
      java.util.regex.Pattern.compile("^Duplicate Object property \"(.{1,100})\"");

  /** The name of a property given twice (Jackson's strict duplicate detection), or null. */
  private static String duplicate(StreamReadException e) {
    String message = e.getOriginalMessage();
    java.util.regex.Matcher m = message == null ? null : DUPLICATE.matcher(message);
    return m != null && m.find() ? m.group(1) : null;
  }

  private static String unreadable(HttpMessageNotReadableException ex, List<ApiError> errors) {
    Throwable cause = ex.getMostSpecificCause();
    if (cause instanceof StrictJson.Refused refused && !refused.getPath().isEmpty()) {
      String path = path(refused);
      errors.add(new ApiError(path, null, refused.reason()));
      return "The request body is JSON, but " + path + " " + refused.reason() + ".";
    }
    if (cause instanceof InvalidNullException nulled && !nulled.getPath().isEmpty()) {
      String path = path(nulled);
      String reason =
          path.endsWith("]")
              ? "must not be null: an array may not contain null"
              : "must not be null";
      errors.add(new ApiError(path, null, reason));
      return "The request body is JSON, but " + path + " " + reason + ".";
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String path = path(mismatch);
      String reason =
          "has the wrong JSON type: expected "
              + expected(mismatch)
              + (mismatch.getCurrentToken() == null
                  ? ""
                  : ", but got " + describe(mismatch.getCurrentToken()));
      errors.add(new ApiError(path, null, reason));
      return "The request body is JSON, but " + path + " " + reason + ".";
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return "The request body must be a JSON object describing a notification"
          + (mismatch.getCurrentToken() == null
              ? ""
              : ", but it is " + describe(mismatch.getCurrentToken()))
          + ".";
    }
    if (cause instanceof StreamReadException parse && duplicate(parse) != null) {
      String name = duplicate(parse);
      String reason = "is given more than once: give each property once";
      errors.add(new ApiError(name, null, reason));
      return "The request body is JSON, but the property " + name + " " + reason + ".";
    }
    if (cause instanceof StreamReadException parse) {
      TokenStreamLocation at = parse.getLocation();
      return "The request body is not valid JSON"
          + (at != null && at.getLineNr() > 0
              ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
              : "")
          + ". Send a JSON object with Content-Type application/json.";
    }
    if (cause instanceof JacksonException) {
      return "The request body could not be read as a notification. Send a JSON object with"
          + " Content-Type application/json.";
    }
    return "The request body is missing or could not be read. Send a JSON object with Content-Type"
        + " application/json.";
  }

  /** {@code children[2].age_years}, with list positions counted from 1 as in validation errors. */
  private static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex() + 1).append(']');
      }
    }
    return out.toString();
  }

  private static String expected(MismatchedInputException e) {
    Class<?> target = e.getTargetType();
    if (target == null) {
      return "another type";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class) {
      return "a whole number";
    }
    if (java.util.Collection.class.isAssignableFrom(target)) {
      return "an array";
    }
    return "an object";
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT, END_OBJECT -> "an object";
      case START_ARRAY, END_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "something else";
    };
  }

  /**
   * Logs an unexpected failure with its stack trace. A database error's message can quote the
   * values of a statement (a child's name among them), so for those only the kinds and SQL states
   * of the causes are logged.
   */
  private static void logUnexpected(Exception e, HttpServletRequest request) {
    boolean fromDatabase = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException
          || t instanceof org.springframework.dao.DataAccessException) {
        fromDatabase = true;
        break;
      }
    }
    if (!fromDatabase) {
      log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
      return;
    }
    StringBuilder causes = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      causes.append(causes.isEmpty() ? "" : " <- ").append(t.getClass().getName());
      if (t instanceof java.sql.SQLException sql) {
        causes.append(" (SQL state ").append(sql.getSQLState()).append(')');
      }
    }
    log.error(
        "Unexpected database failure of {} {}: {} (messages withheld: they may quote personal"
            + " data)",
        request.getMethod(),
        request.getRequestURI(),
        causes);
  }
}
