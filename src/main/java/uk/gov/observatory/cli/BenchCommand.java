package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.analytics.Report;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;

/**
 * The report benchmark (bench/report.sh): imports the four standard files into a fresh, throw-away
 * embedded database, then in this one JVM times the whole report (warm, median of several runs) and
 * each table through the engine side by side with one hand-written SQL query for that table,
 * checking that both give the same cells. Then copies the register in SQL up to a larger size and
 * times it again.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks the report (run it through bench/report.sh).",
      "It imports DIR (the four standard CSV files) into a fresh throw-away embedded database, times the whole report and each table against a hand-written SQL query, then copies the register in SQL up to --scale-to notifications and times it again. Not for a register's own data folder."
    })
class BenchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "Folder holding the four standard CSV files.")
  Path dir;

  @Option(
      names = "--queries",
      defaultValue = "bench/reference-queries.sql",
      description = "The hand-written reference queries, one a table (default ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--scale-to",
      defaultValue = "1000000",
      description = "Then copy the register up to this many notifications (0: do not).")
  long scaleTo;

  @Option(names = "--runs", defaultValue = "9", description = "Timed runs (the median is shown).")
  int runs;

  @Option(names = "--warmup", defaultValue = "5", description = "Untimed runs first.")
  int warmup;

  @Option(
      names = "--large-runs",
      defaultValue = "3",
      description = "Timed runs after copying (the median is shown).")
  int largeRuns;

  @Option(names = "--large-warmup", defaultValue = "1", description = "Untimed runs after copying.")
  int largeWarmup;

  @Option(names = "--year", defaultValue = "2020", description = "The one year reported on.")
  int year;

  @Option(names = "--as-at", defaultValue = "2025-03-31", description = "The reports' as-at date.")
  String asAt;

  @Option(
      names = "--hold",
      defaultValue = "0",
      description = "Keep the database up this many seconds after copying (to EXPLAIN queries).")
  int holdSeconds;

  @Spec CommandSpec spec;

  private PrintWriter out;
  private boolean mismatch;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    Map<String, String> reference = referenceQueries(Files.readString(queries));
    // A throw-away database and data folder (the generated key for identifying details).
    Path scratch = Files.createTempDirectory("observatory-bench-");
    try {
      return run(reference, scratch);
    } finally {
      try (var paths = Files.walk(scratch)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private int run(Map<String, String> reference, Path scratch) {
    List<String> args =
        List.of(
            "--observatory.data-dir=" + scratch,
            "--observatory.database.ephemeral=true",
            "--logging.level.root=WARN",
            "--logging.level.uk.gov.observatory.protection.internal.IdentifyingKeys=ERROR",
            "--logging.level.org.flywaydb=WARN",
            "--spring.main.log-startup-info=false",
            "--observatory.reminders.enabled=false");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(ObservatoryApplication.class)
            .web(WebApplicationType.NONE)
            .run(args.toArray(String[]::new))) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      // The bulk work (vacuum, the copy with the triggers off) as the owner of the tables: the
      // application's own role may not do it.
      JdbcTemplate owner = app.getBean(DatabaseOwner.class).jdbc();
      Reports reports = app.getBean(Reports.class);
      long start = System.nanoTime();
      StandardCsv.Imported imported =
          app.getBean(StandardCsv.class).importFrom(dir, false, ImportProgress.NONE, Actors.cli());
      if (!imported.stored()) {
        imported.problems().forEach(p -> spec.commandLine().getErr().println(p));
        return 1;
      }
      out.printf(
          "Imported %d notifications, %d children, %d rapid reviews, %d LCSPRs in %.1f s%n",
          imported.notifications(),
          imported.children(),
          imported.rapidReviews(),
          imported.lcsprs(),
          seconds(System.nanoTime() - start));
      owner.execute("vacuum analyze");
      LocalDate asAtDate = LocalDate.parse(asAt);
      ReportRequest oneYear =
          new ReportRequest(
              LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), asAtDate, null, null);
      TransactionTemplate tx =
          new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      tx.setReadOnly(true);
      tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
      measure(jdbc, tx, reports, reference, oneYear, "one year", warmup, runs);
      long total = count(jdbc, "select count(*) from notification");
      if (scaleTo > total) {
        start = System.nanoTime();
        long copies = Math.max(1, Math.round((double) scaleTo / total)) - 1;
        copy(owner, copies);
        owner.execute("vacuum analyze");
        out.printf(
            "%nCopied the register %d times in SQL: %d notifications, %d children, %d rapid"
                + " reviews, %d LCSPRs, in %.1f s%n",
            copies,
            count(jdbc, "select count(*) from notification"),
            count(jdbc, "select count(*) from child"),
            count(jdbc, "select count(*) from rapid_review"),
            count(jdbc, "select count(*) from lcspr"),
            seconds(System.nanoTime() - start));
        if (holdSeconds > 0) {
          out.printf(
              "Holding the database at %s for %d s%n",
              jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL()), holdSeconds);
          out.flush();
          try {
            Thread.sleep(holdSeconds * 1000L);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        measure(jdbc, tx, reports, reference, oneYear, "one year", largeWarmup, largeRuns);
        ReportRequest all =
            new ReportRequest(
                jdbc.queryForObject("select min(incident_date) from notification", LocalDate.class),
                jdbc.queryForObject("select max(incident_date) from notification", LocalDate.class),
                asAtDate,
                null,
                null);
        measure(jdbc, tx, reports, reference, all, "every year", largeWarmup, largeRuns);
      }
    }
    if (mismatch) {
      out.println("\n*** MISMATCH: a hand-written query and the engine disagree (see above) ***");
      return 1;
    }
    return 0;
  }

  /** Times the whole report and each table against its reference query, and compares them. */
  private void measure(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      Reports reports,
      Map<String, String> reference,
      ReportRequest request,
      String label,
      int warmup,
      int runs) {
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("from", Date.valueOf(request.from()))
            .addValue("to", Date.valueOf(request.to()))
            .addValue("as_at", Date.valueOf(request.asAt()));
    long inPeriod =
        named.queryForObject(
            "select count(*) from notification where incident_date between :from and :to",
            params,
            Long.class);
    out.printf(
        "%n## %s: incidents %s to %s (%d notifications of %d), as at %s%n",
        label,
        request.from(),
        request.to(),
        inPeriod,
        count(jdbc, "select count(*) from notification"),
        request.asAt());
    Viewer viewer = Viewer.system("bench");
    List<String> ids = reports.available();
    // Each table's time through the engine alone (a report of that table only, so it computes
    // whatever passes it shares with other tables), in the whole report (where the first table of
    // a shared pass pays for it), and its hand-written query's, side by side in every run.
    Map<String, List<Long>> alone = new LinkedHashMap<>();
    Map<String, List<Long>> inReport = new LinkedHashMap<>();
    Map<String, List<Long>> handWritten = new LinkedHashMap<>();
    ids.forEach(
        id -> {
          alone.put(id, new ArrayList<>());
          inReport.put(id, new ArrayList<>());
          handWritten.put(id, new ArrayList<>());
        });
    List<Long> whole = new ArrayList<>();
    Report last = null;
    Map<String, List<String[]>> lastReference = new HashMap<>();
    for (int run = 0; run < warmup + runs; run++) {
      boolean timed = run >= warmup;
      long start = System.nanoTime();
      last =
          reports.report(
              request,
              ids,
              viewer,
              (id, nanos) -> {
                if (timed) {
                  inReport.get(id).add(nanos);
                }
              });
      long took = System.nanoTime() - start;
      if (timed) {
        whole.add(took);
      }
      for (String id : ids) {
        long[] one = {0};
        reports.report(request, List.of(id), viewer, (table, nanos) -> one[0] = nanos);
        if (timed) {
          alone.get(id).add(one[0]);
        }
        String sql = reference.get(id);
        if (sql == null) {
          continue;
        }
        // As the engine runs its queries: in a read-only snapshot with the same settings.
        long s = System.nanoTime();
        List<String[]> rows =
            tx.execute(
                status -> {
                  Reports.TRANSACTION_SETTINGS.forEach(jdbc::execute);
                  return named.query(
                      sql,
                      params,
                      (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                });
        long t = System.nanoTime() - s;
        if (timed) {
          handWritten.get(id).add(t);
        }
        lastReference.put(id, rows);
      }
    }
    out.printf(
        "whole report, %d tables: median %.1f ms (min %.1f, max %.1f) over %d warm runs%n%n",
        ids.size(),
        millis(median(whole)),
        millis(whole.stream().mapToLong(Long::longValue).min().orElse(0)),
        millis(whole.stream().mapToLong(Long::longValue).max().orElse(0)),
        whole.size());
    out.println(
        "| table | engine, table alone ms | engine, in whole report ms | hand-written SQL ms"
            + " | ratio (alone / hand-written) | same cells |");
    out.println("|---|---:|---:|---:|---:|---|");
    double aloneSum = 0;
    double inReportSum = 0;
    double referenceSum = 0;
    for (String id : ids) {
      double a = millis(median(alone.get(id)));
      double w = millis(median(inReport.get(id)));
      aloneSum += a;
      inReportSum += w;
      if (!reference.containsKey(id)) {
        out.printf("| %s | %.2f | %.2f | (none) | | |%n", id, a, w);
        continue;
      }
      double r = millis(median(handWritten.get(id)));
      referenceSum += r;
      String same = compare(id, last.tables().get(id), lastReference.get(id));
      out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %s |%n", id, a, w, r, a / r, same);
    }
    out.printf(
        "| sum | %.1f | %.1f | %.1f | %.2f | |%n",
        aloneSum, inReportSum, referenceSum, aloneSum / referenceSum);
    out.flush();
  }

  /** "yes", or "NO" after printing the cells that differ. */
  private String compare(String id, List<Cell> cells, List<String[]> rows) {
    Map<String, String> engine = new LinkedHashMap<>();
    cells.forEach(c -> engine.put(c.rowCode() + "/" + c.columnCode(), c.value()));
    Map<String, String> hand = new LinkedHashMap<>();
    rows.forEach(r -> hand.put(r[0] + "/" + r[1], r[2] == null ? "" : r[2]));
    if (engine.equals(hand) && cells.size() == rows.size()) {
      return "yes";
    }
    mismatch = true;
    List<String> diffs = new ArrayList<>();
    for (String k : engine.keySet()) {
      if (!engine.get(k).equals(hand.get(k))) {
        diffs.add(k + " engine=" + engine.get(k) + " hand-written=" + hand.get(k));
      }
    }
    for (String k : hand.keySet()) {
      if (!engine.containsKey(k)) {
        diffs.add(k + " engine=(none) hand-written=" + hand.get(k));
      }
    }
    out.printf(
        "*** MISMATCH in %s (%d cells vs %d rows): %s%n",
        id, cells.size(), rows.size(), diffs.subList(0, Math.min(diffs.size(), 8)));
    return "**NO**";
  }

  /**
   * Copies every notification with its children, rapid review and LCSPRs {@code copies} times, each
   * copy's references suffixed with {@code ~k}: the same shapes, dates and codes, k times over. Not
   * audited: the database is the benchmark's own.
   */
  private void copy(JdbcTemplate jdbc, long copies) {
    // In bulk: the triggers that keep the report's read model in step (a row at a time) are off
    // while copying, and the read model is rebuilt in one statement after.
    List<String> tables = List.of("notification", "child", "rapid_review");
    tables.forEach(t -> jdbc.execute("alter table " + t + " disable trigger user"));
    try {
      copyRegister(jdbc, copies);
    } finally {
      tables.forEach(t -> jdbc.execute("alter table " + t + " enable trigger user"));
    }
    long start = System.nanoTime();
    jdbc.execute("select report_read_model_rebuild()");
    out.printf(
        "Rebuilt the report's read model (report_case, report_child) in %.1f s%n",
        seconds(System.nanoTime() - start));
  }

  private void copyRegister(JdbcTemplate jdbc, long copies) {
    long maxNotification = count(jdbc, "select coalesce(max(id), 0) from notification");
    long maxLcspr = count(jdbc, "select coalesce(max(id), 0) from lcspr");
    String g = " cross join generate_series(1, " + copies + ") g(k)";
    jdbc.update(
        insertCopy(jdbc, "notification", "n", Map.of("notification_ref", "n.notification_ref"))
            + g
            + " where n.id <= "
            + maxNotification);
    jdbc.update(
        insertCopy(jdbc, "child", "c", Map.of("notification_id", "nn.id"))
            + " join notification b on b.id = c.notification_id"
            + g
            + " join notification nn on nn.notification_ref = b.notification_ref || '~' || g.k");
    jdbc.update(
        insertCopy(jdbc, "rapid_review", "r", Map.of("notification_ref", "r.notification_ref"))
            + g);
    jdbc.update(
        insertCopy(jdbc, "lcspr", "l", Map.of("lcspr_ref", "l.lcspr_ref"))
            + g
            + " where l.id <= "
            + maxLcspr);
    jdbc.update(
        "insert into lcspr_notification (lcspr_id, notification_ref)"
            + " select nl.id, ln.notification_ref || '~' || g.k from lcspr_notification ln"
            + " join lcspr l on l.id = ln.lcspr_id"
            + g
            + " join lcspr nl on nl.lcspr_ref = l.lcspr_ref || '~' || g.k where l.id <= "
            + maxLcspr);
  }

  /**
   * {@code insert into table (columns) select ... from table alias}: every column but generated
   * ones, a reference column suffixed with the copy's number and a replaced column as given.
   */
  private static String insertCopy(
      JdbcTemplate jdbc, String table, String alias, Map<String, String> changed) {
    List<String> columns =
        jdbc.queryForList(
            "select column_name from information_schema.columns where table_schema = 'public'"
                + " and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER'"
                + " order by ordinal_position",
            String.class,
            table);
    List<String> values = new ArrayList<>();
    for (String c : columns) {
      String v = changed.get(c);
      if (v == null) {
        values.add(alias + "." + c);
      } else if (v.startsWith(alias + ".")) {
        values.add(v + " || '~' || g.k");
      } else {
        values.add(v);
      }
    }
    return "insert into "
        + table
        + " ("
        + String.join(", ", columns)
        + ") select "
        + String.join(", ", values)
        + " from "
        + table
        + " "
        + alias;
  }

  /** The reference queries by table id: each follows a line {@code -- table: ID}. */
  static Map<String, String> referenceQueries(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^-- table: (\\S+)\\s*$").matcher(text);
    List<int[]> starts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
      starts.add(new int[] {m.start(), m.end()});
    }
    for (int i = 0; i < ids.size(); i++) {
      int end = i + 1 < ids.size() ? starts.get(i + 1)[0] : text.length();
      String sql = text.substring(starts.get(i)[1], end).strip();
      if (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1);
      }
      out.put(ids.get(i), sql);
    }
    return out;
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static long median(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
