package uk.gov.observatory.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.gov.observatory.learning.Group;
import uk.gov.observatory.learning.ResultRow;

/**
 * How the tests' coders read a case for the COVID-19 frame, from the register's covid_factors: a
 * factor the notification cites is HIGH when it is the first it lists, MEDIUM otherwise; a factor
 * it does not cite is LOW when it cites another, NONE when it cites none. A second coder who reads
 * a factor differently reads it one level over (HIGH for MEDIUM and back, LOW for NONE and back).
 */
public final class CovidCoders {

  public static final List<String> FACTORS =
      List.of(
          "PARENTAL_FAMILY_STRESSORS",
          "CHILD_VULNERABILITY",
          "SCHOOL_CLOSURE",
          "COVID_SAFE_ADAPTATION");

  /** The impact levels in the order the coding page's radios show them. */
  public static final List<String> LEVELS = List.of("NONE", "LOW", "MEDIUM", "HIGH");

  private CovidCoders() {}

  /** Factor → level for a case citing {@code covidFactors} (the register's `;`-separated list). */
  public static Map<String, String> reading(String covidFactors) {
    List<String> cited =
        covidFactors == null || covidFactors.isBlank()
            ? List.of()
            : List.of(covidFactors.split(";"));
    Map<String, String> levels = new HashMap<>();
    for (String f : FACTORS) {
      int at = cited.indexOf(f);
      levels.put(f, at == 0 ? "HIGH" : at > 0 ? "MEDIUM" : cited.isEmpty() ? "NONE" : "LOW");
    }
    return levels;
  }

  /** The other reading of a level (one level over). */
  public static String otherReading(String level) {
    return switch (level) {
      case "HIGH" -> "MEDIUM";
      case "MEDIUM" -> "HIGH";
      case "LOW" -> "NONE";
      default -> "LOW";
    };
  }

  /**
   * The share (0 to 1) of a group's cases coded MEDIUM or HIGH for a factor, worked from the rows'
   * counts (not their percentages); -1 when the group has no rows.
   */
  public static double mediumOrHigh(
      List<ResultRow> rows, String code, Group group, String grouping) {
    int cases = -1;
    int count = 0;
    for (ResultRow r : rows) {
      if (r.code().equals(code) && r.group() == group && r.grouping().equals(grouping)) {
        cases = r.cases();
        if (r.value().equals("MEDIUM") || r.value().equals("HIGH")) {
          count += r.count();
        }
      }
    }
    return cases <= 0 ? -1 : (double) count / cases;
  }

  /** The rows of codings.csv for one coder's reading of one case. */
  public static List<String> rows(
      String analysisRef, String caseRef, String coder, Map<String, String> levels) {
    List<String> rows = new ArrayList<>();
    for (String f : FACTORS) {
      rows.add(String.join(",", analysisRef, caseRef, coder, f, levels.get(f)));
    }
    return rows;
  }
}
