package uk.gov.observatory.analytics.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts by a key (or two), read from SQL whose columns are the key(s) then a count. */
final class Tallies {

  private Tallies() {}

  /** {@code select key, count ...}: the count of each key (a null key is read as ""). */
  static Map<String, Long> byKey(ReportQuery q, String sql) {
    Map<String, Long> out = new HashMap<>();
    q.jdbc()
        .query(
            sql,
            q.params(),
            rs -> {
              String key = rs.getString(1);
              out.merge(key == null ? "" : key, rs.getLong(2), Long::sum);
            });
    return out;
  }

  /** {@code select key1, key2, count ...}: the count of each pair, keyed "key1|key2". */
  static Map<String, Long> byTwoKeys(ReportQuery q, String sql) {
    Map<String, Long> out = new HashMap<>();
    q.jdbc()
        .query(
            sql,
            q.params(),
            rs -> {
              String a = rs.getString(1);
              String b = rs.getString(2);
              out.merge(
                  (a == null ? "" : a) + "|" + (b == null ? "" : b), rs.getLong(3), Long::sum);
            });
    return out;
  }

  static long get(Map<String, Long> counts, String key) {
    return counts.getOrDefault(key, 0L);
  }

  static long sum(Map<String, Long> counts, List<String> keys) {
    return keys.stream().mapToLong(k -> get(counts, k)).sum();
  }
}
