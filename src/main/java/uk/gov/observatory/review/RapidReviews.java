package uk.gov.observatory.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.internal.ReviewRepository;

/**
 * Rapid reviews, the one gateway for reading and changing them. Every call names its {@link
 * Viewer}: a notification out of their reach answers as if it did not exist (empty, audited as
 * refused); an action their role does not allow is refused ({@link ReviewNotPermittedException},
 * audited). Every change is audited and put on the case's timeline in its own transaction.
 */
@Service
public class RapidReviews {

  public static final String AUDIT_RECORD_TYPE = "rapid_review";

  private final ReviewRepository repository;
  private final NotificationRegister register;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;
  private final ReviewReminders reminders;

  /** Without emails (a challenge answered tells the Panel only on its worklist). */
  public RapidReviews(
      ReviewRepository repository,
      NotificationRegister register,
      ReferenceData reference,
      AuditLog audit,
      Clock clock) {
    this(repository, register, reference, audit, clock, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public RapidReviews(
      ReviewRepository repository,
      NotificationRegister register,
      ReferenceData reference,
      AuditLog audit,
      Clock clock,
      ReviewReminders reminders) {
    this.repository = repository;
    this.register = register;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
    this.reminders = reminders;
  }

  /** The notification, if the viewer reaches it; otherwise empty, with the refusal audited. */
  Optional<Notification> reached(String ref, Viewer viewer) {
    Optional<Notification> n =
        register
            .findWithoutIdentifying(ref)
            .filter(x -> viewer.reaches(x.laCode(), x.incidentDate()));
    if (n.isEmpty()) {
      audit.record(
          AuditEvent.of(
                  viewer.actor(),
                  AuditAction.ACCESS_REFUSED,
                  AUDIT_RECORD_TYPE,
                  ref != null && ref.length() <= 40 ? ref : null)
              .withDetails("no such notification within reach (answered 404)"));
    }
    return n;
  }

  /**
   * Refuses ({@link ReviewNotPermittedException}, audited) an action on a notification's rapid
   * review that the viewer's role does not allow.
   */
  public void require(Viewer viewer, Permission permission, String ref, String what) {
    require(viewer, permission, AUDIT_RECORD_TYPE, ref, what);
  }

  /** As above, the refusal audited against a record of another type (an LCSPR). */
  void require(Viewer viewer, Permission permission, String recordType, String ref, String what) {
    if (!viewer.can(permission)) {
      audit.record(
          AuditEvent.of(viewer.actor(), AuditAction.ACCESS_REFUSED, recordType, ref)
              .withDetails(what + ": not allowed to this account's role (answered 403)"));
      throw new ReviewNotPermittedException("Your role does not allow you to " + what + ".");
    }
  }

  /**
   * The rapid review of a notification the viewer reaches, without auditing (for a page that has
   * already audited its reading of the case).
   */
  @Transactional(readOnly = true)
  public Optional<RapidReview> find(String ref, Viewer viewer) {
    if (!viewer.can(Permission.READ_CASES)) {
      return Optional.empty();
    }
    return register.findWithoutIdentifying(ref).flatMap(n -> find(n, viewer));
  }

  /** The rapid review of a notification, read by the viewer (audited as viewed). */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<RapidReview> view(String ref, Viewer viewer) {
    if (reached(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.READ_CASES, ref, "read rapid reviews");
    Optional<RapidReview> r = repository.findRapidReview(ref);
    r.ifPresent(
        x ->
            audit.record(
                AuditEvent.of(viewer.actor(), AuditAction.VIEWED, AUDIT_RECORD_TYPE, ref)));
    return r;
  }

  /**
   * Every stored version of a notification's rapid review, oldest first (empty when none, out of
   * reach, or the viewer does not read cases).
   */
  @Transactional(readOnly = true)
  public List<RapidReviewVersion> versions(String ref, Viewer viewer) {
    return find(ref, viewer).map(r -> repository.versionsOf(r.id())).orElse(List.of());
  }

  /** The challenges to a notification's rapid review (empty when none or out of reach). */
  @Transactional(readOnly = true)
  public List<Challenge> challenges(String ref, Viewer viewer) {
    return find(ref, viewer).map(this::challengesOf).orElse(List.of());
  }

  /**
   * {@link #find(String, Viewer)} of a notification the caller has read already (the case page),
   * with the same checks on it, without reading it again.
   */
  public Optional<RapidReview> find(Notification n, Viewer viewer) {
    if (!viewer.can(Permission.READ_CASES) || !viewer.reaches(n.laCode(), n.incidentDate())) {
      return Optional.empty();
    }
    return repository.findRapidReview(n.ref());
  }

  /** The challenges of a rapid review found for a viewer ({@link #find(Notification, Viewer)}). */
  public List<Challenge> challengesOf(RapidReview review) {
    return repository.challengesOf(review.id());
  }

  /**
   * Writes a rapid review: starts it (a draft) when the notification has none, or saves a new
   * version of it. {@code expectedVersion} is the version the person started from (0 or null when
   * starting one; required to change an existing one, else {@link VersionRequiredException}): when
   * someone else saved meanwhile, {@link ReviewConflictException}.
   */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<RapidReview> save(
      String ref, RapidReviewContent content, Integer expectedVersion, Viewer viewer) {
    Optional<Notification> notification = reached(ref, viewer);
    if (notification.isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.SUBMIT_REVIEWS, ref, "write rapid reviews");
    Notification n = notification.get();
    List<ReviewProblem> problems = content.problems(n.notifiedDate(), today(), themes());
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    Optional<RapidReview> existing = repository.findRapidReviewForUpdate(ref);
    Instant now = clock.instant();
    if (existing.isEmpty()) {
      if (expectedVersion != null && expectedVersion != 0) {
        throw new InvalidReviewException(
            "version", "this notification has no rapid review yet: start one");
      }
      RapidReview draft =
          RapidReview.draft(ref, n.laCode(), n.incidentDate(), n.notifiedDate(), content);
      long id;
      try {
        id = repository.insertRapidReview(draft, now, viewer.actor());
      } catch (DuplicateKeyException startedMeanwhile) {
        // Someone else started it at the same moment (their row was not yet visible above).
        throw new ReviewConflictException("The rapid review of " + ref, 0, 1);
      }
      RapidReview stored = repository.findRapidReview(ref).orElseThrow();
      event(ref, now, viewer, "Rapid review started", null, "DRAFT", null);
      audit.record(
          AuditEvent.of(viewer.actor(), AuditAction.CREATED, AUDIT_RECORD_TYPE, ref)
              .withAfter(internalJson(stored))
              .withDetails("rapid review " + id));
      return Optional.of(stored);
    }
    RapidReview before = existing.get();
    checkVersion("The rapid review of " + ref, expectedVersion, before.version());
    RapidReview after = before.withContent(content);
    repository.updateRapidReview(after, now, viewer.actor());
    event(
        ref,
        now,
        viewer,
        before.submitted() ? "Rapid review amended" : "Rapid review draft saved",
        before.status().name(),
        after.status().name(),
        "version " + after.version());
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
            .withBefore(internalJson(before))
            .withAfter(internalJson(after)));
    return Optional.of(after);
  }

  /** Submits the rapid review to the Panel, received on {@code received}. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<RapidReview> submit(
      String ref, LocalDate received, Integer expectedVersion, Viewer viewer) {
    if (reached(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.SUBMIT_REVIEWS, ref, "submit rapid reviews");
    RapidReview before = existing(ref);
    checkVersion("The rapid review of " + ref, expectedVersion, before.version());
    RapidReview after = before.submit(received, today());
    return Optional.of(
        change(before, after, viewer, "Rapid review submitted", "received " + received));
  }

  /** The Panel's view of the review's decision, with its reasons. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<RapidReview> recordPanelView(
      String ref, PanelView view, String reasons, Integer expectedVersion, Viewer viewer) {
    if (reached(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.RECORD_PANEL_VIEW, ref, "record the Panel's view");
    RapidReview before = existing(ref);
    checkVersion("The rapid review of " + ref, expectedVersion, before.version());
    RapidReview after = before.withPanelView(view, reasons, viewer.actor(), clock.instant());
    return Optional.of(
        change(before, after, viewer, "Panel's view recorded", view == null ? null : view.name()));
  }

  /** Marks the case for (or takes it off) consideration for a national review. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<RapidReview> considerForNationalReview(
      String ref, boolean consider, Integer expectedVersion, Viewer viewer) {
    if (reached(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.RECORD_PANEL_VIEW, ref, "consider cases for national review");
    RapidReview before = existing(ref);
    checkVersion("The rapid review of " + ref, expectedVersion, before.version());
    RapidReview after = before.withNationalReview(consider);
    return Optional.of(
        change(
            before,
            after,
            viewer,
            consider
                ? "Considered for a national review"
                : "No longer considered for national" + " review",
            null));
  }

  /** The Panel's quality assessment (each criterion 0-2). */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<RapidReview> assessQuality(
      String ref, Map<QualityCriterion, Integer> scores, Integer expectedVersion, Viewer viewer) {
    if (reached(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.RECORD_PANEL_VIEW, ref, "assess rapid reviews");
    RapidReview before = existing(ref);
    checkVersion("The rapid review of " + ref, expectedVersion, before.version());
    RapidReview after = before.withQuality(scores);
    return Optional.of(
        change(
            before, after, viewer, "Quality assessed", "score " + after.qualityTotal() + " of 12"));
  }

  /** The Panel asks the partnership for more information: a new challenge thread. */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Challenge> challenge(String ref, String question, Viewer viewer) {
    if (reached(ref, viewer).isEmpty()) {
      return Optional.empty();
    }
    require(viewer, Permission.RECORD_PANEL_VIEW, ref, "challenge rapid reviews");
    RapidReview review = existing(ref);
    if (!review.submitted()) {
      throw new InvalidReviewException(
          "challenge", "the Panel challenges only a submitted rapid review");
    }
    if (question == null || question.isBlank()) {
      throw new InvalidReviewException("question", "enter what the Panel asks the partnership");
    }
    Instant now = clock.instant();
    long id = repository.insertChallenge(review.id(), viewer.actor(), now, question.strip());
    event(
        ref, now, viewer, "Panel challenged the rapid review", null, "AWAITING_PARTNERSHIP", null);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.CREATED, "challenge", String.valueOf(id))
            .withDetails("challenge to the rapid review of " + ref));
    return repository.challengesOf(review.id()).stream().filter(c -> c.id() == id).findFirst();
  }

  /**
   * Adds to a challenge's thread: the partnership's answer (SUBMIT_REVIEWS) or the Panel's
   * follow-up (RECORD_PANEL_VIEW); {@code close} (the Panel only) ends the thread.
   */
  @Transactional(noRollbackFor = ReviewNotPermittedException.class)
  public Optional<Challenge> reply(long challengeId, String body, boolean close, Viewer viewer) {
    Optional<String> ref = repository.notificationOfChallenge(challengeId);
    if (ref.isEmpty() || reached(ref.get(), viewer).isEmpty()) {
      return Optional.empty();
    }
    RapidReview review = existing(ref.get());
    Challenge challenge =
        repository.challengesOf(review.id()).stream()
            .filter(c -> c.id() == challengeId)
            .findFirst()
            .orElseThrow();
    boolean panel = viewer.can(Permission.RECORD_PANEL_VIEW);
    if (!panel) {
      require(viewer, Permission.SUBMIT_REVIEWS, ref.get(), "answer challenges");
    }
    if (close && !panel) {
      throw new InvalidReviewException("close", "only the Panel closes a challenge");
    }
    if (challenge.status() == Challenge.Status.CLOSED) {
      throw new InvalidReviewException("challenge", "this challenge is closed");
    }
    if ((body == null || body.isBlank()) && !close) {
      throw new InvalidReviewException("body", "enter your reply");
    }
    Instant now = clock.instant();
    if (body != null && !body.isBlank()) {
      repository.addMessage(challengeId, viewer.actor(), now, panel, body.strip());
    }
    Challenge.Status to =
        close
            ? Challenge.Status.CLOSED
            : panel ? Challenge.Status.AWAITING_PARTNERSHIP : Challenge.Status.ANSWERED;
    repository.setChallengeStatus(challengeId, to);
    event(
        ref.get(),
        now,
        viewer,
        close
            ? "Challenge closed"
            : panel ? "Panel followed up its challenge" : "Partnership answered the challenge",
        challenge.status().name(),
        to.name(),
        null);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, "challenge", String.valueOf(challengeId))
            .withDetails(challenge.status() + " -> " + to));
    if (to == Challenge.Status.ANSWERED && reminders != null) {
      // The Panel hears of the answer by email too, sent only if this change commits.
      reminders.challengeAnswered(ref.get(), review.laCode(), challengeId, now);
    }
    return repository.challengesOf(review.id()).stream()
        .filter(c -> c.id() == challengeId)
        .findFirst();
  }

  private RapidReview change(
      RapidReview before, RapidReview after, Viewer viewer, String event, String details) {
    Instant now = clock.instant();
    repository.updateRapidReview(after, now, viewer.actor());
    event(
        before.notificationRef(),
        now,
        viewer,
        event,
        before.status().name(),
        after.status().name(),
        details);
    audit.record(
        AuditEvent.of(
                viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, before.notificationRef())
            .withBefore(internalJson(before))
            .withAfter(internalJson(after))
            .withDetails(event));
    return after;
  }

  private RapidReview existing(String ref) {
    return repository
        .findRapidReviewForUpdate(ref)
        .orElseThrow(
            () ->
                new InvalidReviewException(
                    "rapid_review", "there is no rapid review of " + ref + " yet"));
  }

  /**
   * The version a change started from must be named ({@link VersionRequiredException}) and be the
   * current one ({@link ReviewConflictException}).
   */
  private static void checkVersion(String what, Integer expected, int current) {
    if (expected == null) {
      throw new VersionRequiredException(what);
    }
    if (expected != current) {
      throw new ReviewConflictException(what, expected, current);
    }
  }

  private void event(
      String ref, Instant at, Viewer viewer, String event, String from, String to, String d) {
    repository.addEvent(ref, null, at, viewer.actor(), event, from, to, d);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private Set<String> themes() {
    return reference.codeList(CodeLists.PRACTICE_THEMES).codes().stream()
        .map(c -> c.code())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The review as the audit log keeps it (the version history's JSON). */
  private static String internalJson(RapidReview r) {
    return uk.gov.observatory.review.internal.ReviewJson.of(r);
  }
}
