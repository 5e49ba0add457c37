package uk.gov.observatory.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatutoryDeadlinesTest {

  final StatutoryDeadlines deadlines = new StatutoryDeadlines(new WorkingDayCalendar());

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  @DisplayName(
      "a notification on the 5th working day after becoming aware is on time, on the 6th late")
  void notificationDuty() {
    // Aware Friday 18 Dec 2020; working days after: 21, 22, 23, 24 Dec, 29 Dec (5th), 30 Dec (6th).
    assertThat(deadlines.isLateNotification(d("2020-12-18"), d("2020-12-29"))).isFalse();
    assertThat(deadlines.isLateNotification(d("2020-12-18"), d("2020-12-30"))).isTrue();
    // Same day and before the aware date are never late.
    assertThat(deadlines.isLateNotification(d("2020-12-18"), d("2020-12-18"))).isFalse();
  }

  @Test
  @DisplayName("a rapid review is due on the 15th working day after the notification")
  void rapidReviewDue() {
    assertThat(deadlines.rapidReviewDueDate(d("2020-12-18"))).isEqualTo(d("2021-01-13"));
    // Notified Thursday 7 May 2020: 8 May is VE Day, 11-15 May are days 1-5, 18-22 May 6-10,
    // 25 May is a bank holiday, 26-29 May 11-14, so the 15th is Monday 1 June.
    assertThat(deadlines.rapidReviewDueDate(d("2020-05-07"))).isEqualTo(d("2020-06-01"));
  }

  @Test
  @DisplayName("the Panel told 7 working days before publication is enough notice, 6 is short")
  void publicationNotice() {
    // Told Monday 3 June 2024; 7th working day after is Wednesday 12 June.
    assertThat(deadlines.isShortPublicationNotice(d("2024-06-03"), d("2024-06-12"))).isFalse();
    assertThat(deadlines.isShortPublicationNotice(d("2024-06-03"), d("2024-06-11"))).isTrue();
  }
}
