package uk.gov.observatory.review.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.CsvCells;
import uk.gov.observatory.notification.CsvTable;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.NotificationCsv;
import uk.gov.observatory.notification.StandardFields;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.NoLcsprReason;
import uk.gov.observatory.review.PanelView;
import uk.gov.observatory.review.PublicationIntention;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.ReviewProblem;

/**
 * {@code rapid_reviews.csv} and {@code lcsprs.csv} of DATA-STANDARD.md section 5: checked against
 * the notifications of the same import and the register (every problem reported as file, line,
 * column, value, reason), stored in the caller's transaction, and written back in the standard's
 * columns so that export, import and export again give the same bytes.
 */
@Component
public class ReviewCsvFiles {

  public static final String RAPID_REVIEWS = "rapid_reviews.csv";
  public static final String LCSPRS = "lcsprs.csv";

  static final List<String> RAPID_REVIEW_COLUMNS =
      List.of(
          "notification_ref",
          "received_date",
          "decision",
          "no_lcspr_reason",
          "alternative_methodology",
          "panel_view",
          "practice_themes");
  static final List<String> REQUIRED_RAPID_REVIEW_COLUMNS = List.of("notification_ref", "decision");
  static final List<String> LCSPR_COLUMNS =
      List.of(
          "lcspr_ref",
          "notification_refs",
          "initiated_date",
          "completed_date",
          "panel_notified_of_publication_date",
          "publication_date",
          "publication_status");
  static final List<String> REQUIRED_LCSPR_COLUMNS =
      List.of("lcspr_ref", "notification_refs", "initiated_date", "publication_status");

  /**
   * The standard has no column for why an LCSPR is not published; the register needs one, so an
   * import records this (an LCSPR already not publishing, replaced, keeps its own reason).
   */
  public static final String NOT_PUBLISHING_REASON = "recorded as not publishing in an import";

  /** The code lists (reference/code-lists.csv) of the review files. */
  static final String DECISIONS = "rapid_review_decision";

  static final String NO_LCSPR_REASONS = "no_lcspr_reason";
  static final String PANEL_VIEWS = "panel_view";
  static final String PUBLICATION_STATUSES = "publication_status";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final ReviewRepository repository;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  public ReviewCsvFiles(
      JdbcTemplate jdbc,
      ReviewRepository repository,
      ReferenceData reference,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.repository = repository;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
  }

  /** A row of rapid_reviews.csv that passed every check: the review as the file records it. */
  record RapidReviewRow(long line, RapidReview review) {
    String ref() {
      return review.notificationRef();
    }
  }

  /** A row of lcsprs.csv that passed every check: the LCSPR as the file records it. */
  record LcsprRow(long line, Lcspr lcspr) {}

  /** What {@link #check} found: the problems, or the rows to store. */
  public static final class Checked {
    private final List<ImportProblem> problems;
    final boolean rapidReviewsFile;
    final boolean lcsprsFile;
    final List<RapidReviewRow> rapidReviews;
    final List<LcsprRow> lcsprs;
    final List<String> replacedRapidReviews;
    final List<String> removedRapidReviews;
    final List<String> replacedLcsprs;
    final String actor;
    final Instant at;

    Checked(
        List<ImportProblem> problems,
        boolean rapidReviewsFile,
        boolean lcsprsFile,
        List<RapidReviewRow> rapidReviews,
        List<LcsprRow> lcsprs,
        List<String> replacedRapidReviews,
        List<String> removedRapidReviews,
        List<String> replacedLcsprs,
        String actor,
        Instant at) {
      this.problems = List.copyOf(problems);
      this.rapidReviewsFile = rapidReviewsFile;
      this.lcsprsFile = lcsprsFile;
      this.rapidReviews = List.copyOf(rapidReviews);
      this.lcsprs = List.copyOf(lcsprs);
      this.replacedRapidReviews = List.copyOf(replacedRapidReviews);
      this.removedRapidReviews = List.copyOf(removedRapidReviews);
      this.replacedLcsprs = List.copyOf(replacedLcsprs);
      this.actor = actor;
      this.at = at;
    }

    public List<ImportProblem> problems() {
      return problems;
    }
  }

  /** What {@link #store} stored. */
  public record Stored(
      int rapidReviews,
      int lcsprs,
      int replacedRapidReviews,
      int removedRapidReviews,
      int replacedLcsprs) {}

  // Checking

  /** What the register holds of the notifications and LCSPRs an import names. */
  private static final class Held {
    final Map<String, LocalDate> notified = new HashMap<>();
    final Map<String, LocalDate> received = new HashMap<>();
    final Set<String> reviewed = new HashSet<>();

    /** LCSPRs touching the named notifications: ref -> initiated date, and their links. */
    final Map<String, LocalDate> lcsprInitiated = new TreeMap<>();

    final Map<String, List<String>> lcsprLinks = new TreeMap<>();
    final Set<String> lcsprRefs = new HashSet<>();

    /** The notifications of the import that have a rapid review in the register. */
    final Set<String> reviewedImported = new HashSet<>();
  }

  /**
   * Reads and checks the review files in {@code dir} (each optional) against the notifications
   * {@code notifications} checked from the same folder and the register. Stores nothing.
   */
  public Checked check(
      Path dir,
      NotificationCsv.Checked notifications,
      boolean replace,
      ImportProgress progress,
      String actor) {
    List<ImportProblem> problems = new ArrayList<>();
    boolean rrFile = Files.exists(dir.resolve(RAPID_REVIEWS));
    boolean lFile = Files.exists(dir.resolve(LCSPRS));
    CsvTable rr =
        rrFile
            ? CsvTable.read(
                dir, RAPID_REVIEWS, RAPID_REVIEW_COLUMNS, REQUIRED_RAPID_REVIEW_COLUMNS, problems)
            : null;
    CsvTable ls =
        lFile ? CsvTable.read(dir, LCSPRS, LCSPR_COLUMNS, REQUIRED_LCSPR_COLUMNS, problems) : null;
    List<CsvTable.Row> rrRows = rr == null ? List.of() : rr.rows();
    List<CsvTable.Row> lRows = ls == null ? List.of() : ls.rows();

    Set<String> named = new LinkedHashSet<>();
    Set<String> namedLcsprs = new LinkedHashSet<>();
    for (CsvTable.Row r : rrRows) {
      addIfPresent(named, r.get("notification_ref"));
    }
    for (CsvTable.Row r : lRows) {
      for (String ref : CsvTable.split(r.get("notification_refs"))) {
        addIfPresent(named, ref);
      }
      addIfPresent(namedLcsprs, r.get("lcspr_ref"));
    }
    Held held = held(named, namedLcsprs, notifications);
    Set<String> lookedUp = new HashSet<>(named);
    held.lcsprLinks.values().forEach(lookedUp::addAll);
    Pass pass =
        new Pass(
            notifications,
            notifications.firstLines(lookedUp),
            notifications.notifiedDates(named),
            held,
            replace,
            problems,
            actor);
    progress.stage("Checking rapid reviews", rrRows.size());
    for (CsvTable.Row row : rrRows) {
      pass.rapidReview(row);
      progress.step();
    }
    progress.stage("Checking LCSPRs", lRows.size());
    for (CsvTable.Row row : lRows) {
      pass.lcspr(row);
      progress.step();
    }
    pass.heldLcsprs();
    return pass.checked(rrFile, lFile);
  }

  /** One import's check of the review files, row by row, with what it has found so far. */
  private final class Pass {
    final NotificationCsv.Checked notifications;
    final Held held;
    final boolean replace;
    final List<ImportProblem> problems;
    final String actor;
    final Instant now = clock.instant();
    final LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    final Set<String> themeCodes = new LinkedHashSet<>();

    /** Whether every reference in notifications.csv is known, so one may be called unknown. */
    final boolean refsKnown;

    /** The line in notifications.csv of each reference these files name that it has. */
    final Map<String, Long> importedLines;

    final Set<String> imported;
    final Map<String, LocalDate> importedNotified;

    final List<RapidReviewRow> reviews = new ArrayList<>();
    final Map<String, Long> reviewLine = new HashMap<>();
    final Map<String, LocalDate> importedReceived = new HashMap<>();
    final List<String> replacedReviews = new ArrayList<>();
    final List<LcsprRow> lcsprs = new ArrayList<>();
    final Map<String, Long> lcsprLine = new HashMap<>();
    final List<String> replacedLcsprs = new ArrayList<>();

    Pass(
        NotificationCsv.Checked notifications,
        Map<String, Long> importedLines,
        Map<String, LocalDate> importedNotified,
        Held held,
        boolean replace,
        List<ImportProblem> problems,
        String actor) {
      this.notifications = notifications;
      this.held = held;
      this.replace = replace;
      this.problems = problems;
      this.actor = actor;
      this.refsKnown = notifications.read();
      this.importedLines = importedLines;
      this.imported = importedLines.keySet();
      this.importedNotified = importedNotified;
      reference.codeList(CodeLists.PRACTICE_THEMES).codes().forEach(c -> themeCodes.add(c.code()));
    }

    /** A row of rapid_reviews.csv. */
    void rapidReview(CsvTable.Row row) {
      Row r = new Row(RAPID_REVIEWS, row, problems);
      String ref = r.text("notification_ref");
      boolean refOk = false;
      if (ref == null) {
        r.problem(
            "notification_ref",
            "",
            "is required: the reference of the notification the rapid review is of");
      } else if (reviewLine.containsKey(ref)) {
        r.problem(
            "notification_ref",
            ref,
            "is repeated: the rapid review of this notification is on line "
                + reviewLine.get(ref)
                + "; a notification has one rapid review");
      } else {
        reviewLine.put(ref, row.line());
        if (refsKnown && !imported.contains(ref) && !held.notified.containsKey(ref)) {
          r.problem(
              "notification_ref",
              ref,
              "has no notification in notifications.csv or in the register: every rapid review"
                  + " is of a notification");
        } else if (!imported.contains(ref) && held.reviewed.contains(ref) && !replace) {
          r.problem(
              "notification_ref",
              ref,
              "already has a rapid review in the register: import with --replace to replace it");
        } else {
          refOk = true;
        }
      }
      LocalDate received = r.fields.date("received_date", row.get("received_date"), false);
      if (refOk) {
        importedReceived.put(ref, received);
      }
      LocalDate notified =
          ref == null
              ? null
              : imported.contains(ref) ? importedNotified.get(ref) : held.notified.get(ref);
      String decision = r.fields.code("decision", row.get("decision"), DECISIONS, true);
      String reason =
          r.fields.code("no_lcspr_reason", row.get("no_lcspr_reason"), NO_LCSPR_REASONS, false);
      Boolean alternative =
          r.fields.yesNo("alternative_methodology", row.get("alternative_methodology"));
      String view = r.fields.code("panel_view", row.get("panel_view"), PANEL_VIEWS, false);
      List<String> themes =
          r.fields.codes(
              "practice_themes",
              CsvTable.split(row.get("practice_themes")),
              CodeLists.PRACTICE_THEMES);
      if (r.clean()) {
        // The rules of a rapid review are the domain's, as on the pages.
        RapidReviewContent content =
            RapidReviewContent.recorded(
                Decision.valueOf(decision),
                reason == null ? null : NoLcsprReason.valueOf(reason),
                alternative,
                themes);
        try {
          RapidReview review =
              RapidReview.recorded(
                  ref,
                  notified,
                  received,
                  content,
                  view == null ? null : PanelView.valueOf(view),
                  actor,
                  now,
                  today,
                  themeCodes);
          reviews.add(new RapidReviewRow(row.line(), review));
          if (held.reviewed.contains(ref)) {
            replacedReviews.add(ref);
          }
        } catch (InvalidReviewException e) {
          r.refused(e);
        }
      }
    }

    /** A row of lcsprs.csv. */
    void lcspr(CsvTable.Row row) {
      Row r = new Row(LCSPRS, row, problems);
      String ref = r.text("lcspr_ref");
      if (ref == null) {
        r.problem("lcspr_ref", "", "is required: the LCSPR's own reference");
      } else if (r.fields.reference("lcspr_ref", ref, "LCSPR-2020-00042") == null) {
        ref = null;
      } else if (lcsprLine.containsKey(ref)) {
        r.problem(
            "lcspr_ref",
            ref,
            "is repeated: the same reference is on line "
                + lcsprLine.get(ref)
                + "; each LCSPR has its own reference");
      } else {
        lcsprLine.put(ref, row.line());
        if (held.lcsprRefs.contains(ref) && !replace) {
          r.problem(
              "lcspr_ref", ref, "is already in the register: import with --replace to replace it");
        }
      }
      List<String> covered = r.fields.references("notification_refs", row.get("notification_refs"));
      for (String n : new LinkedHashSet<>(covered)) {
        if (refsKnown && !imported.contains(n) && !held.notified.containsKey(n)) {
          r.problem(
              "notification_refs",
              n,
              "has no notification in notifications.csv or in the register: an LCSPR covers"
                  + " notifications");
        }
      }
      LocalDate initiated = r.fields.date("initiated_date", row.get("initiated_date"), true);
      LocalDate completed = r.fields.date("completed_date", row.get("completed_date"), false);
      LocalDate panelNotified =
          r.fields.date(
              "panel_notified_of_publication_date",
              row.get("panel_notified_of_publication_date"),
              false);
      String status =
          r.fields.code(
              "publication_status", row.get("publication_status"), PUBLICATION_STATUSES, true);
      boolean publishedStatus = "PUBLISHED".equals(status);
      LocalDate published =
          r.fields.date(
              "publication_date",
              row.get("publication_date"),
              publishedStatus,
              " when publication_status is PUBLISHED");
      if (published != null && status != null && !publishedStatus) {
        r.problem(
            "publication_date",
            published.toString(),
            "is given but publication_status is "
                + status
                + ": only a PUBLISHED review has a publication date");
      }
      if (r.clean()) {
        // Its rapid reviews' latest received date: this import's, else the register's.
        LocalDate latestReceived = null;
        for (String n : covered) {
          LocalDate received =
              importedReceived.containsKey(n)
                  ? importedReceived.get(n)
                  : imported.contains(n) ? null : held.received.get(n);
          if (received != null && (latestReceived == null || received.isAfter(latestReceived))) {
            latestReceived = received;
          }
        }
        // The rules of an LCSPR's lifecycle are the domain's, as on the pages.
        try {
          Lcspr lcspr =
              Lcspr.recorded(
                  ref,
                  covered,
                  initiated,
                  completed,
                  panelNotified,
                  published,
                  status,
                  NOT_PUBLISHING_REASON,
                  latestReceived,
                  today);
          lcsprs.add(new LcsprRow(row.line(), lcspr));
          if (held.lcsprRefs.contains(ref)) {
            replacedLcsprs.add(ref);
          }
        } catch (InvalidReviewException e) {
          r.refused(e);
        }
      }
    }

    /** LCSPRs the register keeps (not in lcsprs.csv) against what this import changes. */
    void heldLcsprs() {
      Set<String> lcsprsInFile = lcsprLine.keySet();
      for (Map.Entry<String, List<String>> e : held.lcsprLinks.entrySet()) {
        String lcspr = e.getKey();
        if (lcsprsInFile.contains(lcspr)) {
          continue;
        }
        List<String> links = e.getValue();
        if (refsKnown && replace && imported.containsAll(links)) {
          String first =
              links.stream()
                  .min((a, b) -> Long.compare(importedLines.get(a), importedLines.get(b)))
                  .orElseThrow();
          problems.add(
              new ImportProblem(
                  NotificationCsv.NOTIFICATIONS,
                  importedLines.get(first),
                  "notification_ref",
                  first,
                  "is replaced, and LCSPR "
                      + lcspr
                      + " in the register covers only notifications this import replaces ("
                      + String.join(";", links)
                      + "): give "
                      + lcspr
                      + " in lcsprs.csv too, or it would cover none"));
        }
        LocalDate initiated = held.lcsprInitiated.get(lcspr);
        for (RapidReviewRow row : reviews) {
          LocalDate received = row.review().receivedDate();
          if (!imported.contains(row.ref())
              && links.contains(row.ref())
              && !Lcspr.startsNoEarlierThanItsRapidReview(initiated, received)) {
            problems.add(
                new ImportProblem(
                    RAPID_REVIEWS,
                    row.line(),
                    "received_date",
                    received.toString(),
                    "is after LCSPR "
                        + lcspr
                        + " of this notification started ("
                        + initiated
                        + "): "
                        + Lcspr.STARTS_NO_EARLIER_THAN_ITS_RAPID_REVIEW));
          }
        }
      }
    }

    Checked checked(boolean rrFile, boolean lFile) {
      // Rapid reviews of replaced notifications that the files do not give again go with them.
      List<String> removed = new ArrayList<>();
      if (replace) {
        for (String ref : held.reviewedImported) {
          if (!reviewLine.containsKey(ref)) {
            removed.add(ref);
          }
        }
        removed.sort(null);
      }
      return new Checked(
          problems,
          rrFile,
          lFile,
          reviews,
          lcsprs,
          replacedReviews,
          removed,
          replacedLcsprs,
          actor,
          now);
    }
  }

  private static void addIfPresent(Set<String> set, String raw) {
    String t = trim(raw);
    if (t != null) {
      set.add(t);
    }
  }

  /** What the register holds of these notifications and LCSPRs (and the LCSPRs covering them). */
  private Held held(
      Collection<String> notificationRefs,
      Collection<String> lcsprRefs,
      NotificationCsv.Checked notifications) {
    Held held = new Held();
    // Of every notification in the import, a batch at a time: its rapid review and LCSPRs held.
    notifications.forEachRef(
        1000,
        chunk -> {
          named.query(
              "select notification_ref from rapid_review where notification_ref in (:refs)",
              new MapSqlParameterSource("refs", chunk),
              rs -> {
                held.reviewedImported.add(rs.getString(1));
              });
          lcsprLinks(held, chunk);
        });
    inChunks(
        "select notification_ref, notified_date from published_notification where notification_ref in (:refs)",
        notificationRefs,
        rs -> held.notified.put(rs.getString(1), rs.getObject(2, LocalDate.class)));
    inChunks(
        "select notification_ref, received_date from rapid_review where notification_ref in (:refs)",
        notificationRefs,
        rs -> {
          held.reviewed.add(rs.getString(1));
          held.received.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        });
    List<String> all = new ArrayList<>(notificationRefs);
    for (int i = 0; i < all.size(); i += 1000) {
      lcsprLinks(held, all.subList(i, Math.min(all.size(), i + 1000)));
    }
    inChunks(
        "select lcspr_ref from lcspr where lcspr_ref in (:refs)",
        lcsprRefs,
        rs -> {
          held.lcsprRefs.add(rs.getString(1));
        });
    return held;
  }

  /** The LCSPRs in the register covering any of these notifications, with all their links. */
  private void lcsprLinks(Held held, List<String> refs) {
    named.query(
        "select l.lcspr_ref, l.initiated_date, ln.notification_ref from lcspr l"
            + " join lcspr_notification ln on ln.lcspr_id = l.id"
            + " where l.id in (select lcspr_id from lcspr_notification"
            + " where notification_ref in (:refs)) order by ln.notification_ref",
        new MapSqlParameterSource("refs", refs),
        rs -> {
          held.lcsprInitiated.put(rs.getString(1), rs.getObject(2, LocalDate.class));
          List<String> links =
              held.lcsprLinks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          if (!links.contains(rs.getString(3))) {
            links.add(rs.getString(3));
          }
        });
  }

  private void inChunks(String sql, Collection<String> values, RowCallbackHandler each) {
    List<String> all = new ArrayList<>(values);
    for (int i = 0; i < all.size(); i += 1000) {
      named.query(
          sql,
          new MapSqlParameterSource("refs", all.subList(i, Math.min(all.size(), i + 1000))),
          each);
    }
  }

  static String trim(String s) {
    return StandardFields.trim(s);
  }

  /**
   * One row being checked: its values, its fields read by the data standard's types, and the
   * problems found in it.
   */
  private final class Row {
    final String file;
    final CsvTable.Row row;
    final List<ImportProblem> problems;
    final int before;
    final StandardFields fields;

    Row(String file, CsvTable.Row row, List<ImportProblem> problems) {
      this.file = file;
      this.row = row;
      this.problems = problems;
      this.before = problems.size();
      this.fields = new StandardFields(reference, this::problem);
    }

    boolean clean() {
      return problems.size() == before;
    }

    void problem(String column, String value, String reason) {
      problems.add(new ImportProblem(file, row.line(), column, value == null ? "" : value, reason));
    }

    /** The domain's refusal, each problem at its column with the value the row gives there. */
    void refused(InvalidReviewException e) {
      for (ReviewProblem p : e.problems()) {
        String value = row.get(p.field());
        problem(p.field(), value == null ? "" : value.strip(), p.message());
      }
    }

    String text(String column) {
      return trim(row.get(column));
    }
  }

  // Storing

  /**
   * Stores what {@link #check} found (it must have found no problem) in the caller's transaction,
   * after the notifications of the same import: rapid reviews new or replaced (one of a
   * notification the import does not replace is updated in place, keeping what only the pages
   * record), LCSPRs new or replaced in place (keeping their details, recommendations and report;
   * their notifications are those of the file), each on its case's timeline; audited as imported.
   */
  public Stored store(Checked c, ImportProgress progress, String actor) {
    if (!c.problems.isEmpty()) {
      throw new IllegalArgumentException("only a checked import without problems is stored");
    }
    Instant now = c.at;
    storeRapidReviews(c.rapidReviews, progress, actor, now);
    storeLcsprs(c.lcsprs, progress, actor, now);
    if (c.rapidReviewsFile || !c.removedRapidReviews.isEmpty()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("rapid_reviews", c.rapidReviews.size());
      details.put("replaced", c.replacedRapidReviews.size());
      details.put("replaced_refs", c.replacedRapidReviews);
      details.put("removed_with_their_notifications", c.removedRapidReviews);
      audit.record(
          AuditEvent.of(actor, AuditAction.IMPORTED, RapidReviews.AUDIT_RECORD_TYPE, null)
              .withDetails(AuditJson.of(details)));
    }
    if (c.lcsprsFile) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("lcsprs", c.lcsprs.size());
      details.put(
          "notifications_covered",
          c.lcsprs.stream().mapToInt(l -> l.lcspr().notificationRefs().size()).sum());
      details.put("replaced", c.replacedLcsprs.size());
      details.put("replaced_refs", c.replacedLcsprs);
      audit.record(
          AuditEvent.of(actor, AuditAction.IMPORTED, Lcsprs.AUDIT_RECORD_TYPE, null)
              .withDetails(AuditJson.of(details)));
    }
    return new Stored(
        c.rapidReviews.size(),
        c.lcsprs.size(),
        c.replacedRapidReviews.size(),
        c.removedRapidReviews.size(),
        c.replacedLcsprs.size());
  }

  /** How many rows go to the repository in one batch. */
  private static final int BATCH = 500;

  private void storeRapidReviews(
      List<RapidReviewRow> rows, ImportProgress progress, String actor, Instant now) {
    progress.stage("Storing rapid reviews", rows.size());
    // Those still held now that replaced notifications (and their reviews) are gone.
    Map<String, RapidReview> existing =
        repository.rapidReviewsOf(rows.stream().map(RapidReviewRow::ref).toList());
    List<RapidReviewRow> fresh = new ArrayList<>();
    List<ReviewRepository.NewEvent> events = new ArrayList<>();
    for (RapidReviewRow row : rows) {
      RapidReview before = existing.get(row.ref());
      if (before == null) {
        fresh.add(row);
        continue;
      }
      RapidReview after = row.review().replacing(before);
      repository.updateRapidReview(after, now, actor);
      events.add(
          new ReviewRepository.NewEvent(
              row.ref(),
              null,
              now,
              actor,
              "Rapid review replaced by an import",
              before.status().name(),
              after.status().name(),
              "from " + RAPID_REVIEWS + " line " + row.line()));
      progress.step();
    }
    for (int i = 0; i < fresh.size(); i += BATCH) {
      List<RapidReviewRow> chunk = fresh.subList(i, Math.min(fresh.size(), i + BATCH));
      repository.insertRapidReviews(
          chunk.stream().map(RapidReviewRow::review).toList(), now, actor);
      for (RapidReviewRow row : chunk) {
        events.add(
            new ReviewRepository.NewEvent(
                row.ref(),
                null,
                now,
                actor,
                "Rapid review imported",
                null,
                row.review().status().name(),
                "from " + RAPID_REVIEWS + " line " + row.line()));
        progress.step();
      }
    }
    repository.addEvents(events);
  }

  private void storeLcsprs(
      List<LcsprRow> rows, ImportProgress progress, String actor, Instant now) {
    progress.stage("Storing LCSPRs", rows.size());
    List<ReviewRepository.NewEvent> events = new ArrayList<>();
    List<LcsprRow> fresh = new ArrayList<>();
    for (LcsprRow row : rows) {
      var held = repository.findLcsprForUpdate(row.lcspr().ref());
      if (held.isEmpty()) {
        fresh.add(row);
        continue;
      }
      Lcspr before = held.get();
      Lcspr after = row.lcspr().replacing(before);
      repository.replaceLcspr(after, now);
      events.add(
          new ReviewRepository.NewEvent(
              null,
              before.id(),
              now,
              actor,
              "LCSPR replaced by an import",
              before.status().name(),
              after.status().name(),
              "from " + LCSPRS + " line " + row.line()));
      progress.step();
    }
    for (int i = 0; i < fresh.size(); i += BATCH) {
      List<LcsprRow> chunk = fresh.subList(i, Math.min(fresh.size(), i + BATCH));
      Map<String, Long> ids =
          repository.insertLcsprs(chunk.stream().map(LcsprRow::lcspr).toList(), now);
      for (LcsprRow l : chunk) {
        events.add(
            new ReviewRepository.NewEvent(
                null,
                ids.get(l.lcspr().ref()),
                now,
                actor,
                "LCSPR imported",
                null,
                l.lcspr().status().name(),
                "from " + LCSPRS + " line " + l.line()));
        progress.step();
      }
    }
    repository.addEvents(events);
  }

  // Writing

  public long countRapidReviews() {
    Long n = jdbc.queryForObject("select count(*) from rapid_review", Long.class);
    return n == null ? 0 : n;
  }

  public long countLcsprs() {
    Long n = jdbc.queryForObject("select count(*) from lcspr", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Writes rapid_reviews.csv (by notification_ref) and lcsprs.csv (by lcspr_ref, each one's
   * notifications in reference order) in the standard's columns, in the caller's transaction. The
   * caller has audited the export. Returns the counts written.
   */
  public long[] writeFiles(Path dir) {
    try {
      Files.createDirectories(dir);
      long reviews = 0;
      try (BufferedWriter w =
              Files.newBufferedWriter(dir.resolve(RAPID_REVIEWS), StandardCharsets.UTF_8);
          CsvCells p = CsvCells.printer(w, RAPID_REVIEW_COLUMNS)) {
        List<Object[]> rows =
            jdbc.query(
                "select notification_ref, received_date, decision, no_lcspr_reason,"
                    + " alternative_methodology, panel_view, practice_themes from rapid_review"
                    + " order by notification_ref",
                (rs, i) ->
                    new Object[] {
                      rs.getString(1),
                      blank(rs.getObject(2, LocalDate.class)),
                      rs.getString(3),
                      blank(rs.getString(4)),
                      rs.getBoolean(5) ? "Y" : "N",
                      blank(rs.getString(6)),
                      String.join(";", (String[]) rs.getArray(7).getArray())
                    });
        for (Object[] row : rows) {
          p.printRecord(row);
          reviews++;
        }
      }
      long lcsprs = 0;
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(LCSPRS), StandardCharsets.UTF_8);
          CsvCells p = CsvCells.printer(w, LCSPR_COLUMNS)) {
        List<Object[]> rows =
            jdbc.query(
                "select l.lcspr_ref, l.status, l.publication_intention, l.initiated_date,"
                    + " l.completed_date, l.panel_notified_of_publication_date,"
                    + " l.publication_date,"
                    + " (select string_agg(ln.notification_ref, ';' order by ln.notification_ref)"
                    + " from lcspr_notification ln where ln.lcspr_id = l.id)"
                    + " from lcspr l where l.status <> 'WITHDRAWN' order by l.lcspr_ref",
                (rs, i) -> {
                  Lcspr l =
                      new Lcspr(
                          0,
                          rs.getString(1),
                          LcsprStatus.valueOf(rs.getString(2)),
                          PublicationIntention.valueOf(rs.getString(3)),
                          1,
                          List.of(),
                          rs.getObject(4, LocalDate.class),
                          rs.getObject(5, LocalDate.class),
                          rs.getObject(6, LocalDate.class),
                          rs.getObject(7, LocalDate.class),
                          null,
                          null,
                          null,
                          null,
                          null);
                  return new Object[] {
                    l.ref(),
                    blank(rs.getString(8)),
                    l.initiatedDate(),
                    blank(l.completedDate()),
                    blank(l.panelNotifiedOfPublicationDate()),
                    blank(l.publicationDate()),
                    l.publicationStatus()
                  };
                });
        for (Object[] row : rows) {
          p.printRecord(row);
          lcsprs++;
        }
      }
      return new long[] {reviews, lcsprs};
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String blank(Object o) {
    return o == null ? "" : o.toString();
  }
}
