package uk.gov.observatory.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.DisclosureControl;
import uk.gov.observatory.analytics.InvalidReportException;
import uk.gov.observatory.analytics.OpenData;
import uk.gov.observatory.analytics.Report;
import uk.gov.observatory.analytics.ReportDocuments;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.ReportWorkbooks;
import uk.gov.observatory.analytics.ReportWriter;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.audit.Actors;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the annual report's tables for a period of incident dates.",
      "The tables of REPORT-SPEC.md, as tidy CSV (table_id,row_code,column_code,value), JSON, a workbook (ODS or XLSX) with a cover, contents, notes and one sheet a table, in words, HTML, PDF, or, for publication, DfE open data (Explore Education Statistics): a data CSV and its .meta.csv, always disclosure-controlled."
    })
class ReportCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  static final List<String> FORMATS =
      List.of("csv", "json", "ods", "xlsx", "html", "pdf", "opendata");

  @Option(names = "--from", required = true, description = "First incident date, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", required = true, description = "Last incident date, YYYY-MM-DD.")
  String to;

  @Option(names = "--as-at", description = "The date the data is read as at (default: today).")
  String asAt;

  @Option(names = "--region", description = "Only this region (E12000001 to E12000009).")
  String region;

  @Option(names = "--la", description = "Only this local authority (its GSS code).")
  String la;

  @Option(
      names = "--format",
      defaultValue = "csv",
      description =
          "csv, json, ods, xlsx, html or pdf (default csv), or opendata: for publication in DfE's"
              + " open data layout, FILE.csv (time, geography, breakdown_topic, breakdown,"
              + " nature_of_notification, number_notifications, percent_notifications) and"
              + " FILE.meta.csv next to it; a calendar or financial year only; always"
              + " disclosure-controlled.")
  String format;

  @Option(
      names = "--suppress",
      description =
          "Apply disclosure control for publication: counts of 1 or 2 and what would reveal them"
              + " become c (REPORT-SPEC.md). Always on for --format opendata.")
  boolean suppress;

  @Option(names = "--out", required = true, description = "The file to write.")
  Path out;

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (!FORMATS.contains(format)) {
      err.printf(
          "error: --format %s is not known: use csv, json, ods, xlsx, html or pdf, or opendata for"
              + " publication%n",
          format);
      return BAD_INPUT;
    }
    boolean openData = format.equals("opendata");
    if (openData
        && (out.getFileName() == null
            || !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))) {
      err.printf(
          "error: --format opendata writes a CSV and its .meta.csv: give --out a name ending in"
              + " .csv, not %s%n",
          out);
      return BAD_INPUT;
    }
    // The report's own rule for its dates (ReportRequest), as on the pages.
    LocalDate fromDate = ReportRequest.parseDate(from);
    LocalDate toDate = ReportRequest.parseDate(to);
    LocalDate asAtDate = asAt == null ? LocalDate.now() : ReportRequest.parseDate(asAt);
    String badDate =
        fromDate == null
            ? "--from '" + from + "'"
            : toDate == null
                ? "--to '" + to + "'"
                : asAtDate == null ? "--as-at '" + asAt + "'" : null;
    if (badDate != null) {
      err.printf("error: %s must be %s%n", badDate, ReportRequest.DATE_RULE);
      return BAD_INPUT;
    }
    List<InvalidReportException.Problem> period =
        new ReportRequest(fromDate, toDate, asAtDate, region, la).periodProblems();
    if (!period.isEmpty()) {
      err.printf("error: %s%n", period.get(0).message());
      return BAD_INPUT;
    }
    OpenData.TimePeriod time = null;
    if (openData) {
      try {
        time = OpenData.timePeriod(fromDate, toDate);
      } catch (InvalidReportException e) {
        err.printf("error: %s%n", e.getMessage());
        return BAD_INPUT;
      }
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      err.printf("error: cannot write %s: its folder does not exist or is not writable%n", out);
      return BAD_INPUT;
    }
    if (openData) {
      return publish(fromDate, toDate, asAtDate, time);
    }
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      Reports reports = app.getBean(Reports.class);
      Report report;
      try {
        report =
            reports.report(
                new ReportRequest(fromDate, toDate, asAtDate, region, la),
                Viewer.system(Actors.cli()));
      } catch (InvalidReportException e) {
        err.printf("error: %s%n", e.getMessage());
        return BAD_INPUT;
      }
      if (suppress) {
        report = DisclosureControl.apply(report);
      }
      try {
        write(report);
      } catch (IOException e) {
        err.printf("error: cannot write %s: %s%n", out, e.getMessage());
        return BAD_INPUT;
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote %d tables (%s) for incidents from %s to %s, as at %s, to %s.%n",
              report.tables().size(),
              String.join(", ", report.tables().keySet()),
              fromDate,
              toDate,
              asAtDate,
              out);
      return 0;
    }
  }

  /** {@code --format opendata}: the data CSV and its .meta.csv, always disclosure-controlled. */
  private int publish(
      LocalDate fromDate, LocalDate toDate, LocalDate asAtDate, OpenData.TimePeriod time) {
    var err = spec.commandLine().getErr();
    Path meta = OpenData.metaFileFor(out);
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      OpenData.Publication publication;
      try {
        publication =
            app.getBean(OpenData.class)
                .publication(
                    new ReportRequest(fromDate, toDate, asAtDate, region, la),
                    Viewer.system(Actors.cli()));
      } catch (InvalidReportException e) {
        err.printf("error: %s%n", e.getMessage());
        return BAD_INPUT;
      }
      Path written = out;
      try {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          OpenData.data(publication, w);
        }
        written = meta;
        try (Writer w = Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
          OpenData.meta(w);
        }
      } catch (IOException e) {
        err.printf("error: cannot write %s: %s%n", written, e.getMessage());
        return BAD_INPUT;
      }
      List<String> levels =
          publication.parts().stream().map(p -> p.geography().level()).distinct().toList();
      spec.commandLine()
          .getOut()
          .printf(
              "Wrote open data (%s %s; %s; %d tables) for incidents from %s to %s, as at %s,"
                  + " disclosure-controlled for publication (with or without --suppress), to %s"
                  + " and %s.%n",
              time.identifier(),
              time.period(),
              String.join(", ", levels),
              publication.parts().get(0).report().tables().size(),
              fromDate,
              toDate,
              asAtDate,
              out,
              meta);
      return 0;
    }
  }

  private void write(Report report) throws IOException {
    switch (format) {
      case "pdf" -> {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
          ReportDocuments.pdf(report, o);
        }
      }
      case "html" -> Files.writeString(out, ReportDocuments.html(report), StandardCharsets.UTF_8);
      case "ods", "xlsx" -> {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
          if (format.equals("ods")) {
            ReportWorkbooks.ods(report, o);
          } else {
            ReportWorkbooks.xlsx(report, o);
          }
        }
      }
      default -> {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          if (format.equals("csv")) {
            ReportWriter.csv(report, w);
          } else {
            ReportWriter.json(report, w);
          }
        }
      }
    }
  }
}
