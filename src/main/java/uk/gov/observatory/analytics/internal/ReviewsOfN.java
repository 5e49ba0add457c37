package uk.gov.observatory.analytics.internal;

import java.sql.ResultSetMetaData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What D1, D2, D3 and TH1 count of N and the rapid reviews received by as_at, in one pass: by the
 * kind of incident of D2, the notifications, those whose received review decided on an LCSPR or
 * not, the received reviews the Panel agreed or disagreed with (on a decision), proposing an
 * alternative methodology, coded with at least one practice theme, and with each theme.
 */
final class ReviewsOfN {

  static final String TOTAL = "total";
  static final String LCSPR = "lcspr";
  static final String NO_LCSPR = "no_lcspr";
  static final String AGREE = "agree";
  static final String DISAGREE = "disagree";
  static final String ALTERNATIVE = "alternative";
  static final String CODED = "coded";

  /** The tables that share the pass. */
  static final List<String> TABLES = List.of("D1", "D2", "D3", "TH1");

  private ReviewsOfN() {}

  /** The column of the count of received reviews with a theme. */
  static String theme(String theme) {
    return "theme_" + theme.toLowerCase();
  }

  /** A count (one of the constants, or {@link #theme}) by kind of incident. */
  static Map<String, Map<String, Long>> byKind(ReportQuery q) {
    return q.shared("reviews-of-n", () -> compute(q));
  }

  /** A count over every kind of incident. */
  static long total(ReportQuery q, String count) {
    return byKind(q).values().stream().mapToLong(m -> m.getOrDefault(count, 0L)).sum();
  }

  /** A count for one kind of incident (0 when N has none of that kind). */
  static long of(ReportQuery q, String kind, String count) {
    return byKind(q).getOrDefault(kind, Map.of()).getOrDefault(count, 0L);
  }

  private static Map<String, Map<String, Long>> compute(ReportQuery q) {
    StringBuilder sql =
        new StringBuilder(
            "select case when n.notification_type <> 'DEATH' then 'NON_FATAL'"
                + " when g.code_group in ('MALTREATMENT_FAMILY', 'EXTRA_FAMILIAL')"
                + " then 'DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL'"
                + " when g.code_group = 'RELATED' then 'DEATH_RELATED'"
                + " else 'DEATH_OTHER' end as kind,"
                + " count(*) as total,"
                + " count(*) filter (where r.decision = 'LCSPR') as lcspr,"
                + " count(*) filter (where r.decision = 'NO_LCSPR') as no_lcspr,"
                + " count(*) filter (where r.panel_view = 'AGREE' and r.decision in"
                + " ('LCSPR', 'NO_LCSPR')) as agree,"
                + " count(*) filter (where r.panel_view = 'DISAGREE' and r.decision in"
                + " ('LCSPR', 'NO_LCSPR')) as disagree,"
                + " count(*) filter (where r.alternative_methodology) as alternative,"
                + " count(*) filter (where cardinality(r.practice_themes) > 0) as coded");
    for (String theme : PracticeThemesTable.THEMES) {
      sql.append(", count(*) filter (where '")
          .append(theme)
          .append("' = any(r.practice_themes)) as ")
          .append(theme(theme));
    }
    sql.append(" from ")
        .append(q.n())
        .append(" n left join code_list_entry g on g.list = 'death_category'")
        .append(" and g.code = n.death_category left join ")
        .append(ReceivedReviews.RECEIVED)
        .append(" r on r.notification_ref = n.notification_ref group by 1");
    Map<String, Map<String, Long>> byKind = new HashMap<>();
    q.jdbc()
        .query(
            sql.toString(),
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  ResultSetMetaData meta = rs.getMetaData();
                  Map<String, Long> counts = new HashMap<>();
                  for (int i = 2; i <= meta.getColumnCount(); i++) {
                    counts.put(meta.getColumnLabel(i), rs.getLong(i));
                  }
                  byKind.put(rs.getString(1), counts);
                });
    return byKind;
  }
}
