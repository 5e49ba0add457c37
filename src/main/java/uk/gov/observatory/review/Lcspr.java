package uk.gov.observatory.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.gov.observatory.calendar.WorkingDayCalendar;

/**
 * A local child safeguarding practice review, covering one or more notifications, with its guarded
 * lifecycle (see {@link LcsprStatus}): each step checks it is allowed from where the review is and
 * that its date fits the dates before it.
 */
public record Lcspr(
    long id,
    String ref,
    LcsprStatus status,
    PublicationIntention intention,
    int version,
    List<String> notificationRefs,
    LocalDate initiatedDate,
    LocalDate completedDate,
    LocalDate panelNotifiedOfPublicationDate,
    LocalDate publicationDate,
    String notPublishingReason,
    LcsprDetails details,
    List<Recommendation> recommendations,
    String reportSha256,
    String publicUrl) {

  /** Days of notice the Panel must have before publication (DATA-STANDARD section 1). */
  public static final int NOTICE_WORKING_DAYS = 7;

  /** Months after initiation by which an LCSPR should be published. */
  public static final int PUBLICATION_MONTHS = 6;

  public Lcspr {
    notificationRefs = List.copyOf(notificationRefs);
    recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    details = details == null ? LcsprDetails.none() : details;
  }

  /**
   * A new LCSPR. It covers at least one notification; it starts no earlier than the latest known
   * rapid review received date of those notifications, and not after {@code today}.
   */
  public static Lcspr initiate(
      String ref,
      List<String> notificationRefs,
      LocalDate initiated,
      LocalDate latestRapidReviewReceived,
      LocalDate today) {
    List<ReviewProblem> problems = new java.util.ArrayList<>();
    if (notificationRefs == null || notificationRefs.isEmpty()) {
      problems.add(
          new ReviewProblem("notification_refs", "an LCSPR covers at least one notification"));
    } else if (Set.copyOf(notificationRefs).size() != notificationRefs.size()) {
      problems.add(new ReviewProblem("notification_refs", "a notification is named twice"));
    }
    if (initiated == null) {
      problems.add(new ReviewProblem("initiated_date", "enter the date the review started"));
    } else {
      if (initiated.isAfter(today)) {
        problems.add(new ReviewProblem("initiated_date", "cannot be in the future"));
      }
      if (!startsNoEarlierThanItsRapidReview(initiated, latestRapidReviewReceived)) {
        problems.add(
            new ReviewProblem(
                "initiated_date",
                STARTS_NO_EARLIER_THAN_ITS_RAPID_REVIEW + " (" + latestRapidReviewReceived + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return new Lcspr(
        0,
        ref,
        LcsprStatus.INITIATED,
        PublicationIntention.NOT_DECIDED,
        1,
        notificationRefs,
        initiated,
        null,
        null,
        null,
        null,
        LcsprDetails.none(),
        List.of(),
        null,
        null);
  }

  /** The rule between an LCSPR and the rapid reviews of the notifications it covers. */
  public static final String STARTS_NO_EARLIER_THAN_ITS_RAPID_REVIEW =
      "an LCSPR starts no earlier than its rapid review was received";

  /**
   * Whether an LCSPR started on {@code initiated} keeps {@link
   * #STARTS_NO_EARLIER_THAN_ITS_RAPID_REVIEW} with a rapid review received on {@code received}
   * (kept when either is not known).
   */
  public static boolean startsNoEarlierThanItsRapidReview(LocalDate initiated, LocalDate received) {
    return initiated == null || received == null || !initiated.isBefore(received);
  }

  /**
   * An LCSPR as the data standard's lcsprs.csv records it (an import): initiated, then taken
   * through the steps its dates and {@code publicationStatus} (the standard's publication_status,
   * see {@link #publicationStatus}) record, each by the same guarded step the pages use: the
   * intention, completion, the Panel's notice, then publication or the decision not to publish (for
   * {@code notPublishingReason}). The first step refused ends the walk: its problems are thrown,
   * each on the field of the step's date. Returned at its first version.
   */
  public static Lcspr recorded(
      String ref,
      List<String> notificationRefs,
      LocalDate initiated,
      LocalDate completed,
      LocalDate panelNotified,
      LocalDate published,
      String publicationStatus,
      String notPublishingReason,
      LocalDate latestRapidReviewReceived,
      LocalDate today) {
    Lcspr l = initiate(ref, notificationRefs, initiated, latestRapidReviewReceived, today);
    PublicationIntention intention =
        switch (publicationStatus) {
          case "PUBLISHED" -> PublicationIntention.INTENDS_TO_PUBLISH;
          case "NOT_PUBLISHING" -> PublicationIntention.NOT_DECIDED;
          default -> PublicationIntention.valueOf(publicationStatus);
        };
    l = l.intend(intention);
    if (completed != null) {
      l = step("completed_date", l, x -> x.complete(completed, today));
    }
    if (panelNotified != null) {
      l =
          step(
              "panel_notified_of_publication_date",
              l,
              x -> x.notifyPublication(panelNotified, today));
    }
    if ("PUBLISHED".equals(publicationStatus)) {
      l = step("publication_date", l, x -> x.publish(published, today, null));
    } else if ("NOT_PUBLISHING".equals(publicationStatus)) {
      l = step("publication_status", l, x -> x.decideNotToPublish(notPublishingReason));
    }
    return new Lcspr(
        0,
        l.ref,
        l.status,
        l.intention,
        1,
        l.notificationRefs,
        l.initiatedDate,
        l.completedDate,
        l.panelNotifiedOfPublicationDate,
        l.publicationDate,
        l.notPublishingReason,
        l.details,
        l.recommendations,
        l.reportSha256,
        l.publicUrl);
  }

  /** One step of {@link #recorded}; a refusal about the status is put on the step's field. */
  private static Lcspr step(
      String field, Lcspr from, java.util.function.UnaryOperator<Lcspr> step) {
    try {
      return step.apply(from);
    } catch (InvalidReviewException e) {
      throw new InvalidReviewException(
          e.problems().stream()
              .map(p -> p.field().equals("status") ? new ReviewProblem(field, p.message()) : p)
              .toList());
    }
  }

  /**
   * This LCSPR, as recorded by a file, in place of {@code before} (the same reference): the next
   * version of {@code before} with this one's lifecycle, dates and notifications; its details,
   * recommendations, report and public address stay, and so does its reason for not publishing when
   * it was already not publishing.
   */
  public Lcspr replacing(Lcspr before) {
    boolean stillNotPublishing =
        status == LcsprStatus.NOT_PUBLISHING && before.status == LcsprStatus.NOT_PUBLISHING;
    return new Lcspr(
        before.id,
        before.ref,
        status,
        intention,
        before.version + 1,
        notificationRefs,
        initiatedDate,
        completedDate,
        panelNotifiedOfPublicationDate,
        publicationDate,
        stillNotPublishing ? before.notPublishingReason : notPublishingReason,
        before.details,
        before.recommendations,
        before.reportSha256,
        before.publicUrl);
  }

  private void mayBecome(LcsprStatus to, String action) {
    if (!status.mayBecome(to)) {
      throw new InvalidReviewException(
          "status",
          "an LCSPR that is "
              + status.label().toLowerCase(java.util.Locale.ROOT)
              + " cannot be "
              + action
              + (status == LcsprStatus.INITIATED && to != LcsprStatus.COMPLETED
                  ? ": complete it first"
                  : ""));
    }
  }

  private static void notFuture(LocalDate on, LocalDate today, String field) {
    if (on == null) {
      throw new InvalidReviewException(field, "enter the date");
    }
    if (on.isAfter(today)) {
      throw new InvalidReviewException(field, "cannot be in the future");
    }
  }

  /** Completed on {@code on}: only an initiated review, no earlier than it started. */
  public Lcspr complete(LocalDate on, LocalDate today) {
    mayBecome(LcsprStatus.COMPLETED, "completed");
    notFuture(on, today, "completed_date");
    if (on.isBefore(initiatedDate)) {
      throw new InvalidReviewException(
          "completed_date", "cannot be before the review started (" + initiatedDate + ")");
    }
    return with(LcsprStatus.COMPLETED, on, panelNotifiedOfPublicationDate, publicationDate, null);
  }

  /** The Panel told of the coming publication on {@code on}: only a completed review. */
  public Lcspr notifyPublication(LocalDate on, LocalDate today) {
    mayBecome(LcsprStatus.PUBLICATION_NOTIFIED, "notified for publication");
    notFuture(on, today, "panel_notified_of_publication_date");
    if (on.isBefore(completedDate)) {
      throw new InvalidReviewException(
          "panel_notified_of_publication_date",
          "cannot be before the review was completed (" + completedDate + ")");
    }
    return with(LcsprStatus.PUBLICATION_NOTIFIED, completedDate, on, null, null);
  }

  /**
   * Published on {@code on}: only a completed review (with or without notice to the Panel: too
   * little notice is flagged, see {@link #shortNotice}), no earlier than its completion or notice.
   */
  public Lcspr publish(LocalDate on, LocalDate today, String publicUrl) {
    if (status == LcsprStatus.INITIATED) {
      throw new InvalidReviewException(
          "status", "an LCSPR is published only once it is completed: complete it first");
    }
    mayBecome(LcsprStatus.PUBLISHED, "published");
    notFuture(on, today, "publication_date");
    if (on.isBefore(completedDate)) {
      throw new InvalidReviewException(
          "publication_date", "cannot be before the review was completed (" + completedDate + ")");
    }
    if (panelNotifiedOfPublicationDate != null && on.isBefore(panelNotifiedOfPublicationDate)) {
      throw new InvalidReviewException(
          "publication_date",
          "cannot be before the Panel was told of it (" + panelNotifiedOfPublicationDate + ")");
    }
    Lcspr published =
        with(LcsprStatus.PUBLISHED, completedDate, panelNotifiedOfPublicationDate, on, null);
    return new Lcspr(
        id,
        ref,
        published.status,
        intention,
        published.version,
        notificationRefs,
        initiatedDate,
        completedDate,
        panelNotifiedOfPublicationDate,
        on,
        null,
        details,
        recommendations,
        reportSha256,
        publicUrl == null || publicUrl.isBlank() ? this.publicUrl : publicUrl.strip());
  }

  /**
   * Withdrawn (started by mistake): from any stage before a final one. The reason is the caller's
   * to keep ({@link Lcsprs#withdraw}); the review keeps everything else it recorded.
   */
  public Lcspr withdraw() {
    mayBecome(LcsprStatus.WITHDRAWN, "withdrawn");
    return with(
        LcsprStatus.WITHDRAWN,
        completedDate,
        panelNotifiedOfPublicationDate,
        publicationDate,
        notPublishingReason);
  }

  /** Decided not to publish, with a reason: from any stage before publication. */
  public Lcspr decideNotToPublish(String reason) {
    mayBecome(LcsprStatus.NOT_PUBLISHING, "set to not publishing");
    if (reason == null || reason.isBlank()) {
      throw new InvalidReviewException(
          "not_publishing_reason", "give the reason the review will not be published");
    }
    return with(
        LcsprStatus.NOT_PUBLISHING,
        completedDate,
        panelNotifiedOfPublicationDate,
        null,
        reason.strip());
  }

  /** The publication intention meanwhile; refused once published or not publishing. */
  public Lcspr intend(PublicationIntention to) {
    if (status.isFinal()) {
      throw new InvalidReviewException(
          "publication_intention",
          "the review is already "
              + status.label().toLowerCase(java.util.Locale.ROOT)
              + ": its intention is past");
    }
    return new Lcspr(
        id,
        ref,
        status,
        to,
        version + 1,
        notificationRefs,
        initiatedDate,
        completedDate,
        panelNotifiedOfPublicationDate,
        publicationDate,
        notPublishingReason,
        details,
        recommendations,
        reportSha256,
        publicUrl);
  }

  /** The same review with new details and recommendations. */
  public Lcspr withDetails(LcsprDetails newDetails, List<Recommendation> newRecommendations) {
    return new Lcspr(
        id,
        ref,
        status,
        intention,
        version + 1,
        notificationRefs,
        initiatedDate,
        completedDate,
        panelNotifiedOfPublicationDate,
        publicationDate,
        notPublishingReason,
        newDetails,
        newRecommendations,
        reportSha256,
        publicUrl);
  }

  private Lcspr with(
      LcsprStatus to, LocalDate completed, LocalDate notified, LocalDate published, String reason) {
    return new Lcspr(
        id,
        ref,
        to,
        intention,
        version + 1,
        notificationRefs,
        initiatedDate,
        completed,
        notified,
        published,
        reason,
        details,
        recommendations,
        reportSha256,
        publicUrl);
  }

  /** The standard's publication_status: the state once final, the intention until then. */
  public String publicationStatus() {
    return switch (status) {
      case PUBLISHED -> "PUBLISHED";
      case NOT_PUBLISHING -> "NOT_PUBLISHING";
      default -> intention.name();
    };
  }

  /**
   * Whether the Panel had too little notice: published with fewer than 7 working days between the
   * notice and publication, or with none recorded.
   */
  public boolean shortNotice(WorkingDayCalendar calendar) {
    if (status != LcsprStatus.PUBLISHED) {
      return false;
    }
    return panelNotifiedOfPublicationDate == null
        || calendar.workingDaysBetween(panelNotifiedOfPublicationDate, publicationDate)
            < NOTICE_WORKING_DAYS;
  }

  /**
   * Whether publication is late: more than 6 calendar months after initiation, either published
   * after that or, as at {@code asAt}, still not published (and not decided against).
   */
  public boolean publicationOverdue(LocalDate asAt) {
    LocalDate limit = initiatedDate.plusMonths(PUBLICATION_MONTHS);
    if (status == LcsprStatus.PUBLISHED) {
      return publicationDate.isAfter(limit);
    }
    return status != LcsprStatus.NOT_PUBLISHING
        && status != LcsprStatus.WITHDRAWN
        && asAt.isAfter(limit);
  }
}
