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

  static List<Group> groups(ReportQuery q) {
    return q.shared("children-of-n", () -> compute(q));
  }

  /** Every child of N. */
  static long total(ReportQuery q) {
    return groups(q).stream().mapToLong(Group::count).sum();
  }

  private static List<Group> compute(ReportQuery q) {
    List<Group> groups = new ArrayList<>();
    Codes codes = q.codes();
    q.jdbc()
        .query(
            "select n.ethnicity_group, n.age_band, n.gender, count(*) from "
                + q.children()
                + " n group by 1, 2, 3",
            q.params(),
            (RowCallbackHandler)
                rs -> {
                  int ethnicity = rs.getInt(1);
                  String group =
                      rs.wasNull() ? "NOT_RECORDED" : codes.code("ethnicity_group", ethnicity);
                  String band = codes.code("age_band", rs.getInt(2));
                  int gender = rs.getInt(3);
                  groups.add(
                      new Group(
                          group,
                          band,
                          rs.wasNull() ? "" : codes.code("gender", gender),
                          rs.getLong(4)));
                });
    return groups;
  }
}
