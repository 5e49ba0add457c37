package uk.gov.observatory.library;

/**
 * A facet of the library's search: counts of the matching documents by a value, combinable with the
 * query and each other. {@code param} is its name in an address and on the command line ({@code
 * --facet year=2020}).
 */
public enum Facet {
  YEAR("year", "Year published"),
  REGION("region", "Region"),
  AUTHORITY("authority", "Local authority"),
  MODEL("model", "Review model"),
  AGE_BAND("age", "Child's age"),
  CATEGORY("category", "Category of incident"),
  THEME("theme", "Practice theme"),
  TYPE("type", "Type of document");

  private final String param;
  private final String label;

  Facet(String param, String label) {
    this.param = param;
    this.label = label;
  }

  public String param() {
    return param;
  }

  public String label() {
    return label;
  }

  /** The facet named {@code param} (as in an address), or null. */
  public static Facet byParam(String param) {
    for (Facet f : values()) {
      if (f.param.equalsIgnoreCase(param == null ? "" : param.strip())) {
        return f;
      }
    }
    return null;
  }
}
