package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/** T4, T4A, T5 and LA1 over small sets whose every cell is worked out by hand. */
@RegisterTest
class CaseTablesTest {

  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);
  static final String WESTMINSTER = "E09000033";
  static final String BUCKS_COUNTY = "E10000002"; // ended 2020-03-31
  static final String BUCKINGHAMSHIRE = "E06000060"; // from 2020-04-01, same old_la_code 825
  static final String HAMPSHIRE = "E10000014";
  static final String MEDWAY = "E06000035";
  static final String SOUTH_EAST = "E12000008";

  @Autowired NotificationRegister register;
  @Autowired Reports reports;

  static NotificationSubmission sub(
      String type,
      LocalDate incident,
      List<String> characteristics,
      String pattern,
      String csc,
      String court,
      String living) {
    boolean death = type.equals("DEATH");
    return new NotificationSubmission(
        null,
        WESTMINSTER,
        incident.toString(),
        incident.toString(),
        incident.plusDays(2).toString(),
        type,
        death ? "SUDI" : null,
        death ? null : "NONFATAL_NEGLECT",
        null,
        characteristics,
        pattern,
        csc,
        court,
        living,
        List.of(),
        List.of(new ChildSubmission("1", "FEMALE", "3", null, null, null)));
  }

  static NotificationSubmission plain(String type, LocalDate incident) {
    return sub(type, incident, List.of(), null, "NONE", "NONE", "AT_HOME");
  }

  /** Cells from "ROW:v1,v2,..." lines, the columns in order. */
  static List<Cell> expected(String table, List<String> columns, String... rows) {
    List<Cell> cells = new ArrayList<>();
    for (String line : rows) {
      String row = line.substring(0, line.indexOf(':'));
      String[] values = line.substring(line.indexOf(':') + 1).split(",", -1);
      assertThat(values).as(line).hasSize(columns.size());
      for (int i = 0; i < values.length; i++) {
        cells.add(new Cell(table, row, columns.get(i), values[i]));
      }
    }
    return cells;
  }

  static final List<String> BY_TYPE =
      List.of(
          "DEATH_COUNT",
          "DEATH_PERCENT",
          "SERIOUS_HARM_COUNT",
          "SERIOUS_HARM_PERCENT",
          "OTHER_COUNT",
          "OTHER_PERCENT",
          "TOTAL_COUNT",
          "TOTAL_PERCENT");

  Report report(LocalDate from, LocalDate to, String region, String... tables) {
    return reports.report(
        new ReportRequest(from, to, LocalDate.of(2026, 1, 1), region, null),
        List.of(tables),
        Viewer.system("test"));
  }

  /**
   * 16 deaths, 3 serious harm and no OTHER in 2020 (so OTHER's percents are blank, and 1 of 16 is
   * 6.25%, shown 6.3), and one death in 2021 with every characteristic, which counts nowhere.
   */
  void seedCases() {
    LocalDate d = LocalDate.of(2020, 5, 4);
    register.notify(
        sub(
            "DEATH",
            d,
            List.of(
                "PARENTAL_ALCOHOL_MISUSE",
                "DOMESTIC_ABUSE",
                "MATERNAL_MENTAL_ILL_HEALTH",
                "PATERNAL_MENTAL_ILL_HEALTH"),
            "FATHER_TO_MOTHER",
            "CHILD_IN_NEED",
            "NONE",
            "AT_HOME"));
    register.notify(
        sub(
            "DEATH",
            d,
            List.of("PARENTAL_DRUG_MISUSE", "DOMESTIC_ABUSE"),
            null,
            "CHILD_PROTECTION_PLAN",
            "CARE_ORDER",
            "FOSTER_CARE"));
    register.notify(
        sub(
            "DEATH",
            d,
            List.of("MATERNAL_MENTAL_ILL_HEALTH", "DOMESTIC_ABUSE"),
            "MOTHER_TO_FATHER",
            "OTHER",
            "OTHER",
            "OTHER"));
    register.notify(
        sub(
            "DEATH",
            d,
            List.of("PATERNAL_MENTAL_ILL_HEALTH", "NEGLECT_FEATURE"),
            null,
            "NONE",
            "NONE",
            "AT_HOME"));
    for (int i = 5; i <= 16; i++) {
      register.notify(plain("DEATH", d.plusDays(i)));
    }
    register.notify(
        sub(
            "SERIOUS_HARM",
            FROM,
            List.of("DOMESTIC_ABUSE", "PARENTAL_ALCOHOL_MISUSE", "PARENTAL_DRUG_MISUSE"),
            "FATHER_TO_MOTHER",
            "LOOKED_AFTER",
            "SECTION_20",
            "RESIDENTIAL_HOME"));
    register.notify(
        sub(
            "SERIOUS_HARM",
            TO,
            List.of("DOMESTIC_ABUSE"),
            "BOTH_PARENTS",
            "INFORMATION_NO_REFERRAL",
            "NONE",
            "WITH_RELATIVES"));
    register.notify(
        sub(
            "SERIOUS_HARM",
            d,
            List.of("CHILD_DISABILITY"),
            null,
            "NONE",
            "NONE",
            "SEMI_INDEPENDENT"));
    register.notify(
        sub(
            "DEATH",
            LocalDate.of(2021, 1, 1),
            List.of(
                "PARENTAL_ALCOHOL_MISUSE",
                "PARENTAL_DRUG_MISUSE",
                "PARENTAL_ACES",
                "PARENT_CARE_LEAVER",
                "PARENTAL_CRIMINAL_RECORD",
                "MATERNAL_MENTAL_ILL_HEALTH",
                "PARENTAL_LEARNING_DIFFICULTY",
                "PARENTAL_SEPARATION",
                "DOMESTIC_ABUSE",
                "ELECTIVE_HOME_EDUCATION",
                "CHILD_DISABILITY",
                "CHILD_MENTAL_ILL_HEALTH",
                "SECURE_ESTABLISHMENT"),
            "YOUNG_PERSON_TO_ADULT",
            "EARLY_HELP_CAF",
            "CARE_ORDER",
            "FOSTER_CARE"));
  }

  static final String ZERO_ROW = "0,0.0,0,0.0,0,,0,0.0";

  @Test
  @DisplayName("T4: characteristics by type, the derived parental mental ill-health counted once")
  void characteristics() {
    seedCases();
    assertThat(report(FROM, TO, null, "T4").tables().get("T4"))
        .containsExactlyElementsOf(
            expected(
                "T4",
                BY_TYPE,
                "PARENTAL_ALCOHOL_MISUSE:1,6.3,1,33.3,0,,2,10.5",
                "PARENTAL_DRUG_MISUSE:1,6.3,1,33.3,0,,2,10.5",
                "PARENTAL_ACES:" + ZERO_ROW,
                "PARENT_CARE_LEAVER:" + ZERO_ROW,
                "PARENTAL_CRIMINAL_RECORD:" + ZERO_ROW,
                "PARENTAL_MENTAL_ILL_HEALTH:3,18.8,0,0.0,0,,3,15.8",
                "PARENTAL_LEARNING_DIFFICULTY:" + ZERO_ROW,
                "PARENTAL_SEPARATION:" + ZERO_ROW,
                "DOMESTIC_ABUSE:3,18.8,2,66.7,0,,5,26.3",
                "ELECTIVE_HOME_EDUCATION:" + ZERO_ROW,
                "CHILD_DISABILITY:0,0.0,1,33.3,0,,1,5.3",
                "CHILD_MENTAL_ILL_HEALTH:" + ZERO_ROW,
                "MATERNAL_MENTAL_ILL_HEALTH:2,12.5,0,0.0,0,,2,10.5",
                "PATERNAL_MENTAL_ILL_HEALTH:2,12.5,0,0.0,0,,2,10.5",
                "NEGLECT_FEATURE:1,6.3,0,0.0,0,,1,5.3",
                "CRIMINAL_EXPLOITATION_BACKGROUND:" + ZERO_ROW,
                "PEER_ON_PEER_ABUSE:" + ZERO_ROW,
                "GENDER_IDENTITY_FACTOR:" + ZERO_ROW,
                "SECURE_ESTABLISHMENT:" + ZERO_ROW,
                "DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE:2,12.5,1,33.3,0,,3,15.8"));
  }

  @Test
  @DisplayName("T4A: patterns of the five with domestic abuse, percent of the four recorded")
  void domesticAbusePattern() {
    seedCases();
    assertThat(report(FROM, TO, null, "T4A").tables().get("T4A"))
        .containsExactlyElementsOf(
            expected(
                "T4A",
                List.of("COUNT", "PERCENT"),
                "FATHER_TO_MOTHER:2,50.0",
                "MOTHER_TO_FATHER:1,25.0",
                "BOTH_PARENTS:1,25.0",
                "YOUNG_PERSON_TO_ADULT:0,0.0",
                "OTHER:0,0.0",
                "NOT_RECORDED:1,",
                "TOTAL:5,"));
  }

  @Test
  @DisplayName("T5: services by type, each 'any' row before its parts")
  void services() {
    seedCases();
    String oneDeath = "1,6.3,0,0.0,0,,1,5.3";
    String oneHarm = "0,0.0,1,33.3,0,,1,5.3";
    assertThat(report(FROM, TO, null, "T5").tables().get("T5"))
        .containsExactlyElementsOf(
            expected(
                "T5",
                BY_TYPE,
                "KNOWN_TO_CSC:3,18.8,2,66.7,0,,5,26.3",
                "INFORMATION_NO_REFERRAL:" + oneHarm,
                "REFERRAL_NO_ASSESSMENT:" + ZERO_ROW,
                "INITIAL_ASSESSMENT:" + ZERO_ROW,
                "EARLY_HELP_CAF:" + ZERO_ROW,
                "CHILD_IN_NEED:" + oneDeath,
                "CHILD_PROTECTION_PLAN:" + oneDeath,
                "LOOKED_AFTER:" + oneHarm,
                "CSC_OTHER:" + oneDeath,
                "COURT_ORDERS:2,12.5,1,33.3,0,,3,15.8",
                "CARE_ORDER:" + oneDeath,
                "SECTION_20:" + oneHarm,
                "COURT_ORDER_OTHER:" + oneDeath,
                "NOT_RESIDENT_AT_HOME:2,12.5,3,100.0,0,,5,26.3",
                "WITH_RELATIVES:" + oneHarm,
                "FOSTER_CARE:" + oneDeath,
                "RESIDENTIAL_HOME:" + oneHarm,
                "SEMI_INDEPENDENT:" + oneHarm,
                "LIVING_OTHER:" + oneDeath));
  }

  @Test
  @DisplayName("T4, T4A and T5 of a period with no notification: zeros, every percent blank")
  void emptyPeriod() {
    seedCases();
    Report r =
        report(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), null, "T4", "T4A", "T5");
    assertThat(r.tables()).containsOnlyKeys("T4", "T4A", "T5");
    assertThat(r.tables().get("T4")).hasSize(20 * 8);
    assertThat(r.tables().get("T4A")).hasSize(7 * 2);
    assertThat(r.tables().get("T5")).hasSize(19 * 8);
    r.tables().values().stream()
        .flatMap(List::stream)
        .forEach(
            c ->
                assertThat(c.value())
                    .as(c.toString())
                    .isEqualTo(c.columnCode().endsWith("COUNT") ? "0" : ""));
  }

  /**
   * South East authorities in operation on 31 December 2020: 19. Buckinghamshire (the county's 2 in
   * March and the unitary's 1 in June) has 3, Hampshire 1, Medway 7; Westminster (London) 1.
   */
  @Test
  @DisplayName(
      "LA1: authorities by notifications, an ended county's counted for its successor on 'to'")
  void authorities() {
    register.notify(Submissions.of(BUCKS_COUNTY, "DEATH", LocalDate.of(2020, 3, 15), 2, 1));
    register.notify(Submissions.of(BUCKS_COUNTY, "OTHER", LocalDate.of(2020, 3, 16), 2, 1));
    register.notify(Submissions.of(BUCKINGHAMSHIRE, "DEATH", LocalDate.of(2020, 6, 1), 2, 1));
    register.notify(Submissions.of(HAMPSHIRE, "SERIOUS_HARM", LocalDate.of(2020, 7, 1), 2, 1));
    for (int i = 0; i < 7; i++) {
      register.notify(
          Submissions.of(MEDWAY, "SERIOUS_HARM", LocalDate.of(2020, 5, 1).plusDays(i), 2, 1));
    }
    register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2020, 8, 1), 2, 1));
    register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2021, 8, 1), 2, 1));
    List<String> columns = List.of("LA_COUNT", "PERCENT");

    assertThat(report(FROM, TO, SOUTH_EAST, "LA1").tables().get("LA1"))
        .containsExactlyElementsOf(
            expected(
                "LA1",
                columns,
                "NONE:16,84.2",
                "ONE_TO_TWO:1,5.3",
                "THREE_TO_SIX:1,5.3",
                "SEVEN_PLUS:1,5.3",
                "TOTAL:19,100.0"));
    // England: 151 authorities in operation on 31 December 2020 (las.csv has 152 rows then, one
    // of them the combined Kingston and Richmond service, which is not an authority).
    assertThat(report(FROM, TO, null, "LA1").tables().get("LA1"))
        .containsExactlyElementsOf(
            expected(
                "LA1",
                columns,
                "NONE:147,97.4",
                "ONE_TO_TWO:2,1.3",
                "THREE_TO_SIX:1,0.7",
                "SEVEN_PLUS:1,0.7",
                "TOTAL:151,100.0"));
    // On 31 March 2020 the county was still in operation (the unitary not yet): its own 2.
    assertThat(report(FROM, LocalDate.of(2020, 3, 31), SOUTH_EAST, "LA1").tables().get("LA1"))
        .containsExactlyElementsOf(
            expected(
                "LA1",
                columns,
                "NONE:18,94.7",
                "ONE_TO_TWO:1,5.3",
                "THREE_TO_SIX:0,0.0",
                "SEVEN_PLUS:0,0.0",
                "TOTAL:19,100.0"));
  }
}
