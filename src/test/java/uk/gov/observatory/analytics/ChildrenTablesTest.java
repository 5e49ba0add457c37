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

/**
 * T1, T2, T3, A1, IMD1 and CV1 on small sets whose every cell is worked out by hand (each
 * expectation is written as the table's lines: the row code, then its cells in the columns' order,
 * "-" for a blank).
 */
@RegisterTest
class ChildrenTablesTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";
  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);
  static final LocalDate AS_AT = LocalDate.of(2026, 11, 26);

  @Autowired Reports reports;
  @Autowired NotificationRegister register;

  /**
   * Eighteen children of five notifications in 2020 (16 with a recorded ethnicity: 1/16 = 6.25%
   * rounds half-up to 6.3, 3/16 = 18.75% to 18.8), and two children of notifications just outside
   * the year.
   */
  void childrenOf2020() {
    notify(
        WESTMINSTER,
        "DEATH",
        "2020-02-03",
        "SUDI",
        null,
        List.of(),
        child("MALE", 0, "WBRI"),
        child("FEMALE", 0, "WBRI"),
        child("FEMALE", 3, "WBRI"),
        child("NOT_KNOWN", 4, "WBRI"));
    notify(
        WESTMINSTER,
        "SERIOUS_HARM",
        "2020-05-05",
        "NONFATAL_NEGLECT",
        null,
        List.of(),
        child("MALE", 5, "WBRI"),
        child("MALE", 9, "WBRI"),
        child("TRANSGENDER", 14, "WBRI"),
        child("FEMALE", 10, "WBRI"));
    notify(
        LEEDS,
        "OTHER",
        "2020-08-10",
        "OTHER_NON_FATAL",
        null,
        List.of(),
        child("MALE", 15, "WBRI"),
        child("FEMALE", 17, "WROM"),
        child("MALE", 1, "MWBC"),
        child("FEMALE", 12, "MWAS"));
    notify(
        LEEDS,
        "SERIOUS_HARM",
        "2020-11-11",
        "CSE",
        null,
        List.of(),
        child("MALE", 16, "MOTH"),
        child("FEMALE", 7, "APKN"),
        child("MALE", 2, "BAFR"));
    notify(
        WESTMINSTER,
        "DEATH",
        "2020-12-31",
        "NOT_CLEAR",
        null,
        List.of(),
        child("NOT_KNOWN", 11, null),
        child("MALE", 0, "REFU"),
        child("FEMALE", 17, "WBRI"));
    notify(
        WESTMINSTER, "DEATH", "2021-01-01", "SUICIDE", null, List.of(), child("MALE", 0, "BCRB"));
    notify(
        WESTMINSTER,
        "SERIOUS_HARM",
        "2019-12-31",
        "CSE",
        null,
        List.of(),
        child("FEMALE", 5, "CHNE"));
  }

  @Test
  @DisplayName("T1: children by ethnic group, percent of those recorded, and the Census baseline")
  void ethnicity() {
    childrenOf2020();
    List<String> columns = List.of("COUNT", "PERCENT", "CENSUS_PERCENT");
    assertThat(table("T1", FROM, TO, null))
        .containsExactlyElementsOf(
            expected(
                "T1",
                columns,
                """
                WHITE_BRITISH 10 62.5 79.3
                WHITE_OTHER 1 6.3 -
                MIXED 3 18.8 5.0
                ASIAN 1 6.3 9.7
                BLACK 1 6.3 4.7
                OTHER 0 0.0 1.2
                NOT_RECORDED 2 - -
                TOTAL 18 - -
                """));
    // Leeds only: seven children, all recorded.
    assertThat(table("T1", FROM, TO, LEEDS))
        .containsExactlyElementsOf(
            expected(
                "T1",
                columns,
                """
                WHITE_BRITISH 1 14.3 79.3
                WHITE_OTHER 1 14.3 -
                MIXED 3 42.9 5.0
                ASIAN 1 14.3 9.7
                BLACK 1 14.3 4.7
                OTHER 0 0.0 1.2
                NOT_RECORDED 0 - -
                TOTAL 7 - -
                """));
    // Only the two children outside 2020, in a period of two days.
    assertThat(table("T1", LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 1), null))
        .containsExactlyElementsOf(
            expected(
                "T1",
                columns,
                """
                WHITE_BRITISH 0 0.0 79.3
                WHITE_OTHER 0 0.0 -
                MIXED 0 0.0 5.0
                ASIAN 0 0.0 9.7
                BLACK 0 0.0 4.7
                OTHER 1 100.0 1.2
                NOT_RECORDED 0 - -
                TOTAL 1 - -
                """));
    // No children: every percentage blank, the baseline still shown.
    assertThat(table("T1", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null))
        .containsExactlyElementsOf(
            expected(
                "T1",
                columns,
                """
                WHITE_BRITISH 0 - 79.3
                WHITE_OTHER 0 - -
                MIXED 0 - 5.0
                ASIAN 0 - 9.7
                BLACK 0 - 4.7
                OTHER 0 - 1.2
                NOT_RECORDED 0 - -
                TOTAL 0 - -
                """));
  }

  @Test
  @DisplayName("A1: children by age band and gender, each band's percent of all the children")
  void ageAndGender() {
    childrenOf2020();
    List<String> columns =
        List.of("MALE", "FEMALE", "TRANSGENDER", "NOT_KNOWN", "TOTAL", "PERCENT");
    assertThat(table("A1", FROM, TO, null))
        .containsExactlyElementsOf(
            expected(
                "A1",
                columns,
                """
                UNDER_1 2 1 0 0 3 16.7
                AGE_1_4 2 1 0 1 4 22.2
                AGE_5_9 2 1 0 0 3 16.7
                AGE_10_14 0 2 1 1 4 22.2
                AGE_15_17 2 2 0 0 4 22.2
                TOTAL 8 7 1 2 18 100.0
                """));
    assertThat(table("A1", FROM, TO, LEEDS))
        .containsExactlyElementsOf(
            expected(
                "A1",
                columns,
                """
                UNDER_1 0 0 0 0 0 0.0
                AGE_1_4 2 0 0 0 2 28.6
                AGE_5_9 0 1 0 0 1 14.3
                AGE_10_14 0 1 0 0 1 14.3
                AGE_15_17 2 1 0 0 3 42.9
                TOTAL 4 3 0 0 7 100.0
                """));
    assertThat(table("A1", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null))
        .containsExactlyElementsOf(
            expected(
                "A1",
                columns,
                """
                UNDER_1 0 0 0 0 0 -
                AGE_1_4 0 0 0 0 0 -
                AGE_5_9 0 0 0 0 0 -
                AGE_10_14 0 0 0 0 0 -
                AGE_15_17 0 0 0 0 0 -
                TOTAL 0 0 0 0 0 -
                """));
  }

  /**
   * Fifteen notifications in 2020 (eight deaths, seven non-fatal; two of them in Leeds) and one
   * death in 2021, with deciles and COVID-19 factors.
   */
  void notificationsOf2020() {
    List<String> pfs = List.of("PARENTAL_FAMILY_STRESSORS");
    notify(WESTMINSTER, "DEATH", "2020-01-01", "OVERT_FILICIDE", "1", pfsAndSchools());
    notify(WESTMINSTER, "DEATH", "2020-02-01", "OVERT_FILICIDE", "2", List.of());
    notify(WESTMINSTER, "DEATH", "2020-03-01", "FATAL_PHYSICAL_ABUSE", "2", List.of());
    notify(WESTMINSTER, "DEATH", "2020-04-01", "EXTRA_FAMILIAL_HOMICIDE", "3", List.of());
    notify(WESTMINSTER, "DEATH", "2020-05-01", "SUDI", "5", List.of("CHILD_VULNERABILITY"));
    notify(WESTMINSTER, "DEATH", "2020-06-01", "RELATED_ACCIDENT", "6", List.of());
    notify(LEEDS, "DEATH", "2020-07-01", "RELATED_POISONING", "9", List.of());
    notify(WESTMINSTER, "DEATH", "2020-12-31", "NOT_CLEAR", null, List.of());
    notify(WESTMINSTER, "SERIOUS_HARM", "2020-01-02", "NONFATAL_NEGLECT", "10", pfs);
    notify(WESTMINSTER, "SERIOUS_HARM", "2020-02-02", "NONFATAL_NEGLECT", null, List.of());
    notify(WESTMINSTER, "SERIOUS_HARM", "2020-03-02", "NONFATAL_NEGLECT", null, List.of());
    notify(
        LEEDS,
        "SERIOUS_HARM",
        "2020-04-02",
        "CSE",
        null,
        List.of("SCHOOL_CLOSURE", "CHILD_VULNERABILITY", "PARENTAL_FAMILY_STRESSORS"));
    notify(WESTMINSTER, "OTHER", "2020-05-02", "OTHER_NON_FATAL", null, List.of("SCHOOL_CLOSURE"));
    notify(WESTMINSTER, "OTHER", "2020-06-02", "EMOTIONAL_ABUSE", null, List.of());
    notify(WESTMINSTER, "SERIOUS_HARM", "2020-07-02", "YOUNG_PERSON_PERPETRATOR", null, List.of());
    notify(WESTMINSTER, "DEATH", "2021-01-01", "SUICIDE", "1", List.of("COVID_SAFE_ADAPTATION"));
  }

  static List<String> pfsAndSchools() {
    return List.of("PARENTAL_FAMILY_STRESSORS", "SCHOOL_CLOSURE");
  }

  @Test
  @DisplayName("T2: deaths by category and group, percent of the deaths")
  void deathCategory() {
    notificationsOf2020();
    List<String> columns = List.of("COUNT", "PERCENT");
    assertThat(table("T2", FROM, TO, null))
        .containsExactlyElementsOf(
            expected(
                "T2",
                columns,
                """
                OVERT_FILICIDE 2 25.0
                COVERT_FILICIDE 0 0.0
                FATAL_PHYSICAL_ABUSE 1 12.5
                SEVERE_PERSISTENT_CRUELTY 0 0.0
                EXTREME_NEGLECT 0 0.0
                EXTRA_FAMILIAL_HOMICIDE 1 12.5
                EXTRA_FAMILIAL_FATAL_ASSAULT 0 0.0
                SUDI 1 12.5
                SUICIDE 0 0.0
                RELATED 2 25.0
                RELATED_ACCIDENT 1 12.5
                RELATED_MEDICAL 0 0.0
                RELATED_RISK_TAKING 0 0.0
                RELATED_POISONING 1 12.5
                RELATED_OTHER 0 0.0
                NOT_MALTREATMENT_RELATED 0 0.0
                NOT_CLEAR 1 12.5
                MALTREATMENT_FAMILY 3 37.5
                EXTRA_FAMILIAL 1 12.5
                TOTAL 8 100.0
                """));
    assertThat(table("T2", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), null))
        .containsExactlyElementsOf(
            expected(
                "T2",
                columns,
                """
                OVERT_FILICIDE 0 0.0
                COVERT_FILICIDE 0 0.0
                FATAL_PHYSICAL_ABUSE 0 0.0
                SEVERE_PERSISTENT_CRUELTY 0 0.0
                EXTREME_NEGLECT 0 0.0
                EXTRA_FAMILIAL_HOMICIDE 0 0.0
                EXTRA_FAMILIAL_FATAL_ASSAULT 0 0.0
                SUDI 0 0.0
                SUICIDE 1 100.0
                RELATED 0 0.0
                RELATED_ACCIDENT 0 0.0
                RELATED_MEDICAL 0 0.0
                RELATED_RISK_TAKING 0 0.0
                RELATED_POISONING 0 0.0
                RELATED_OTHER 0 0.0
                NOT_MALTREATMENT_RELATED 0 0.0
                NOT_CLEAR 0 0.0
                MALTREATMENT_FAMILY 0 0.0
                EXTRA_FAMILIAL 0 0.0
                TOTAL 1 100.0
                """));
    // Leeds's only notification of 2021 is none: no deaths, every percentage blank.
    List<Cell> none = table("T2", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), LEEDS);
    assertThat(none).hasSize(40);
    assertThat(none)
        .filteredOn(c -> c.columnCode().equals("COUNT"))
        .allMatch(c -> c.value().equals("0"));
    assertThat(none)
        .filteredOn(c -> c.columnCode().equals("PERCENT"))
        .allMatch(c -> c.value().isEmpty());
  }

  @Test
  @DisplayName("T3: non-fatal notifications (serious harm and other) by category of harm")
  void harmCategory() {
    notificationsOf2020();
    List<String> columns = List.of("COUNT", "PERCENT");
    assertThat(table("T3", FROM, TO, null))
        .containsExactlyElementsOf(
            expected(
                "T3",
                columns,
                """
                NONFATAL_PHYSICAL_ABUSE 0 0.0
                NONFATAL_NEGLECT 3 42.9
                EMOTIONAL_ABUSE 1 14.3
                CSA_INTRA_FAMILIAL 0 0.0
                CSA_EXTRA_FAMILIAL 0 0.0
                CSE 1 14.3
                CRIMINAL_EXPLOITATION 0 0.0
                YOUNG_PERSON_PERPETRATOR 1 14.3
                OTHER_RISK_TAKING_VIOLENT 0 0.0
                OTHER_NON_FATAL 1 14.3
                TOTAL 7 100.0
                """));
    // 2021 has a death only: no non-fatal notification, every percentage blank.
    assertThat(table("T3", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), null))
        .containsExactlyElementsOf(
            expected(
                "T3",
                columns,
                """
                NONFATAL_PHYSICAL_ABUSE 0 -
                NONFATAL_NEGLECT 0 -
                EMOTIONAL_ABUSE 0 -
                CSA_INTRA_FAMILIAL 0 -
                CSA_EXTRA_FAMILIAL 0 -
                CSE 0 -
                CRIMINAL_EXPLOITATION 0 -
                YOUNG_PERSON_PERPETRATOR 0 -
                OTHER_RISK_TAKING_VIOLENT 0 -
                OTHER_NON_FATAL 0 -
                TOTAL 0 -
                """));
  }

  @Test
  @DisplayName("IMD1: notifications by deprivation quintile, percent of those with a known decile")
  void deprivation() {
    notificationsOf2020();
    List<String> columns = List.of("COUNT", "PERCENT");
    assertThat(table("IMD1", FROM, TO, null))
        .containsExactlyElementsOf(
            expected(
                "IMD1",
                columns,
                """
                QUINTILE_1 3 37.5
                QUINTILE_2 1 12.5
                QUINTILE_3 2 25.0
                QUINTILE_4 0 0.0
                QUINTILE_5 2 25.0
                UNKNOWN 7 -
                TOTAL 15 -
                """));
    assertThat(table("IMD1", FROM, TO, LEEDS))
        .containsExactlyElementsOf(
            expected(
                "IMD1",
                columns,
                """
                QUINTILE_1 0 0.0
                QUINTILE_2 0 0.0
                QUINTILE_3 0 0.0
                QUINTILE_4 0 0.0
                QUINTILE_5 1 100.0
                UNKNOWN 1 -
                TOTAL 2 -
                """));
    // Only the last day of 2020: one notification, its decile unknown.
    LocalDate last = LocalDate.of(2020, 12, 31);
    assertThat(table("IMD1", last, last, null))
        .containsExactlyElementsOf(
            expected(
                "IMD1",
                columns,
                """
                QUINTILE_1 0 -
                QUINTILE_2 0 -
                QUINTILE_3 0 -
                QUINTILE_4 0 -
                QUINTILE_5 0 -
                UNKNOWN 1 -
                TOTAL 1 -
                """));
  }

  @Test
  @DisplayName("CV1: notifications with each COVID-19 factor, and with any, by type")
  void covidFactors() {
    notificationsOf2020();
    List<String> columns = List.of("DEATH", "SERIOUS_HARM", "OTHER", "TOTAL");
    assertThat(table("CV1", FROM, TO, null))
        .containsExactlyElementsOf(
            expected(
                "CV1",
                columns,
                """
                PARENTAL_FAMILY_STRESSORS 1 2 0 3
                CHILD_VULNERABILITY 1 1 0 2
                SCHOOL_CLOSURE 1 1 1 3
                COVID_SAFE_ADAPTATION 0 0 0 0
                ANY_FACTOR 2 2 1 5
                """));
    assertThat(table("CV1", FROM, TO, LEEDS))
        .containsExactlyElementsOf(
            expected(
                "CV1",
                columns,
                """
                PARENTAL_FAMILY_STRESSORS 0 1 0 1
                CHILD_VULNERABILITY 0 1 0 1
                SCHOOL_CLOSURE 0 1 0 1
                COVID_SAFE_ADAPTATION 0 0 0 0
                ANY_FACTOR 0 1 0 1
                """));
    assertThat(table("CV1", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), null))
        .containsExactlyElementsOf(
            expected(
                "CV1",
                columns,
                """
                PARENTAL_FAMILY_STRESSORS 0 0 0 0
                CHILD_VULNERABILITY 0 0 0 0
                SCHOOL_CLOSURE 0 0 0 0
                COVID_SAFE_ADAPTATION 1 0 0 1
                ANY_FACTOR 1 0 0 1
                """));
  }

  // ---------------------------------------------------------------------------------------------

  List<Cell> table(String id, LocalDate from, LocalDate to, String la) {
    Report report =
        reports.report(
            new ReportRequest(from, to, AS_AT, null, la), List.of(id), Viewer.system("test"));
    assertThat(report.tables().keySet()).containsExactly(id);
    return report.tables().get(id);
  }

  /** Cells from lines "ROW v1 v2 ...", the values in the columns' order, "-" for a blank. */
  static List<Cell> expected(String table, List<String> columns, String lines) {
    List<Cell> cells = new ArrayList<>();
    for (String line : lines.strip().split("\n")) {
      String[] f = line.strip().split(" +");
      assertThat(f).hasSize(columns.size() + 1);
      for (int i = 0; i < columns.size(); i++) {
        cells.add(new Cell(table, f[0], columns.get(i), f[i + 1].equals("-") ? "" : f[i + 1]));
      }
    }
    return cells;
  }

  static ChildSubmission child(String gender, int age, String ethnicity) {
    return new ChildSubmission(null, gender, Integer.toString(age), ethnicity, null, null);
  }

  void notify(
      String la,
      String type,
      String incident,
      String category,
      String imd,
      List<String> covid,
      ChildSubmission... children) {
    boolean death = type.equals("DEATH");
    List<ChildSubmission> kids =
        children.length == 0 ? List.of(child("FEMALE", 8, "WBRI")) : List.of(children);
    register.notify(
        new NotificationSubmission(
            null,
            la,
            incident,
            incident,
            LocalDate.parse(incident).plusDays(2).toString(),
            type,
            death ? category : null,
            death ? null : category,
            imd,
            List.of(),
            null,
            "NONE",
            "NONE",
            "AT_HOME",
            covid,
            kids));
  }
}
