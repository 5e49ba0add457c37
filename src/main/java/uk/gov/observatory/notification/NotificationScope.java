package uk.gov.observatory.notification;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import uk.gov.observatory.access.Interest;
import uk.gov.observatory.access.Viewer;

/**
 * A viewer's reach as SQL over the {@code notification} table aliased {@code n}: the clauses every
 * scoped query (lists, counts, exports, reports) starts from. It uses the parameter names {@code
 * scope}, {@code wlaN}, {@code wfromN} and {@code wtoN}.
 */
public final class NotificationScope {

  private NotificationScope() {}

  /** The clauses for a viewer; one that reaches nothing gets a clause that is always false. */
  public static List<String> clauses(Viewer viewer, MapSqlParameterSource p) {
    if (!viewer.everything() && viewer.laCodes().isEmpty()) {
      return new ArrayList<>(List.of("false"));
    }
    return clauses(viewer.everything() ? null : viewer.laCodes(), viewer.withdrawals(), p);
  }

  /**
   * The one place a viewer's reach becomes SQL: within {@code scope} (null for every authority),
   * less the cases they are withdrawn from. Every scoped query starts from these clauses.
   */
  public static List<String> clauses(
      Collection<String> scope, List<Interest> withdrawn, MapSqlParameterSource p) {
    List<String> clauses = new ArrayList<>();
    if (scope != null) {
      clauses.add("n.la_code in (:scope)");
      p.addValue("scope", scope);
    }
    for (int i = 0; i < withdrawn.size(); i++) {
      Interest w = withdrawn.get(i);
      clauses.add(
          "not (n.la_code = :wla"
              + i
              + " and n.incident_date >= :wfrom"
              + i
              + (w.to() == null ? "" : " and n.incident_date <= :wto" + i)
              + ")");
      p.addValue("wla" + i, w.laCode()).addValue("wfrom" + i, Date.valueOf(w.from()));
      if (w.to() != null) {
        p.addValue("wto" + i, Date.valueOf(w.to()));
      }
    }
    return clauses;
  }
}
