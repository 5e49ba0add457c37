package uk.gov.observatory.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.AnnualReportLayout;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.analytics.DisclosureControl;
import uk.gov.observatory.analytics.InvalidReportException;
import uk.gov.observatory.analytics.OpenData;
import uk.gov.observatory.analytics.PublishedReport;
import uk.gov.observatory.analytics.Report;
import uk.gov.observatory.analytics.ReportDocuments;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.ReportWorkbooks;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.analytics.TableTitles;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;

/**
 * The editions of the Panel's report. The secretariat drafts one (a period, an as-at date, an
 * area), edits its paragraphs and publishes it. A draft is computed afresh each time it is shown;
 * publishing computes it once more, disclosure-controlled, and freezes it: its cells, the
 * comparator's, the open data, its text, the report as laid out and every file are stored, so a
 * published edition never changes when the register (or the code) does. Published editions cannot
 * be edited or deleted (the database refuses too). Every change is audited.
 *
 * <p>Reports for an edition are computed over the whole register (a viewer that reaches every local
 * authority, named after the person): the Panel publishes national statistics, whoever of the
 * secretariat presses the button, and a person's declared interests do not change them.
 */
@Service
public class Editions {

  /** The audit log's record type for an edition. */
  public static final String AUDIT_RECORD_TYPE = "EDITION";

  /** The longest paragraph a table may have. */
  public static final int MAX_PARAGRAPH = 5_000;

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;
  private final Reports reports;
  private final OpenData openData;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final uk.gov.observatory.analytics.AuthorisedExtensions extensions;

  /** The published editions' reads, on the primary (the public pages' own read the replica). */
  private final PublicStatistics publishedReads;

  public Editions(
      JdbcTemplate jdbc,
      Reports reports,
      OpenData openData,
      ReferenceData reference,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions,
      uk.gov.observatory.analytics.AuthorisedExtensions extensions) {
    this.extensions = extensions;
    this.jdbc = jdbc;
    this.publishedReads = new PublicStatistics(jdbc);
    this.reports = reports;
    this.openData = openData;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  // ---------------------------------------------------------------- drafts

  /**
   * Checks what an edition is asked for, storing nothing: returns the area's name, or says what to
   * change ({@link InvalidEditionException}, each problem naming its field: {@code kind}, {@code
   * year}, {@code quarter}, {@code month}, {@code as-at}, {@code area}).
   */
  public String check(
      Edition.PeriodKind kind, Integer year, Integer number, LocalDate asAt, String regionCode) {
    List<InvalidEditionException.Problem> problems = new ArrayList<>();
    if (kind == null) {
      problems.add(
          new InvalidEditionException.Problem(
              "kind", "Choose the period: a calendar year, a quarter or the 12 months to a month"));
    }
    int earliest = ReportRequest.EARLIEST.getYear();
    int latest = ReportRequest.LATEST.getYear();
    if (year == null) {
      problems.add(
          new InvalidEditionException.Problem(
              "year", "Enter the year as 4 numbers, for example 2020"));
    } else if (year < earliest || year > latest) {
      problems.add(
          new InvalidEditionException.Problem(
              "year", "The year must be from " + earliest + " to " + latest));
    }
    if (kind == Edition.PeriodKind.QUARTER && (number == null || number < 1 || number > 4)) {
      problems.add(new InvalidEditionException.Problem("quarter", "Choose the quarter"));
    }
    if (kind == Edition.PeriodKind.TWELVE_MONTHS && (number == null || number < 1 || number > 12)) {
      problems.add(
          new InvalidEditionException.Problem("month", "Choose the month the 12 months end in"));
    }
    String areaName = "England";
    if (regionCode != null) {
      Optional<Region> region =
          reference.regions().stream().filter(r -> r.code().equals(regionCode)).findFirst();
      if (region.isEmpty()) {
        problems.add(
            new InvalidEditionException.Problem(
                "area", "Choose England or one of the nine regions from the list"));
      } else {
        areaName = region.get().name();
      }
    }
    if (asAt == null) {
      problems.add(new InvalidEditionException.Problem("as-at", "Enter the as-at date"));
    }
    LocalDate today = LocalDate.now(clock);
    boolean periodGiven =
        kind != null
            && year != null
            && problems.stream()
                .noneMatch(p -> List.of("year", "quarter", "month").contains(p.field()));
    Integer stored = kind == Edition.PeriodKind.YEAR ? null : number;
    LocalDate[] dates = periodGiven ? Edition.dates(kind, year, stored) : null;
    if (asAt != null && dates != null && asAt.isBefore(dates[1])) {
      problems.add(
          new InvalidEditionException.Problem(
              "as-at",
              "The as-at date must be on or after the end of the period ("
                  + ukDate(dates[1])
                  + ")"));
    } else if (asAt != null && asAt.isAfter(today)) {
      problems.add(
          new InvalidEditionException.Problem(
              "as-at", "The as-at date must be today (" + ukDate(today) + ") or earlier"));
    }
    if (problems.isEmpty()) {
      try {
        reports.check(new ReportRequest(dates[0], dates[1], asAt, regionCode, null));
      } catch (InvalidReportException e) {
        for (InvalidReportException.Problem p : e.problems()) {
          problems.add(
              new InvalidEditionException.Problem(
                  p.field().equals("as_at") ? "as-at" : "year", p.message()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidEditionException(problems);
    }
    return areaName;
  }

  /**
   * Drafts an edition, or says what to change (each problem naming its field: {@code kind}, {@code
   * year}, {@code quarter}, {@code month}, {@code as-at}, {@code area}). A null argument is one not
   * given.
   */
  public Edition draft(
      Edition.PeriodKind kind,
      Integer year,
      Integer number,
      LocalDate asAt,
      String regionCode,
      String actor) {
    String name = check(kind, year, number, asAt, regionCode);
    Integer stored = kind == Edition.PeriodKind.YEAR ? null : number;
    LocalDate[] dates = Edition.dates(kind, year, stored);
    Instant now = clock.instant();
    Long id =
        tx.execute(
            status -> {
              Long made =
                  jdbc.queryForObject(
                      "insert into edition (period_kind, period_year, period_number, period_from,"
                          + " period_to, as_at, region_code, area_name, created_at, created_by)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                      Long.class,
                      kind.name(),
                      year,
                      stored,
                      dates[0],
                      dates[1],
                      asAt,
                      regionCode,
                      name,
                      Timestamp.from(now),
                      actor);
              audit.record(
                  AuditEvent.of(actor, AuditAction.CREATED, AUDIT_RECORD_TYPE, String.valueOf(made))
                      .withAfter(
                          AuditJson.of(
                              ordered(
                                  "period",
                                  Edition.periodWords(kind, year, stored),
                                  "from",
                                  dates[0],
                                  "to",
                                  dates[1],
                                  "as_at",
                                  asAt,
                                  "area",
                                  name,
                                  "status",
                                  Edition.Status.DRAFT))));
              return made;
            });
    return find(id).orElseThrow();
  }

  /** The paragraphs saved for an edition, by table id (none until the secretariat saves some). */
  public Map<String, String> paragraphs(long id) {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query(
        "select table_id, text from edition_paragraph where edition_id = ? order by table_id",
        rs -> {
          out.put(rs.getString(1), rs.getString(2));
        },
        id);
    return out;
  }

  /**
   * Saves a draft's paragraphs (by table id; the tables not named keep theirs), or says what to
   * change (a problem a paragraph, named {@code paragraph-} and the table id), saving nothing.
   */
  public void saveParagraphs(long id, Map<String, String> text, String actor) {
    Edition e = find(id).orElseThrow(() -> new EditionNotFoundException(id));
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    List<InvalidEditionException.Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> p : text.entrySet()) {
      String value = p.getValue() == null ? "" : p.getValue().strip();
      if (value.isEmpty()) {
        problems.add(
            new InvalidEditionException.Problem(
                "paragraph-" + p.getKey(),
                "Write the paragraph for " + tableName(p.getKey()) + ": it cannot be blank"));
      } else if (value.length() > MAX_PARAGRAPH) {
        problems.add(
            new InvalidEditionException.Problem(
                "paragraph-" + p.getKey(),
                String.format(
                    Locale.UK,
                    "The paragraph for %s must be %,d characters or fewer (it has %,d)",
                    tableName(p.getKey()),
                    MAX_PARAGRAPH,
                    value.length())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidEditionException(problems);
    }
    tx.executeWithoutResult(
        status -> {
          String state =
              jdbc.queryForObject(
                  "select status from edition where id = ? for update", String.class, id);
          if (!Edition.Status.DRAFT.name().equals(state)) {
            throw new EditionFrozenException(find(id).orElseThrow());
          }
          Map<String, String> before = paragraphs(id);
          Map<String, String> changed = new LinkedHashMap<>();
          for (Map.Entry<String, String> p : text.entrySet()) {
            String value = p.getValue().strip();
            if (!value.equals(before.get(p.getKey()))) {
              jdbc.update(
                  "insert into edition_paragraph (edition_id, table_id, text) values (?, ?, ?)"
                      + " on conflict (edition_id, table_id) do update set text = excluded.text",
                  id,
                  p.getKey(),
                  value);
              changed.put(p.getKey(), value);
            }
          }
          if (!changed.isEmpty()) {
            audit.record(
                AuditEvent.of(actor, AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
                    .withDetails(AuditJson.of(Map.of("paragraphs_changed", changed.keySet()))));
          }
        });
  }

  /** Deletes a draft (audited); a published edition is refused. */
  public void delete(long id, String actor) {
    Edition e = find(id).orElseThrow(() -> new EditionNotFoundException(id));
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    tx.executeWithoutResult(
        status -> {
          jdbc.update("delete from edition_paragraph where edition_id = ?", id);
          int gone = jdbc.update("delete from edition where id = ? and status = 'DRAFT'", id);
          if (gone == 0) {
            throw new EditionFrozenException(find(id).orElseThrow());
          }
          audit.record(
              AuditEvent.of(actor, AuditAction.DELETED, AUDIT_RECORD_TYPE, String.valueOf(id))
                  .withBefore(AuditJson.of(ordered("name", e.name(), "as_at", e.asAt()))));
        });
  }

  // ---------------------------------------------------------------- reading

  /** How many editions there are, drafts and published. */
  public long count() {
    return jdbc.queryForObject("select count(*) from edition", Long.class);
  }

  public Optional<Edition> find(long id) {
    return jdbc.query("select * from edition where id = ?", EDITION, id).stream().findFirst();
  }

  /** Every edition, drafts first (newest first), then the published ones (newest first). */
  public List<Edition> all() {
    return jdbc.query(
        "select * from edition order by (status = 'DRAFT') desc,"
            + " coalesce(published_at, created_at) desc, id desc",
        EDITION);
  }

  /** The published editions, newest first. */
  public List<Edition> published() {
    return publishedReads.published();
  }

  /** A published edition by its address; a draft is never found this way. */
  public Optional<Edition> publishedBySlug(String slug) {
    return publishedReads.publishedBySlug(slug);
  }

  /** A published edition's report as it was laid out and frozen when it was published. */
  public PublishedReport frozen(Edition e) {
    if (!e.published()) {
      throw new IllegalStateException("edition " + e.id() + " is a draft");
    }
    return publishedReads.frozen(e);
  }

  /** A file of a published edition: its name, what it is, its type, size and digest. */
  public record FileInfo(
      String name, String description, String mediaType, long size, String sha256) {

    /** Its size in words: "12 KB", "1.2 MB". */
    public String sizeWords() {
      if (size < 1024) {
        return size + " bytes";
      }
      if (size < 1024 * 1024) {
        return Math.round(size / 1024.0) + " KB";
      }
      return String.format(Locale.UK, "%.1f MB", size / (1024.0 * 1024.0));
    }
  }

  /** A published edition's files, in order. */
  public List<FileInfo> files(long editionId) {
    return publishedReads.files(editionId);
  }

  /** A published edition's file, with its bytes. */
  public record StoredFile(FileInfo info, byte[] bytes) {}

  public Optional<StoredFile> file(long editionId, String name) {
    return publishedReads.file(editionId, name);
  }

  /** A published edition's stored cells of one kind ({@code EDITION}, {@code COMPARATOR}). */
  public List<Cell> cells(long editionId, String kind) {
    return jdbc.query(
        "select table_id, row_code, column_code, value from edition_cell"
            + " where edition_id = ? and kind = ? and part_no = 0 order by seq",
        (rs, n) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        editionId,
        kind);
  }

  // ---------------------------------------------------------------- computing

  /** An edition computed from the register now: what publishing it would freeze. */
  public record Computed(
      Report controlled,
      Report comparator,
      OpenData.Publication openData,
      PublishedReport report,
      Edition revises) {}

  /**
   * A draft as it stands: computed from the register now, disclosure-controlled, laid out, with the
   * secretariat's paragraphs and the revisions since the last published edition of its period and
   * area.
   */
  public Computed compute(Edition e, String actor) {
    return compute(e, actor, false);
  }

  /**
   * As {@link #compute(Edition, String)}; {@code forPublishing} also computes the open data (for an
   * edition of England, each region's report too), and controls England's figures together with the
   * regions' so that no region's hidden figure is England's less the others': publishing may hide a
   * few more small figures than the draft showed. A draft's page leaves it out, to be quick.
   */
  public Computed compute(Edition e, String actor, boolean forPublishing) {
    Viewer viewer = Viewer.system(actor);
    ReportRequest request = new ReportRequest(e.from(), e.to(), e.asAt(), e.regionCode(), null);
    OpenData.Publication publication = null;
    Report controlled;
    if (forPublishing && openDataFits(e)) {
      publication = openData.publication(request, viewer);
      // England's (or the region's) own figures, controlled across the regions with the open data,
      // so that the tables and the open data agree.
      controlled = publication.parts().get(0).report();
    } else {
      controlled = DisclosureControl.apply(reports.report(request, viewer));
    }
    Report comparator = null;
    ReportRequest earlier =
        new ReportRequest(
            e.from().minusYears(1),
            e.to().minusYears(1),
            e.asAt().minusYears(1),
            e.regionCode(),
            null);
    if (earlier.periodProblems().isEmpty()) {
      comparator = DisclosureControl.apply(reports.report(earlier, viewer));
    }
    PublishedReport laid =
        AnnualReportLayout.lay(controlled, comparator, e.areaName(), extensions.all());
    Map<String, String> saved = paragraphs(e.id());
    if (!saved.isEmpty()) {
      laid = laid.withParagraphs(saved);
    }
    Edition previous = previousPublished(e).orElse(null);
    if (previous != null) {
      laid = laid.withRevisions(revisions(frozen(previous), laid));
    }
    return new Computed(controlled, comparator, publication, laid, previous);
  }

  /** Whether the open data's layout takes the edition's period (a calendar or financial year). */
  public static boolean openDataFits(Edition e) {
    try {
      OpenData.timePeriod(e.from(), e.to());
      return true;
    } catch (InvalidReportException notAYear) {
      return false;
    }
  }

  /** The latest published edition of the same period and area as this one (not itself). */
  public Optional<Edition> previousPublished(Edition e) {
    List<Object> args = new ArrayList<>(List.of(e.id(), e.from(), e.to()));
    args.add(e.regionCode());
    String before = "";
    if (e.published()) {
      before = " and published_at < ?";
      args.add(Timestamp.from(e.publishedAt()));
    }
    return jdbc
        .query(
            "select * from edition where status = 'PUBLISHED' and id <> ? and period_from = ?"
                + " and period_to = ? and region_code is not distinct from ?::text"
                + before
                + " order by published_at desc, id desc limit 1",
            EDITION,
            args.toArray())
        .stream()
        .findFirst();
  }

  /**
   * The figures that changed between two editions' reports: every cell of a table (by its id), row
   * (by its words, and which of the rows with those words) and column (by its words) that both
   * have, whose value differs. In the later report's order.
   */
  public static List<PublishedReport.Revision> revisions(
      PublishedReport before, PublishedReport after) {
    Map<String, PublishedReport.Table> old = new LinkedHashMap<>();
    before.tables().forEach(t -> old.put(t.id(), t));
    List<PublishedReport.Revision> out = new ArrayList<>();
    for (PublishedReport.Table t : after.tables()) {
      PublishedReport.Table was = old.get(t.id());
      if (was == null) {
        continue;
      }
      Map<String, PublishedReport.Row> wasRows = rowsByKey(was);
      Map<String, Integer> wasColumns = new LinkedHashMap<>();
      for (int i = 0; i < was.columns().size(); i++) {
        wasColumns.putIfAbsent(was.columns().get(i).label(), i);
      }
      for (Map.Entry<String, PublishedReport.Row> r : rowsByKey(t).entrySet()) {
        PublishedReport.Row wasRow = wasRows.get(r.getKey());
        if (wasRow == null || r.getValue().kind() == PublishedReport.RowKind.HEADING) {
          continue;
        }
        for (int c = 0; c < t.columns().size(); c++) {
          Integer wc = wasColumns.get(t.columns().get(c).label());
          if (wc == null) {
            continue;
          }
          String now = value(r.getValue().values(), c);
          String then = value(wasRow.values(), wc);
          if (!now.equals(then)) {
            out.add(
                new PublishedReport.Revision(
                    t.caption(), r.getValue().label(), t.columns().get(c).label(), then, now));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, PublishedReport.Row> rowsByKey(PublishedReport.Table t) {
    Map<String, PublishedReport.Row> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (PublishedReport.Row r : t.rows()) {
      int n = seen.merge(r.label(), 1, Integer::sum);
      out.put(r.label() + "\u0000" + n, r);
    }
    return out;
  }

  private static String value(List<String> values, int i) {
    return i < values.size() && values.get(i) != null ? values.get(i) : "";
  }

  // ---------------------------------------------------------------- publishing

  /**
   * Publishes a draft: computes it once more, renders every file, and stores it all in one
   * transaction, frozen. A published edition is refused ({@link EditionFrozenException}).
   */
  public Edition publish(long id, String actor) {
    Edition e = find(id).orElseThrow(() -> new EditionNotFoundException(id));
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    Computed c = compute(e, actor, true);
    Instant now = clock.instant();
    String slug = slug(e);
    PublishedReport report = c.report();
    List<NamedFile> files = render(slug, report, c.openData());
    String json = JSON.writeValueAsString(report);
    tx.executeWithoutResult(
        status -> {
          int updated =
              jdbc.update(
                  "update edition set status = 'PUBLISHED', slug = ?, published_at = ?,"
                      + " published_by = ?, report_json = ?::jsonb, revises_edition_id = ?"
                      + " where id = ? and status = 'DRAFT'",
                  slug,
                  Timestamp.from(now),
                  actor,
                  json,
                  c.revises() == null ? null : c.revises().id(),
                  id);
          if (updated == 0) {
            throw new EditionFrozenException(find(id).orElseThrow());
          }
          // The text as published, every table's (the generated draft where none was edited).
          Map<String, String> saved = paragraphs(id);
          for (PublishedReport.Table t : report.tables()) {
            if (!saved.containsKey(t.id())) {
              jdbc.update(
                  "insert into edition_paragraph (edition_id, table_id, text) values (?, ?, ?)",
                  id,
                  t.id(),
                  t.paragraph() == null ? "" : t.paragraph());
            }
          }
          storeCells(id, "EDITION", 0, c.controlled());
          if (c.comparator() != null) {
            storeCells(id, "COMPARATOR", 0, c.comparator());
          }
          if (c.openData() != null) {
            List<OpenData.Part> parts = c.openData().parts();
            for (int i = 0; i < parts.size(); i++) {
              OpenData.Geography g = parts.get(i).geography();
              jdbc.update(
                  "insert into edition_open_data_part (edition_id, part_no, time_period,"
                      + " time_identifier, geographic_level, region_code, region_name,"
                      + " new_la_code, old_la_code, la_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  id,
                  i,
                  c.openData().time().period(),
                  c.openData().time().identifier(),
                  g.level(),
                  g.regionCode(),
                  g.regionName(),
                  g.newLaCode(),
                  g.oldLaCode(),
                  g.laName());
              storeCells(id, "OPEN_DATA", i, parts.get(i).report());
            }
          }
          for (int i = 0; i < files.size(); i++) {
            NamedFile f = files.get(i);
            jdbc.update(
                "insert into edition_file (edition_id, seq, name, description, media_type,"
                    + " sha256, bytes) values (?, ?, ?, ?, ?, ?, ?)",
                id,
                i,
                f.name(),
                f.description(),
                f.mediaType(),
                sha256(f.bytes()),
                f.bytes());
          }
          List<PublishedReport.Revision> revisions = report.revisions();
          for (int i = 0; i < revisions.size(); i++) {
            PublishedReport.Revision r = revisions.get(i);
            jdbc.update(
                "insert into edition_revision (edition_id, seq, table_caption, row_label,"
                    + " column_label, before_value, after_value) values (?, ?, ?, ?, ?, ?, ?)",
                id,
                i,
                r.table(),
                r.row(),
                r.column(),
                r.before(),
                r.after());
          }
          audit.record(
              AuditEvent.of(actor, AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
                  .withBefore(AuditJson.of(ordered("status", Edition.Status.DRAFT)))
                  .withAfter(
                      AuditJson.of(
                          ordered(
                              "status", Edition.Status.PUBLISHED,
                              "slug", slug,
                              "as_at", e.asAt(),
                              "files", files.stream().map(NamedFile::name).toList(),
                              "revisions", revisions.size()))));
        });
    return find(id).orElseThrow();
  }

  private void storeCells(long id, String kind, int part, Report report) {
    List<Cell> cells = report.cells();
    List<Object[]> rows = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      rows.add(
          new Object[] {id, kind, part, i, c.tableId(), c.rowCode(), c.columnCode(), c.value()});
    }
    jdbc.batchUpdate(
        "insert into edition_cell (edition_id, kind, part_no, seq, table_id, row_code,"
            + " column_code, value) values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** A file rendered for publishing. */
  record NamedFile(String name, String description, String mediaType, byte[] bytes) {}

  /** Every file of an edition, each with its own name. */
  static List<NamedFile> render(
      String slug, PublishedReport report, OpenData.Publication openData) {
    try {
      List<NamedFile> out = new ArrayList<>();
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      ReportDocuments.pdf(report, pdf);
      out.add(
          new NamedFile(
              slug + ".pdf",
              "The report, with its tables and charts (PDF)",
              "application/pdf",
              pdf.toByteArray()));
      ByteArrayOutputStream ods = new ByteArrayOutputStream();
      ReportWorkbooks.ods(report, ods);
      out.add(
          new NamedFile(
              slug + "-tables.ods",
              "The tables as an OpenDocument spreadsheet (ODS)",
              "application/vnd.oasis.opendocument.spreadsheet",
              ods.toByteArray()));
      ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
      ReportWorkbooks.xlsx(report, xlsx);
      out.add(
          new NamedFile(
              slug + "-tables.xlsx",
              "The tables as an Excel workbook (XLSX)",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              xlsx.toByteArray()));
      if (openData != null) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(data, StandardCharsets.UTF_8)) {
          OpenData.data(openData, w);
        }
        out.add(
            new NamedFile(
                slug + "-open-data.csv",
                "Open data in the layout of DfE's explore education statistics (CSV)",
                "text/csv;charset=UTF-8",
                data.toByteArray()));
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(meta, StandardCharsets.UTF_8)) {
          OpenData.meta(w);
        }
        out.add(
            new NamedFile(
                slug + "-open-data.meta.csv",
                "The open data's metadata: what each column is (CSV)",
                "text/csv;charset=UTF-8",
                meta.toByteArray()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A published edition's address: its area, period and as-at date in words
   * ("england-2020-as-at-31-march-2021"), with a number after it when taken.
   */
  String slug(Edition e) {
    String period =
        switch (e.kind()) {
          case YEAR -> String.valueOf(e.year());
          case QUARTER -> e.year() + "-q" + e.number();
          case TWELVE_MONTHS -> "12-months-to-" + Edition.month(e.number()) + "-" + e.year();
        };
    String base = words(e.areaName()) + "-" + words(period) + "-as-at-" + words(ukDate(e.asAt()));
    String slug = base;
    for (int n = 2;
        jdbc.queryForObject("select count(*) from edition where slug = ?", Long.class, slug) > 0;
        n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  private static String words(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  static String ukDate(LocalDate d) {
    return d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
  }

  /** A table named in words for a message: its title as the report prints it, in quotes. */
  private static String tableName(String tableId) {
    return "“" + TableTitles.of(tableId) + "”";
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], pairs[i + 1]);
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final RowMapper<Edition> EDITION =
      (ResultSet rs, int n) -> {
        Timestamp published = rs.getTimestamp("published_at");
        long revises = rs.getLong("revises_edition_id");
        boolean noRevises = rs.wasNull();
        int number = rs.getInt("period_number");
        boolean noNumber = rs.wasNull();
        return new Edition(
            rs.getLong("id"),
            Edition.Status.valueOf(rs.getString("status")),
            Edition.PeriodKind.valueOf(rs.getString("period_kind")),
            rs.getInt("period_year"),
            noNumber ? null : number,
            rs.getObject("period_from", LocalDate.class),
            rs.getObject("period_to", LocalDate.class),
            rs.getObject("as_at", LocalDate.class),
            rs.getString("region_code"),
            rs.getString("area_name"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"),
            rs.getString("slug"),
            published == null ? null : published.toInstant(),
            rs.getString("published_by"),
            noRevises ? null : revises);
      };
}
