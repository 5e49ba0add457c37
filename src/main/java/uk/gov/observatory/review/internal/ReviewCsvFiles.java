package uk.gov.observatory.review.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import java.util.regex.Pattern;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
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
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationCsv;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.NoLcsprReason;
import uk.gov.observatory.review.PanelView;
import uk.gov.observatory.review.PublicationIntention;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviewStatus;
import uk.gov.observatory.review.RapidReviews;

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

  /** An LCSPR's reference: as a notification's, 1 to 40 letters, digits, '-', '_' or '.'. */
  static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

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

  /** A row of rapid_reviews.csv that passed every check. */
  record RapidReviewRow(
      long line,
      String ref,
      LocalDate received,
      Decision decision,
      NoLcsprReason reason,
      boolean alternativeMethodology,
      PanelView view,
      List<String> themes) {

    RapidReviewStatus status() {
      return received == null ? RapidReviewStatus.DRAFT : RapidReviewStatus.SUBMITTED;
    }
  }

  /** A row of lcsprs.csv that passed every check, with its place in the lifecycle. */
  record LcsprRow(
      long line,
      String ref,
      List<String> notificationRefs,
      LocalDate initiated,
      LocalDate completed,
      LocalDate panelNotified,
      LocalDate published,
      LcsprStatus status,
      PublicationIntention intention) {}

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

    Checked(
        List<ImportProblem> problems,
        boolean rapidReviewsFile,
        boolean lcsprsFile,
        List<RapidReviewRow> rapidReviews,
        List<LcsprRow> lcsprs,
        List<String> replacedRapidReviews,
        List<String> removedRapidReviews,
        List<String> replacedLcsprs) {
      this.problems = List.copyOf(problems);
      this.rapidReviewsFile = rapidReviewsFile;
      this.lcsprsFile = lcsprsFile;
      this.rapidReviews = List.copyOf(rapidReviews);
      this.lcsprs = List.copyOf(lcsprs);
      this.replacedRapidReviews = List.copyOf(replacedRapidReviews);
      this.removedRapidReviews = List.copyOf(removedRapidReviews);
      this.replacedLcsprs = List.copyOf(replacedLcsprs);
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
    final Map<String, String> lcsprNotPublishingReason = new HashMap<>();
    final Set<String> lcsprRefs = new HashSet<>();
  }

  /**
   * Reads and checks the review files in {@code dir} (each optional) against the notifications
   * {@code notifications} checked from the same folder and the register. Stores nothing.
   */
  public Checked check(
      Path dir, NotificationCsv.Checked notifications, boolean replace, ImportProgress progress) {
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

    // Whether every reference in notifications.csv is known, so a reference may be called unknown.
    boolean refsKnown = notifications.read();
    Set<String> imported = notifications.lines().keySet();
    Map<String, LocalDate> importedNotified = new HashMap<>();
    for (Notification n : notifications.valid()) {
      importedNotified.put(n.ref(), n.notifiedDate());
    }

    Set<String> named = new LinkedHashSet<>(imported);
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
    Held held = held(named, namedLcsprs);
    LocalDate today = LocalDate.now(clock);

    // rapid_reviews.csv
    progress.stage("Checking rapid reviews", rrRows.size());
    List<RapidReviewRow> reviews = new ArrayList<>();
    Map<String, Long> reviewLine = new HashMap<>();
    Map<String, LocalDate> importedReceived = new HashMap<>();
    List<String> replacedReviews = new ArrayList<>();
    for (CsvTable.Row row : rrRows) {
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
      LocalDate received = r.date("received_date", today, false);
      LocalDate notified =
          ref == null
              ? null
              : imported.contains(ref) ? importedNotified.get(ref) : held.notified.get(ref);
      if (received != null && notified != null && received.isBefore(notified)) {
        r.problem(
            "received_date",
            received.toString(),
            "is before the notification's notified_date ("
                + notified
                + "): a rapid review is received on or after its notification");
      }
      if (refOk) {
        importedReceived.put(ref, received);
      }
      String decisionCode = r.code("decision", DECISIONS, true, "");
      Decision decision = decisionCode == null ? null : Decision.valueOf(decisionCode);
      String reasonCode = r.code("no_lcspr_reason", NO_LCSPR_REASONS, false, "");
      if (reasonCode != null && decision != null && decision != Decision.NO_LCSPR) {
        r.problem(
            "no_lcspr_reason",
            reasonCode,
            "is given but the decision is "
                + decision
                + ": a reason for no LCSPR goes only with the decision NO_LCSPR");
      }
      Boolean alternative = r.yesNo("alternative_methodology");
      String viewCode = r.code("panel_view", PANEL_VIEWS, false, "");
      if (viewCode != null) {
        if (r.text("received_date") == null) {
          r.problem(
              "panel_view",
              viewCode,
              "is given but received_date is blank: the Panel gives its view only on a rapid"
                  + " review it has received");
        } else if (decision == Decision.UNDECIDED) {
          r.problem(
              "panel_view",
              viewCode,
              "is given but the decision is UNDECIDED: the Panel gives no view on an undecided"
                  + " rapid review");
        }
      }
      List<String> themes = r.codes("practice_themes", CodeLists.PRACTICE_THEMES);
      if (r.clean()) {
        reviews.add(
            new RapidReviewRow(
                row.line(),
                ref,
                received,
                decision,
                reasonCode == null ? null : NoLcsprReason.valueOf(reasonCode),
                Boolean.TRUE.equals(alternative),
                viewCode == null ? null : PanelView.valueOf(viewCode),
                themes));
        if (held.reviewed.contains(ref)) {
          replacedReviews.add(ref);
        }
      }
      progress.step();
    }

    // lcsprs.csv
    progress.stage("Checking LCSPRs", lRows.size());
    List<LcsprRow> lcsprs = new ArrayList<>();
    Map<String, Long> lcsprLine = new HashMap<>();
    List<String> replacedLcsprs = new ArrayList<>();
    for (CsvTable.Row row : lRows) {
      Row r = new Row(LCSPRS, row, problems);
      String ref = r.text("lcspr_ref");
      if (ref == null) {
        r.problem("lcspr_ref", "", "is required: the LCSPR's own reference");
      } else if (!REF.matcher(ref).matches()) {
        r.problem(
            "lcspr_ref",
            ref,
            "is not a valid reference: use 1 to 40 letters, digits, '-', '_' or '.', starting"
                + " with a letter or digit, e.g. LCSPR-2020-00042");
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
      List<String> covered = new ArrayList<>();
      String rawRefs = row.get("notification_refs");
      if (rawRefs == null || rawRefs.isBlank()) {
        r.problem(
            "notification_refs",
            "",
            "is required: an LCSPR covers at least one notification (their notification_refs,"
                + " separated by ';')");
      } else {
        for (String item : CsvTable.split(rawRefs)) {
          String n = trim(item);
          if (n == null) {
            r.problem(
                "notification_refs",
                rawRefs,
                "has an empty entry: separate references with a single ';'");
          } else if (covered.contains(n)) {
            r.problem("notification_refs", n, "is repeated: name each notification once");
          } else {
            covered.add(n);
            if (refsKnown && !imported.contains(n) && !held.notified.containsKey(n)) {
              r.problem(
                  "notification_refs",
                  n,
                  "has no notification in notifications.csv or in the register: an LCSPR covers"
                      + " notifications");
            }
          }
        }
      }
      LocalDate initiated = r.date("initiated_date", today, true);
      if (initiated != null) {
        for (String n : covered) {
          LocalDate received =
              importedReceived.containsKey(n)
                  ? importedReceived.get(n)
                  : imported.contains(n) ? null : held.received.get(n);
          if (received != null && initiated.isBefore(received)) {
            r.problem(
                "initiated_date",
                initiated.toString(),
                "is before the rapid review of "
                    + n
                    + " was received ("
                    + received
                    + "): an LCSPR starts no earlier than its rapid review was received");
          }
        }
      }
      LocalDate completed = r.date("completed_date", today, false);
      if (completed != null && initiated != null && completed.isBefore(initiated)) {
        r.problem(
            "completed_date",
            completed.toString(),
            "is before initiated_date ("
                + initiated
                + "): an LCSPR is completed on or after it started");
      }
      boolean completedGiven = r.text("completed_date") != null;
      LocalDate panelNotified = r.date("panel_notified_of_publication_date", today, false);
      if (panelNotified != null) {
        if (!completedGiven) {
          r.problem(
              "panel_notified_of_publication_date",
              panelNotified.toString(),
              "is given but completed_date is blank: the Panel is told of the publication of a"
                  + " completed review");
        } else if (completed != null && panelNotified.isBefore(completed)) {
          r.problem(
              "panel_notified_of_publication_date",
              panelNotified.toString(),
              "is before completed_date ("
                  + completed
                  + "): the Panel is told of the publication of a completed review");
        }
      }
      String status = r.code("publication_status", PUBLICATION_STATUSES, true, "");
      LocalDate published = r.date("publication_date", today, false);
      boolean publishedGiven = r.text("publication_date") != null;
      if (published != null) {
        if (status != null && !status.equals("PUBLISHED")) {
          r.problem(
              "publication_date",
              published.toString(),
              "is given but publication_status is "
                  + status
                  + ": only a PUBLISHED review has a publication date");
        } else if (!completedGiven) {
          r.problem(
              "publication_date",
              published.toString(),
              "is given but completed_date is blank: a review is published only once it is"
                  + " completed");
        } else if (completed != null && published.isBefore(completed)) {
          r.problem(
              "publication_date",
              published.toString(),
              "is before completed_date ("
                  + completed
                  + "): a review is published on or after it is completed");
        } else if (panelNotified != null && published.isBefore(panelNotified)) {
          r.problem(
              "publication_date",
              published.toString(),
              "is before panel_notified_of_publication_date ("
                  + panelNotified
                  + "): the Panel is told before the review is published");
        }
      }
      if ("PUBLISHED".equals(status) && !publishedGiven) {
        r.problem(
            "publication_date",
            "",
            "is required when publication_status is PUBLISHED: the date the review was published");
      }
      if (r.clean()) {
        LcsprStatus lifecycle;
        PublicationIntention intention;
        switch (status) {
          case "PUBLISHED" -> {
            lifecycle = LcsprStatus.PUBLISHED;
            intention = PublicationIntention.INTENDS_TO_PUBLISH;
          }
          case "NOT_PUBLISHING" -> {
            lifecycle = LcsprStatus.NOT_PUBLISHING;
            intention = PublicationIntention.NOT_DECIDED;
          }
          default -> {
            intention = PublicationIntention.valueOf(status);
            lifecycle =
                completed == null
                    ? LcsprStatus.INITIATED
                    : panelNotified == null
                        ? LcsprStatus.COMPLETED
                        : LcsprStatus.PUBLICATION_NOTIFIED;
          }
        }
        lcsprs.add(
            new LcsprRow(
                row.line(),
                ref,
                covered,
                initiated,
                completed,
                panelNotified,
                published,
                lifecycle,
                intention));
        if (held.lcsprRefs.contains(ref)) {
          replacedLcsprs.add(ref);
        }
      }
      progress.step();
    }

    // LCSPRs the register keeps (not in lcsprs.csv) against what this import changes.
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
                .min(
                    (a, b) ->
                        Long.compare(notifications.lines().get(a), notifications.lines().get(b)))
                .orElseThrow();
        problems.add(
            new ImportProblem(
                NotificationCsv.NOTIFICATIONS,
                notifications.lines().get(first),
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
      for (RapidReviewRow review : reviews) {
        if (!imported.contains(review.ref())
            && links.contains(review.ref())
            && review.received() != null
            && review.received().isAfter(initiated)) {
          problems.add(
              new ImportProblem(
                  RAPID_REVIEWS,
                  review.line(),
                  "received_date",
                  review.received().toString(),
                  "is after LCSPR "
                      + lcspr
                      + " of this notification started ("
                      + initiated
                      + "): an LCSPR starts no earlier than its rapid review was received"));
        }
      }
    }

    // Rapid reviews of replaced notifications that the files do not give again go with them.
    List<String> removed = new ArrayList<>();
    if (replace) {
      for (String ref : imported) {
        if (held.reviewed.contains(ref) && !reviewLine.containsKey(ref)) {
          removed.add(ref);
        }
      }
      removed.sort(null);
    }
    return new Checked(
        problems, rrFile, lFile, reviews, lcsprs, replacedReviews, removed, replacedLcsprs);
  }

  private static void addIfPresent(Set<String> set, String raw) {
    String t = trim(raw);
    if (t != null) {
      set.add(t);
    }
  }

  /** What the register holds of these notifications and LCSPRs (and the LCSPRs covering them). */
  private Held held(Collection<String> notificationRefs, Collection<String> lcsprRefs) {
    Held held = new Held();
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
    inChunks(
        "select l.lcspr_ref, l.initiated_date, ln.notification_ref from lcspr l"
            + " join lcspr_notification ln on ln.lcspr_id = l.id"
            + " where l.id in (select lcspr_id from lcspr_notification"
            + " where notification_ref in (:refs)) order by ln.notification_ref",
        notificationRefs,
        rs -> {
          held.lcsprInitiated.put(rs.getString(1), rs.getObject(2, LocalDate.class));
          List<String> links =
              held.lcsprLinks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          if (!links.contains(rs.getString(3))) {
            links.add(rs.getString(3));
          }
        });
    inChunks(
        "select lcspr_ref, status, not_publishing_reason from lcspr where lcspr_ref in (:refs)",
        lcsprRefs,
        rs -> {
          held.lcsprRefs.add(rs.getString(1));
          if (LcsprStatus.NOT_PUBLISHING.name().equals(rs.getString(2))) {
            held.lcsprNotPublishingReason.put(rs.getString(1), rs.getString(3));
          }
        });
    return held;
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
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** One row being checked: its values, and the problems found in it. */
  private final class Row {
    final String file;
    final CsvTable.Row row;
    final List<ImportProblem> problems;
    final int before;

    Row(String file, CsvTable.Row row, List<ImportProblem> problems) {
      this.file = file;
      this.row = row;
      this.problems = problems;
      this.before = problems.size();
    }

    boolean clean() {
      return problems.size() == before;
    }

    void problem(String column, String value, String reason) {
      problems.add(new ImportProblem(file, row.line(), column, value, reason));
    }

    String text(String column) {
      return trim(row.get(column));
    }

    LocalDate date(String column, LocalDate today, boolean required) {
      String v = text(column);
      if (v == null) {
        if (required) {
          problem(column, "", "is required: use YYYY-MM-DD");
        }
        return null;
      }
      LocalDate d;
      try {
        d = LocalDate.parse(v);
      } catch (DateTimeParseException e) {
        problem(column, v, "is not a date: use YYYY-MM-DD, e.g. 2020-06-30");
        return null;
      }
      if (d.isAfter(today)) {
        problem(
            column, v, "is in the future (today is " + today + "): it must be today or earlier");
        return null;
      }
      return d;
    }

    String code(String column, String listName, boolean required, String when) {
      CodeList list = reference.codeList(listName);
      String v = text(column);
      if (v == null) {
        if (required) {
          problem(column, "", "is required" + when + ": allowed values are " + list.allowed());
        }
        return null;
      }
      if (!list.contains(v)) {
        problem(
            column,
            v,
            "is not an allowed value: allowed values are "
                + list.allowed()
                + (required ? "" : ", or blank"));
        return null;
      }
      return v;
    }

    /** Y, N, or blank (N). */
    Boolean yesNo(String column) {
      String v = text(column);
      if (v == null || v.equals("N")) {
        return false;
      }
      if (v.equals("Y")) {
        return true;
      }
      problem(column, v, "is not an allowed value: allowed values are Y, N (blank is N)");
      return null;
    }

    List<String> codes(String column, String listName) {
      CodeList list = reference.codeList(listName);
      String raw = row.get(column);
      List<String> out = new ArrayList<>();
      for (String item : CsvTable.split(raw)) {
        String v = trim(item);
        if (v == null) {
          problem(column, raw, "has an empty entry: separate codes with a single ';'");
        } else if (!list.contains(v)) {
          problem(column, v, "is not an allowed value: allowed values are " + list.allowed());
        } else if (out.contains(v)) {
          problem(column, v, "is repeated: give each code once");
        } else {
          out.add(v);
        }
      }
      return out;
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
    Instant now = clock.instant();
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
          c.lcsprs.stream().mapToInt(l -> l.notificationRefs().size()).sum());
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

  private void storeRapidReviews(
      List<RapidReviewRow> rows, ImportProgress progress, String actor, Instant now) {
    progress.stage("Storing rapid reviews", rows.size());
    // Those still held now that replaced notifications (and their reviews) are gone.
    Map<String, RapidReview> existing =
        repository.rapidReviewsOf(rows.stream().map(RapidReviewRow::ref).toList());
    List<RapidReviewRow> fresh = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    for (RapidReviewRow row : rows) {
      RapidReview before = existing.get(row.ref());
      if (before == null) {
        fresh.add(row);
        continue;
      }
      RapidReview after = replaced(before, row, actor, now);
      repository.updateRapidReview(after, now, actor);
      events.add(
          event(
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
    for (int i = 0; i < fresh.size(); i += 500) {
      List<RapidReviewRow> chunk = fresh.subList(i, Math.min(fresh.size(), i + 500));
      insertRapidReviews(chunk, actor, now);
      for (RapidReviewRow row : chunk) {
        events.add(
            event(
                row.ref(),
                null,
                now,
                actor,
                "Rapid review imported",
                null,
                row.status().name(),
                "from " + RAPID_REVIEWS + " line " + row.line()));
        progress.step();
      }
    }
    insertEvents(events);
  }

  /** A held rapid review with the file's fields; what only the pages record stays. */
  private static RapidReview replaced(
      RapidReview before, RapidReviewRow row, String actor, Instant now) {
    RapidReviewContent c = before.content();
    RapidReviewContent content =
        new RapidReviewContent(
            c.agenciesInvolved(),
            c.chronology(),
            c.immediateActions(),
            c.learningIdentified(),
            c.disseminationPlan(),
            c.disseminationBy(),
            row.decision(),
            row.reason(),
            c.decisionRationale(),
            c.criteria(),
            row.alternativeMethodology(),
            c.alternativeMethodologyDetail(),
            c.ethnicityRecorded(),
            c.familyContextRecorded(),
            c.signedOffLocalAuthority(),
            c.signedOffHealth(),
            c.signedOffPolice(),
            row.themes());
    boolean sameView = row.view() != null && row.view() == before.panelView();
    return new RapidReview(
        before.id(),
        before.notificationRef(),
        before.laCode(),
        before.incidentDate(),
        before.notifiedDate(),
        row.status(),
        before.version() + 1,
        row.received(),
        content,
        row.view(),
        sameView ? before.panelViewReasons() : null,
        row.view() == null ? null : sameView ? before.panelViewBy() : actor,
        row.view() == null ? null : sameView ? before.panelViewAt() : now,
        before.nationalReview(),
        before.quality());
  }

  private void insertRapidReviews(List<RapidReviewRow> rows, String actor, Instant now) {
    Timestamp at = Timestamp.from(now);
    jdbc.batchUpdate(
        "insert into rapid_review (notification_ref, status, version, received_date, decision,"
            + " no_lcspr_reason, alternative_methodology, panel_view, practice_themes,"
            + " panel_view_by, panel_view_at, created_at, updated_at, updated_by)"
            + " values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            RapidReviewRow r = rows.get(i);
            int p = 1;
            ps.setString(p++, r.ref());
            ps.setString(p++, r.status().name());
            ps.setObject(p++, date(r.received()));
            ps.setString(p++, r.decision().name());
            ps.setString(p++, r.reason() == null ? null : r.reason().name());
            ps.setBoolean(p++, r.alternativeMethodology());
            ps.setString(p++, r.view() == null ? null : r.view().name());
            ps.setArray(p++, ps.getConnection().createArrayOf("text", r.themes().toArray()));
            ps.setString(p++, r.view() == null ? null : actor);
            ps.setTimestamp(p++, r.view() == null ? null : at);
            ps.setTimestamp(p++, at);
            ps.setTimestamp(p++, at);
            ps.setString(p, actor);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
    // Version 1 of each, in its history, as the pages keep it.
    Map<String, RapidReview> stored =
        repository.rapidReviewsOf(rows.stream().map(RapidReviewRow::ref).toList());
    List<RapidReview> versions = rows.stream().map(r -> stored.get(r.ref())).toList();
    jdbc.batchUpdate(
        "insert into rapid_review_version (rapid_review_id, version, status, content,"
            + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            RapidReview r = versions.get(i);
            ps.setLong(1, r.id());
            ps.setInt(2, r.version());
            ps.setString(3, r.status().name());
            ps.setString(4, ReviewJson.of(r));
            ps.setTimestamp(5, at);
            ps.setString(6, actor);
          }

          @Override
          public int getBatchSize() {
            return versions.size();
          }
        });
  }

  private void storeLcsprs(
      List<LcsprRow> rows, ImportProgress progress, String actor, Instant now) {
    progress.stage("Storing LCSPRs", rows.size());
    Timestamp at = Timestamp.from(now);
    List<Object[]> events = new ArrayList<>();
    List<LcsprRow> fresh = new ArrayList<>();
    for (LcsprRow row : rows) {
      var held = repository.findLcsprForUpdate(row.ref());
      if (held.isEmpty()) {
        fresh.add(row);
        continue;
      }
      Lcspr before = held.get();
      String reason =
          row.status() != LcsprStatus.NOT_PUBLISHING
              ? null
              : before.status() == LcsprStatus.NOT_PUBLISHING
                  ? before.notPublishingReason()
                  : NOT_PUBLISHING_REASON;
      Lcspr after =
          new Lcspr(
              before.id(),
              before.ref(),
              row.status(),
              row.intention(),
              before.version() + 1,
              row.notificationRefs(),
              row.initiated(),
              row.completed(),
              row.panelNotified(),
              row.published(),
              reason,
              before.details(),
              before.recommendations(),
              before.reportSha256(),
              before.publicUrl());
      // Back to a bare start first, so no check on the dates sees old and new ones mixed.
      jdbc.update(
          "update lcspr set status = 'INITIATED', completed_date = null,"
              + " panel_notified_of_publication_date = null, publication_date = null,"
              + " not_publishing_reason = null, initiated_date = ? where id = ?",
          date(row.initiated()),
          before.id());
      repository.updateLcspr(after, now);
      jdbc.update("delete from lcspr_notification where lcspr_id = ?", before.id());
      insertLinks(Map.of(before.id(), row.notificationRefs()));
      events.add(
          event(
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
    for (int i = 0; i < fresh.size(); i += 500) {
      List<LcsprRow> chunk = fresh.subList(i, Math.min(fresh.size(), i + 500));
      jdbc.batchUpdate(
          "insert into lcspr (lcspr_ref, status, publication_intention, version, initiated_date,"
              + " completed_date, panel_notified_of_publication_date, publication_date,"
              + " not_publishing_reason, created_at, updated_at)"
              + " values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
          new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int j) throws SQLException {
              LcsprRow l = chunk.get(j);
              ps.setString(1, l.ref());
              ps.setString(2, l.status().name());
              ps.setString(3, l.intention().name());
              ps.setObject(4, date(l.initiated()));
              ps.setObject(5, date(l.completed()));
              ps.setObject(6, date(l.panelNotified()));
              ps.setObject(7, date(l.published()));
              ps.setString(
                  8, l.status() == LcsprStatus.NOT_PUBLISHING ? NOT_PUBLISHING_REASON : null);
              ps.setTimestamp(9, at);
              ps.setTimestamp(10, at);
            }

            @Override
            public int getBatchSize() {
              return chunk.size();
            }
          });
      Map<String, Long> ids = new HashMap<>();
      inChunks(
          "select lcspr_ref, id from lcspr where lcspr_ref in (:refs)",
          chunk.stream().map(LcsprRow::ref).toList(),
          rs -> ids.put(rs.getString(1), rs.getLong(2)));
      Map<Long, List<String>> links = new LinkedHashMap<>();
      for (LcsprRow l : chunk) {
        long id = ids.get(l.ref());
        links.put(id, l.notificationRefs());
        events.add(
            event(
                null,
                id,
                now,
                actor,
                "LCSPR imported",
                null,
                l.status().name(),
                "from " + LCSPRS + " line " + l.line()));
        progress.step();
      }
      insertLinks(links);
    }
    insertEvents(events);
  }

  private void insertLinks(Map<Long, List<String>> links) {
    List<Object[]> rows = new ArrayList<>();
    links.forEach((id, refs) -> refs.forEach(ref -> rows.add(new Object[] {id, ref})));
    jdbc.batchUpdate(
        "insert into lcspr_notification (lcspr_id, notification_ref) values (?, ?)", rows);
  }

  private static Object[] event(
      String notificationRef,
      Long lcsprId,
      Instant at,
      String actor,
      String event,
      String from,
      String to,
      String details) {
    return new Object[] {
      notificationRef, lcsprId, Timestamp.from(at), actor, event, from, to, details
    };
  }

  private void insertEvents(List<Object[]> events) {
    jdbc.batchUpdate(
        "insert into case_event (notification_ref, lcspr_id, occurred_at, actor, event,"
            + " from_state, to_state, details) values (?, ?, ?, ?, ?, ?, ?, ?)",
        events);
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
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
                    + " from lcspr l order by l.lcspr_ref",
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
