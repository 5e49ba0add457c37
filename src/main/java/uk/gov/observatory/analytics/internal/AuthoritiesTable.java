package uk.gov.observatory.analytics.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * LA1, the local authorities in operation on {@code to} (in the area asked for) by how many
 * notifications of N each made. A notification of an authority not in operation on {@code to}
 * counts for the one authority in operation then with the same old_la_code, or for none.
 */
@Component
class AuthoritiesTable implements ReportTable {

  static final List<String> BANDS = List.of("NONE", "ONE_TO_TWO", "THREE_TO_SIX", "SEVEN_PLUS");

  /** Authorities in operation on :to (termination_date is the last day in operation). */
  static final String LIVE =
      "(select code, old_la_code, region_code from local_authority"
          + " where operation_date <= :to and (termination_date is null or termination_date >= :to))";

  @Override
  public String id() {
    return "LA1";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    String area = "true";
    if (q.request().regionCode() != null) {
      area = "live.region_code = :region";
    } else if (q.request().laCode() != null) {
      area =
          "(live.code = :la or live.old_la_code = (select a.old_la_code from local_authority a"
              + " where a.code = :la and a.old_la_code <> 'x'))";
    }
    // Only the authorities the reader reaches: a notifier's table lists its own authorities, not
    // every other one with "none".
    area = area + " and " + q.inScope("live.code");
    String sql =
        "with live as "
            + LIVE
            // N counted by authority first, then each authority's count given to the one in
            // operation on :to
            + ", target as (select case when exists (select 1 from live l"
            + " where l.code = p.la_code) then p.la_code else (select min(l.code) from live l"
            + " join local_authority a on a.old_la_code = l.old_la_code"
            + " where a.code = p.la_code and a.old_la_code <> 'x' having count(*) = 1) end as code,"
            + " p.notifications from unnest(cast(:la_codes as text[]),"
            + " cast(:la_notifications as bigint[])) p(la_code, notifications)),"
            + " per_la as (select live.code,"
            + " coalesce(sum(t.notifications), 0) as notifications from live"
            + " left join target t on t.code = live.code where "
            + area
            + " group by live.code)"
            + " select case when notifications = 0 then 'NONE' when notifications <= 2 then"
            + " 'ONE_TO_TWO' when notifications <= 6 then 'THREE_TO_SIX' else 'SEVEN_PLUS' end,"
            + " count(*) from per_la group by 1";
    // N by authority, from the pass over N
    Map<String, Long> byAuthority = CaseCounts.of(q).byAuthority();
    MapSqlParameterSource params = new MapSqlParameterSource(q.params().getValues());
    // as array literals (GSS codes are letters and digits), which Spring passes as they are
    params.addValue("la_codes", "{" + String.join(",", byAuthority.keySet()) + "}");
    params.addValue(
        "la_notifications",
        "{"
            + byAuthority.values().stream().map(String::valueOf).collect(Collectors.joining(","))
            + "}");
    Map<String, Long> byBand = new HashMap<>();
    q.jdbc()
        .query(sql, params, (RowCallbackHandler) rs -> byBand.put(rs.getString(1), rs.getLong(2)));
    long total = byBand.values().stream().mapToLong(Long::longValue).sum();
    List<Cell> cells = new java.util.ArrayList<>();
    for (String band : BANDS) {
      long c = byBand.getOrDefault(band, 0L);
      cells.add(ReportQuery.count(id(), band, "LA_COUNT", c));
      cells.add(ReportQuery.percent(id(), band, "PERCENT", c, total));
    }
    cells.add(ReportQuery.count(id(), "TOTAL", "LA_COUNT", total));
    cells.add(ReportQuery.percent(id(), "TOTAL", "PERCENT", total, total));
    return cells;
  }
}
