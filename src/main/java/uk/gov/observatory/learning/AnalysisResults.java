package uk.gov.observatory.learning;

import java.util.List;

/** An analysis's results: the tidy rows (all cases, then by the grouping) and the agreement. */
public record AnalysisResults(
    String analysisRef, Grouping grouping, List<ResultRow> rows, List<AgreementRow> agreement) {

  public AnalysisResults {
    rows = List.copyOf(rows);
    agreement = List.copyOf(agreement);
  }
}
