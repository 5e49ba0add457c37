package uk.gov.observatory.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.calendar.StatutoryDeadlines;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.internal.OutboxRepository;
import uk.gov.observatory.review.internal.ReminderRepository;

/**
 * Reminder emails, put in the outbox (table {@code outbox_email}) for {@link OutboxSender} to send:
 *
 * <ul>
 *   <li>to the partnership, when its rapid review is due in 3 working days ({@code
 *       rr-due-soon:<ref>}) and on the first working day after its due date when it has still not
 *       been received ({@code rr-overdue:<ref>}): queued by the {@link #sweep() sweep}, which runs
 *       on a schedule and may run any number of times, in any number of instances;
 *   <li>to the Panel, when a partnership tells it of an LCSPR's coming publication ({@code
 *       lcspr-notice:<ref>}): queued in the same transaction as that change;
 *   <li>to the Panel, when a partnership answers a challenge ({@code
 *       challenge-answered:<id>:<uuid>}): queued in the same transaction as the answer.
 * </ul>
 *
 * <p>Each email's key is unique in the outbox, so each reminder is queued once however often it is
 * asked for. Emails carry only the notification or LCSPR reference, the authority's name and dates:
 * never anything about a child.
 */
@Service
public class ReviewReminders {

  private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

  /** The "due soon" reminder goes this many working days before the due date. */
  public static final int DUE_SOON_WORKING_DAYS = 3;

  /**
   * The "overdue" reminder goes on the first working day after the due date; a sweep that did not
   * run then (the application was down) still sends it on the next working days up to this one.
   * Reviews overdue for longer get none, so old cases are never swept up.
   */
  public static final int OVERDUE_LAST_WORKING_DAY = 3;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private static final String FOOTER =
      "\n\nThis is an automatic reminder from Observatory, the register of serious child"
          + " safeguarding incidents. It names no child: sign in to Observatory to see the case.\n";

  /** What a sweep did. */
  public record Sweep(int queued, int alreadyQueued, int withoutContact) {}

  private final ReminderRepository reminders;
  private final OutboxRepository outbox;
  private final ReviewClocks clocks;
  private final NotificationRegister register;
  private final ReferenceData reference;
  private final Clock clock;
  private final String panelAddress;

  public ReviewReminders(
      ReminderRepository reminders,
      OutboxRepository outbox,
      ReviewClocks clocks,
      NotificationRegister register,
      ReferenceData reference,
      Clock clock,
      @Value("${observatory.reminders.panel-address:}") String panelAddress) {
    this.reminders = reminders;
    this.outbox = outbox;
    this.clocks = clocks;
    this.register = register;
    this.reference = reference;
    this.clock = clock;
    this.panelAddress = panelAddress == null ? "" : panelAddress.strip();
  }

  /** The sweep as at today (the application's clock). */
  public Sweep sweep() {
    return sweep(LocalDate.now(clock));
  }

  /**
   * Queues the rapid review reminders due as at {@code asAt}: "due soon" from the 3rd working day
   * before the due date until the due date, "overdue" from the first working day after it (see
   * {@link #OVERDUE_LAST_WORKING_DAY}), each only while the review has not been received, each at
   * most once ever. A partnership without a contact gets nothing queued (a later sweep queues it
   * once a contact is set), with one warning per sweep naming the partnerships.
   *
   * <p>Each email is queued in a statement of its own: two instances sweeping at once queue each
   * reminder once.
   */
  public Sweep sweep(LocalDate asAt) {
    List<TimelinessPolicyPeriod> periods = clocks.policyPeriods();
    int longestTarget =
        periods.stream()
            .mapToInt(TimelinessPolicyPeriod::targetWorkingDays)
            .reduce(StatutoryDeadlines.RAPID_REVIEW_WORKING_DAYS, Math::max);
    // n working days never span more than 2n + 14 calendar days (weekends and the longest run of
    // bank holidays): the notified dates whose due date can be within the reminders' reach.
    LocalDate from = asAt.minusDays(2L * (longestTarget + OVERDUE_LAST_WORKING_DAY) + 28);
    WorkingDayCalendar calendar = clocks.calendar();
    Map<String, String> contacts = reminders.contacts();
    Set<String> withoutContact = new TreeSet<>();
    int queued = 0;
    int already = 0;
    int missing = 0;
    Instant now = clock.instant();
    for (ReminderRepository.Awaiting a : reminders.awaitingRapidReview(from, asAt)) {
      RapidReviewClock c = clocks.rapidReview(a.notifiedDate(), null, asAt, periods);
      int workingDaysLate = c.overdue() ? calendar.workingDaysBetween(c.dueDate(), asAt) : 0;
      boolean dueSoon = c.dueWithin(DUE_SOON_WORKING_DAYS);
      boolean overdue = workingDaysLate >= 1 && workingDaysLate <= OVERDUE_LAST_WORKING_DAY;
      if (!dueSoon && !overdue) {
        continue;
      }
      String to = contactOf(contacts, a.laCode());
      if (to == null) {
        withoutContact.add(a.laCode());
        missing++;
        continue;
      }
      String ref = a.notificationRef();
      String authority = authorityName(a.laCode());
      boolean added =
          dueSoon
              ? outbox.enqueue(
                  "rr-due-soon:" + ref,
                  to,
                  "Rapid review due soon: " + ref,
                  dueSoonBody(ref, authority, c),
                  now)
              : outbox.enqueue(
                  "rr-overdue:" + ref,
                  to,
                  "Rapid review overdue: " + ref,
                  overdueBody(ref, authority, c),
                  now);
      if (added) {
        queued++;
      } else {
        already++;
      }
    }
    if (!withoutContact.isEmpty()) {
      log.warn(
          "Reminders as at {}: {} rapid review reminder(s) not queued: no contact for"
              + " partnership(s) {} (set one with 'contacts set CODE EMAIL')",
          asAt,
          missing,
          String.join(", ", withoutContact));
    }
    if (queued > 0) {
      log.info("Reminders as at {}: {} rapid review reminder(s) queued", asAt, queued);
    }
    return new Sweep(queued, already, missing);
  }

  /**
   * Queues the Panel's email about an LCSPR's coming publication, in the caller's transaction (so
   * it is sent only if the change commits). Without {@code observatory.reminders.panel-address},
   * nothing is queued and a warning is logged.
   *
   * @return the LCSPR, unchanged
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Lcspr publicationNotified(Lcspr lcspr) {
    if (panelAddress.isEmpty()) {
      log.warn(
          "No email to the Panel about the publication notice of {}: set"
              + " observatory.reminders.panel-address",
          lcspr.ref());
      return lcspr;
    }
    LocalDate noticed = lcspr.panelNotifiedOfPublicationDate();
    LocalDate earliest = clocks.calendar().addWorkingDays(noticed, Lcspr.NOTICE_WORKING_DAYS);
    String authorities =
        lcspr.notificationRefs().stream()
            .map(register::find)
            .flatMap(java.util.Optional::stream)
            .map(Notification::laCode)
            .distinct()
            .map(this::authorityName)
            .sorted()
            .collect(Collectors.joining(", "));
    String body =
        "A partnership has told the Panel of the coming publication of local child safeguarding"
            + " practice review "
            + lcspr.ref()
            + (authorities.isEmpty() ? "" : " (" + authorities + ")")
            + ", on "
            + DATE.format(noticed)
            + ".\n\nWith "
            + Lcspr.NOTICE_WORKING_DAYS
            + " working days' notice it should not be published before "
            + DATE.format(earliest)
            + ".\n\nNotifications it covers: "
            + String.join(", ", lcspr.notificationRefs())
            + "."
            + FOOTER;
    outbox.enqueue(
        "lcspr-notice:" + lcspr.ref(),
        panelAddress,
        "Publication notice: " + lcspr.ref(),
        body,
        clock.instant());
    return lcspr;
  }

  /**
   * Queues the Panel's email that a partnership has answered a challenge to its rapid review, in
   * the caller's transaction (sent only if the answer is stored). Each answer is its own email. It
   * says which case and authority, never the answer itself nor anything about a child. Without
   * {@code observatory.reminders.panel-address}, nothing is queued and a warning is logged.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void challengeAnswered(String ref, String laCode, long challengeId, Instant at) {
    if (panelAddress.isEmpty()) {
      log.warn(
          "No email to the Panel about the answer to a challenge on {}: set"
              + " observatory.reminders.panel-address",
          ref);
      return;
    }
    String authority = laCode == null ? "the partnership" : authorityName(laCode);
    String body =
        "The safeguarding partnership for "
            + authority
            + " has answered the Panel's challenge to the rapid review of notification "
            + ref
            + ".\n\nSign in to Observatory to read the answer: it is on the case's page, under"
            + " Challenges, and on the Panel's worklist under \"Challenges answered, awaiting the"
            + " Panel\"."
            + FOOTER;
    outbox.enqueue(
        "challenge-answered:" + challengeId + ":" + java.util.UUID.randomUUID(),
        panelAddress,
        "Challenge answered: " + ref,
        body,
        at);
  }

  private static String dueSoonBody(String ref, String authority, RapidReviewClock c) {
    int left = c.workingDaysLeft();
    String when = left == 0 ? "today" : "in " + left + " working day" + (left == 1 ? "" : "s");
    return "The rapid review of notification "
        + ref
        + " ("
        + authority
        + ") is due on "
        + DATE.format(c.dueDate())
        + ", "
        + when
        + ".\n\nPlease send it to the Child Safeguarding Practice Review Panel through Observatory"
        + " by then."
        + FOOTER;
  }

  private static String overdueBody(String ref, String authority, RapidReviewClock c) {
    return "The rapid review of notification "
        + ref
        + " ("
        + authority
        + ") was due on "
        + DATE.format(c.dueDate())
        + " and the Panel has not received it.\n\nPlease send it through Observatory as soon as"
        + " you can."
        + FOOTER;
  }

  /**
   * A partnership's contact, found under any code of its authority, the latest first: Sheffield's
   * contact, set under E08000039, gets the reminders for notifications made under E08000019.
   */
  private String contactOf(Map<String, String> contacts, String laCode) {
    String to = contacts.get(laCode);
    if (to != null) {
      return to;
    }
    List<String> codes = new java.util.ArrayList<>(reference.codesOf(laCode));
    java.util.Collections.reverse(codes);
    return codes.stream().map(contacts::get).filter(c -> c != null).findFirst().orElse(null);
  }

  /** The contact of the partnership of an authority's code (under any of its codes), if set. */
  java.util.Optional<String> partnershipContact(String laCode) {
    return java.util.Optional.ofNullable(contactOf(reminders.contacts(), laCode));
  }

  private String authorityName(String laCode) {
    return reference.localAuthority(laCode).map(LocalAuthority::name).orElse(laCode);
  }
}
