package uk.gov.observatory.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.internal.OutboxRepository;
import uk.gov.observatory.review.internal.ReviewRepository;

/**
 * Sending the Panel's response letter to the partnership: an email to the partnership's contact
 * ({@link PartnershipContacts}) with the letter attached as a PDF, put in the outbox for {@link
 * OutboxSender} to send, recorded on the case's timeline ("Response letter sent to …") and audited,
 * all in one transaction. Only the secretariat sends it (MANAGE_CASES), once the Panel has given
 * its view. The email names the case and the authority, never a child.
 */
@Service
public class ResponseLetters {

  /** The timeline event's words, followed by " to " and the address. */
  public static final String SENT_EVENT = "Response letter sent";

  private final RapidReviews rapidReviews;
  private final ReviewRepository repository;
  private final OutboxRepository outbox;
  private final ReviewReminders reminders;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  public ResponseLetters(
      RapidReviews rapidReviews,
      ReviewRepository repository,
      OutboxRepository outbox,
      ReviewReminders reminders,
      ReferenceData reference,
      AuditLog audit,
      Clock clock) {
    this.rapidReviews = rapidReviews;
    this.repository = repository;
    this.outbox = outbox;
    this.reminders = reminders;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
  }

  /** When the letter was last sent, to whom and by whom (from the case's timeline). */
  public record LastSent(Instant at, String event, String by) {
    /** The address it went to. */
    public String to() {
      String prefix = SENT_EVENT + " to ";
      return event.startsWith(prefix) ? event.substring(prefix.length()) : "";
    }
  }

  /** Where the letter of a case's partnership goes: its contact's address, if one is set. */
  @Transactional(readOnly = true)
  public Optional<String> recipient(Notification n) {
    return reminders.partnershipContact(n.laCode());
  }

  /** The last time the letter was sent for this case, if ever (empty when out of reach). */
  @Transactional(readOnly = true)
  public Optional<LastSent> lastSent(String ref, Viewer viewer) {
    if (rapidReviews.find(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    return repository.eventsOf(ref).stream()
        .filter(e -> e.lcsprRef() == null && e.event().startsWith(SENT_EVENT))
        .max(Comparator.comparing(CaseEvent::at))
        .map(e -> new LastSent(e.at(), e.event(), e.actor()));
  }

  /**
   * Queues the letter ({@code pdf}) to the partnership's contact, records it on the timeline and in
   * the audit log: the address it went to. Refused ({@link InvalidReviewException}) when the Panel
   * has given no view yet or the partnership has no contact; ({@link ReviewNotPermittedException})
   * for a role that does not manage cases.
   */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<String> send(String ref, byte[] pdf, Viewer viewer) {
    Optional<Notification> reached = rapidReviews.reached(ref, viewer);
    if (reached.isEmpty()) {
      return Optional.empty();
    }
    rapidReviews.require(viewer, Permission.MANAGE_CASES, ref, "send the Panel's response letter");
    Notification n = reached.get();
    RapidReview review =
        repository
            .findRapidReview(ref)
            .filter(r -> r.panelView() != null)
            .orElseThrow(
                () ->
                    new InvalidReviewException(
                        "panel_view",
                        "the Panel has not given its view on this rapid review yet: there is no"
                            + " letter to send"));
    String authority =
        reference.localAuthority(n.laCode()).map(LocalAuthority::name).orElse(n.laCode());
    String to =
        recipient(n)
            .orElseThrow(
                () ->
                    new InvalidReviewException(
                        "contact",
                        authority
                            + "'s safeguarding partnership has no contact address: set one"
                            + " (observatory contacts set "
                            + n.laCode()
                            + " ADDRESS), then send the letter"));
    Instant now = clock.instant();
    String body =
        "Dear colleagues,\n\nPlease find attached the Child Safeguarding Practice Review Panel's"
            + " response to the rapid review of notification "
            + ref
            + " ("
            + authority
            + ").\n\nYou can also read it in Observatory, on the case's page.\n\n"
            + "The Child Safeguarding Practice Review Panel\n\n"
            + "This email names no child: sign in to Observatory to see the case.\n";
    outbox.enqueue(
        // Each sending is an email of its own, however close together two are.
        "response-letter:" + ref + ":" + java.util.UUID.randomUUID(),
        to,
        "The Panel's response to the rapid review of " + ref,
        body,
        now,
        new OutboxRepository.Attachment("response-letter-" + ref + ".pdf", "application/pdf", pdf));
    repository.addEvent(ref, null, now, viewer.actor(), SENT_EVENT + " to " + to, null, null, null);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.EXPORTED, "response_letter", ref)
            .withDetails(
                "emailed to "
                    + to
                    + " with the PDF attached (rapid review version "
                    + review.version()
                    + ")"));
    return Optional.of(to);
  }
}
