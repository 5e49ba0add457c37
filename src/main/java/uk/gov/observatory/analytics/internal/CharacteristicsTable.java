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

  /** The rows in order, each with its condition on the read model's bit mask of characteristics. */
  static Map<String, String> rows(Codes codes) {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String c :
        List.of(
            "PARENTAL_ALCOHOL_MISUSE",
            "PARENTAL_DRUG_MISUSE",
            "PARENTAL_ACES",
            "PARENT_CARE_LEAVER",
            "PARENTAL_CRIMINAL_RECORD")) {
      rows.put(c, has(codes, c));
    }
    rows.put(
        "PARENTAL_MENTAL_ILL_HEALTH",
        codes.hasAny(
            COLUMN, COLUMN, List.of("MATERNAL_MENTAL_ILL_HEALTH", "PATERNAL_MENTAL_ILL_HEALTH")));
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
      rows.put(c, has(codes, c));
    }
    rows.put(
        "DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE",
        has(codes, "DOMESTIC_ABUSE")
            + " and "
            + codes.hasAny(
                COLUMN, COLUMN, List.of("PARENTAL_ALCOHOL_MISUSE", "PARENTAL_DRUG_MISUSE")));
    return rows;
  }

  private static final String COLUMN = "case_characteristics";

  private static String has(Codes codes, String characteristic) {
    return codes.has(COLUMN, COLUMN, characteristic);
  }

  static Map<String, String> counts(Codes codes) {
    return ByTypeTable.counts("T4", rows(codes));
  }

  @Override
  public String id() {
    return "T4";
  }

  @Override
  public List<Cell> cells(ReportQuery q) {
    return ByTypeTable.cells(id(), q, rows(q.codes()).keySet());
  }
}
