package uk.gov.observatory.library;

import java.util.List;

/**
 * What is wrong with a document or a search as asked: each problem names its field (a form field, a
 * command-line option, or a manifest's line and column) and what is allowed. Nothing was stored.
 */
public class InvalidDocumentException extends RuntimeException {

  public record Problem(String field, String message) {}

  private final transient List<Problem> problems;

  public InvalidDocumentException(List<Problem> problems) {
    super(problems.isEmpty() ? "invalid document" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public InvalidDocumentException(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
