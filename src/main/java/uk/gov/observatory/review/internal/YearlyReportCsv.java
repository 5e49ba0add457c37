package uk.gov.observatory.review.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.CsvCells;
import uk.gov.observatory.notification.CsvTable;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.StandardFields;
import uk.gov.observatory.reference.ReferenceData;

/**
 * {@code yearly_reports.csv} of the data standard: a safeguarding partnership's yearly report and
 * the four Working Together 2018 requirements, each FULL, PARTIAL or NONE. Checked with the other
 * files of an import (every error reported) and stored in the same transaction.
 */
@Component
public class YearlyReportCsv {

  public static final String FILE = "yearly_reports.csv";

  static final List<String> COLUMNS =
      List.of(
          "partnership_code",
          "published_date",
          "req_impact",
          "req_limited_progress",
          "req_review_actions",
          "req_child_family_feedback");

  private static final Set<String> ASSESSMENTS = Set.of("FULL", "PARTIAL", "NONE");

  /** One checked row. */
  public record YearlyReport(
      String partnershipCode,
      LocalDate publishedDate,
      String impact,
      String limitedProgress,
      String reviewActions,
      String childFamilyFeedback) {}

  /** The rows of a checked file (empty when there is no file), and every problem found. */
  public record Checked(List<YearlyReport> reports, List<ImportProblem> problems) {}

  private final JdbcTemplate jdbc;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  public YearlyReportCsv(JdbcTemplate jdbc, ReferenceData reference, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Reads and checks the file when the folder has one. A report already held (same partnership and
   * date) is an error unless {@code replace}.
   */
  public Checked check(Path dir, boolean replace) {
    List<ImportProblem> problems = new ArrayList<>();
    if (!Files.exists(dir.resolve(FILE))) {
      return new Checked(List.of(), problems);
    }
    CsvTable table = CsvTable.read(dir, FILE, COLUMNS, COLUMNS, problems);
    if (table == null) {
      return new Checked(List.of(), problems);
    }
    LocalDate today = LocalDate.now(clock);
    List<YearlyReport> reports = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CsvTable.Row row : table.rows()) {
      int before = problems.size();
      String code = row.get("partnership_code");
      if (code == null || code.isBlank()) {
        problems.add(problem(row, "partnership_code", code, "is required"));
      } else if (reference.localAuthority(code.strip()).isEmpty()) {
        problems.add(
            problem(
                row,
                "partnership_code",
                code,
                "is not a partnership: by default a partnership's code is its local authority's"
                    + " GSS code (e.g. E09000033)"));
      }
      String date = row.get("published_date");
      LocalDate published =
          new StandardFields(
                  null, (f, v, why) -> problems.add(problem(row, f, v == null ? "" : v, why)))
              .date("published_date", date, true);
      if (published != null && published.isAfter(today)) {
        problems.add(problem(row, "published_date", date, "cannot be in the future"));
      }
      String[] assessments = new String[4];
      for (int i = 0; i < 4; i++) {
        String column = COLUMNS.get(i + 2);
        String v = row.get(column);
        assessments[i] = v == null ? null : v.strip();
        if (v == null || !ASSESSMENTS.contains(v.strip())) {
          problems.add(problem(row, column, v, "is not one of FULL, PARTIAL, NONE"));
        }
      }
      if (problems.size() > before) {
        continue;
      }
      String key = code.strip() + "|" + published;
      if (!seen.add(key)) {
        problems.add(
            problem(
                row,
                "published_date",
                date,
                "the file already has a report of " + code.strip() + " published on this date"));
        continue;
      }
      if (!replace && held(code.strip(), published)) {
        problems.add(
            problem(
                row,
                "published_date",
                date,
                "the register already holds this report of "
                    + code.strip()
                    + ": use --replace to replace it"));
        continue;
      }
      reports.add(
          new YearlyReport(
              code.strip(),
              published,
              assessments[0],
              assessments[1],
              assessments[2],
              assessments[3]));
    }
    return new Checked(reports, problems);
  }

  private boolean held(String code, LocalDate published) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from yearly_report where partnership_code = ?"
                + " and published_date = ?)",
            Boolean.class,
            code,
            Date.valueOf(published)));
  }

  private static ImportProblem problem(CsvTable.Row row, String column, String value, String why) {
    return new ImportProblem(FILE, row.line(), column, value, why);
  }

  /** Stores checked rows (replacing any held under the same key), in the caller's transaction. */
  public int store(List<YearlyReport> reports, String actor) {
    if (reports.isEmpty()) {
      return 0;
    }
    for (YearlyReport r : reports) {
      jdbc.update(
          "insert into yearly_report (partnership_code, published_date, req_impact,"
              + " req_limited_progress, req_review_actions, req_child_family_feedback)"
              + " values (?, ?, ?, ?, ?, ?) on conflict (partnership_code, published_date)"
              + " do update set req_impact = excluded.req_impact,"
              + " req_limited_progress = excluded.req_limited_progress,"
              + " req_review_actions = excluded.req_review_actions,"
              + " req_child_family_feedback = excluded.req_child_family_feedback",
          r.partnershipCode(),
          Date.valueOf(r.publishedDate()),
          r.impact(),
          r.limitedProgress(),
          r.reviewActions(),
          r.childFamilyFeedback());
    }
    audit.record(
        AuditEvent.of(actor, AuditAction.IMPORTED, "yearly_report", null)
            .withDetails("{\"yearly_reports\":" + reports.size() + "}"));
    return reports.size();
  }

  public long count() {
    Long n = jdbc.queryForObject("select count(*) from yearly_report", Long.class);
    return n == null ? 0 : n;
  }

  /** Writes every yearly report, by partnership and date; returns how many. */
  public long write(Path dir) {
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8);
        CsvCells p = CsvCells.printer(w, COLUMNS)) {
      List<Object[]> rows =
          jdbc.query(
              "select partnership_code, published_date, req_impact, req_limited_progress,"
                  + " req_review_actions, req_child_family_feedback from yearly_report"
                  + " order by partnership_code, published_date",
              (rs, i) ->
                  new Object[] {
                    rs.getString(1),
                    rs.getObject(2, LocalDate.class).toString(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)
                  });
      for (Object[] r : rows) {
        p.printRecord(r);
      }
      return rows.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE + ": " + e.getMessage(), e);
    }
  }
}
