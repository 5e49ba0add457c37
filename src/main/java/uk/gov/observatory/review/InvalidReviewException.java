package uk.gov.observatory.review;

import java.util.List;

/** A request about a review that breaks its rules: nothing was stored; each problem says why. */
public class InvalidReviewException extends RuntimeException {

  private final List<ReviewProblem> problems;

  public InvalidReviewException(List<ReviewProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    this.problems = List.copyOf(problems);
  }

  public InvalidReviewException(String field, String message) {
    this(List.of(new ReviewProblem(field, message)));
  }

  public List<ReviewProblem> problems() {
    return problems;
  }
}
