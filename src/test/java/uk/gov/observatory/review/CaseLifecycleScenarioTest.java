package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.Timeliness;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.internal.ReviewRepository;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/**
 * One case from notification to a published LCSPR in 2026, on a clock that moves from step to step,
 * with every working-day clock checked across the May and August bank holidays.
 */
@RegisterTest
class CaseLifecycleScenarioTest {

  static final String WESTMINSTER = "E09000033";
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /**
   * The England and Wales bank holidays the case crosses, written out: the early May bank holiday
   * Monday 4 May 2026, the spring bank holiday Monday 25 May 2026 and the summer bank holiday
   * Monday 31 August 2026.
   */
  static final Set<LocalDate> HOLIDAYS =
      Set.of(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31));

  @Autowired ReviewReminders reminders;
  @Autowired ReviewRepository repository;
  @Autowired NotificationRegister register;
  @Autowired ReferenceData reference;
  @Autowired AuditLog audit;
  @Autowired ReviewClocks clocks;
  @Autowired WorkingDayCalendar calendar;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  /** A clock the scenario sets to each step's day (10:00 in London). */
  static final class ScenarioClock extends Clock {
    private Instant now;

    void on(LocalDate day) {
      now = day.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
    }

    @Override
    public ZoneId getZone() {
      return LONDON;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Working days d with from < d <= to, counted by hand from the holidays above. */
  static int byHand(LocalDate from, LocalDate to, Set<LocalDate> holidays) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !holidays.contains(d)) {
        n++;
      }
    }
    return n;
  }

  @Test
  @DisplayName(
      "a case from notification to a published LCSPR: every step on the timeline and in the audit"
          + " log, every clock right across the bank holidays")
  void aCaseFromNotificationToAPublishedLcspr() {
    ScenarioClock clock = new ScenarioClock();
    RapidReviews reviews = new RapidReviews(repository, register, reference, audit, clock);
    Lcsprs lcsprs = new Lcsprs(repository, register, reviews, audit, clock, reminders);
    TransactionTemplate tx = new TransactionTemplate(transactions);

    TestAccounts.create(accounts, "westminster.notifier", Role.LA_NOTIFIER, WESTMINSTER);
    TestAccounts.create(accounts, "westminster.partnership", Role.PARTNERSHIP, WESTMINSTER);
    TestAccounts.create(accounts, "panel.member", Role.PANEL_MEMBER);
    Viewer notifier = viewers.of("westminster.notifier");
    Viewer partnership = viewers.of("westminster.partnership");
    Viewer member = viewers.of("panel.member");
    long auditMark =
        jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);

    // 1. Incident Friday 24 April 2026, the council aware the same day, notifying Tuesday 28 April.
    LocalDate incident = LocalDate.of(2026, 4, 24);
    Notification n =
        register
            .notify(Submissions.of(WESTMINSTER, "DEATH", incident, 4, 1), null, notifier)
            .notification();
    String ref = n.ref();
    LocalDate notified = n.notifiedDate();
    assertThat(notified).isEqualTo(LocalDate.of(2026, 4, 28));
    Timeliness notice = register.timeliness(n);
    assertThat(notice.workingDaysToNotify()).isEqualTo(2); // Monday 27, Tuesday 28 April
    assertThat(notice.lateNotification()).isFalse();

    // The rapid review is due on the 15th working day after notification: 29, 30 April, 1 May (3);
    // 4 May is a bank holiday; 5-8 May (7); 11-15 May (12); 18, 19, 20 May (15).
    LocalDate due = LocalDate.of(2026, 5, 20);
    assertThat(byHand(notified, due, HOLIDAYS)).isEqualTo(15);
    assertThat(byHand(notified, due.minusDays(1), HOLIDAYS)).isEqualTo(14);
    assertThat(notice.rapidReviewDueDate()).isEqualTo(due);

    // 2. The partnership starts a draft the day it is notified: undecided, one sign-off so far.
    clock.on(notified);
    RapidReview draft =
        tx.execute(
                s ->
                    reviews.save(
                        ref,
                        Reviews.content(Decision.UNDECIDED, notified, null, null),
                        null,
                        partnership))
            .orElseThrow();
    assertThat(draft.status()).isEqualTo(RapidReviewStatus.DRAFT);
    RapidReviewClock atStart = clocks.rapidReview(notified, null, notified);
    assertThat(atStart.dueDate()).isEqualTo(due);
    assertThat(atStart.targetWorkingDays()).isEqualTo(15);
    assertThat(atStart.policyPeriod()).isNull();
    assertThat(atStart.workingDaysLeft()).isEqualTo(15);

    // Tuesday 19 May: one working day left, not overdue.
    RapidReviewClock dayBefore = clocks.rapidReview(notified, null, LocalDate.of(2026, 5, 19));
    assertThat(dayBefore.workingDaysElapsed()).isEqualTo(14);
    assertThat(dayBefore.workingDaysLeft()).isEqualTo(1);
    assertThat(dayBefore.overdue()).isFalse();
    assertThat(dayBefore.dueWithin(1)).isTrue();
    // Had it not arrived, Thursday 21 May would be overdue.
    assertThat(clocks.rapidReview(notified, null, LocalDate.of(2026, 5, 21)).overdue()).isTrue();

    // 3. Wednesday 20 May (the due date): decided, signed off by all three, submitted.
    LocalDate received = due;
    clock.on(received);
    RapidReview decided =
        tx.execute(
                s ->
                    reviews.save(
                        ref,
                        Reviews.content(
                            Decision.LCSPR, notified, LocalDate.of(2026, 5, 19), received),
                        draft.version(),
                        partnership))
            .orElseThrow();
    assertThatThrownBy(
            () ->
                tx.execute(
                    s -> reviews.submit(ref, received.plusDays(1), decided.version(), partnership)))
        .as("received tomorrow")
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot be in the future");
    RapidReview submitted =
        tx.execute(s -> reviews.submit(ref, received, decided.version(), partnership))
            .orElseThrow();
    assertThat(submitted.status()).isEqualTo(RapidReviewStatus.SUBMITTED);
    assertThat(submitted.receivedDate()).isEqualTo(received);

    RapidReviewClock onReceipt = clocks.rapidReview(notified, received, LocalDate.of(2026, 9, 2));
    assertThat(onReceipt.workingDaysElapsed()).isEqualTo(15);
    assertThat(onReceipt.onTime()).as("on time only because 4 May was a bank holiday").isTrue();
    assertThat(onReceipt.overdue()).isFalse();
    assertThat(byHand(notified, received, Set.of()))
        .as("weekdays, ignoring the holiday")
        .isEqualTo(16);

    // 4. Thursday 21 May: the Panel member asks for more; Friday 22 the partnership answers;
    // Tuesday 26 May (after the spring bank holiday) the member closes the thread and agrees.
    clock.on(LocalDate.of(2026, 5, 21));
    Challenge asked =
        tx.execute(s -> reviews.challenge(ref, "Who attended the strategy discussion?", member))
            .orElseThrow();
    clock.on(LocalDate.of(2026, 5, 22));
    tx.execute(
        s ->
            reviews.reply(
                asked.id(),
                "Police, health visiting and children's social care.",
                false,
                partnership));
    clock.on(LocalDate.of(2026, 5, 26));
    Challenge closed = tx.execute(s -> reviews.reply(asked.id(), null, true, member)).orElseThrow();
    assertThat(closed.status()).isEqualTo(Challenge.Status.CLOSED);
    assertThat(closed.messages()).hasSize(2);
    RapidReview agreed =
        tx.execute(
                s ->
                    reviews.recordPanelView(
                        ref,
                        PanelView.AGREE,
                        "The learning about joint working needs a local review.",
                        submitted.version(),
                        member))
            .orElseThrow();
    assertThat(agreed.panelView()).isEqualTo(PanelView.AGREE);
    assertThat(agreed.panelViewAt()).isEqualTo(clock.instant());

    // 5. Monday 1 June: the partnership starts the LCSPR.
    LocalDate initiated = LocalDate.of(2026, 6, 1);
    clock.on(initiated);
    Lcspr lcspr = tx.execute(s -> lcsprs.initiate(null, List.of(ref), initiated, partnership));
    String lcsprRef = lcspr.ref();
    assertThat(lcsprRef).isEqualTo("LCSPR-2026-00001");
    assertThat(lcspr.publicationOverdue(initiated)).isFalse();

    // 6. Thursday 20 August: completed. Monday 24 August: the Panel is told of publication.
    clock.on(LocalDate.of(2026, 8, 20));
    Lcspr completed =
        tx.execute(
                s ->
                    lcsprs.complete(
                        lcsprRef, LocalDate.of(2026, 8, 20), lcspr.version(), partnership))
            .orElseThrow();
    LocalDate told = LocalDate.of(2026, 8, 24);
    clock.on(told);
    Lcspr notice2 =
        tx.execute(s -> lcsprs.notifyPublication(lcsprRef, told, completed.version(), partnership))
            .orElseThrow();
    assertThat(notice2.shortNotice(calendar)).as("not yet published").isFalse();

    // 7. Wednesday 2 September: published, 6 working days after the notice (25-28 August, 1 and
    // 2 September; 31 August is a bank holiday): short notice, though seven weekdays passed.
    LocalDate published = LocalDate.of(2026, 9, 2);
    clock.on(published);
    Lcspr done =
        tx.execute(
                s ->
                    lcsprs.publish(
                        lcsprRef,
                        published,
                        "https://example.org/westminster-lcspr.pdf",
                        notice2.version(),
                        partnership))
            .orElseThrow();
    assertThat(byHand(told, published, HOLIDAYS)).isEqualTo(6);
    assertThat(byHand(told, published, Set.of())).isEqualTo(7);
    Lcspr stored = repository.findLcspr(lcsprRef).orElseThrow();
    assertThat(stored).isEqualTo(done);
    assertThat(stored.status()).isEqualTo(LcsprStatus.PUBLISHED);
    assertThat(stored.shortNotice(calendar)).isTrue();
    // Initiated 1 June: six months on is 1 December 2026; published in time.
    assertThat(stored.publicationOverdue(published)).isFalse();
    assertThat(stored.publicationOverdue(LocalDate.of(2026, 12, 2))).isFalse();
    for (Supplier<?> change :
        List.<Supplier<?>>of(
            () -> lcsprs.decideNotToPublish(lcsprRef, "Withdrawn", done.version(), partnership),
            () -> lcsprs.publish(lcsprRef, published, null, done.version(), partnership))) {
      assertThatThrownBy(() -> tx.execute(s -> change.get()))
          .isInstanceOf(InvalidReviewException.class)
          .hasMessageContaining("that is published");
    }

    // The case's timeline: each step, in order, with its day, who, and the states either side.
    assertThat(repository.eventsOf(ref))
        .extracting(
            e ->
                e.at().atZone(LONDON).toLocalDate()
                    + " "
                    + e.actor()
                    + " | "
                    + e.event()
                    + " | "
                    + e.fromState()
                    + " -> "
                    + e.toState()
                    + (e.lcsprRef() == null ? "" : " | " + e.lcsprRef()))
        .containsExactly(
            "2026-04-28 westminster.partnership | Rapid review started | null -> DRAFT",
            "2026-05-20 westminster.partnership | Rapid review draft saved | DRAFT -> DRAFT",
            "2026-05-20 westminster.partnership | Rapid review submitted | DRAFT -> SUBMITTED",
            "2026-05-21 panel.member | Panel challenged the rapid review | null ->"
                + " AWAITING_PARTNERSHIP",
            "2026-05-22 westminster.partnership | Partnership answered the challenge |"
                + " AWAITING_PARTNERSHIP -> ANSWERED",
            "2026-05-26 panel.member | Challenge closed | ANSWERED -> CLOSED",
            "2026-05-26 panel.member | Panel's view recorded | SUBMITTED -> SUBMITTED",
            "2026-06-01 westminster.partnership | LCSPR initiated | null -> INITIATED"
                + " | LCSPR-2026-00001",
            "2026-08-20 westminster.partnership | LCSPR completed | INITIATED -> COMPLETED"
                + " | LCSPR-2026-00001",
            "2026-08-24 westminster.partnership | Panel notified of publication | COMPLETED ->"
                + " PUBLICATION_NOTIFIED | LCSPR-2026-00001",
            "2026-09-02 westminster.partnership | LCSPR published | PUBLICATION_NOTIFIED ->"
                + " PUBLISHED | LCSPR-2026-00001");
    assertThat(repository.eventsOf(ref))
        .filteredOn(e -> e.event().equals("Panel's view recorded"))
        .extracting(CaseEvent::details)
        .containsExactly("AGREE");

    // The audit log: every change, by whom, in order (the refused ones stored nothing).
    List<String> audited =
        jdbc.query(
            "select actor, action, record_type, record_ref from audit_entry where id > ?"
                + " order by id",
            (rs, i) ->
                rs.getString(1)
                    + " "
                    + rs.getString(2)
                    + " "
                    + rs.getString(3)
                    + " "
                    + rs.getString(4),
            auditMark);
    String challenge = String.valueOf(asked.id());
    assertThat(audited)
        .containsExactly(
            "westminster.notifier CREATED notification " + ref,
            "westminster.partnership CREATED rapid_review " + ref,
            "westminster.partnership UPDATED rapid_review " + ref,
            "westminster.partnership UPDATED rapid_review " + ref,
            "panel.member CREATED challenge " + challenge,
            "westminster.partnership UPDATED challenge " + challenge,
            "panel.member UPDATED challenge " + challenge,
            "panel.member UPDATED rapid_review " + ref,
            "westminster.partnership CREATED lcspr " + lcsprRef,
            "westminster.partnership UPDATED lcspr " + lcsprRef,
            "westminster.partnership UPDATED lcspr " + lcsprRef,
            "westminster.partnership UPDATED lcspr " + lcsprRef);
    // Every version of the rapid review is kept: started, saved, submitted, viewed.
    assertThat(repository.versionCount(agreed.id())).isEqualTo(4);
  }
}
