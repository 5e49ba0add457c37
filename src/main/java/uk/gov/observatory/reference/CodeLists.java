package uk.gov.observatory.reference;

/** The names of the code lists of DATA-STANDARD.md section 4 (file {@code code-lists.csv}). */
public final class CodeLists {
  public static final String NOTIFICATION_TYPE = "notification_type";
  public static final String DEATH_CATEGORY = "death_category";
  public static final String DEATH_CATEGORY_GROUP = "death_category_group";
  public static final String HARM_CATEGORY = "harm_category";
  public static final String CASE_CHARACTERISTICS = "case_characteristics";
  public static final String DOMESTIC_ABUSE_PATTERN = "domestic_abuse_pattern";
  public static final String CSC_INVOLVEMENT = "csc_involvement";
  public static final String COURT_ORDER = "court_order";
  public static final String LIVING_ARRANGEMENT = "living_arrangement";
  public static final String COVID_FACTORS = "covid_factors";
  public static final String GENDER = "gender";
  public static final String ETHNICITY = "ethnicity";
  public static final String ETHNICITY_GROUP = "ethnicity_group";
  public static final String PRACTICE_THEMES = "practice_themes";

  private CodeLists() {}
}
