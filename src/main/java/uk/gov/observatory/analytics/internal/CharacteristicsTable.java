package uk.gov.observatory.analytics.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.analytics.Cell;

/**
 * T4, case characteristics of N by notification type. PARENTAL_MENTAL_ILL_HEALTH is derived: a
 * notification with maternal or paternal mental ill-health (or both), counted once;
 * DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE is domestic abuse with parental alcohol or drug misuse.
 */
@Component
class CharacteristicsTable implements ReportTable {

  static final Map<String, String> ROWS = new LinkedHashMap<>();

  static {
    for (String c :
        List.of(
            "PARENTAL_ALCOHOL_MISUSE",
            "PARENTAL_DRUG_MISUSE",
            "PARENTAL_ACES",
            "PARENT_CARE_LEAVER",
            "PARENTAL_CRIMINAL_RECORD")) {
      ROWS.put(c, ByTypeTable.has(c));
    }
    ROWS.put(
        "PARENTAL_MENTAL_ILL_HEALTH",
        "n.case_characteristics && array['MATERNAL_MENTAL_ILL_HEALTH',"
            + " 'PATERNAL_MENTAL_ILL_HEALTH']::text[]");
    for (String c :
        List.of(
            "PARENTAL_LEARNING_DIFFICULTY",
            "PARENTAL_SEPARATION",
            "DOMESTIC_ABUSE",
            "ELECTIVE_HOME_EDUCATION",
            "CHILD_DISABILITY",
            "CHILD_MENTAL_ILL_HEALTH",
            "MATERNAL_MENTAL_ILL_HEALTH",
            "PATERNAL_MENTAL_ILL_HEALTH",
            "NEGLECT_FEATURE",
            "CRIMINAL_EXPLOITATION_BACKGROUND",
            "PEER_ON_PEER_ABUSE",
            "GENDER_IDENTITY_FACTOR",
            "SECURE_ESTABLISHMENT")) {
      ROWS.put(c, ByTypeTable.has(c));
    }
    ROWS.put(
        "DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE",
        ByTypeTable.has("DOMESTIC_ABUSE")
            + " and n.case_characteristics && array['PARENTAL_ALCOHOL_MISUSE',"
            + " 'PARENTAL_DRUG_MISUSE']::text[]");
  }

  @Override
  public String id() {
    return "T4";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return ByTypeTable.cells(id(), q, ROWS);
  }
}
