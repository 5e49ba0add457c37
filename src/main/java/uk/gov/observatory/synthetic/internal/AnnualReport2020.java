package uk.gov.observatory.synthetic.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the Child Safeguarding Practice Review Panel's annual report 2020 publishes, typed in
 * with the table or paragraph each comes from: what one year of synthetic data at scale 1.0 is made
 * to reproduce. Where the report gives only a percentage, the count chosen here is the one that
 * rounds to it; where it is silent or contradicts itself, the choice is written next to the figure.
 */
public final class AnnualReport2020 {

  private AnnualReport2020() {}

  /** Paragraph 19: 482 notifications, 206 deaths, 267 serious harm, 9 other. */
  public static final Map<String, Integer> TYPES =
      ordered("DEATH", 206, "SERIOUS_HARM", 267, "OTHER", 9);

  /** Paragraph 19: 514 children. 32 notifications name two children (our choice). */
  public static final int CHILDREN = 514;

  /** Paragraph 20: 274 male, 238 female, two transgender young people. */
  public static final Map<String, Integer> GENDER =
      ordered("MALE", 274, "FEMALE", 238, "TRANSGENDER", 2, "NOT_KNOWN", 0);

  /**
   * Paragraph 20: 35% under one and 30% aged 15 to 17 (of 514: 180 and 154). The middle bands are
   * not published; these make a plausible shape (Graph 3).
   */
  public static final Map<String, Integer> AGE_BANDS =
      ordered("UNDER_1", 180, "AGE_1_4", 68, "AGE_5_9", 32, "AGE_10_14", 80, "AGE_15_17", 154);

  /** Table 1 (children): the report has no White other row, so none are White other. */
  public static final Map<String, Integer> ETHNIC_GROUPS =
      ordered(
          "WHITE_BRITISH", 320,
          "WHITE_OTHER", 0,
          "MIXED", 62,
          "ASIAN", 34,
          "BLACK", 38,
          "OTHER", 8,
          "NOT_RECORDED", 52);

  /** Table 2 (deaths), every row. */
  public static final Map<String, Integer> DEATH_CATEGORIES =
      ordered(
          "OVERT_FILICIDE", 10,
          "COVERT_FILICIDE", 3,
          "FATAL_PHYSICAL_ABUSE", 22,
          "SEVERE_PERSISTENT_CRUELTY", 1,
          "EXTREME_NEGLECT", 0,
          "EXTRA_FAMILIAL_HOMICIDE", 2,
          "EXTRA_FAMILIAL_FATAL_ASSAULT", 15,
          "SUDI", 63,
          "SUICIDE", 42,
          "RELATED_ACCIDENT", 8,
          "RELATED_MEDICAL", 1,
          "RELATED_RISK_TAKING", 5,
          "RELATED_POISONING", 1,
          "RELATED_OTHER", 5,
          "NOT_MALTREATMENT_RELATED", 15,
          "NOT_CLEAR", 13);

  /**
   * Table 3 for the 267 serious harm notifications: the table's 276 less the nine "other"
   * (paragraph 19: six young people as perpetrators, two criminally exploited, one risk-taking).
   */
  public static final Map<String, Integer> HARM_CATEGORIES_SERIOUS_HARM =
      ordered(
          "NONFATAL_PHYSICAL_ABUSE", 105,
          "NONFATAL_NEGLECT", 33,
          "EMOTIONAL_ABUSE", 5,
          "CSA_INTRA_FAMILIAL", 28,
          "CSA_EXTRA_FAMILIAL", 20,
          "CSE", 5,
          "CRIMINAL_EXPLOITATION", 2,
          "YOUNG_PERSON_PERPETRATOR", 1,
          "OTHER_RISK_TAKING_VIOLENT", 50,
          "OTHER_NON_FATAL", 18);

  /** Paragraph 19: the nine "other" notifications. */
  public static final Map<String, Integer> HARM_CATEGORIES_OTHER =
      ordered(
          "YOUNG_PERSON_PERPETRATOR",
          6,
          "CRIMINAL_EXPLOITATION",
          2,
          "OTHER_RISK_TAKING_VIOLENT",
          1);

  /**
   * Table 4: each characteristic's notifications as {death, serious harm, other}. Parental mental
   * ill-health (62, 73, 0) is derived from maternal (paragraph 32: 114 in all) and paternal (32):
   * see {@link #MATERNAL_ONLY}.
   */
  public static final Map<String, int[]> CHARACTERISTICS = new LinkedHashMap<>();

  static {
    CHARACTERISTICS.put("PARENTAL_ACES", new int[] {25, 33, 0});
    CHARACTERISTICS.put("PARENT_CARE_LEAVER", new int[] {7, 12, 0});
    CHARACTERISTICS.put("PARENTAL_CRIMINAL_RECORD", new int[] {41, 45, 1});
    CHARACTERISTICS.put("PARENTAL_LEARNING_DIFFICULTY", new int[] {6, 8, 0});
    CHARACTERISTICS.put("PARENTAL_SEPARATION", new int[] {97, 122, 4});
    CHARACTERISTICS.put("CHILD_DISABILITY", new int[] {21, 15, 0});
  }

  /** Table 4: domestic abuse, {death, serious harm, other}. */
  public static final int[] DOMESTIC_ABUSE = {85, 114, 2};

  /**
   * Table 4 alcohol (57, 30, 0) and drug misuse (59, 54, 1), built as a union with both, alcohol
   * only and drug only; and how many of the union also have domestic abuse, so that domestic abuse
   * with substance misuse is 116 of 482 (24.1%, paragraph 32: 24%).
   */
  public static final int[] SUBSTANCE_BOTH = {30, 14, 0};

  public static final int[] ALCOHOL_ONLY = {27, 16, 0};
  public static final int[] DRUG_ONLY = {29, 40, 1};
  public static final int[] SUBSTANCE_WITH_DOMESTIC_ABUSE = {62, 53, 1};

  /**
   * Paragraph 32 and Table 4: maternal 114 and paternal 32, together 135 notifications (62 deaths,
   * 73 serious harm): 11 have both.
   */
  public static final int[] MATERNAL_ONLY = {47, 56, 0};

  public static final int[] PATERNAL_ONLY = {10, 11, 0};
  public static final int[] BOTH_PARENTS_MENTAL_HEALTH = {5, 6, 0};

  /** Table 4: mental ill-health of the child (of school age here). */
  public static final int[] CHILD_MENTAL_ILL_HEALTH = {31, 43, 3};

  /** Table 4 and paragraph 36: home education, three deaths (two suicides, one risk-taking). */
  public static final int[] ELECTIVE_HOME_EDUCATION = {3, 12, 0};

  /**
   * Paragraph 25: neglect a feature of 35% of deaths (72 of 206) and 34% of non-fatal incidents (94
   * of 276: 91 serious harm, 3 other), including 45% of SUDI (28 of 63) and 40% of related deaths
   * (8 of 20).
   */
  public static final int[] NEGLECT_FEATURE = {72, 91, 3};

  public static final int NEGLECT_SUDI = 28;
  public static final int NEGLECT_RELATED = 8;

  /** Paragraph 28: 37 of the 51 risk-taking incidents had a criminal exploitation background. */
  public static final int CRIMINAL_EXPLOITATION_BACKGROUND = 37;

  /** Paragraph 30: peer-on-peer abuse in thirteen; 37: seven in secure establishments. */
  public static final int PEER_ON_PEER_ABUSE = 13;

  public static final int SECURE_ESTABLISHMENT = 7;

  /** Suicide thematic analysis: gender identity a significant factor in seven. */
  public static final int GENDER_IDENTITY_FACTOR = 7;

  /**
   * Paragraph 26: father to mother in 74% of domestic abuse (133 of the 180 with a pattern
   * recorded: 73.9%); the other patterns are not published.
   */
  public static final Map<String, Integer> DOMESTIC_ABUSE_PATTERNS =
      ordered(
          "FATHER_TO_MOTHER", 133,
          "MOTHER_TO_FATHER", 15,
          "BOTH_PARENTS", 17,
          "YOUNG_PERSON_TO_ADULT", 8,
          "OTHER", 7);

  /** Table 5: children's social care involvement, {death, serious harm, other}. */
  public static final Map<String, int[]> CSC = new LinkedHashMap<>();

  static {
    CSC.put("NONE", new int[] {78, 90, 3});
    CSC.put("INFORMATION_NO_REFERRAL", new int[] {4, 10, 0});
    CSC.put("REFERRAL_NO_ASSESSMENT", new int[] {13, 16, 0});
    CSC.put("INITIAL_ASSESSMENT", new int[] {23, 13, 0});
    CSC.put("EARLY_HELP_CAF", new int[] {14, 11, 0});
    CSC.put("CHILD_IN_NEED", new int[] {32, 33, 0});
    CSC.put("CHILD_PROTECTION_PLAN", new int[] {21, 49, 3});
    CSC.put("LOOKED_AFTER", new int[] {20, 43, 3});
    CSC.put("OTHER", new int[] {1, 2, 0});
  }

  /** Table 5: court orders. */
  public static final Map<String, int[]> COURT_ORDERS = new LinkedHashMap<>();

  static {
    COURT_ORDERS.put("NONE", new int[] {178, 212, 6});
    COURT_ORDERS.put("CARE_ORDER", new int[] {12, 29, 2});
    COURT_ORDERS.put("SECTION_20", new int[] {7, 16, 0});
    COURT_ORDERS.put("OTHER", new int[] {9, 10, 1});
  }

  /** Table 5: where the child lived. */
  public static final Map<String, int[]> LIVING = new LinkedHashMap<>();

  static {
    LIVING.put("AT_HOME", new int[] {159, 202, 6});
    LIVING.put("FOSTER_CARE", new int[] {7, 15, 1});
    LIVING.put("RESIDENTIAL_HOME", new int[] {2, 14, 1});
    LIVING.put("SEMI_INDEPENDENT", new int[] {7, 4, 0});
    LIVING.put("WITH_RELATIVES", new int[] {12, 17, 0});
    LIVING.put("OTHER", new int[] {19, 15, 1});
  }

  /**
   * Chart 1 text: 39% in the most deprived quintile and 5% in the least, of the 460 notifications
   * whose decile is known here (22 unknown, our choice): 179 and 23; the middle quintiles are ours.
   */
  public static final int[] QUINTILES = {179, 110, 84, 64, 23};

  public static final int IMD_UNKNOWN = 22;

  /**
   * Paragraph 60: six authorities with no notification and fourteen (9%) with seven or more. The
   * report's 38% (one or two) and 43% (three to six) leave 9 of the 151 authorities unplaced; we
   * put 58 at one or two (38.4%) and 73 at three to six (48.3%).
   */
  public static final int LAS_NONE = 6;

  public static final int LAS_ONE_TO_TWO = 58;
  public static final int LAS_SEVEN_PLUS = 14;

  /**
   * Tables 6 to 8 (as at 31 March 2021): rapid reviews received in each working-day band {1-15,
   * 16-25, 26-59, 60+} and not yet received, outside (Table 7) and inside (Table 8) the extension
   * of April to September 2020. Table 7's 198 include eight notified in December 2019 whose reviews
   * fell due in January 2020 (our choice).
   */
  public static final int[] RECEIVED_OUTSIDE = {55, 84, 39, 7};

  public static final int NOT_RECEIVED_OUTSIDE = 13;
  public static final int[] RECEIVED_INSIDE = {39, 109, 65, 23};
  public static final int NOT_RECEIVED_INSIDE = 11;

  /*
   * The ranges of the not yet received as at 31 March 2021: Table 7 prints 64 to 280 working days,
   * Table 8 118 to 247 (Table 6, their union, 64 to 280). A review not yet received has taken
   * workingDaysBetween(notified, 31 March 2021) so far (REPORT-SPEC T6), that is the working days
   * after the notified date up to 31 March 2021. With England and Wales bank holidays:
   *
   *   January to March 2021:       20 (1 January a holiday) + 20 + 23           =  63
   *   October to December 2020:    22 + 21 + 21 (25 and 28 December holidays)   =  64
   *   9 April to 30 September 2020: 14 (Good Friday 10, Easter Monday 13 April) + 19 (8 and 25 May)
   *                                 + 22 + 23 + 20 (31 August) + 22             = 120
   *   24 February to 8 April 2020:  5 + 22 + 6                                  =  33
   *
   * 280 = 63 + 64 + 120 + 33: notified Friday 21 February 2020, before the extension (its review
   *       due 13 March 2020): Table 7's most, generated as printed.
   * 247 = 63 + 64 + 120: notified Wednesday 8 April 2020, inside the extension: Table 8's most,
   *       generated as printed.
   * 64  = 63 + 1: notified Wednesday 30 December 2020, outside the extension, but its review falls
   *       due on 21 January 2021, so it belongs to 2021's tables, not 2020's. The last notified
   *       date whose review falls due in 2020 is Tuesday 8 December 2020 (the 15th working day
   *       after it is 31 December): 63 + 15 = 78, the fewest a review of 2020's Table 7 not yet
   *       received can have taken. Generated: 78.
   * 118 = 63 + 55 (14-30 October 13, November 21, December 21): notified Tuesday 13 October 2020,
   *       after the extension ended, so it belongs to Table 7, not Table 8. Table 8's notified
   *       dates (1 April to 30 September) give 127 (30 September: 63 + 64) to 252 (1 April: 247 +
   *       5), 125 apart where 118 to 247 are 129: no as-at date gives both. Generated: 127, the
   *       nearest.
   *
   * So the generated ranges are 78 to 280 (Tables 6 and 7) and 127 to 247 (Table 8): the printed
   * greatest exactly, the printed least as near as the tables' definitions allow.
   */

  /** Table 7's most working days outstanding as at 31 March 2021 (and Table 6's, other years'). */
  public static final int OUTSTANDING_MAX_OUTSIDE = 280;

  /** Table 8's most working days outstanding as at 31 March 2021. */
  public static final int OUTSTANDING_MAX_INSIDE = 247;

  /** Table 7's notifications from the year before (due in January). */
  public static final int LEAD_IN_DUE_IN_YEAR = 8;

  /**
   * Of the 482, those whose review falls due in the next year (notified in the last weeks of
   * December or in January): 482 - 247 - (198 - 8) = 45. Three of them are not received by the
   * as-at date (our choice).
   */
  public static final int NOT_RECEIVED_DUE_NEXT_YEAR = 3;

  /**
   * Paragraph 67 (as at 31 March 2021): 167 LCSPR, 278 no LCSPR, 37 not yet decided (the 27 not
   * received and 10 received undecided).
   */
  public static final int DECISION_LCSPR = 167;

  public static final int DECISION_NO_LCSPR = 278;
  public static final int DECISION_UNDECIDED_RECEIVED = 10;

  /**
   * Paragraph 67: an LCSPR in 47% of deaths from maltreatment and extra-familial assaults (25 of
   * 53) and 38% of related deaths (of 20 the nearest are 35% and 40%: 8, 40%); the rest of the 167
   * split between other deaths (33) and non-fatal harm (101).
   */
  public static final int LCSPR_MALTREATMENT_DEATHS = 25;

  public static final int LCSPR_RELATED_DEATHS = 8;
  public static final int LCSPR_OTHER_DEATHS = 33;

  /** Paragraph 67: the Panel agreed with 69% of decisions: 297 of the 430 it had considered. */
  public static final int PANEL_AGREE = 297;

  public static final int PANEL_DISAGREE = 133;

  /**
   * Paragraph 70 (as at 31 December 2020): LCSPRs initiated 2 in 2018, 72 in 2019, 182 in 2020. The
   * report also says 257 up to the end of 2020; the three figures make 256, which is what is
   * generated.
   */
  public static final int[] LCSPRS_INITIATED_TWO_YEARS_BEFORE_AND_BEFORE = {2, 72};

  public static final int LCSPRS_INITIATED_IN_YEAR = 182;

  /**
   * Paragraph 70: 33 LCSPRs received by the end of 2020: 15 published (13 more than 200 working
   * days after initiation), 14 intending to publish, 4 not publishing.
   */
  public static final int LCSPR_PUBLISHED = 15;

  public static final int LCSPR_PUBLISHED_OVER_200_WD = 13;
  public static final int LCSPR_INTENDS = 14;
  public static final int LCSPR_NOT_PUBLISHING = 4;

  /** Paragraph 56: 68 yearly reports, 50 meeting WT 2018 fully or partly, 18 not. */
  public static final int YEARLY_FULLY_OR_PARTLY = 50;

  public static final int YEARLY_NOT_EVIDENCED = 18;

  static Map<String, Integer> ordered(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return m;
  }

  /** The three notification types in the order of the per-type arrays. */
  public static final List<String> TYPE_ORDER = List.of("DEATH", "SERIOUS_HARM", "OTHER");
}
