package uk.gov.observatory.analytics.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T5, service involvement of N by notification type: children's social care (any level but NONE,
 * then each level), court orders (any but NONE, then each) and living arrangements (any but
 * AT_HOME, then each).
 */
@Component
class ServicesTable implements ReportTable {

  /** The rows in order, each with its condition on the read model's codes. */
  static Map<String, String> rows(Codes codes) {
    Map<String, String> rows = new LinkedHashMap<>();
    String csc = "csc_involvement";
    rows.put("KNOWN_TO_CSC", "not (" + codes.is(csc, csc, "NONE") + ")");
    for (String c :
        List.of(
            "INFORMATION_NO_REFERRAL",
            "REFERRAL_NO_ASSESSMENT",
            "INITIAL_ASSESSMENT",
            "EARLY_HELP_CAF",
            "CHILD_IN_NEED",
            "CHILD_PROTECTION_PLAN",
            "LOOKED_AFTER")) {
      rows.put(c, codes.is(csc, csc, c));
    }
    rows.put("CSC_OTHER", codes.is(csc, csc, "OTHER"));
    String court = "court_order";
    rows.put("COURT_ORDERS", "not (" + codes.is(court, court, "NONE") + ")");
    rows.put("CARE_ORDER", codes.is(court, court, "CARE_ORDER"));
    rows.put("SECTION_20", codes.is(court, court, "SECTION_20"));
    rows.put("COURT_ORDER_OTHER", codes.is(court, court, "OTHER"));
    String living = "living_arrangement";
    rows.put("NOT_RESIDENT_AT_HOME", "not (" + codes.is(living, living, "AT_HOME") + ")");
    for (String c :
        List.of("WITH_RELATIVES", "FOSTER_CARE", "RESIDENTIAL_HOME", "SEMI_INDEPENDENT")) {
      rows.put(c, codes.is(living, living, c));
    }
    rows.put("LIVING_OTHER", codes.is(living, living, "OTHER"));
    return rows;
  }

  static Map<String, String> counts(Codes codes) {
    return ByTypeTable.counts("T5", rows(codes));
  }

  @Override
  public String id() {
    return "T5";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return ByTypeTable.cells(id(), q, rows(q.codes()).keySet());
  }
}
