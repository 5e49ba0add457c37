package uk.gov.observatory.learning.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uk.gov.observatory.learning.Population;

/**
 * A population as SQL over the published views: notifications (with their first child, their
 * authority's region and their rapid review when there is one), filtered as the population says.
 * Rows come ordered by notification reference.
 *
 * <p>Filters: each date range on its date (a notification with no rapid review, or one not yet
 * received, is outside any received range); each set is "one of these"; case characteristics and
 * practice themes are "at least one of these"; the COVID-19 factor {@code ANY} is "at least one
 * factor", a code is "this factor"; the age band is the first child's (child_seq 1).
 */
public final class PopulationSql {

  /** The age band of the first child, as the report's child source has it. */
  static final String AGE_BAND =
      "case when c.age_years < 1 then 'UNDER_1' when c.age_years <= 4 then 'AGE_1_4'"
          + " when c.age_years <= 9 then 'AGE_5_9' when c.age_years <= 14 then 'AGE_10_14'"
          + " when c.age_years is not null then 'AGE_15_17' end";

  static final String SELECT =
      "select n.id, n.notification_ref, n.la_code, la.region_code, n.incident_date,"
          + " n.notification_type, n.death_category, n.harm_category, c.age_years, "
          + AGE_BAND
          + " as age_band from published_notification n"
          + " join local_authority la on la.code = n.la_code"
          + " left join published_child c on c.notification_id = n.id and c.child_seq = 1"
          + " left join published_rapid_review r on r.notification_ref = n.notification_ref";

  private final String sql;
  private final List<Object> args;

  private PopulationSql(String sql, List<Object> args) {
    this.sql = sql;
    this.args = args;
  }

  public String sql() {
    return sql;
  }

  public Object[] args() {
    return args.toArray();
  }

  /** The population's notifications, ordered by reference. */
  public static PopulationSql of(Population p) {
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    range(where, args, "n.incident_date", p.incidentFrom(), p.incidentTo());
    range(where, args, "n.notified_date", p.notifiedFrom(), p.notifiedTo());
    range(where, args, "r.received_date", p.receivedFrom(), p.receivedTo());
    oneOf(where, args, "n.notification_type", p.types());
    oneOf(where, args, "n.death_category", p.deathCategories());
    oneOf(where, args, "n.harm_category", p.harmCategories());
    oneOf(where, args, "(" + AGE_BAND + ")", p.ageBands());
    oneOf(where, args, "la.region_code", p.regions());
    oneOf(where, args, "n.la_code", p.laCodes());
    if (!p.caseCharacteristics().isEmpty()) {
      where.add("n.case_characteristics && ?::text[]");
      args.add(array(p.caseCharacteristics()));
    }
    if (p.covidFactor() != null) {
      if (Population.ANY_COVID_FACTOR.equals(p.covidFactor())) {
        where.add("cardinality(n.covid_factors) > 0");
      } else {
        where.add("? = any (n.covid_factors)");
        args.add(p.covidFactor());
      }
    }
    if (!p.practiceThemes().isEmpty()) {
      where.add("r.practice_themes && ?::text[]");
      args.add(array(p.practiceThemes()));
    }
    oneOf(where, args, "r.decision", p.lcsprDecisions());
    String sql =
        SELECT
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by n.notification_ref";
    return new PopulationSql(sql, args);
  }

  /** How many notifications the population holds. */
  public String countSql() {
    return "select count(*) from (" + sql + ") p";
  }

  private static void range(
      List<String> where, List<Object> args, String column, LocalDate from, LocalDate to) {
    if (from != null) {
      where.add(column + " >= ?");
      args.add(Date.valueOf(from));
    }
    if (to != null) {
      where.add(column + " <= ?");
      args.add(Date.valueOf(to));
    }
  }

  private static void oneOf(List<String> where, List<Object> args, String column, Set<String> in) {
    if (!in.isEmpty()) {
      where.add(column + " = any (?::text[])");
      args.add(array(in));
    }
  }

  /** A PostgreSQL text array literal, each element quoted. */
  static String array(Set<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (String v : new TreeSet<>(values)) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }
}
