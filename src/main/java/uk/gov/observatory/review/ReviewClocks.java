package uk.gov.observatory.review;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.gov.observatory.calendar.StatutoryDeadlines;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.review.internal.ReviewRepository;

/** The working-day clocks of rapid reviews, with the timeliness policy periods in force. */
@Service
public class ReviewClocks {

  private final WorkingDayCalendar calendar;
  private final ReviewRepository repository;

  public ReviewClocks(WorkingDayCalendar calendar, ReviewRepository repository) {
    this.calendar = calendar;
    this.repository = repository;
  }

  /** The timeliness policy periods, by start. */
  public List<TimelinessPolicyPeriod> policyPeriods() {
    return repository.policyPeriods();
  }

  /** The clock of a rapid review of a notification made on {@code notified}, as at a date. */
  public RapidReviewClock rapidReview(LocalDate notified, LocalDate received, LocalDate asAt) {
    return rapidReview(notified, received, asAt, policyPeriods());
  }

  /** As {@link #rapidReview(LocalDate, LocalDate, LocalDate)} with the periods already read. */
  public RapidReviewClock rapidReview(
      LocalDate notified,
      LocalDate received,
      LocalDate asAt,
      List<TimelinessPolicyPeriod> periods) {
    TimelinessPolicyPeriod period =
        periods.stream().filter(p -> p.covers(notified)).findFirst().orElse(null);
    int target =
        period == null ? StatutoryDeadlines.RAPID_REVIEW_WORKING_DAYS : period.targetWorkingDays();
    LocalDate due = calendar.addWorkingDays(notified, target);
    boolean receivedByThen = received != null && !received.isAfter(asAt);
    int elapsed = calendar.workingDaysBetween(notified, receivedByThen ? received : asAt);
    int left = calendar.workingDaysBetween(asAt, due);
    return new RapidReviewClock(
        notified,
        due,
        target,
        period == null ? null : period.name(),
        period != null && period.authorisedExtension(),
        receivedByThen ? received : null,
        asAt,
        elapsed,
        left);
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }
}
