package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** results.csv and the agreement file in the columns, read back as RFC 4180. */
class ResultsCsvTest {

  @Test
  void resultsReadBackInTheContractsColumns() throws IOException {
    AnalysisResults results = ResultsTest.results(Grouping.CASE_THEME);
    StringWriter out = new StringWriter();
    ResultsCsv.write(results, out);

    assertThat(out.toString())
        .startsWith(
            "analysis_ref,code,value,group,grouping,cases,count,percent,ci_low,ci_high\r\n");
    List<CSVRecord> records = read(out.toString());
    assertThat(records).hasSize(results.rows().size());
    // every row reads back as the row it was
    for (int i = 0; i < records.size(); i++) {
      CSVRecord csv = records.get(i);
      ResultRow row = results.rows().get(i);
      assertThat(csv.get("analysis_ref")).isEqualTo("TA-2020-01");
      assertThat(csv.get("code")).isEqualTo(row.code());
      assertThat(csv.get("value")).isEqualTo(row.value());
      assertThat(Group.valueOf(csv.get("group"))).isEqualTo(row.group());
      assertThat(csv.get("grouping")).isEqualTo(row.grouping());
      assertThat(integer(csv.get("cases"))).isEqualTo(row.cases());
      assertThat(integer(csv.get("count"))).isEqualTo(row.count());
      assertThat(decimal(csv.get("percent"))).isEqualTo(row.percent());
      assertThat(decimal(csv.get("ci_low"))).isEqualTo(row.ciLow());
      assertThat(decimal(csv.get("ci_high"))).isEqualTo(row.ciHigh());
    }
    // the figures as the contract writes them (worked in ResultsTest)
    assertThat(find(records, "PRESENT", "Y", "SAMPLE", "ALL"))
        .containsExactly(
            "TA-2020-01", "PRESENT", "Y", "SAMPLE", "ALL", "5", "3", "60.0", "23.1", "88.2");
    // a difference: blank cases and count, a negative end as a plain number
    assertThat(find(records, "PRESENT", "Y", "DIFFERENCE", "ALL"))
        .containsExactly(
            "TA-2020-01", "PRESENT", "Y", "DIFFERENCE", "ALL", "", "", "26.7", "-32.2", "65.9");
    // nothing to count: blank, never NaN
    assertThat(
            find(records, "PRESENT", "Y", "CONTROL", "Non-accidental injury in children under 1"))
        .containsExactly(
            "TA-2020-01",
            "PRESENT",
            "Y",
            "CONTROL",
            "Non-accidental injury in children under 1",
            "0",
            "0",
            "",
            "",
            "");
    assertThat(out.toString()).doesNotContain("NaN").doesNotContain("E+").doesNotContain("null");
  }

  @Test
  void aGroupLabelWithACommaIsQuoted() throws IOException {
    AnalysisResults results =
        new AnalysisResults(
            "TA-2020-03",
            Grouping.DEATH_CATEGORY,
            List.of(
                new ResultRow(
                    "PRESENT",
                    "Y",
                    Group.SAMPLE,
                    "Severe, persistent child cruelty",
                    4,
                    1,
                    new BigDecimal("25.0"),
                    new BigDecimal("4.6"),
                    new BigDecimal("69.9"))),
            List.of());
    StringWriter out = new StringWriter();
    ResultsCsv.write(results, out);
    assertThat(out.toString()).contains(",\"Severe, persistent child cruelty\",");
    assertThat(read(out.toString()).get(0).get("grouping"))
        .isEqualTo("Severe, persistent child cruelty");
  }

  @Test
  void agreementReadsBack() throws IOException {
    AnalysisResults results = ResultsTest.results(null);
    StringWriter out = new StringWriter();
    ResultsCsv.writeAgreement(results, out);
    assertThat(out.toString())
        .startsWith("analysis_ref,code,cases_double_coded,percent_agreement,kappa\r\n");
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord r : read(out.toString())) {
      rows.add(r.toList());
    }
    // worked in ResultsTest: PRESENT 3 of 4 agreed, kappa 0.500; STRESS 2 of 4, kappa 0.333
    assertThat(rows)
        .containsExactly(
            List.of("TA-2020-01", "PRESENT", "4", "75.0", "0.500"),
            List.of("TA-2020-01", "STRESS", "4", "50.0", "0.333"));
  }

  @Test
  void blankKappaWhenChanceAgreementIsOne() throws IOException {
    AnalysisResults results =
        new AnalysisResults(
            "TA-2020-04",
            null,
            List.of(),
            List.of(
                new AgreementRow("PRESENT", 3, new BigDecimal("100.0"), null),
                new AgreementRow("STRESS", 0, null, null)));
    StringWriter out = new StringWriter();
    ResultsCsv.writeAgreement(results, out);
    assertThat(out.toString())
        .isEqualTo(
            "analysis_ref,code,cases_double_coded,percent_agreement,kappa\r\n"
                + "TA-2020-04,PRESENT,3,100.0,\r\n"
                + "TA-2020-04,STRESS,0,,\r\n");
  }

  @Test
  void theAgreementFileIsNamedBesideTheResults() {
    assertThat(ResultsCsv.agreementName("results.csv")).isEqualTo("results.agreement.csv");
    assertThat(ResultsCsv.agreementName("covid.CSV")).isEqualTo("covid.agreement.csv");
    assertThat(ResultsCsv.agreementName("covid")).isEqualTo("covid.agreement.csv");
  }

  private static List<CSVRecord> read(String csv) throws IOException {
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(csv),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  private static List<String> find(
      List<CSVRecord> records, String code, String value, String group, String grouping) {
    return records.stream()
        .filter(
            r ->
                r.get("code").equals(code)
                    && r.get("value").equals(value)
                    && r.get("group").equals(group)
                    && r.get("grouping").equals(grouping))
        .findFirst()
        .orElseThrow()
        .toList();
  }

  private static Integer integer(String s) {
    return s.isEmpty() ? null : Integer.valueOf(s);
  }

  private static BigDecimal decimal(String s) {
    return s.isEmpty() ? null : new BigDecimal(s);
  }
}
