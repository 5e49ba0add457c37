package uk.gov.observatory.learning;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An analysis's drawn cases as CSV (issue 17's {@code analysis sample}): {@code notification_ref,
 * group} with group {@code SAMPLE} or {@code CONTROL}, sample first, each in the order drawn.
 */
public final class SampleCsv {

  public static final List<String> HEADER = List.of("notification_ref", "group");

  private SampleCsv() {}

  public static void write(List<AnalysisCase> cases, Writer out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
    csv.printRecord(HEADER);
    for (AnalysisCase c : cases) {
      csv.printRecord(c.notificationRef(), c.group().name());
    }
    csv.flush();
  }
}
