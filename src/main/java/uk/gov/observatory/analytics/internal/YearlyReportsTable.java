package uk.gov.observatory.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * Y1, yearly reports published in the period: how many meet the Working Together 2018 requirements
 * fully or partly, how many do not evidence them (three or more of the four NONE), and each
 * requirement's FULL, PARTIAL and NONE.
 */
@Component
class YearlyReportsTable implements ReportTable {

  static final String[][] REQUIREMENTS = {
    {"IMPACT", "req_impact"},
    {"LIMITED_PROGRESS", "req_limited_progress"},
    {"REVIEW_ACTIONS", "req_review_actions"},
    {"CHILD_FAMILY_FEEDBACK", "req_child_family_feedback"}
  };

  @Override
  public String id() {
    return "Y1";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    StringBuilder sql =
        new StringBuilder(
            "select count(*) filter (where nones >= 3) as not_evidenced, count(*) as total");
    for (String[] r : REQUIREMENTS) {
      for (String a : new String[] {"FULL", "PARTIAL", "NONE"}) {
        sql.append(", count(*) filter (where ")
            .append(r[1])
            .append(" = '")
            .append(a)
            .append("') as ")
            .append(r[0].toLowerCase())
            .append('_')
            .append(a.toLowerCase());
      }
    }
    sql.append(
        " from (select y.*, (case when req_impact = 'NONE' then 1 else 0 end"
            + " + case when req_limited_progress = 'NONE' then 1 else 0 end"
            + " + case when req_review_actions = 'NONE' then 1 else 0 end"
            + " + case when req_child_family_feedback = 'NONE' then 1 else 0 end) as nones"
            + " from published_yearly_report y where y.published_date between :from and :to and "
            + q.inArea("y.partnership_code")
            + ") r");
    var row = q.jdbc().queryForMap(sql.toString(), q.params());
    long total = ((Number) row.get("total")).longValue();
    long notEvidenced = ((Number) row.get("not_evidenced")).longValue();
    List<Cell> cells = new ArrayList<>();
    cells.add(ReportQuery.count("Y1", "FULLY_OR_PARTLY", "COUNT", total - notEvidenced));
    cells.add(ReportQuery.count("Y1", "NOT_EVIDENCED", "COUNT", notEvidenced));
    cells.add(ReportQuery.count("Y1", "TOTAL", "COUNT", total));
    for (String[] r : REQUIREMENTS) {
      for (String a : new String[] {"FULL", "PARTIAL", "NONE"}) {
        cells.add(
            ReportQuery.count(
                "Y1",
                r[0] + "_" + a,
                "COUNT",
                ((Number) row.get(r[0].toLowerCase() + "_" + a.toLowerCase())).longValue()));
      }
    }
    return cells;
  }
}
