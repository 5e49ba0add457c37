package uk.gov.observatory.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Interest;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.internal.Codes;
import uk.gov.observatory.analytics.internal.ReportQuery;
import uk.gov.observatory.analytics.internal.ReportTable;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.database.ReadDatabase;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/**
 * The report of REPORT-SPEC.md for a request, over only what the reader may see: every table there
 * is, in the specification's order, each computed in SQL. Audited (REPORTED) with the request.
 *
 * <p>Read from the primary; {@link #mayLag()} gives the same reports read from the read replica
 * when one is configured (the analytics pages'), which share this one's cache: a physical standby
 * at a version holds exactly what the primary held at that version.
 */
@Service
public class Reports {

  /** The tables in the order of the specification. */
  public static final List<String> ORDER =
      List.of(
          "H", "T1", "T2", "T3", "T4", "T4A", "T5", "T6", "T7", "T8", "D1", "D2", "D3", "L1", "L2",
          "A1", "LA1", "IMD1", "CV1", "TH1", "Y1");

  /**
   * The settings of a report's transaction: room to hash the joins and groups of a large register
   * in memory (work_mem; the server's default, 4MB, sends them to disk in batches), and a plan made
   * for each query's own dates (plan_cache_mode; a plan cached for any dates guesses a few rows,
   * and reads a year of a large register through the index, on one core, in twice the time).
   */
  public static final List<String> TRANSACTION_SETTINGS =
      List.of("set local work_mem = '64MB'", "set local plan_cache_mode = force_custom_plan");

  private final Map<String, ReportTable> tables;
  private final NamedParameterJdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final TransactionTemplate snapshot;
  private final Codes codes;

  /**
   * Reports computed, by version, request and reach: bounded in number (a year's whole report is
   * some tens of kilobytes); entries of old versions are never asked for again and age out.
   */
  private final Cache<CacheKey, Report> cache;

  private final AtomicLong computed;

  /**
   * Whether this one brings the read model up to date before reading (V29): the primary's, not the
   * replica's, which follows the primary's catch-ups (every report there, and every few seconds).
   */
  private final boolean catchesUp;

  /** The same reports from the {@link ReadDatabase} (the replica when there is one). */
  private final Reports mayLag;

  @Autowired
  public Reports(
      List<ReportTable> tables,
      JdbcTemplate jdbc,
      WorkingDayCalendar calendar,
      ReferenceData reference,
      AuditLog audit,
      PlatformTransactionManager transactions,
      ReadDatabase readDatabase,
      @Value("${observatory.report-cache-size:500}") int cacheSize) {
    this.computed = new AtomicLong();
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.tables = tables.stream().collect(Collectors.toMap(ReportTable::id, Function.identity()));
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    this.calendar = calendar;
    this.reference = reference;
    this.codes = new Codes(reference);
    this.audit = audit;
    this.cache =
        Caffeine.newBuilder().maximumSize(cacheSize).expireAfterAccess(Duration.ofHours(1)).build();
    this.catchesUp = true;
    this.mayLag = readDatabase.replica() ? new Reports(this, readDatabase) : this;
  }

  /** This one's sibling reading {@code read}: the same tables, cache, counter and audit. */
  private Reports(Reports of, ReadDatabase read) {
    this.tables = of.tables;
    this.jdbc = read.namedJdbc();
    this.calendar = of.calendar;
    this.reference = of.reference;
    this.codes = of.codes;
    this.audit = of.audit;
    this.cache = of.cache;
    this.computed = of.computed;
    this.snapshot = read.snapshot();
    this.mayLag = this;
    this.catchesUp = false;
  }

  /**
   * The same reports, read from the read replica when one is configured ({@code
   * observatory.read-replica-url}), else from the primary (this): for pages whose figures may lag
   * the register by the replication delay (the analytics pages). Never for what is frozen or
   * published from the register (an edition, a briefing), nor for a page that must show its
   * reader's own change at once. The version that keys the cache is read in the same snapshot of
   * the same server as the tables, so a cached report is always of the data its key names. The
   * audit entry of each report still goes to the primary.
   */
  public Reports mayLag() {
    return mayLag;
  }

  /** The ids of the tables this version computes, in the specification's order. */
  public List<String> available() {
    return ORDER.stream().filter(tables::containsKey).toList();
  }

  /** Every table this version computes. */
  public Report report(ReportRequest request, Viewer viewer) {
    return report(request, available(), viewer);
  }

  /**
   * Some tables, by id, in the specification's order. Audited first (its own transaction), then
   * every table is read from one snapshot, so the tables agree with each other. Answered from the
   * cache when the same tables of the same request over the same reach were computed at the same
   * {@linkplain #version() version} of what the report reads; any committed change to that makes a
   * new version, so a cached answer is never out of date.
   */
  public Report report(ReportRequest request, List<String> ids, Viewer viewer) {
    List<String> chosen = audited(request, ids, viewer);
    catchUp();
    return snapshot.execute(
        status -> {
          // The first read fixes the snapshot: the version and the tables are of the same data.
          long version = readVersion();
          CacheKey key =
              new CacheKey(
                  version,
                  request,
                  chosen,
                  viewer.everything(),
                  viewer.laCodes(),
                  viewer.withdrawals());
          return cache.get(key, k -> compute(request, chosen, viewer, (id, nanos) -> {}));
        });
  }

  /** Told how long each table of a report took to compute (for the benchmark, bench/report.sh). */
  @FunctionalInterface
  public interface TableTimes {
    void took(String tableId, long nanos);
  }

  /**
   * As {@link #report(ReportRequest, List, Viewer)}, telling {@code times} each table's time:
   * always computed, never from the cache.
   */
  public Report report(ReportRequest request, List<String> ids, Viewer viewer, TableTimes times) {
    List<String> chosen = audited(request, ids, viewer);
    catchUp();
    return snapshot.execute(status -> compute(request, chosen, viewer, times));
  }

  /**
   * The version of what the report reads: it grows with every committed change to the read model
   * and to the review records the report counts (V26), as this transaction sees them.
   */
  public long version() {
    catchUp();
    return snapshot.execute(status -> readVersion());
  }

  /**
   * Brings the report's read model up to every committed change (V29): the notifications changed
   * since the last catch-up are made again, in a transaction of its own. Called before every report
   * and version, and every few seconds by {@code ReadModelCatchUpSchedule}; how many were made
   * again.
   */
  public int catchUp() {
    if (!catchesUp) {
      return 0; // a standby is read only: it follows the primary's catch-ups
    }
    Integer made =
        jdbc.getJdbcTemplate()
            .queryForObject("select report_read_model_catch_up_pending()", Integer.class);
    return made == null ? 0 : made;
  }

  /** How many reports have been computed (not answered from the cache) since this started. */
  public long computed() {
    return computed.get();
  }

  private long readVersion() {
    Long v =
        jdbc.getJdbcTemplate()
            .queryForObject("select coalesce(sum(changes), 0) from report_version", Long.class);
    return v == null ? 0 : v;
  }

  /** Checks the request and records who asked for which tables; the tables chosen, in order. */
  private List<String> audited(ReportRequest request, List<String> ids, Viewer viewer) {
    check(request);
    List<String> chosen = ORDER.stream().filter(ids::contains).filter(tables::containsKey).toList();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tables", chosen);
    details.put("from", request.from());
    details.put("to", request.to());
    details.put("as_at", request.asAt());
    details.put("region", request.regionCode());
    details.put("la_code", request.laCode());
    audit.record(
        AuditEvent.of(
                viewer.actor(),
                AuditAction.REPORTED,
                Analytics.AUDIT_RECORD_TYPE,
                String.join(",", chosen))
            .withDetails(AuditJson.of(details)));
    return chosen;
  }

  /** Computes the tables in the caller's (snapshot) transaction. */
  private Report compute(
      ReportRequest request, List<String> chosen, Viewer viewer, TableTimes times) {
    computed.incrementAndGet();
    TRANSACTION_SETTINGS.forEach(jdbc.getJdbcTemplate()::execute);
    ReportQuery q = new ReportQuery(request, viewer, jdbc, calendar, codes, chosen);
    Map<String, List<Cell>> out = new LinkedHashMap<>();
    for (String id : chosen) {
      long start = System.nanoTime();
      out.put(id, List.copyOf(tables.get(id).cells(q)));
      times.took(id, System.nanoTime() - start);
    }
    return new Report(request, Collections.unmodifiableMap(out));
  }

  /**
   * What a report depends on: the version of the data, the request, the tables, and the reader's
   * reach (scope and declared interests; nothing else of the reader changes a figure).
   */
  private record CacheKey(
      long version,
      ReportRequest request,
      List<String> tables,
      boolean everything,
      Set<String> laCodes,
      List<Interest> withdrawals) {}

  /** Every problem with a request, each naming what to change. */
  public void check(ReportRequest r) {
    List<InvalidReportException.Problem> problems = new ArrayList<>();
    if (r.from() == null) {
      problems.add(new InvalidReportException.Problem("from", "Enter the start of the period"));
    }
    if (r.to() == null) {
      problems.add(new InvalidReportException.Problem("to", "Enter the end of the period"));
    }
    problems.addAll(r.periodProblems());
    if (r.from() != null && r.to() != null && r.to().isBefore(r.from())) {
      problems.add(
          new InvalidReportException.Problem(
              "to",
              "The end of the period must be the same as or after its start (" + r.from() + ")"));
    }
    if (r.asAt() == null) {
      problems.add(new InvalidReportException.Problem("as_at", "Enter the as-at date"));
    } else if (r.from() != null && r.asAt().isBefore(r.from())) {
      problems.add(
          new InvalidReportException.Problem(
              "as_at", "The as-at date cannot be before the period starts (" + r.from() + ")"));
    }
    if (r.laCode() != null && r.regionCode() != null) {
      problems.add(
          new InvalidReportException.Problem("la", "Give a region or a local authority, not both"));
    }
    if (r.regionCode() != null
        && reference.regions().stream().noneMatch(g -> g.code().equals(r.regionCode()))) {
      problems.add(
          new InvalidReportException.Problem(
              "region",
              "Region " + r.regionCode() + " is not a region's code (E12000001 to E12000009)"));
    }
    if (r.laCode() != null) {
      Optional<LocalAuthority> la = reference.localAuthority(r.laCode());
      if (la.isEmpty()) {
        problems.add(
            new InvalidReportException.Problem(
                "la", "Local authority " + r.laCode() + " is not a local authority's GSS code"));
      } else if (r.from() != null
          && r.to() != null
          && !inOperationDuring(la.get(), r.from(), r.to())) {
        problems.add(
            new InvalidReportException.Problem(
                "la",
                la.get().name()
                    + " ("
                    + r.laCode()
                    + ") was not in operation between "
                    + r.from()
                    + " and "
                    + r.to()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidReportException(problems);
    }
  }

  private static boolean inOperationDuring(LocalAuthority la, LocalDate from, LocalDate to) {
    return !la.operationDate().isAfter(to)
        && (la.terminationDate() == null || !la.terminationDate().isBefore(from));
  }
}
