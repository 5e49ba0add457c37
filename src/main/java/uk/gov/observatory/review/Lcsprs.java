package uk.gov.observatory.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.internal.ReviewRepository;

/**
 * Local child safeguarding practice reviews, the one gateway for reading and changing them. A
 * person reaches an LCSPR when they reach every notification it covers; otherwise it answers as if
 * it did not exist. Each step of its lifecycle goes through {@link Lcspr}'s guards, is audited, and
 * is put on the timeline of every case it covers.
 */
@Service
public class Lcsprs {

  public static final String AUDIT_RECORD_TYPE = "lcspr";

  /** The largest published report accepted, in bytes. */
  public static final int MAX_REPORT_BYTES = 20 * 1024 * 1024;

  private final ReviewRepository repository;
  private final NotificationRegister register;
  private final RapidReviews rapidReviews;
  private final AuditLog audit;
  private final Clock clock;
  private final ReviewReminders reminders;

  public Lcsprs(
      ReviewRepository repository,
      NotificationRegister register,
      RapidReviews rapidReviews,
      AuditLog audit,
      Clock clock,
      ReviewReminders reminders) {
    this.repository = repository;
    this.register = register;
    this.rapidReviews = rapidReviews;
    this.audit = audit;
    this.clock = clock;
    this.reminders = reminders;
  }

  /** Whether a viewer may read LCSPRs at all (READ_CASES, or READ_LCSPRS for an inspector). */
  public static boolean mayRead(Viewer viewer) {
    return viewer.can(Permission.READ_CASES) || viewer.can(Permission.READ_LCSPRS);
  }

  private boolean reaches(Lcspr l, Viewer viewer) {
    return mayRead(viewer)
        && l.notificationRefs().stream()
            .allMatch(
                ref ->
                    register
                        .findWithoutIdentifying(ref)
                        .filter(n -> viewer.reaches(n.laCode(), n.incidentDate()))
                        .isPresent());
  }

  private Optional<Lcspr> reached(String ref, Viewer viewer, boolean forUpdate) {
    Optional<Lcspr> l =
        (forUpdate ? repository.findLcsprForUpdate(ref) : repository.findLcspr(ref))
            .filter(x -> reaches(x, viewer));
    if (l.isEmpty()) {
      audit.record(
          AuditEvent.of(
                  viewer.actor(),
                  AuditAction.ACCESS_REFUSED,
                  AUDIT_RECORD_TYPE,
                  ref != null && ref.length() <= 40 ? ref : null)
              .withDetails("no such LCSPR within reach (answered 404)"));
    }
    return l;
  }

  /** An LCSPR the viewer reaches, without auditing (for pages that audit the case). */
  @Transactional(readOnly = true)
  public Optional<Lcspr> find(String ref, Viewer viewer) {
    return repository.findLcspr(ref).filter(l -> reaches(l, viewer));
  }

  /** An LCSPR read by the viewer (audited). */
  @Transactional
  public Optional<Lcspr> view(String ref, Viewer viewer) {
    Optional<Lcspr> l = reached(ref, viewer, false);
    l.ifPresent(
        x ->
            audit.record(
                AuditEvent.of(viewer.actor(), AuditAction.VIEWED, AUDIT_RECORD_TYPE, ref)));
    return l;
  }

  /** The LCSPRs covering a notification, those the viewer reaches. */
  @Transactional(readOnly = true)
  public List<Lcspr> of(String notificationRef, Viewer viewer) {
    return repository.lcsprsOf(notificationRef).stream().filter(l -> reaches(l, viewer)).toList();
  }

  /** Every LCSPR the viewer reaches. */
  @Transactional(readOnly = true)
  public List<Lcspr> all(Viewer viewer) {
    return listed(viewer).stream().map(Listed::lcspr).toList();
  }

  /** An LCSPR as a list shows it: with the local authorities of the notifications it covers. */
  public record Listed(Lcspr lcspr, List<String> laCodes) {}

  /**
   * Every LCSPR the viewer reaches, with its notifications' local authorities (in one pass over the
   * register, not a look-up per notification).
   */
  @Transactional(readOnly = true)
  public List<Listed> listed(Viewer viewer) {
    if (!mayRead(viewer)) {
      return List.of();
    }
    java.util.Map<String, String> reached = new java.util.HashMap<>();
    register.forEachIncidentBetween(
        LocalDate.of(1900, 1, 1),
        LocalDate.of(2100, 12, 31),
        null,
        viewer,
        n -> reached.put(n.ref(), n.laCode()));
    List<Listed> out = new ArrayList<>();
    for (Lcspr l : repository.allLcsprs()) {
      if (reached.keySet().containsAll(l.notificationRefs())) {
        out.add(new Listed(l, l.notificationRefs().stream().map(reached::get).distinct().toList()));
      }
    }
    return out;
  }

  /**
   * Starts an LCSPR covering notifications (at least one, each within reach), on {@code initiated}.
   * Its reference is given (e.g. by an import) or assigned as LCSPR-YYYY-NNNNN. Every check comes
   * before the first write, so a refused request commits only its audited refusals.
   */
  @Transactional(noRollbackFor = {ReviewNotPermittedException.class, InvalidReviewException.class})
  public Lcspr initiate(
      String ref, List<String> notificationRefs, LocalDate initiated, Viewer viewer) {
    List<String> refs = notificationRefs == null ? List.of() : notificationRefs;
    List<ReviewProblem> problems = new ArrayList<>();
    LocalDate latestReceived = null;
    for (String n : refs) {
      Optional<Notification> found = rapidReviews.reached(n, viewer);
      if (found.isEmpty()) {
        problems.add(
            new ReviewProblem("notification_refs", n + " is not a notification you can reach"));
        continue;
      }
      LocalDate received =
          repository.findRapidReview(n).map(RapidReview::receivedDate).orElse(null);
      if (received != null && (latestReceived == null || received.isAfter(latestReceived))) {
        latestReceived = received;
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    if (!refs.isEmpty()) {
      rapidReviews.require(viewer, Permission.SUBMIT_REVIEWS, refs.get(0), "start an LCSPR");
    }
    LocalDate today = LocalDate.now(clock);
    repository.lockLcsprRefs();
    String lcsprRef =
        ref == null || ref.isBlank()
            ? repository.nextLcsprRef(initiated == null ? today.getYear() : initiated.getYear())
            : ref.strip();
    if (repository.lcsprExists(lcsprRef)) {
      throw new InvalidReviewException("lcspr_ref", lcsprRef + " already exists");
    }
    Lcspr started = Lcspr.initiate(lcsprRef, refs, initiated, latestReceived, today);
    Instant now = clock.instant();
    long id = repository.insertLcspr(started, now);
    Lcspr stored = repository.findLcspr(lcsprRef).orElseThrow();
    repository.addEvent(
        null,
        id,
        now,
        viewer.actor(),
        "LCSPR initiated",
        null,
        "INITIATED",
        "on " + uk.gov.observatory.web.Fmt.dateOf(initiated));
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.CREATED, AUDIT_RECORD_TYPE, lcsprRef)
            .withDetails("covering " + String.join(", ", refs)));
    return stored;
  }

  /** Completed on a date. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> complete(String ref, LocalDate on, Integer expectedVersion, Viewer v) {
    return step(ref, expectedVersion, v, "LCSPR completed", l -> l.complete(on, today()));
  }

  /**
   * The Panel told of the coming publication, on a date; the Panel's email about it is queued in
   * the same transaction.
   */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> notifyPublication(
      String ref, LocalDate on, Integer expectedVersion, Viewer v) {
    return step(
            ref,
            expectedVersion,
            v,
            "Panel notified of publication",
            l -> l.notifyPublication(on, today()))
        .map(reminders::publicationNotified);
  }

  /** Published on a date, at a public address. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> publish(
      String ref, LocalDate on, String publicUrl, Integer expectedVersion, Viewer v) {
    if (publicUrl != null
        && !publicUrl.isBlank()
        && !publicUrl.strip().matches("https://[^\\s]+")) {
      throw new InvalidReviewException(
          "public_url", "give the published report's address, starting https://");
    }
    return step(ref, expectedVersion, v, "LCSPR published", l -> l.publish(on, today(), publicUrl));
  }

  /** The longest reason for a withdrawal accepted, in characters. */
  public static final int MAX_WITHDRAWAL_REASON = 2000;

  /**
   * Withdraws an LCSPR started by mistake, with a reason: it is kept (with everything it recorded),
   * put on the timeline with the reason, audited, and leaves every count (the published views leave
   * it out, see V17) and every list of work.
   */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> withdraw(String ref, String reason, Integer expectedVersion, Viewer v) {
    Optional<Lcspr> found = reached(ref, v, true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Lcspr before = found.get();
    rapidReviews.require(
        v, Permission.SUBMIT_REVIEWS, AUDIT_RECORD_TYPE, before.ref(), "withdraw LCSPRs");
    if (expectedVersion == null) {
      throw new VersionRequiredException("LCSPR " + ref);
    }
    if (expectedVersion != before.version()) {
      throw new ReviewConflictException("LCSPR " + ref, expectedVersion, before.version());
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidReviewException(
          "withdrawn_reason", "enter why the review is being withdrawn");
    }
    if (reason.strip().length() > MAX_WITHDRAWAL_REASON) {
      throw new InvalidReviewException(
          "withdrawn_reason",
          "the reason must be " + MAX_WITHDRAWAL_REASON + " characters or fewer");
    }
    Lcspr after = before.withdraw();
    Instant now = clock.instant();
    repository.withdrawLcspr(after, reason.strip(), now, v.actor());
    repository.addEvent(
        null,
        before.id(),
        now,
        v.actor(),
        "LCSPR withdrawn",
        before.status().name(),
        after.status().name(),
        "Reason: " + reason.strip());
    audit.record(
        AuditEvent.of(v.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
            .withDetails("LCSPR withdrawn: " + before.status() + " -> " + after.status()));
    return Optional.of(after);
  }

  /** Why, when and by whom an LCSPR was withdrawn; empty when it was not. */
  @Transactional(readOnly = true)
  public Optional<LcsprWithdrawal> withdrawal(Lcspr l) {
    return l.status() == LcsprStatus.WITHDRAWN ? repository.withdrawal(l.id()) : Optional.empty();
  }

  /** Decided not to publish, with a reason. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> decideNotToPublish(
      String ref, String reason, Integer expectedVersion, Viewer v) {
    return step(
        ref, expectedVersion, v, "Decided not to publish", l -> l.decideNotToPublish(reason));
  }

  /** The publication intention meanwhile. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> intend(
      String ref, PublicationIntention to, Integer expectedVersion, Viewer v) {
    return step(ref, expectedVersion, v, "Publication intention: " + to, l -> l.intend(to));
  }

  /** Saves the review's details and recommendations. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Lcspr> saveDetails(
      String ref,
      LcsprDetails details,
      List<Recommendation> recommendations,
      Integer expectedVersion,
      Viewer v) {
    List<ReviewProblem> problems = new ArrayList<>();
    int i = 1;
    for (Recommendation r : recommendations == null ? List.<Recommendation>of() : recommendations) {
      if (r.text() == null || r.text().isBlank()) {
        problems.add(new ReviewProblem("recommendation_" + i, "enter the recommendation"));
      }
      if (r.owner() == null || r.owner().isBlank()) {
        problems.add(new ReviewProblem("recommendation_" + i, "name who owns it"));
      }
      if (r.dueDate() == null) {
        problems.add(new ReviewProblem("recommendation_" + i, "give the date it is due"));
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return step(
        ref,
        expectedVersion,
        v,
        "LCSPR details saved",
        l -> l.withDetails(details, recommendations));
  }

  /**
   * Stores the published report (a PDF, at most 20 MB) with its SHA-256 checksum, which is
   * returned.
   */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<String> uploadReport(
      String ref, byte[] pdf, Integer expectedVersion, Viewer viewer) {
    Optional<Lcspr> found = reached(ref, viewer, true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    rapidReviews.require(
        viewer, Permission.SUBMIT_REVIEWS, AUDIT_RECORD_TYPE, found.get().ref(), "upload reports");
    // Replacing the report is a change like any other: it must start from the version seen.
    if (expectedVersion == null) {
      throw new VersionRequiredException("LCSPR " + ref);
    }
    if (expectedVersion != found.get().version()) {
      throw new ReviewConflictException("LCSPR " + ref, expectedVersion, found.get().version());
    }
    if (pdf == null || pdf.length == 0) {
      throw new InvalidReviewException("report", "choose the published report's PDF file");
    }
    if (pdf.length > MAX_REPORT_BYTES) {
      throw new InvalidReviewException("report", "the file is larger than 20 MB");
    }
    if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new InvalidReviewException("report", "the file must be a PDF");
    }
    String sha = sha256(pdf);
    repository.storeReport(found.get().id(), pdf, sha);
    Instant now = clock.instant();
    repository.addEvent(
        null,
        found.get().id(),
        now,
        viewer.actor(),
        "Report uploaded",
        null,
        null,
        "SHA-256 " + sha);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
            .withDetails("report uploaded, SHA-256 " + sha));
    return Optional.of(sha);
  }

  /** The stored report's PDF, for a viewer who reaches the LCSPR (audited). */
  @Transactional
  public Optional<byte[]> report(String ref, Viewer viewer) {
    return view(ref, viewer).flatMap(l -> repository.report(l.id()));
  }

  private Optional<Lcspr> step(
      String ref, Integer expectedVersion, Viewer viewer, String event, UnaryOperator<Lcspr> rule) {
    Optional<Lcspr> found = reached(ref, viewer, true);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Lcspr before = found.get();
    rapidReviews.require(
        viewer, Permission.SUBMIT_REVIEWS, AUDIT_RECORD_TYPE, before.ref(), "change LCSPRs");
    if (expectedVersion == null) {
      throw new VersionRequiredException("LCSPR " + ref);
    }
    if (expectedVersion != before.version()) {
      throw new ReviewConflictException("LCSPR " + ref, expectedVersion, before.version());
    }
    Lcspr after = rule.apply(before);
    Instant now = clock.instant();
    repository.updateLcspr(after, now);
    repository.addEvent(
        null,
        before.id(),
        now,
        viewer.actor(),
        event,
        before.status().name(),
        after.status().name(),
        null);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
            .withDetails(event + ": " + before.status() + " -> " + after.status()));
    return Optional.of(after);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
