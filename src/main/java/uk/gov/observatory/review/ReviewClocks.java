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
  private final uk.gov.observatory.audit.AuditLog audit;

  public ReviewClocks(
      WorkingDayCalendar calendar,
      ReviewRepository repository,
      uk.gov.observatory.audit.AuditLog audit) {
    this.calendar = calendar;
    this.repository = repository;
    this.audit = audit;
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

  /**
   * Adds a timeliness policy period (the secretariat's data). Refused, storing nothing, without a
   * name, with an end before its start, a target outside 1-250 working days, or dates overlapping
   * another period (a notification must fall in at most one).
   */
  @org.springframework.transaction.annotation.Transactional
  public TimelinessPolicyPeriod addPolicyPeriod(
      String name,
      LocalDate from,
      LocalDate to,
      Integer target,
      boolean authorisedExtension,
      String actor) {
    List<ReviewProblem> problems = new java.util.ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add(new ReviewProblem("name", "enter the period's name"));
    }
    if (from == null) {
      problems.add(new ReviewProblem("from", "enter the first notified date it covers"));
    }
    if (to == null) {
      problems.add(new ReviewProblem("to", "enter the last notified date it covers"));
    }
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(
          new ReviewProblem("to", "the last date cannot be before the first (" + from + ")"));
    }
    if (target == null || target < 1 || target > 250) {
      problems.add(
          new ReviewProblem("target", "the target is a number of working days from 1 to 250"));
    }
    if (from != null && to != null && !to.isBefore(from)) {
      for (TimelinessPolicyPeriod p : policyPeriods()) {
        if (!from.isAfter(p.notifiedTo()) && !to.isBefore(p.notifiedFrom())) {
          problems.add(
              new ReviewProblem(
                  "from",
                  "these dates overlap '"
                      + p.name()
                      + "' ("
                      + p.notifiedFrom()
                      + " to "
                      + p.notifiedTo()
                      + "): a notification falls in one period at most"));
        }
      }
    }
    if (name != null
        && policyPeriods().stream().anyMatch(p -> p.name().equalsIgnoreCase(name.strip()))) {
      problems.add(new ReviewProblem("name", "a period named '" + name.strip() + "' exists"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    TimelinessPolicyPeriod p =
        new TimelinessPolicyPeriod(0, name.strip(), from, to, target, authorisedExtension);
    long id = repository.insertPolicyPeriod(p);
    audit.record(
        uk.gov.observatory.audit.AuditEvent.of(
                actor,
                uk.gov.observatory.audit.AuditAction.CREATED,
                "timeliness_policy_period",
                String.valueOf(id))
            .withDetails(
                p.name()
                    + ": notified "
                    + from
                    + " to "
                    + to
                    + ", target "
                    + target
                    + " working days"));
    return new TimelinessPolicyPeriod(id, p.name(), from, to, target, authorisedExtension);
  }

  /** Removes a timeliness policy period; false when there is none with this id. */
  @org.springframework.transaction.annotation.Transactional
  public boolean removePolicyPeriod(long id, String actor) {
    boolean removed = repository.deletePolicyPeriod(id) == 1;
    if (removed) {
      audit.record(
          uk.gov.observatory.audit.AuditEvent.of(
              actor,
              uk.gov.observatory.audit.AuditAction.DELETED,
              "timeliness_policy_period",
              String.valueOf(id)));
    }
    return removed;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }
}
