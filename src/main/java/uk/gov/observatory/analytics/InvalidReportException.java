package uk.gov.observatory.analytics;

import java.util.List;

/** A report asked for in a way that cannot be answered; each problem says what to change. */
public class InvalidReportException extends RuntimeException {

  /** A problem with one of the report's parameters ({@code from}, {@code to}, {@code la}). */
  public record Problem(String field, String message) {}

  private final List<Problem> problems;

  public InvalidReportException(List<Problem> problems) {
    super(String.join("; ", problems.stream().map(Problem::message).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
