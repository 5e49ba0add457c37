package uk.gov.observatory.publication;

import java.util.List;

/** What is wrong with an edition as asked for or edited: each problem names its field. */
public class InvalidEditionException extends RuntimeException {

  /** One problem: the form field it is about and what to change. */
  public record Problem(String field, String message) {}

  private final transient List<Problem> problems;

  public InvalidEditionException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid edition" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
