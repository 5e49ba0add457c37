package uk.gov.observatory.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DateInputTest {

  @Test
  @DisplayName("a YYYY-MM-DD date from 1900-01-01 to 2100-12-31 is read")
  void readsDatesInRange() {
    assertThat(DateInput.parse("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
    assertThat(DateInput.parse("1900-01-01")).contains(LocalDate.of(1900, 1, 1));
    assertThat(DateInput.parse("2100-12-31")).contains(LocalDate.of(2100, 12, 31));
  }

  @Test
  @DisplayName(
      "out-of-range years, signed years, non-ASCII digits and days that do not exist are refused")
  void refusesEverythingElse() {
    for (String bad :
        new String[] {
          "+999999999-12-31",
          "-999999999-01-01",
          "1899-12-31",
          "2101-01-01",
          "0001-01-01",
          "9999-12-31",
          "2023-02-29",
          "2024-13-01",
          "2024-1-01",
          " 2024-01-01",
          "2024-01-01T00:00",
          "\u0662\u0660\u0662\u0664-01-01",
          "\uff12\uff10\uff12\uff14-01-01",
          "",
          null
        }) {
      assertThat(DateInput.parse(bad)).as(String.valueOf(bad)).isEmpty();
    }
    assertThat(DateInput.isAllowed(LocalDate.MAX)).isFalse();
    assertThat(DateInput.message("from"))
        .isEqualTo("from must be a date written YYYY-MM-DD, from 1900-01-01 to 2100-12-31");
  }
}
