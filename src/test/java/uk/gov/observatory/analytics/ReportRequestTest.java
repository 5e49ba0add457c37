package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report's own rule for its dates: within the working-day table's days, 10 years at most. */
class ReportRequestTest {

  static ReportRequest request(String from, String to, String asAt) {
    return new ReportRequest(
        LocalDate.parse(from), LocalDate.parse(to), LocalDate.parse(asAt), null, null);
  }

  @Test
  @DisplayName("dates from 2000-01-01 to 2100-12-31, each named when outside")
  void range() {
    assertThat(request("2000-01-01", "2009-12-31", "2100-12-31").periodProblems()).isEmpty();
    assertThat(request("0001-01-01", "9999-12-31", "9999-12-31").periodProblems())
        .extracting(InvalidReportException.Problem::field)
        .containsExactly("from", "to", "as_at");
    assertThat(request("1999-12-31", "2000-12-31", "2001-01-01").periodProblems())
        .containsExactly(
            new InvalidReportException.Problem(
                "from", "The start of the period must be from 2000-01-01 to 2100-12-31"));
    assertThat(
            new ReportRequest(LocalDate.MIN, LocalDate.MAX, LocalDate.MAX, null, null)
                .periodProblems())
        .hasSize(3);
  }

  @Test
  @DisplayName("a period of 10 years at most, leap years included")
  void tenYears() {
    assertThat(request("2000-01-01", "2009-12-31", "2010-01-01").periodProblems()).isEmpty();
    assertThat(request("2000-01-01", "2010-01-01", "2010-01-01").periodProblems())
        .containsExactly(
            new InvalidReportException.Problem(
                "to",
                "The period can be at most 10 years: starting on 2000-01-01, it must end on or"
                    + " before 2009-12-31"));
    assertThat(request("2004-02-29", "2014-02-27", "2015-01-01").periodProblems()).isEmpty();
    assertThat(request("2004-02-29", "2014-02-28", "2015-01-01").periodProblems()).hasSize(1);
    assertThat(ReportRequest.latestEnd(LocalDate.parse("2020-04-01")))
        .isEqualTo(LocalDate.parse("2030-03-31"));
  }

  @Test
  @DisplayName("a report date from input: YYYY-MM-DD, ASCII digits, within the range")
  void parse() {
    assertThat(ReportRequest.parseDate("2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29));
    for (String bad :
        new String[] {
          "+999999999-12-31",
          "-999999999-01-01",
          "1999-12-31",
          "2101-01-01",
          "2021-02-29",
          "٢٠٢٠-٠١-٠١",
          "2020-1-1",
          " 2020-01-01",
          "",
          null
        }) {
      assertThat(ReportRequest.parseDate(bad)).as(String.valueOf(bad)).isNull();
    }
  }
}
