package uk.gov.observatory.notification;

import java.util.List;

/** What an import did: nothing at all when there are problems, otherwise the counts stored. */
public record ImportResult(
    List<ImportProblem> problems, int notifications, int children, int replaced) {
  public boolean stored() {
    return problems.isEmpty();
  }
}
