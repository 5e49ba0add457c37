package uk.gov.observatory.calendar;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The working-day duties of Working Together 2018 as DATA-STANDARD.md section 1 states them: the
 * local authority notifies within 5 working days, the rapid review is due within 15 working days of
 * the notification, and the Panel is told at least 7 working days before a review is published.
 */
@Component
public class StatutoryDeadlines {

  public static final int NOTIFICATION_DUTY_WORKING_DAYS = 5;
  public static final int RAPID_REVIEW_WORKING_DAYS = 15;
  public static final int PUBLICATION_NOTICE_WORKING_DAYS = 7;

  private final WorkingDayCalendar calendar;

  public StatutoryDeadlines(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Late iff more than 5 working days passed between becoming aware and notifying. */
  public boolean isLateNotification(LocalDate awareDate, LocalDate notifiedDate) {
    return calendar.workingDaysBetween(awareDate, notifiedDate) > NOTIFICATION_DUTY_WORKING_DAYS;
  }

  /** The 15th working day after the notification. */
  public LocalDate rapidReviewDueDate(LocalDate notifiedDate) {
    return calendar.addWorkingDays(notifiedDate, RAPID_REVIEW_WORKING_DAYS);
  }

  /** Short notice iff fewer than 7 working days between telling the Panel and publishing. */
  public boolean isShortPublicationNotice(LocalDate panelNotifiedDate, LocalDate publicationDate) {
    return calendar.workingDaysBetween(panelNotifiedDate, publicationDate)
        < PUBLICATION_NOTICE_WORKING_DAYS;
  }
}
