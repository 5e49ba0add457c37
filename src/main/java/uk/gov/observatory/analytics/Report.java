package uk.gov.observatory.analytics;

import java.util.List;
import java.util.Map;

/** A computed report: its request and every table's cells, in the specification's order. */
public record Report(ReportRequest request, Map<String, List<Cell>> tables) {

  /** Every cell, table by table. */
  public List<Cell> cells() {
    return tables.values().stream().flatMap(List::stream).toList();
  }
}
