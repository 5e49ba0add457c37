package uk.gov.observatory.learning;

/**
 * The annual report's case themes (Graph 2, "Impact of COVID-19 factors by case theme"), from a
 * case's type, category and its first child's age. Written once, here.
 */
public enum CaseTheme {
  NAI_UNDER_1("Non-accidental injury in children under 1"),
  SUDI("Sudden unexpected death in infancy (SUDI)"),
  NEGLECT("Neglect"),
  SUICIDE("Suicide"),
  ADOLESCENT_HARM("Harm to adolescents (10 to 17)"),
  OTHER("Other incidents");

  private final String label;

  CaseTheme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The theme of a case: SUDI and suicide by the death category; non-accidental injury when a child
   * under 1 was physically abused (fatally or not); neglect by the death or harm category; any
   * other case of a child aged 10 to 17 is harm to adolescents; the rest other.
   *
   * @param ageYears the first child's age in whole years (null when unknown)
   */
  public static CaseTheme of(String deathCategory, String harmCategory, Integer ageYears) {
    if ("SUDI".equals(deathCategory)) {
      return SUDI;
    }
    if ("SUICIDE".equals(deathCategory)) {
      return SUICIDE;
    }
    boolean physical =
        "FATAL_PHYSICAL_ABUSE".equals(deathCategory)
            || "NONFATAL_PHYSICAL_ABUSE".equals(harmCategory);
    if (physical && ageYears != null && ageYears == 0) {
      return NAI_UNDER_1;
    }
    if ("EXTREME_NEGLECT".equals(deathCategory) || "NONFATAL_NEGLECT".equals(harmCategory)) {
      return NEGLECT;
    }
    if (ageYears != null && ageYears >= 10) {
      return ADOLESCENT_HARM;
    }
    return OTHER;
  }
}
