package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The words of a laid-out report on small hand-made tables: periods in words, a withheld figure
 * ("c") or a "low" percentage read sensibly and are never written as symbols, nothing is ranked
 * when a withheld figure could change the order, a period with nothing in it says so, and Tables 7
 * and 8 are titled by the authorised extension only where one covers the period.
 */
class ReportTextTest {

  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);
  static final LocalDate AS_AT = LocalDate.of(2021, 3, 31);

  static final List<AnnualReportLayout.Extension> COVID =
      List.of(
          new AnnualReportLayout.Extension(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 9, 30)));

  /** A report of the tables given, each as rows of "ROW,COLUMN=value,COLUMN=value". */
  static Report report(LocalDate from, LocalDate to, Map<String, List<String>> tables) {
    Map<String, List<Cell>> cells = new LinkedHashMap<>();
    tables.forEach(
        (id, rows) -> {
          List<Cell> list = new ArrayList<>();
          for (String row : rows) {
            String[] parts = row.split(",");
            for (int i = 1; i < parts.length; i++) {
              String[] kv = parts[i].split("=", -1);
              list.add(new Cell(id, parts[0], kv[0], kv[1]));
            }
          }
          cells.put(id, list);
        });
    return new Report(new ReportRequest(from, to, AS_AT, null, null), cells);
  }

  static PublishedReport.Table table(PublishedReport r, String id) {
    return r.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  static void readsWithoutSymbols(String text) {
    assertThat(text).doesNotContain("null");
    assertThat(Pattern.compile("\\b(c|low|z|x)\\b").matcher(text).find())
        .as("a symbol in: " + text)
        .isFalse();
  }

  @Test
  @DisplayName("a period in words: a year, a quarter, any other period, one day")
  void periodWords() {
    assertThat(AnnualReportLayout.periodWords(FROM, TO)).isEqualTo("2020");
    assertThat(AnnualReportLayout.periodWords(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 6, 30)))
        .isEqualTo("April to June 2020");
    assertThat(
            AnnualReportLayout.periodWords(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 12, 31)))
        .isEqualTo("October to December 2020");
    assertThat(AnnualReportLayout.periodWords(LocalDate.of(2020, 4, 1), LocalDate.of(2021, 3, 31)))
        .isEqualTo("1 April 2020 to 31 March 2021");
    assertThat(AnnualReportLayout.periodWords(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 4, 30)))
        .isEqualTo("1 February 2020 to 30 April 2020");
    assertThat(AnnualReportLayout.periodWords(LocalDate.of(2020, 5, 6), LocalDate.of(2020, 5, 6)))
        .isEqualTo("6 May 2020");
    assertThat(AnnualReportLayout.title(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 6, 30)))
        .isEqualTo("Serious incident notifications: April to June 2020");
  }

  @Test
  @DisplayName(
      "withheld and low figures read as words, never as c or low, and nothing is ranked around a"
          + " withheld figure")
  void withheldFigures() {
    Report r =
        report(
            FROM,
            TO,
            Map.of(
                "H",
                List.of(
                    "NOTIFICATIONS,COUNT=1234",
                    "DEATH,COUNT=c",
                    "SERIOUS_HARM,COUNT=1200",
                    "OTHER,COUNT=c",
                    "CHILDREN,COUNT=1300",
                    "LAS_NOTIFYING,COUNT=c",
                    "LATE_NOTIFICATIONS,COUNT=0"),
                "T2",
                List.of(
                    "OVERT_FILICIDE,COUNT=c,PERCENT=c",
                    "SUDI,COUNT=20,PERCENT=62.5",
                    "SUICIDE,COUNT=c,PERCENT=c",
                    "MALTREATMENT_FAMILY,COUNT=c,PERCENT=c",
                    "EXTRA_FAMILIAL,COUNT=0,PERCENT=0.0",
                    "TOTAL,COUNT=32,PERCENT=100.0"),
                "T4",
                List.of(
                    "PARENTAL_SEPARATION,TOTAL_COUNT=1,TOTAL_PERCENT=low",
                    "DOMESTIC_ABUSE,TOTAL_COUNT=c,TOTAL_PERCENT=c,SERIOUS_HARM_PERCENT=low",
                    "SECURE_ESTABLISHMENT,TOTAL_COUNT=c,TOTAL_PERCENT=c")));
    PublishedReport laid = AnnualReportLayout.lay(r, null, "North West", COVID);
    for (PublishedReport.Table t : laid.tables()) {
      readsWithoutSymbols(t.paragraph());
    }
    String h = table(laid, "H").paragraph();
    assertThat(h)
        .contains("notification of 1,234 serious incidents")
        .contains("relating to 1,300 children")
        .contains(ReportText.WITHHELD + " were in relation to child deaths")
        .contains("1,200 related to serious harm");
    String t2 = table(laid, "T2").paragraph();
    // SUDI is the largest figure shown, but a withheld one could be larger: no "most common".
    assertThat(t2)
        .contains("Of the 32 fatal incidents")
        .contains("20 (62.5%) were sudden unexpected deaths in infancy (SUDI)")
        .contains(ReportText.WITHHELD + " were suicides")
        .doesNotContain("most common");
    String t4 = table(laid, "T4").paragraph();
    assertThat(t4)
        .contains("Domestic abuse was a feature of less than 0.1% of incidents involving serious")
        .contains(
            "The number of incidents involving children in secure establishments is not shown")
        .doesNotContain("seen most often");
    // Each table says what its symbols mean.
    assertThat(table(laid, "T2").footnotes()).anyMatch(f -> f.startsWith("c: a figure not shown"));
    assertThat(table(laid, "T4").footnotes()).anyMatch(f -> f.startsWith("low: a percentage"));
    assertThat(laid.area()).isEqualTo("North West");
  }

  @Test
  @DisplayName("a period with nothing in it says so, without a figure it does not have")
  void nothingInThePeriod() {
    Report r =
        report(
            FROM,
            TO,
            Map.of(
                "H",
                List.of(
                    "NOTIFICATIONS,COUNT=0",
                    "DEATH,COUNT=0",
                    "SERIOUS_HARM,COUNT=0",
                    "OTHER,COUNT=0",
                    "CHILDREN,COUNT=0"),
                "T2",
                List.of("SUDI,COUNT=0,PERCENT=", "TOTAL,COUNT=0,PERCENT="),
                "T6",
                List.of(
                    "BAND_1_15,RECEIVED=0,NOT_YET_RECEIVED=0,TOTAL=0,PERCENT=",
                    "TOTAL,RECEIVED=0,NOT_YET_RECEIVED=0,TOTAL=0,PERCENT=")));
    PublishedReport laid = AnnualReportLayout.lay(r, null, "England");
    assertThat(table(laid, "H").paragraph())
        .isEqualTo(
            "The Panel received no notification of a serious incident which occurred between 1"
                + " January 2020 and 31 December 2020.");
    assertThat(table(laid, "T2").paragraph())
        .isEqualTo("There was no notification of a child's death in the period.");
    assertThat(table(laid, "T6").paragraph())
        .endsWith("No rapid review had a requested completion date in 2020.");
  }

  @Test
  @DisplayName(
      "Tables 7 and 8 are titled by the authorised extension where one covers the period, and in"
          + " general words where none does or the policy periods are not given")
  void extensionTitles() {
    List<String> t6 =
        List.of(
            "BAND_1_15,RECEIVED=3,NOT_YET_RECEIVED=0,TOTAL=3,PERCENT=100.0",
            "TOTAL,RECEIVED=3,NOT_YET_RECEIVED=0,TOTAL=3,PERCENT=100.0");
    Map<String, List<String>> tables = Map.of("T7", t6, "T8", t6);
    PublishedReport quarter =
        AnnualReportLayout.lay(
            report(LocalDate.of(2020, 4, 1), LocalDate.of(2020, 6, 30), tables), null, "", COVID);
    assertThat(table(quarter, "T8").caption())
        .isEqualTo(
            "Table 8: Timeliness of rapid reviews during the authorised extension, April 2020 to"
                + " June 2020");
    assertThat(table(quarter, "T7").caption())
        .isEqualTo("Table 7: Timeliness of rapid reviews outside the authorised extension");

    PublishedReport later =
        AnnualReportLayout.lay(
            report(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), tables), null, "", COVID);
    assertThat(table(later, "T7").caption())
        .isEqualTo("Table 7: Timeliness of rapid reviews outside the authorised extension");
    assertThat(table(later, "T8").footnotes().get(0))
        .isEqualTo(
            "No authorised extension of the 15-working-day target covered 2022, so no rapid review"
                + " is counted here.");

    PublishedReport unknown = AnnualReportLayout.lay(report(FROM, TO, tables), null, "England");
    assertThat(table(unknown, "T8").caption())
        .isEqualTo("Table 8: Timeliness of rapid reviews during the authorised extension");
    assertThat(table(unknown, "T8").footnotes().get(0)).doesNotContain("2020");
  }

  @Test
  @DisplayName(
      "a laid-out report, kept as JSON (an edition frozen when published), reads back the same:"
          + " its row and column codes, row kinds, headings and charts included")
  void keptAsJson() {
    Report r =
        report(
            FROM,
            TO,
            Map.of(
                "T2",
                List.of(
                    "SUDI,COUNT=20,PERCENT=62.5",
                    "RELATED,COUNT=c,PERCENT=c",
                    "RELATED_ACCIDENT,COUNT=c,PERCENT=c",
                    "TOTAL,COUNT=32,PERCENT=100.0",
                    "MALTREATMENT_FAMILY,COUNT=12,PERCENT=37.5"),
                "T6",
                List.of(
                    "BAND_1_15,RECEIVED=3,NOT_YET_RECEIVED=0,TOTAL=3,PERCENT=100.0,"
                        + "OUTSTANDING_MIN_WD=,OUTSTANDING_MAX_WD=",
                    "TOTAL,RECEIVED=3,NOT_YET_RECEIVED=0,TOTAL=3,PERCENT=100.0,"
                        + "OUTSTANDING_MIN_WD=,OUTSTANDING_MAX_WD=")));
    PublishedReport laid = AnnualReportLayout.lay(r, r, "England", COVID);
    tools.jackson.databind.json.JsonMapper json =
        tools.jackson.databind.json.JsonMapper.builder().build();
    PublishedReport back = json.readValue(json.writeValueAsString(laid), PublishedReport.class);
    assertThat(back).isEqualTo(laid);
    assertThat(table(back, "T2").row("RELATED_ACCIDENT").orElseThrow().kind())
        .isEqualTo(PublishedReport.RowKind.SUBROW);
    assertThat(table(back, "T2").rows())
        .anyMatch(row -> row.kind() == PublishedReport.RowKind.HEADING);
    assertThat(table(back, "T6").value("TOTAL", "COMPARATOR_TOTAL")).isEqualTo("3");
    assertThat(table(back, "T6").chart()).isNotNull();
  }
}
