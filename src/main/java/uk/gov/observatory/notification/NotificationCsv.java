package uk.gov.observatory.notification;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.notification.internal.ImportStaging;

/**
 * The CSV layout of DATA-STANDARD.md section 5 for {@code notifications.csv} and {@code
 * children.csv}: an all-or-nothing import that reports every problem, and an export that the import
 * reads back to the same bytes.
 */
@Component
public class NotificationCsv {

  public static final String NOTIFICATIONS = "notifications.csv";
  public static final String CHILDREN = "children.csv";

  /** The columns of notifications.csv, in the data standard's order. */
  public static final List<String> NOTIFICATION_COLUMNS =
      List.of(
          "notification_ref",
          "la_code",
          "incident_date",
          "aware_date",
          "notified_date",
          "notification_type",
          "death_category",
          "harm_category",
          "imd_decile",
          "case_characteristics",
          "domestic_abuse_pattern",
          "csc_involvement",
          "court_order",
          "living_arrangement",
          "covid_factors");

  static final List<String> REQUIRED_NOTIFICATION_COLUMNS =
      List.of(
          "notification_ref",
          "la_code",
          "incident_date",
          "aware_date",
          "notified_date",
          "notification_type",
          "csc_involvement",
          "court_order",
          "living_arrangement");
  static final List<String> CHILD_COLUMNS =
      List.of("notification_ref", "child_seq", "gender", "age_years", "ethnicity");
  static final List<String> IDENTIFYING_CHILD_COLUMNS = List.of("child_name", "date_of_birth");
  static final List<String> REQUIRED_CHILD_COLUMNS =
      List.of("notification_ref", "gender", "age_years");
  private static final Set<String> IDENTIFYING = Set.copyOf(IDENTIFYING_CHILD_COLUMNS);

  private final NotificationRules rules;
  private final NotificationRegister register;
  private final AuditLog audit;
  private final TransactionTemplate snapshot;
  private final TransactionTemplate tx;
  private final ImportStaging staging;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  public NotificationCsv(
      NotificationRules rules,
      NotificationRegister register,
      AuditLog audit,
      PlatformTransactionManager transactions,
      ImportStaging staging,
      JdbcTemplate jdbc,
      Clock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.rules = rules;
    this.register = register;
    this.audit = audit;
    this.staging = staging;
    this.jdbc = jdbc;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  private final org.springframework.context.ApplicationEventPublisher events;

  /** Files of the standard that this version cannot import yet: refused rather than ignored. */
  public static final List<String> NOT_YET_IMPORTED = List.of();

  /**
   * Files of the standard that the import of a whole folder reads with these two (the review
   * module's {@code StandardCsv}, behind the {@code import} command), but {@link #importFrom} does
   * not.
   */
  static final List<String> READ_WITH_REVIEWS =
      List.of("rapid_reviews.csv", "lcsprs.csv", "yearly_reports.csv");

  /** One problem for each file in {@code dir} that this version cannot import yet. */
  public static List<ImportProblem> notYetImported(Path dir) {
    List<ImportProblem> problems = new ArrayList<>();
    for (String file : NOT_YET_IMPORTED) {
      if (Files.exists(dir.resolve(file))) {
        problems.add(
            new ImportProblem(
                file,
                0,
                "-",
                "",
                "cannot be imported by this version yet (yearly reports come with a later"
                    + " version): move it out of the folder to import the other files"));
      }
    }
    return problems;
  }

  /** At most this many problems of one kind are listed; the rest are counted in one more line. */
  static final int MAX_LISTED = 10_000;

  /**
   * What {@link #check} found in notifications.csv and children.csv: every problem (sorted by file
   * and line), and how many notifications passed every rule. The rows themselves are staged in the
   * import's transaction (never held in memory whole): {@link #firstLines} and {@link
   * #notifiedDates} look them up, a batch of references at a time, while it lasts.
   *
   * @param read whether both files could be read, so {@link #firstLines} knows every reference in
   *     notifications.csv
   * @param notifications how many notifications passed every rule
   * @param children how many children those have
   */
  public record Checked(
      List<ImportProblem> problems,
      boolean read,
      long notifications,
      long children,
      ImportStaging staged) {
    public Checked {
      problems = List.copyOf(problems);
    }

    /** The line of each of these references in notifications.csv (its first), those it has. */
    public Map<String, Long> firstLines(java.util.Collection<String> refs) {
      return read ? staged.firstLines(refs) : Map.of();
    }

    /** The notified date of each of these references among the notifications that passed. */
    public Map<String, java.time.LocalDate> notifiedDates(java.util.Collection<String> refs) {
      return read ? staged.notifiedDates(refs) : Map.of();
    }

    /** Every reference in notifications.csv, in order, {@code size} at a time. */
    public void forEachRef(int size, java.util.function.Consumer<List<String>> each) {
      if (read) {
        staged.forEachRef(size, each);
      }
    }

    /** The problems' order: the notifications file first, then by line. */
    static final Comparator<ImportProblem> ORDER =
        Comparator.comparing((ImportProblem p) -> !p.file().equals(NOTIFICATIONS))
            .thenComparingLong(ImportProblem::line);
  }

  /**
   * Reads {@code notifications.csv} and {@code children.csv} from a folder and stores them all, or
   * nothing. Only those two files: a folder that also holds rapid_reviews.csv or lcsprs.csv is
   * refused here (they are imported with the notifications by the {@code import} command).
   */
  public ImportResult importFrom(Path dir, boolean replace, ImportProgress progress) {
    return importFrom(dir, replace, progress, Actors.SYSTEM);
  }

  /** As {@link #importFrom(Path, boolean, ImportProgress)}, audited as done by {@code actor}. */
  public ImportResult importFrom(Path dir, boolean replace, ImportProgress progress, String actor) {
    List<ImportProblem> problems = new ArrayList<>(notYetImported(dir));
    for (String file : READ_WITH_REVIEWS) {
      if (Files.exists(dir.resolve(file))) {
        problems.add(
            new ImportProblem(
                file,
                0,
                "-",
                "",
                "is not read by the import of notifications alone: import the folder with the"
                    + " import command, which reads it with the notifications"));
      }
    }
    if (!problems.isEmpty()) {
      return new ImportResult(problems, 0, 0, 0);
    }
    return tx.execute(
        status -> {
          Checked checked = check(dir, replace, progress);
          if (!checked.problems().isEmpty()) {
            status.setRollbackOnly();
            return new ImportResult(checked.problems(), 0, 0, 0);
          }
          return store(checked, replace, progress, actor);
        });
  }

  /**
   * Reads and checks {@code notifications.csv} and {@code children.csv} without storing anything in
   * the register: every rule of the standard, and (without {@code replace}) that the register does
   * not hold the references already. Streams both files into staging tables of the caller's
   * transaction (which there must be), so memory stays the same whatever their size.
   */
  public Checked check(Path dir, boolean replace, ImportProgress progress) {
    List<ImportProblem> problems = new ArrayList<>();
    staging.create();
    List<String> childColumns = new ArrayList<>(CHILD_COLUMNS);
    childColumns.addAll(IDENTIFYING_CHILD_COLUMNS);
    int[] unlisted = {0};

    // children.csv first, so each notification can be checked with its children.
    progress.stage("Reading children", 0);
    List<String> childHeader;
    try (ImportStaging.Copy copy = staging.rawChildren()) {
      childHeader =
          CsvTable.stream(
              dir,
              CHILDREN,
              childColumns,
              REQUIRED_CHILD_COLUMNS,
              problems,
              c -> {
                String ref = NotificationRules.trim(c.get("notification_ref"));
                if (ref == null) {
                  listed(
                      problems,
                      unlisted,
                      new ImportProblem(
                          CHILDREN,
                          c.line(),
                          "notification_ref",
                          "",
                          "is required: the reference of the child's notification in"
                              + " notifications.csv"));
                }
                staging.addRawChild(copy, c.line(), ref, c.values());
              });
    }
    progress.stage("Reading notifications", 0);
    List<String> notificationHeader;
    try (ImportStaging.Copy copy = staging.rawNotifications()) {
      notificationHeader =
          CsvTable.stream(
              dir,
              NOTIFICATIONS,
              NOTIFICATION_COLUMNS,
              REQUIRED_NOTIFICATION_COLUMNS,
              problems,
              n -> {
                Object[] row = new Object[2 + ImportStaging.NOTIFICATION_COLUMNS.size()];
                row[0] = n.line();
                row[1] = NotificationRules.trim(n.get("notification_ref"));
                for (int i = 0; i < ImportStaging.NOTIFICATION_COLUMNS.size(); i++) {
                  row[2 + i] = n.get(ImportStaging.NOTIFICATION_COLUMNS.get(i));
                }
                copy.add(row);
              });
    }
    if (notificationHeader == null || childHeader == null) {
      problems.sort(Checked.ORDER);
      return new Checked(problems, false, 0, 0, staging);
    }
    staging.indexRaw();

    // Across rows, in SQL.
    for (ImportStaging.Found f : staging.repeatedRefs(MAX_LISTED)) {
      listed(
          problems,
          unlisted,
          new ImportProblem(
              NOTIFICATIONS,
              f.line(),
              "notification_ref",
              f.ref(),
              "is repeated: the same reference is on line "
                  + f.other()
                  + "; each notification has its own reference"));
    }
    for (ImportStaging.Found f : staging.childrenWithoutNotification(MAX_LISTED)) {
      listed(
          problems,
          unlisted,
          new ImportProblem(
              CHILDREN,
              f.line(),
              "notification_ref",
              f.ref(),
              "has no notification in notifications.csv: every child belongs to a notification in"
                  + " the same import"));
    }

    // Each notification with its children, by the rules, a page at a time.
    long total = countRows();
    progress.stage("Checking notifications", total);
    long valid = 0;
    long children = 0;
    try (ImportStaging.Copy ns = staging.validNotifications();
        ImportStaging.Copy cs = staging.validChildren()) {
      long after = 0;
      while (true) {
        List<ImportStaging.RawNotification> page = staging.page(after, PAGE);
        if (page.isEmpty()) {
          break;
        }
        for (ImportStaging.RawNotification n : page) {
          String ref = NotificationRules.trim(n.values().get("notification_ref"));
          List<ImportStaging.RawChild> kids = n.children();
          NotificationRules.Outcome outcome = rules.check(submission(n), true);
          for (Violation v : outcome.violations()) {
            ImportProblem problem;
            if (v.childIndex() != null) {
              problem =
                  new ImportProblem(
                      CHILDREN, kids.get(v.childIndex()).line(), v.field(), shown(v), v.reason());
            } else if (v.field().equals("children")) {
              problem =
                  new ImportProblem(
                      NOTIFICATIONS,
                      n.line(),
                      "notification_ref",
                      ref,
                      "has no children in children.csv: a notification names at least one child");
            } else {
              problem = new ImportProblem(NOTIFICATIONS, n.line(), v.field(), shown(v), v.reason());
            }
            listed(problems, unlisted, problem);
          }
          if (outcome.valid()) {
            staging.addValid(ns, cs, n.line(), outcome.notification());
            valid++;
            children += outcome.notification().children().size();
          }
          progress.step();
        }
        after = page.get(page.size() - 1).line();
        // Staged before the next page is read, so that lookups see them.
        ns.flush();
        cs.flush();
      }
    }

    if (problems.isEmpty() && !replace) {
      for (ImportStaging.Found f : staging.refsHeld(MAX_LISTED)) {
        problems.add(
            new ImportProblem(
                NOTIFICATIONS,
                f.line(),
                "notification_ref",
                f.ref(),
                "is already in the register: import with --replace to replace it"));
      }
      long held = staging.countRefsHeld();
      if (held > MAX_LISTED) {
        unlisted[0] += (int) Math.min(Integer.MAX_VALUE, held - MAX_LISTED);
      }
    }
    problems.sort(Checked.ORDER);
    if (unlisted[0] > 0) {
      problems.add(
          new ImportProblem(
              NOTIFICATIONS,
              0,
              "-",
              "",
              String.format(
                  "and %,d more problems not listed (at most %,d of a kind are): correct these and"
                      + " import again to see the rest",
                  unlisted[0], MAX_LISTED)));
    }
    return new Checked(problems, true, valid, children, staging);
  }

  /** How many notifications are checked from the staging tables at a time. */
  private static final int PAGE = 2000;

  private long countRows() {
    Long n = jdbc.queryForObject("select count(*) from import_notification_raw", Long.class);
    return n == null ? 0 : n;
  }

  /** Adds {@code p} unless that many are listed already; then counts it only. */
  private static void listed(List<ImportProblem> problems, int[] unlisted, ImportProblem p) {
    if (problems.size() < MAX_LISTED) {
      problems.add(p);
    } else {
      unlisted[0]++;
    }
  }

  /**
   * Stores what {@link #check} found valid (it must have found no problem), replacing notifications
   * the register holds when {@code replace}; audited as imported by {@code actor}. In the caller's
   * transaction (the one {@link #check} ran in), so other files can be stored with these all or
   * nothing.
   */
  public ImportResult store(
      Checked checked, boolean replace, ImportProgress progress, String actor) {
    if (!checked.problems().isEmpty() || !checked.read()) {
      throw new IllegalArgumentException("only a checked import without problems is stored");
    }
    progress.stage("Storing notifications", 0);
    List<String> replaced = staging.heldRefs();
    if (!replaced.isEmpty() && !replace) {
      throw new IllegalStateException("the register holds references of the import");
    }
    long[] stored = staging.move(java.time.Instant.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notifications", stored[0]);
    details.put("children", stored[1]);
    details.put("replaced", replaced.size());
    details.put("replaced_refs", replaced);
    audit.record(
        AuditEvent.of(actor, AuditAction.IMPORTED, NotificationRegister.AUDIT_RECORD_TYPE, null)
            .withDetails(AuditJson.of(details)));
    events.publishEvent(new NotificationsImported(stored[0]));
    return new ImportResult(
        List.of(), (int) stored[0], (int) stored[1], replace ? replaced.size() : 0);
  }

  private static String shown(Violation v) {
    return v.value() == null ? "" : v.value();
  }

  private static NotificationSubmission submission(ImportStaging.RawNotification raw) {
    Map<String, String> n = raw.values();
    List<ChildSubmission> children = new ArrayList<>();
    for (ImportStaging.RawChild kid : raw.children()) {
      Map<String, String> c = kid.values();
      children.add(
          new ChildSubmission(
              c.get("child_seq"),
              c.get("gender"),
              c.get("age_years"),
              c.get("ethnicity"),
              c.get("child_name"),
              c.get("date_of_birth")));
    }
    return new NotificationSubmission(
        n.get("notification_ref"),
        n.get("la_code"),
        n.get("incident_date"),
        n.get("aware_date"),
        n.get("notified_date"),
        n.get("notification_type"),
        n.get("death_category"),
        n.get("harm_category"),
        n.get("imd_decile"),
        split(n.get("case_characteristics")),
        n.get("domestic_abuse_pattern"),
        n.get("csc_involvement"),
        n.get("court_order"),
        n.get("living_arrangement"),
        split(n.get("covid_factors")),
        children);
  }

  /** A {@code ;}-separated code list; blank is the empty list. */
  static List<String> split(String value) {
    return CsvTable.split(value);
  }

  /** Writes both files to a folder; identifying details only when asked. Returns the count. */
  public long exportTo(Path dir, boolean identifying) {
    return exportTo(dir, identifying, Actors.SYSTEM);
  }

  /**
   * As {@link #exportTo(Path, boolean)}, audited as done by {@code actor}. The audit entry is
   * written first: when it cannot be, nothing is exported.
   */
  public long exportTo(Path dir, boolean identifying, String actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notifications", register.count());
    details.put("identifying", identifying);
    details.put("folder", dir.toAbsolutePath().normalize().toString());
    audit.record(
        AuditEvent.of(actor, AuditAction.EXPORTED, NotificationRegister.AUDIT_RECORD_TYPE, null)
            .withDetails(AuditJson.of(details)));
    return writeFiles(dir, identifying);
  }

  /**
   * Writes notifications.csv and children.csv to a folder (identifying details only when asked),
   * inside the caller's transaction when there is one, WITHOUT auditing: the caller has audited the
   * export already (as {@link #exportTo(Path, boolean, String)} does, and the export of a whole
   * folder). Returns the count of notifications.
   */
  public long writeFiles(Path dir, boolean identifying) {
    try {
      Files.createDirectories(dir);
      List<String> childHeader = new ArrayList<>(CHILD_COLUMNS);
      if (identifying) {
        childHeader.addAll(IDENTIFYING_CHILD_COLUMNS);
      }
      long[] count = {0};
      try (BufferedWriter nw =
              Files.newBufferedWriter(dir.resolve(NOTIFICATIONS), StandardCharsets.UTF_8);
          BufferedWriter cw =
              Files.newBufferedWriter(dir.resolve(CHILDREN), StandardCharsets.UTF_8);
          CsvCells np = CsvCells.printer(nw, NOTIFICATION_COLUMNS);
          CsvCells cp = CsvCells.printer(cw, childHeader)) {
        register.forEachNotification(
            n -> {
              try {
                printNotification(np, n);
                for (Notification.Child c : n.children()) {
                  List<Object> values =
                      new ArrayList<>(
                          List.of(
                              n.ref(),
                              c.childSeq(),
                              c.gender(),
                              c.ageYears(),
                              blank(c.ethnicity())));
                  if (identifying) {
                    values.add(blank(c.childName()));
                    values.add(c.dateOfBirth() == null ? "" : c.dateOfBirth().toString());
                  }
                  cp.printRecord(values);
                }
                count[0]++;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
      return count[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  /** One row of notifications.csv, in the data standard's columns. */
  private static void printNotification(CsvCells np, Notification n) throws IOException {
    np.printRecord(
        n.ref(),
        n.laCode(),
        n.incidentDate(),
        n.awareDate(),
        n.notifiedDate(),
        n.notificationType(),
        blank(n.deathCategory()),
        blank(n.harmCategory()),
        n.imdDecile() == null ? "" : n.imdDecile().toString(),
        String.join(";", n.caseCharacteristics()),
        blank(n.domesticAbusePattern()),
        n.cscInvolvement(),
        n.courtOrder(),
        n.livingArrangement(),
        String.join(";", n.covidFactors()));
  }

  /**
   * Writes the notifications a viewer may see and that match a query's filters as notifications.csv
   * (the data standard's columns; never identifying details), in the query's order. Audited as
   * exported first, with the filters and the count: when that cannot be written, nothing is.
   * Returns the count.
   */
  public long writeNotifications(Writer out, NotificationQuery query, Viewer viewer)
      throws IOException {
    // Audited first, in its own transaction: an audit entry is never appended from inside the
    // export's REPEATABLE READ snapshot, where the chain's last entry could be stale.
    long total = register.search(query.withPage(1, 1), viewer).total();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notifications", total);
    details.put("identifying", false);
    details.put("la_code", query.laCode());
    details.put("notification_type", query.notificationType());
    details.put("notified_from", query.notifiedFrom());
    details.put("notified_to", query.notifiedTo());
    audit.record(
        AuditEvent.of(
                viewer.actor(), AuditAction.EXPORTED, NotificationRegister.AUDIT_RECORD_TYPE, null)
            .withDetails(AuditJson.of(details)));
    try {
      // One snapshot: notifications arriving meanwhile neither shift the pages nor half-appear.
      return snapshot.execute(status -> write(out, query, viewer));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private long write(Writer out, NotificationQuery query, Viewer viewer) {
    NotificationPage page = register.search(query.withPage(1, NotificationQuery.MAX_SIZE), viewer);
    long count = 0;
    try {
      CsvCells np = CsvCells.printer(out, NOTIFICATION_COLUMNS);
      for (int p = 1; ; p++) {
        if (p > 1) {
          page = register.search(query.withPage(p, NotificationQuery.MAX_SIZE), viewer);
        }
        for (Notification n : page.items()) {
          printNotification(np, n);
          count++;
        }
        if (p >= page.pages()) {
          break;
        }
      }
      np.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }
}
