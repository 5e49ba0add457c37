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

  static final Map<String, String> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("KNOWN_TO_CSC", "n.csc_involvement <> 'NONE'");
    for (String c :
        List.of(
            "INFORMATION_NO_REFERRAL",
            "REFERRAL_NO_ASSESSMENT",
            "INITIAL_ASSESSMENT",
            "EARLY_HELP_CAF",
            "CHILD_IN_NEED",
            "CHILD_PROTECTION_PLAN",
            "LOOKED_AFTER")) {
      ROWS.put(c, "n.csc_involvement = '" + c + "'");
    }
    ROWS.put("CSC_OTHER", "n.csc_involvement = 'OTHER'");
    ROWS.put("COURT_ORDERS", "n.court_order <> 'NONE'");
    ROWS.put("CARE_ORDER", "n.court_order = 'CARE_ORDER'");
    ROWS.put("SECTION_20", "n.court_order = 'SECTION_20'");
    ROWS.put("COURT_ORDER_OTHER", "n.court_order = 'OTHER'");
    ROWS.put("NOT_RESIDENT_AT_HOME", "n.living_arrangement <> 'AT_HOME'");
    for (String c :
        List.of("WITH_RELATIVES", "FOSTER_CARE", "RESIDENTIAL_HOME", "SEMI_INDEPENDENT")) {
      ROWS.put(c, "n.living_arrangement = '" + c + "'");
    }
    ROWS.put("LIVING_OTHER", "n.living_arrangement = 'OTHER'");
  }

  @Override
  public String id() {
    return "T5";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return ByTypeTable.cells(id(), q, ROWS);
  }
}
