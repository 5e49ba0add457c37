package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What H, T1 and A1 count of C (the children of N), in one pass: the children by ethnicity group
 * (NOT_RECORDED when none), age band and gender.
 */
final class ChildrenOfN {

  /** A count of the children of one ethnicity group, age band and gender. */
  record Group(String ethnicity, String band, String gender, long count) {}

  /** The tables that share the pass. */
  static final List<String> TABLES = List.of("H", "T1", "A1");

  private ChildrenOfN() {}

  static List<Group> groups(ReportQuery q) {
    return q.shared("children-of-n", () -> compute(q));
  }

  /** Every child of N. */
  static long total(ReportQuery q) {
    return groups(q).stream().mapToLong(Group::count).sum();
  }

  private static List<Group> compute(ReportQuery q) {
    List<Group> groups = new ArrayList<>();
    q.jdbc()
        .query(
            "select coalesce(e.code_group, 'NOT_RECORDED'),"
                + " case when c.age_years < 1 then 'UNDER_1'"
                + " when c.age_years <= 4 then 'AGE_1_4'"
                + " when c.age_years <= 9 then 'AGE_5_9'"
                + " when c.age_years <= 14 then 'AGE_10_14'"
                + " else 'AGE_15_17' end, c.gender, count(*)"
                + " from child c join "
                + q.n()
                + " n on n.id = c.notification_id"
                + " left join code_list_entry e on e.list = 'ethnicity' and e.code = c.ethnicity"
                + " group by 1, 2, 3",
            q.params(),
            (RowCallbackHandler)
                rs ->
                    groups.add(
                        new Group(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3) == null ? "" : rs.getString(3),
                            rs.getLong(4))));
    return groups;
  }
}
