package uk.gov.observatory.access;

import java.util.List;

/**
 * An account request that cannot be carried out; nothing was stored. Messages say what is needed.
 */
public class InvalidAccountException extends RuntimeException {

  private final List<String> problems;

  public InvalidAccountException(String problem) {
    this(List.of(problem));
  }

  public InvalidAccountException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
