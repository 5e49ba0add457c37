package uk.gov.observatory.support;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * England and Wales bank holidays 2018-2027 as published on GOV.UK, typed in by hand (not
 * computed): what tests count working days against, independently of the calendar under test.
 */
public final class PublishedBankHolidays {

  private PublishedBankHolidays() {}

  public static final Set<LocalDate> ENGLAND_AND_WALES =
      Stream.of(
              // 2018
              "2018-01-01",
              "2018-03-30",
              "2018-04-02",
              "2018-05-07",
              "2018-05-28",
              "2018-08-27",
              "2018-12-25",
              "2018-12-26",
              // 2019
              "2019-01-01",
              "2019-04-19",
              "2019-04-22",
              "2019-05-06",
              "2019-05-27",
              "2019-08-26",
              "2019-12-25",
              "2019-12-26",
              // 2020: early May moved to Friday 8 May (VE Day); Boxing Day substitute 28 Dec
              "2020-01-01",
              "2020-04-10",
              "2020-04-13",
              "2020-05-08",
              "2020-05-25",
              "2020-08-31",
              "2020-12-25",
              "2020-12-28",
              // 2021: Christmas and Boxing Day substitutes 27 and 28 Dec
              "2021-01-01",
              "2021-04-02",
              "2021-04-05",
              "2021-05-03",
              "2021-05-31",
              "2021-08-30",
              "2021-12-27",
              "2021-12-28",
              // 2022: New Year substitute 3 Jan; spring moved to 2 Jun, Jubilee 3 Jun; state
              // funeral 19 Sep; Christmas substitute 27 Dec
              "2022-01-03",
              "2022-04-15",
              "2022-04-18",
              "2022-05-02",
              "2022-06-02",
              "2022-06-03",
              "2022-08-29",
              "2022-09-19",
              "2022-12-26",
              "2022-12-27",
              // 2023: New Year substitute 2 Jan; coronation 8 May
              "2023-01-02",
              "2023-04-07",
              "2023-04-10",
              "2023-05-01",
              "2023-05-08",
              "2023-05-29",
              "2023-08-28",
              "2023-12-25",
              "2023-12-26",
              // 2024
              "2024-01-01",
              "2024-03-29",
              "2024-04-01",
              "2024-05-06",
              "2024-05-27",
              "2024-08-26",
              "2024-12-25",
              "2024-12-26",
              // 2025
              "2025-01-01",
              "2025-04-18",
              "2025-04-21",
              "2025-05-05",
              "2025-05-26",
              "2025-08-25",
              "2025-12-25",
              "2025-12-26",
              // 2026: Boxing Day substitute 28 Dec
              "2026-01-01",
              "2026-04-03",
              "2026-04-06",
              "2026-05-04",
              "2026-05-25",
              "2026-08-31",
              "2026-12-25",
              "2026-12-28",
              // 2027: Christmas and Boxing Day substitutes 27 and 28 Dec
              "2027-01-01",
              "2027-03-26",
              "2027-03-29",
              "2027-05-03",
              "2027-05-31",
              "2027-08-30",
              "2027-12-27",
              "2027-12-28")
          .map(LocalDate::parse)
          .collect(Collectors.toUnmodifiableSet());
}
