package uk.gov.observatory.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.NotificationScope;

/**
 * What a table needs to compute itself: the request, the database, the calendar, and the SQL of the
 * report's populations within the reader's reach and the area asked for.
 *
 * <p>{@link #cases()} is a subquery of N (incident date in the period, in the area, within reach)
 * in the report's read model ({@code report_case}), {@link #children()} of C ({@code
 * report_child}), and {@link #casesInArea()} of the read model without the period (for R). {@link
 * #n()} and {@link #area()} are the same over the register's notifications (the notification
 * module's view {@code published_notification}, migration V12) (for LCSPRs, and for counting by
 * calendar what the table {@code working_day} cannot). All use the parameters in {@link #params()}:
 * {@code from}, {@code to}, {@code as_at}, {@code region}, {@code la} and the scope's.
 */
public final class ReportQuery {

  private final ReportRequest request;
  private final NamedParameterJdbcTemplate jdbc;
  private final WorkingDayCalendar calendar;
  private final MapSqlParameterSource params = new MapSqlParameterSource();
  private final String areaWhere;
  private final Viewer viewer;
  private final Map<String, Object> shared = new HashMap<>();
  private final Set<String> tables;
  private final Codes codes;

  /**
   * @param tables the ids of the report's tables (null: any), so that a pass shared by several
   *     tables makes only what the tables asked for need
   */
  public ReportQuery(
      ReportRequest request,
      Viewer viewer,
      NamedParameterJdbcTemplate jdbc,
      WorkingDayCalendar calendar,
      Codes codes,
      Collection<String> tables) {
    this.tables = tables == null ? null : Set.copyOf(tables);
    this.codes = codes;
    this.request = request;
    this.viewer = viewer;
    this.jdbc = jdbc;
    this.calendar = calendar;
    params.addValue("from", Date.valueOf(request.from()));
    params.addValue("to", Date.valueOf(request.to()));
    params.addValue("as_at", Date.valueOf(request.asAt()));
    List<String> clauses = new ArrayList<>(NotificationScope.clauses(viewer, params));
    if (request.laCode() != null) {
      clauses.add("n.la_code = :la");
      params.addValue("la", request.laCode());
    }
    if (request.regionCode() != null) {
      clauses.add("n.la_code in (select code from local_authority where region_code = :region)");
      params.addValue("region", request.regionCode());
    }
    this.areaWhere = clauses.isEmpty() ? "true" : String.join(" and ", clauses);
  }

  public ReportRequest request() {
    return request;
  }

  public NamedParameterJdbcTemplate jdbc() {
    return jdbc;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /** The numbers the read model holds for codes. */
  public Codes codes() {
    return codes;
  }

  public MapSqlParameterSource params() {
    return params;
  }

  /**
   * What several tables of this report read from one pass over the data (this object lives for one
   * report, read from one snapshot): computed by the first table that asks, kept for the others.
   */
  @SuppressWarnings("unchecked")
  <T> T shared(String key, Supplier<T> compute) {
    if (!shared.containsKey(key)) {
      shared.put(key, compute.get());
    }
    return (T) shared.get(key);
  }

  /** Whether the report asks for this table. */
  boolean asks(String id) {
    return tables == null || tables.contains(id);
  }

  /** Whether the report is of every notification: no area asked for, and a reader who sees all. */
  public boolean unrestricted() {
    return areaWhere.equals("true");
  }

  /**
   * Notifications of any incident date in the area and within reach, as a subquery (alias n), from
   * the notification module's published view.
   */
  public String area() {
    return "(select * from published_notification n where " + areaWhere + ")";
  }

  /**
   * N in the report's read model (migration V11): the rows of {@code report_case} with an incident
   * date in the period, in the area and within reach, as a subquery (alias n).
   */
  public String cases() {
    return "(select * from report_case n where " + PERIOD + areaWhere + ")";
  }

  /** The read model's {@code report_case} of any incident date in the area and within reach. */
  public String casesInArea() {
    return "(select * from report_case n where " + areaWhere + ")";
  }

  /** C in the read model: the rows of {@code report_child} of N, as a subquery (alias n). */
  public String children() {
    return "(select * from report_child n where " + PERIOD + areaWhere + ")";
  }

  /**
   * N: notifications with an incident date in the period, in the area and within reach, from the
   * notification module's published view.
   */
  public String n() {
    return "(select * from published_notification n where " + PERIOD + areaWhere + ")";
  }

  /** (Each table's name is written out in its SQL, so that SqlBoundaryTest can see it.) */
  private static final String PERIOD = "n.incident_date between :from and :to and ";

  /**
   * A condition that a column holding a local authority's (or a default partnership's) code is in
   * the area asked for and within the reader's scope; for records that are not notifications.
   */
  public String inArea(String column) {
    List<String> clauses = new ArrayList<>();
    if (!viewer.everything()) {
      if (viewer.laCodes().isEmpty()) {
        return "false";
      }
      clauses.add(column + " in (:scope)");
      params.addValue("scope", viewer.laCodes());
    }
    if (request.laCode() != null) {
      clauses.add(column + " = :la");
    }
    if (request.regionCode() != null) {
      clauses.add(column + " in (select code from local_authority where region_code = :region)");
    }
    return clauses.isEmpty() ? "true" : "(" + String.join(" and ", clauses) + ")";
  }

  /** A condition that a column holding a local authority's code is within the reader's scope. */
  public String inScope(String column) {
    if (viewer.everything()) {
      return "true";
    }
    if (viewer.laCodes().isEmpty()) {
      return "false";
    }
    params.addValue("scope", viewer.laCodes());
    return column + " in (:scope)";
  }

  /** A count cell. */
  public static Cell count(String table, String row, String column, long value) {
    return new Cell(table, row, column, Long.toString(value));
  }

  /**
   * A percentage cell: 100 * count / denominator, rounded half-up to one decimal place; blank when
   * the denominator is 0.
   */
  public static Cell percent(String table, String row, String column, long count, long of) {
    return new Cell(table, row, column, percent(count, of));
  }

  public static String percent(long count, long of) {
    if (of == 0) {
      return "";
    }
    return BigDecimal.valueOf(count)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** A blank cell (the specification says blank). */
  public static Cell blank(String table, String row, String column) {
    return new Cell(table, row, column, "");
  }
}
