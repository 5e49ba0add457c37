package uk.gov.observatory.library;

/**
 * Where the identifying-details check found something, never what: the part of the document, the
 * page (for the PDF's text; null for a metadata field) and the line on that page or in that field
 * (1-based), and the kind (a child's name or date of birth).
 */
public record Finding(Part part, Integer page, int line, Kind kind) {

  public enum Part {
    PDF("the PDF"),
    TITLE("the title"),
    SUMMARY("the summary"),
    LEARNING("learning includes"),
    RECOMMENDATIONS("recommendations include"),
    KEYWORDS("the keywords");

    private final String label;

    Part(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Kind {
    NAME("a child's name"),
    DATE_OF_BIRTH("a child's date of birth");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** "page 3, line 12: a child's name" or "the summary, line 2: a child's date of birth". */
  public String describe() {
    return (page != null ? "page " + page : part.label()) + ", line " + line + ": " + kind.label();
  }
}
