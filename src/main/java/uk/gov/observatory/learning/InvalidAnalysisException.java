package uk.gov.observatory.learning;

import java.util.List;

/**
 * What is wrong with what was asked of an analysis (or a briefing): each problem names its field (a
 * form field, or a CSV file's line and column) and what is allowed. Nothing was stored.
 */
public class InvalidAnalysisException extends RuntimeException {

  /** One problem: the field (or "line 4, column value") and what to change. */
  public record Problem(String field, String message) {}

  private final transient List<Problem> problems;

  public InvalidAnalysisException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid analysis" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidAnalysisException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
