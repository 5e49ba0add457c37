package uk.gov.observatory.library;

/** What kind of document the library holds (its facet "type"). */
public enum DocumentType {
  LCSPR("Local child safeguarding practice review"),
  NATIONAL_REVIEW("National review"),
  THEMATIC("Thematic analysis"),
  BRIEFING("Learning briefing"),
  SCR("Serious case review");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
