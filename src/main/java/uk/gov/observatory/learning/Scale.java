package uk.gov.observatory.learning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a code of a coding frame takes: present or absent ({@code Y}/{@code N}), or an impact
 * level ({@code NONE}, {@code LOW}, {@code MEDIUM}, {@code HIGH}). In a frame CSV a code's rows
 * name exactly one scale's values.
 */
public enum Scale {
  PRESENCE(Map.of("Y", "Present", "N", "Absent"), "Y", "N"),
  IMPACT(
      Map.of("NONE", "None", "LOW", "Low", "MEDIUM", "Medium", "HIGH", "High"),
      "NONE",
      "LOW",
      "MEDIUM",
      "HIGH");

  private final Map<String, String> labels;

  Scale(Map<String, String> labels, String... order) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String value : order) {
      ordered.put(value, labels.get(value));
    }
    this.labels = java.util.Collections.unmodifiableMap(ordered);
  }

  /** The values in order, each with its label ("Y" → "Present"). */
  public Map<String, String> levels() {
    return labels;
  }

  public boolean allows(String value) {
    return labels.containsKey(value);
  }

  public String label(String value) {
    return labels.getOrDefault(value, value);
  }

  /** The scale's name for people. */
  public String label() {
    return this == PRESENCE ? "Present or absent" : "Impact: none, low, medium or high";
  }
}
