package uk.gov.observatory.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates typed into a page's filter: ISO or the UK's day-first way; the API stays strict. */
class FilterDatesTest {

  private static final LocalDate JUNE_30 = LocalDate.of(2020, 6, 30);

  @Test
  void ukTypedDatesAreDates() {
    for (String typed :
        new String[] {
          "2020-06-30",
          "30/06/2020",
          "30/6/2020",
          " 30/06/2020 ",
          "30-06-2020",
          "30.06.2020",
          "30 6 2020",
          "30 June 2020",
          "30 june 2020",
          "30 Jun 2020"
        }) {
      assertThat(DateInput.parseFilter(typed)).as(typed).contains(JUNE_30);
    }
    assertThat(DateInput.parseFilter("1/2/2020")).contains(LocalDate.of(2020, 2, 1));
  }

  @Test
  void notDatesAreRefused() {
    for (String typed :
        new String[] {
          "31/02/2020", "30/13/2020", "30/06/20", "06/30/2020", "2020/06/30", "30/06/1899",
          "1/1/2101", "٣٠/٠٦/٢٠٢٠", "30 Junes 2020", "", "yesterday", "30//06/2020"
        }) {
      assertThat(DateInput.parseFilter(typed)).as(typed).isEmpty();
    }
    assertThat(DateInput.parseFilter(null)).isEmpty();
  }

  @Test
  void theApiRuleStaysStrict() {
    assertThat(DateInput.parse("30/06/2020")).isEmpty();
    assertThat(DateInput.parse("2020-06-30")).contains(JUNE_30);
  }
}
