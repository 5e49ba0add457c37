package uk.gov.observatory.notification;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
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

/**
 * The CSV layout of DATA-STANDARD.md section 5 for {@code notifications.csv} and {@code
 * children.csv}: an all-or-nothing import that reports every problem, and an export that the import
 * reads back to the same bytes.
 */
@Component
public class NotificationCsv {

  public static final String NOTIFICATIONS = "notifications.csv";
  public static final String CHILDREN = "children.csv";

  static final List<String> NOTIFICATION_COLUMNS =
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

  private static final CSVFormat WRITE = CSVFormat.RFC4180;
  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private final NotificationRules rules;
  private final NotificationRegister register;
  private final AuditLog audit;
  private final TransactionTemplate snapshot;

  public NotificationCsv(
      NotificationRules rules,
      NotificationRegister register,
      AuditLog audit,
      PlatformTransactionManager transactions) {
    this.rules = rules;
    this.register = register;
    this.audit = audit;
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /** Files of the standard that this version cannot import yet: refused rather than ignored. */
  static final List<String> NOT_YET_IMPORTED =
      List.of("rapid_reviews.csv", "lcsprs.csv", "yearly_reports.csv");

  /**
   * Reads {@code notifications.csv} and {@code children.csv} from a folder and stores them all, or
   * nothing.
   */
  public ImportResult importFrom(Path dir, boolean replace, ImportProgress progress) {
    return importFrom(dir, replace, progress, Actors.SYSTEM);
  }

  /** As {@link #importFrom(Path, boolean, ImportProgress)}, audited as done by {@code actor}. */
  public ImportResult importFrom(Path dir, boolean replace, ImportProgress progress, String actor) {
    List<ImportProblem> problems = new ArrayList<>();
    for (String file : NOT_YET_IMPORTED) {
      if (Files.exists(dir.resolve(file))) {
        problems.add(
            new ImportProblem(
                file,
                0,
                "-",
                "",
                "cannot be imported by this version yet (only notifications.csv and children.csv):"
                    + " move it out of the folder to import the notifications"));
      }
    }
    Table notifications =
        read(dir, NOTIFICATIONS, NOTIFICATION_COLUMNS, REQUIRED_NOTIFICATION_COLUMNS, problems);
    List<String> childColumns = new ArrayList<>(CHILD_COLUMNS);
    childColumns.addAll(IDENTIFYING_CHILD_COLUMNS);
    Table children = read(dir, CHILDREN, childColumns, REQUIRED_CHILD_COLUMNS, problems);
    if (notifications == null || children == null || !problems.isEmpty()) {
      return new ImportResult(problems, 0, 0, 0);
    }

    // Children by their notification's reference, keeping file order.
    Map<String, List<Row>> childRows = new HashMap<>();
    Map<String, Long> firstLineOfRef = new HashMap<>();
    for (Row n : notifications.rows) {
      String ref = NotificationRules.trim(n.get("notification_ref"));
      if (ref == null) {
        continue;
      }
      Long first = firstLineOfRef.putIfAbsent(ref, n.line);
      if (first != null) {
        problems.add(
            new ImportProblem(
                NOTIFICATIONS,
                n.line,
                "notification_ref",
                ref,
                "is repeated: the same reference is on line "
                    + first
                    + "; each notification has its own reference"));
      }
    }
    for (Row c : children.rows) {
      String ref = NotificationRules.trim(c.get("notification_ref"));
      if (ref == null) {
        problems.add(
            new ImportProblem(
                CHILDREN,
                c.line,
                "notification_ref",
                "",
                "is required: the reference of the child's notification in notifications.csv"));
      } else if (!firstLineOfRef.containsKey(ref)) {
        problems.add(
            new ImportProblem(
                CHILDREN,
                c.line,
                "notification_ref",
                ref,
                "has no notification in notifications.csv: every child belongs to a notification in the same import"));
      } else {
        childRows.computeIfAbsent(ref, k -> new ArrayList<>()).add(c);
      }
    }

    progress.stage("Checking notifications", notifications.rows.size());
    List<Notification> valid = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Row n : notifications.rows) {
      String ref = NotificationRules.trim(n.get("notification_ref"));
      List<Row> kids = ref == null ? List.of() : childRows.getOrDefault(ref, List.of());
      NotificationRules.Outcome outcome = rules.check(submission(n, kids), true);
      for (Violation v : outcome.violations()) {
        if (v.childIndex() != null) {
          Row child = kids.get(v.childIndex());
          problems.add(new ImportProblem(CHILDREN, child.line, v.field(), shown(v), v.reason()));
        } else if (v.field().equals("children")) {
          problems.add(
              new ImportProblem(
                  NOTIFICATIONS,
                  n.line,
                  "notification_ref",
                  ref,
                  "has no children in children.csv: a notification names at least one child"));
        } else {
          problems.add(new ImportProblem(NOTIFICATIONS, n.line, v.field(), shown(v), v.reason()));
        }
      }
      if (outcome.valid() && seen.add(ref)) {
        valid.add(outcome.notification());
      }
      progress.step();
    }

    if (!problems.isEmpty()) {
      problems.sort(
          java.util.Comparator.comparing((ImportProblem p) -> !p.file().equals(NOTIFICATIONS))
              .thenComparingLong(ImportProblem::line));
      return new ImportResult(problems, 0, 0, 0);
    }
    if (!replace) {
      List<String> held = register.existingRefs(valid.stream().map(Notification::ref).toList());
      if (!held.isEmpty()) {
        Set<String> heldSet = new HashSet<>(held);
        for (Row n : notifications.rows) {
          String ref = NotificationRules.trim(n.get("notification_ref"));
          if (heldSet.contains(ref)) {
            problems.add(
                new ImportProblem(
                    NOTIFICATIONS,
                    n.line,
                    "notification_ref",
                    ref,
                    "is already in the register: import with --replace to replace it"));
          }
        }
        return new ImportResult(problems, 0, 0, 0);
      }
    }
    progress.stage("Storing notifications", valid.size());
    List<String> replaced = register.importAll(valid, replace, progress, actor);
    int childCount = valid.stream().mapToInt(v -> v.children().size()).sum();
    return new ImportResult(List.of(), valid.size(), childCount, replace ? replaced.size() : 0);
  }

  private static String shown(Violation v) {
    return v.value() == null ? "" : v.value();
  }

  private static NotificationSubmission submission(Row n, List<Row> kids) {
    List<ChildSubmission> children = new ArrayList<>();
    for (Row c : kids) {
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
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.asList(value.split(";", -1));
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
          CSVPrinter np =
              new CSVPrinter(
                  nw,
                  WRITE.builder().setHeader(NOTIFICATION_COLUMNS.toArray(String[]::new)).get());
          CSVPrinter cp =
              new CSVPrinter(
                  cw, WRITE.builder().setHeader(childHeader.toArray(String[]::new)).get())) {
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
  private static void printNotification(CSVPrinter np, Notification n) throws IOException {
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
    try {
      // One snapshot: notifications arriving meanwhile neither shift the pages nor half-appear.
      return snapshot.execute(status -> write(out, query, viewer));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private long write(Writer out, NotificationQuery query, Viewer viewer) {
    NotificationPage page = register.search(query.withPage(1, NotificationQuery.MAX_SIZE), viewer);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("notifications", page.total());
    details.put("identifying", false);
    details.put("la_code", query.laCode());
    details.put("notification_type", query.notificationType());
    details.put("notified_from", query.notifiedFrom());
    details.put("notified_to", query.notifiedTo());
    audit.record(
        AuditEvent.of(
                viewer.actor(), AuditAction.EXPORTED, NotificationRegister.AUDIT_RECORD_TYPE, null)
            .withDetails(AuditJson.of(details)));
    long count = 0;
    try {
      CSVPrinter np =
          new CSVPrinter(
              out, WRITE.builder().setHeader(NOTIFICATION_COLUMNS.toArray(String[]::new)).get());
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

  /** A CSV row with the line it starts on. */
  private record Row(long line, Map<String, String> values) {
    String get(String column) {
      return values.get(column);
    }
  }

  private record Table(List<Row> rows) {}

  /** Reads one file; on any problem adds it and returns null. */
  private static Table read(
      Path dir,
      String file,
      List<String> known,
      List<String> required,
      List<ImportProblem> problems) {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      problems.add(
          new ImportProblem(
              file,
              0,
              "-",
              "",
              "is missing: an import needs notifications.csv and children.csv in " + dir));
      return null;
    }
    String text;
    try {
      text = decodeUtf8(file, Files.readAllBytes(path), problems);
    } catch (IOException e) {
      problems.add(new ImportProblem(file, 0, "-", "", "cannot be read: " + e.getMessage()));
      return null;
    }
    if (text == null) {
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      problems.add(
          new ImportProblem(
              file,
              1,
              "-",
              "",
              "the file is empty: it needs a header row naming its columns ("
                  + String.join(",", required)
                  + " at least)"));
      return null;
    }
    long[] lineStarts = lineStarts(text);
    int before = problems.size();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = READ.parse(new java.io.StringReader(text))) {
      var it = parser.iterator();
      List<String> header = null;
      while (it.hasNext()) {
        CSVRecord record = it.next();
        long line = lineOf(lineStarts, record.getCharacterPosition());
        if (header == null) {
          header = checkHeader(file, line, record, known, required, problems);
          if (header == null) {
            return null;
          }
          continue;
        }
        if (record.size() != header.size()) {
          problems.add(
              new ImportProblem(
                  file,
                  line,
                  "-",
                  "",
                  "has "
                      + record.size()
                      + " fields but the header has "
                      + header.size()
                      + ": check for a missing or extra comma"));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i));
        }
        rows.add(new Row(line, values));
      }
    } catch (IOException | UncheckedIOException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      long line = lineOfParserMessage(message);
      problems.add(
          new ImportProblem(
              file,
              line,
              "-",
              "",
              "is not valid CSV: a quoted field is not closed (every \" that opens a field needs a closing \") ["
                  + message
                  + "]"));
      return null;
    }
    if (problems.size() > before) {
      return null;
    }
    return new Table(rows);
  }

  private static List<String> checkHeader(
      String file,
      long line,
      CSVRecord record,
      List<String> known,
      List<String> required,
      List<ImportProblem> problems) {
    List<String> header = new ArrayList<>();
    boolean ok = true;
    for (String raw : record) {
      String name = raw.strip();
      if (!known.contains(name)) {
        problems.add(
            new ImportProblem(
                file,
                line,
                name,
                name,
                "is not a column of "
                    + file
                    + ": allowed columns are "
                    + String.join(", ", known)));
        ok = false;
      } else if (header.contains(name)) {
        problems.add(
            new ImportProblem(
                file, line, name, name, "is repeated in the header: give each column once"));
        ok = false;
      }
      header.add(name);
    }
    for (String r : required) {
      if (!header.contains(r)) {
        problems.add(
            new ImportProblem(
                file,
                line,
                r,
                "",
                "is missing from the header: "
                    + file
                    + " needs the columns "
                    + String.join(", ", required)));
        ok = false;
      }
    }
    return ok ? header : null;
  }

  /** Decodes strictly; a byte sequence that is not UTF-8 is a problem naming its line. */
  private static String decodeUtf8(String file, byte[] bytes, List<ImportProblem> problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidByte(bytes);
      long line = 1;
      for (int i = 0; i < bad && i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      String value = bad < bytes.length ? String.format("0x%02X", bytes[bad] & 0xff) : "";
      problems.add(
          new ImportProblem(
              file,
              line,
              "-",
              value,
              "the file is not UTF-8: save it as UTF-8 (CSV UTF-8 in a spreadsheet) and import again"));
      return null;
    }
  }

  private static int firstInvalidByte(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length;
  }

  private static long[] lineStarts(String text) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add((long) i + 1);
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  private static long lineOf(long[] lineStarts, long position) {
    int i = Arrays.binarySearch(lineStarts, position);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** commons-csv says "(line N)" in its parse errors. */
  private static long lineOfParserMessage(String message) {
    var m = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
    long line = 0;
    while (m.find()) {
      line = Long.parseLong(m.group(1));
    }
    return line;
  }
}
