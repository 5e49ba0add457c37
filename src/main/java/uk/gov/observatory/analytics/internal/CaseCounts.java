package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The counts over N that the tables of a report read, all from one pass over the read model's
 * {@code report_case} (migration V11): for each kind of incident (and each authority, when H or LA1
 * is asked for), the notifications and, for every count a table asked for, those meeting its
 * condition. Only the counts of the tables in the report are made, so a table alone costs only its
 * own counts.
 */
final class CaseCounts {

  /** The counts each table reads (a name, unique across tables, and its SQL condition over n). */
  private static final Map<String, Function<Codes, Map<String, String>>> BY_TABLE =
      new LinkedHashMap<>();

  static {
    BY_TABLE.put("H", HeadlineTable::counts);
    BY_TABLE.put("T2", DeathCategoryTable::counts);
    BY_TABLE.put("T3", HarmCategoryTable::counts);
    BY_TABLE.put("T4", CharacteristicsTable::counts);
    BY_TABLE.put("T4A", DomesticAbusePatternTable::counts);
    BY_TABLE.put("T5", ServicesTable::counts);
    BY_TABLE.put("D1", DecisionsTable::counts);
    BY_TABLE.put("D2", LcsprRateTable::counts);
    BY_TABLE.put("D3", PanelViewTable::counts);
    BY_TABLE.put("IMD1", DeprivationTable::counts);
    BY_TABLE.put("CV1", CovidFactorsTable::counts);
    BY_TABLE.put("TH1", PracticeThemesTable::counts);
  }

  /** The tables that need N by authority. */
  private static final Set<String> BY_AUTHORITY = Set.of("H", "LA1");

  /** A rapid review received by the as-at date. */
  static final String RECEIVED = "n.received_date <= :as_at";

  private final Map<String, Integer> column = new LinkedHashMap<>();
  private final List<Group> groups = new ArrayList<>();

  /** The notifications of one kind of incident (and one authority, or every one: null). */
  private record Group(String type, String laCode, long[] counts) {}

  private CaseCounts() {}

  /** The counts of this report, made by the first table that asks. */
  static CaseCounts of(ReportQuery q) {
    return q.shared("case-counts", () -> compute(q));
  }

  private static CaseCounts compute(ReportQuery q) {
    CaseCounts out = new CaseCounts();
    Map<String, String> conditions = new LinkedHashMap<>();
    BY_TABLE.forEach(
        (table, counts) -> {
          if (q.asks(table)) {
            conditions.putAll(counts.apply(q.codes()));
          }
        });
    boolean byAuthority = BY_AUTHORITY.stream().anyMatch(q::asks);
    StringBuilder sql = new StringBuilder("select n.notification_type, ");
    sql.append(byAuthority ? "n.la_code" : "null").append(", count(*)");
    int i = 1;
    for (Map.Entry<String, String> c : conditions.entrySet()) {
      out.column.put(c.getKey(), i++);
      sql.append(", count(*) filter (where ").append(c.getValue()).append(")");
    }
    sql.append(" from ").append(q.cases()).append(" n group by 1, 2");
    int width = i;
    q.jdbc()
        .query(
            sql.toString(),
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  long[] counts = new long[width];
                  for (int k = 0; k < width; k++) {
                    counts[k] = rs.getLong(k + 3);
                  }
                  out.groups.add(
                      new Group(
                          q.codes().code("notification_type", rs.getInt(1)),
                          rs.getString(2),
                          counts));
                });
    return out;
  }

  /** Every notification of N. */
  long notifications() {
    return groups.stream().mapToLong(g -> g.counts()[0]).sum();
  }

  /** The notifications of N of one kind of incident. */
  long notifications(String type) {
    return groups.stream().filter(g -> g.type().equals(type)).mapToLong(g -> g.counts()[0]).sum();
  }

  /** The notifications of N meeting a table's condition. */
  long count(String name) {
    int k = index(name);
    return groups.stream().mapToLong(g -> g.counts()[k]).sum();
  }

  /** The notifications of N of one kind of incident meeting a table's condition. */
  long count(String name, String type) {
    int k = index(name);
    return groups.stream().filter(g -> g.type().equals(type)).mapToLong(g -> g.counts()[k]).sum();
  }

  /** The notifications of N by authority (only those with one or more), when H or LA1 asked. */
  Map<String, Long> byAuthority() {
    Map<String, Long> out = new TreeMap<>();
    for (Group g : groups) {
      if (g.laCode() == null) {
        throw new IllegalStateException("N was not counted by authority");
      }
      out.merge(g.laCode(), g.counts()[0], Long::sum);
    }
    return out;
  }

  private int index(String name) {
    Integer k = column.get(name);
    if (k == null) {
      throw new IllegalStateException("no count " + name + " was made in this report's pass");
    }
    return k;
  }
}
