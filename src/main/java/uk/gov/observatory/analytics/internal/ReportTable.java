package uk.gov.observatory.analytics.internal;

import java.util.List;
import uk.gov.observatory.analytics.Cell;

/**
 * One table of REPORT-SPEC.md, computed in SQL over the typed tables. Implementations are Spring
 * beans; {@link #id()} is the table's id, which places it in the report (see {@code
 * Reports.ORDER}).
 */
public interface ReportTable {

  String id();

  /** Every cell of the table, every row and column the specification lists, in its order. */
  List<Cell> cells(ReportQuery q);
}
