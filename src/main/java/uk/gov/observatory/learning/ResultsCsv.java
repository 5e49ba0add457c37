package uk.gov.observatory.learning;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import uk.gov.observatory.notification.CsvCells;

/**
 * An analysis's results as tidy CSV (RFC 4180, through {@link CsvCells} like every CSV the system
 * writes): {@code results.csv}, one row a code, value, group and grouping; and the agreement, one
 * row a code. Percentages and the intervals' ends to 1 decimal place, kappa to 3, as plain numbers
 * ({@code -32.2}, never {@code -3.22E+1}); what could not be worked out (nothing to count, a
 * difference's cases and count, kappa when chance agreement is 1) is blank.
 */
public final class ResultsCsv {

  private ResultsCsv() {}

  /** results.csv's columns, in order. */
  public static final List<String> RESULTS_HEADER =
      List.of(
          "analysis_ref",
          "code",
          "value",
          "group",
          "grouping",
          "cases",
          "count",
          "percent",
          "ci_low",
          "ci_high");

  /** The agreement file's columns, in order. */
  public static final List<String> AGREEMENT_HEADER =
      List.of("analysis_ref", "code", "cases_double_coded", "percent_agreement", "kappa");

  /**
   * Writes results.csv: {@code group} is SAMPLE, CONTROL or DIFFERENCE, {@code grouping} the
   * grouping's group label or ALL. Flushes, does not close.
   */
  public static void write(AnalysisResults results, Writer out) throws IOException {
    CsvCells csv = CsvCells.printer(out, RESULTS_HEADER);
    for (ResultRow row : results.rows()) {
      csv.printRecord(
          results.analysisRef(),
          row.code(),
          row.value(),
          row.group().name(),
          row.grouping(),
          row.cases(),
          row.count(),
          plain(row.percent()),
          plain(row.ciLow()),
          plain(row.ciHigh()));
    }
    csv.flush();
  }

  /** Writes the agreement, one row a code of the frame. Flushes, does not close. */
  public static void writeAgreement(AnalysisResults results, Writer out) throws IOException {
    CsvCells csv = CsvCells.printer(out, AGREEMENT_HEADER);
    for (AgreementRow row : results.agreement()) {
      csv.printRecord(
          results.analysisRef(),
          row.code(),
          row.casesDoubleCoded(),
          plain(row.percentAgreement()),
          plain(row.kappa()));
    }
    csv.flush();
  }

  /**
   * The agreement file's name beside a results file: {@code .agreement.csv} in place of {@code
   * .csv} ({@code results.csv} → {@code results.agreement.csv}); a name without {@code .csv} gets
   * {@code .agreement.csv} added.
   */
  public static String agreementName(String resultsName) {
    String base =
        resultsName.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? resultsName.substring(0, resultsName.length() - 4)
            : resultsName;
    return base + ".agreement.csv";
  }

  private static String plain(BigDecimal n) {
    return n == null ? null : n.toPlainString();
  }
}
