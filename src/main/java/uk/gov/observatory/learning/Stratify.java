package uk.gov.observatory.learning;

/** What a random sample is stratified by (sizes by largest remainder), or nothing. */
public enum Stratify {
  NONE,
  REGION,
  TYPE,
  /** The death category for deaths, the harm category otherwise. */
  CATEGORY;

  public String label() {
    return switch (this) {
      case NONE -> "Not stratified";
      case REGION -> "Region";
      case TYPE -> "Type of notification";
      case CATEGORY -> "Category of death or harm";
    };
  }
}
