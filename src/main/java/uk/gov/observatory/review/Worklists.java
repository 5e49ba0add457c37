package uk.gov.observatory.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.internal.ReviewRepository;

/**
 * What needs doing, computed when asked from the records and the clocks (nothing here is stored):
 * for a partnership, its rapid reviews due soon or overdue, challenges awaiting its answer and its
 * LCSPRs past 6 months; for the Panel, rapid reviews awaiting its view, overdue ones by authority,
 * and LCSPRs whose publication notice has arrived.
 */
@Service
public class Worklists {

  /** "Due soon": due within this many working days. */
  public static final int DUE_SOON_WORKING_DAYS = 5;

  private final NotificationRegister register;
  private final ReviewRepository repository;
  private final ReviewClocks clocks;
  private final Lcsprs lcsprs;

  public Worklists(
      NotificationRegister register,
      ReviewRepository repository,
      ReviewClocks clocks,
      Lcsprs lcsprs) {
    this.register = register;
    this.repository = repository;
    this.clocks = clocks;
    this.lcsprs = lcsprs;
  }

  /** A case on a worklist: its notification, its rapid review (if any) and its clock. */
  public record Item(Notification notification, RapidReview rapidReview, RapidReviewClock clock) {}

  /** An authority's overdue rapid reviews. */
  public record Overdue(String laCode, long count) {}

  /** A partnership's worklist. */
  public record PartnershipWorklist(
      List<Item> dueSoon,
      List<Item> overdue,
      List<Item> challengesAwaiting,
      List<Lcspr> pastSixMonths) {}

  /** The Panel's worklist. */
  public record PanelWorklist(
      List<Item> awaitingView,
      List<Overdue> overdueByAuthority,
      long overdueTotal,
      List<Lcspr> publicationNotices) {}

  /** Every case the viewer reaches, with its rapid review and clock as at {@code asAt}. */
  private List<Item> items(Viewer viewer, LocalDate asAt) {
    List<Notification> notifications = new ArrayList<>();
    register.forEachIncidentBetween(
        LocalDate.of(1900, 1, 1), asAt, null, viewer, notifications::add);
    Map<String, RapidReview> reviews =
        repository.rapidReviewsOf(notifications.stream().map(Notification::ref).toList());
    var periods = clocks.policyPeriods();
    List<Item> items = new ArrayList<>();
    for (Notification n : notifications) {
      RapidReview r = reviews.get(n.ref());
      LocalDate received = r == null ? null : r.receivedDate();
      items.add(new Item(n, r, clocks.rapidReview(n.notifiedDate(), received, asAt, periods)));
    }
    return items;
  }

  /**
   * One row of a list to work from: what it is about (a notification, an LCSPR or an authority),
   * where it is, since when, when it is due, and a word on where it stands.
   *
   * @param ref a notification's or LCSPR's reference, or null for an authority's row
   * @param href its page
   * @param laCode the local authority (of the first notification, for an LCSPR)
   * @param since when the work began (notified, received, raised, started, notice given)
   * @param due when it is due, or null
   * @param overdue past its due date
   * @param dueSoon due within {@link #DUE_SOON_WORKING_DAYS} working days
   * @param note where it stands, in words
   * @param count how many (an authority's overdue rapid reviews), or 0
   */
  public record Row(
      String ref,
      String href,
      String laCode,
      LocalDate since,
      LocalDate due,
      boolean overdue,
      boolean dueSoon,
      String note,
      long count) {}

  /**
   * A list to work from.
   *
   * @param id its name in the page's address ({@code ?list=waiting})
   * @param title what it lists, as a heading
   * @param sinceHeading the heading of its {@link Row#since} column
   * @param dueHeading the heading of its {@link Row#due} column, or null when it has none
   * @param none what the page says when it is empty
   * @param rows its rows, soonest due first (or oldest first when nothing is due)
   */
  public record WorkList(
      String id,
      String title,
      String sinceHeading,
      String dueHeading,
      String none,
      List<Row> rows) {}

  /**
   * The lists the viewer works from, as at {@code asAt}: for a partnership (writes reviews), every
   * notification still waiting for its rapid review, challenges awaiting its answer and its LCSPRs
   * past 6 months; for the Panel (records its view), rapid reviews awaiting its view, overdue rapid
   * reviews by authority and publication notices. The secretariat has both.
   */
  @Transactional(readOnly = true)
  public List<WorkList> lists(Viewer viewer, LocalDate asAt) {
    boolean partnership = viewer.can(uk.gov.observatory.access.Permission.SUBMIT_REVIEWS);
    boolean panel = viewer.can(uk.gov.observatory.access.Permission.RECORD_PANEL_VIEW);
    List<WorkList> lists = new ArrayList<>();
    if (!partnership && !panel) {
      return lists;
    }
    List<Item> items = items(viewer, asAt);
    List<Lcspr> all = lcsprs.all(viewer);
    Map<String, String> laOf = new java.util.HashMap<>();
    items.forEach(i -> laOf.put(i.notification().ref(), i.notification().laCode()));
    Comparator<Row> byDue =
        Comparator.comparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::ref, Comparator.nullsLast(Comparator.naturalOrder()));
    if (partnership) {
      List<Row> waiting =
          items.stream()
              .filter(i -> !i.clock().received())
              .map(
                  i ->
                      new Row(
                          i.notification().ref(),
                          "/notifications/" + i.notification().ref(),
                          i.notification().laCode(),
                          i.notification().notifiedDate(),
                          i.clock().dueDate(),
                          i.clock().overdue(),
                          i.clock().dueWithin(DUE_SOON_WORKING_DAYS),
                          waitingNote(i),
                          0))
              .sorted(byDue)
              .toList();
      lists.add(
          new WorkList(
              "waiting",
              "Waiting for the rapid review",
              "Notified",
              "Rapid review due",
              "No notifications are waiting for their rapid review.",
              waiting));
      Map<String, java.time.Instant> raised = repository.challengesAwaitingPartnership();
      List<Row> challenges =
          items.stream()
              .filter(i -> raised.containsKey(i.notification().ref()))
              .map(
                  i ->
                      new Row(
                          i.notification().ref(),
                          "/notifications/" + i.notification().ref(),
                          i.notification().laCode(),
                          raised
                              .get(i.notification().ref())
                              .atZone(java.time.ZoneId.of("Europe/London"))
                              .toLocalDate(),
                          null,
                          false,
                          false,
                          "The Panel asked for more information",
                          0))
              .sorted(Comparator.comparing(Row::since).thenComparing(Row::ref))
              .toList();
      lists.add(
          new WorkList(
              "challenges",
              "Challenges awaiting your answer",
              "Challenge raised",
              null,
              "No challenges are waiting for your answer.",
              challenges));
      List<Row> late =
          all.stream()
              .filter(l -> l.status() != LcsprStatus.PUBLISHED && l.publicationOverdue(asAt))
              .map(l -> lcsprRow(l, laOf, l.initiatedDate(), asAt))
              .sorted(byDue)
              .toList();
      lists.add(
          new WorkList(
              "lcsprs-late",
              "Local reviews past 6 months and not published",
              "Started",
              "Publication was due",
              "No local reviews are past 6 months without publication.",
              late));
    }
    if (panel) {
      List<Row> awaiting =
          items.stream()
              .filter(i -> i.rapidReview() != null && i.rapidReview().submitted())
              .filter(i -> i.rapidReview().panelView() == null)
              .filter(i -> i.rapidReview().content().decision() != Decision.UNDECIDED)
              .map(
                  i ->
                      new Row(
                          i.notification().ref(),
                          "/notifications/" + i.notification().ref() + "/consideration",
                          i.notification().laCode(),
                          i.rapidReview().receivedDate(),
                          null,
                          false,
                          false,
                          i.rapidReview().content().decision() == Decision.LCSPR
                              ? "Decided on a local review"
                              : "Decided against a local review",
                          0))
              .sorted(Comparator.comparing(Row::since).thenComparing(Row::ref))
              .toList();
      lists.add(
          new WorkList(
              "awaiting-view",
              "Rapid reviews awaiting the Panel's view",
              "Rapid review received",
              null,
              "No rapid reviews are waiting for the Panel’s view.",
              awaiting));
      List<Row> answered =
          challengesAnswered(viewer).stream()
              .map(
                  a ->
                      new Row(
                          a.notification().ref(),
                          "/notifications/" + a.notification().ref() + "#challenges",
                          a.notification().laCode(),
                          a.answeredAt() == null
                              ? null
                              : a.answeredAt()
                                  .atZone(java.time.ZoneId.of("Europe/London"))
                                  .toLocalDate(),
                          null,
                          false,
                          false,
                          "The partnership answered the Panel's challenge",
                          0))
              .toList();
      lists.add(
          new WorkList(
              "challenges-answered",
              "Challenges answered, awaiting the Panel",
              "Answered",
              null,
              "No answered challenges are waiting for the Panel.",
              answered));
      Map<String, Long> overdue = new TreeMap<>();
      for (Item i : items) {
        if (i.clock().overdue()) {
          overdue.merge(i.notification().laCode(), 1L, Long::sum);
        }
      }
      List<Row> byAuthority =
          overdue.entrySet().stream()
              .map(
                  e ->
                      new Row(
                          null,
                          "/worklist?list=waiting&la=" + e.getKey() + "&due=overdue",
                          e.getKey(),
                          null,
                          null,
                          true,
                          false,
                          null,
                          e.getValue()))
              .sorted(Comparator.comparing(Row::count).reversed().thenComparing(Row::laCode))
              .toList();
      lists.add(
          new WorkList(
              "overdue-by-authority",
              "Overdue rapid reviews by local authority",
              null,
              null,
              "No rapid reviews are overdue.",
              byAuthority));
      List<Row> notices =
          all.stream()
              .filter(l -> l.status() == LcsprStatus.PUBLICATION_NOTIFIED)
              .map(l -> lcsprRow(l, laOf, l.panelNotifiedOfPublicationDate(), asAt))
              .sorted(Comparator.comparing(Row::since).thenComparing(Row::ref))
              .toList();
      lists.add(
          new WorkList(
              "publication-notices",
              "Publication notices received",
              "Notice given",
              "Publication due",
              "No publication notices are waiting.",
              notices));
    }
    return lists;
  }

  private static String waitingNote(Item i) {
    if (i.rapidReview() != null) {
      return "Draft started";
    }
    return "Not started";
  }

  private static Row lcsprRow(Lcspr l, Map<String, String> laOf, LocalDate since, LocalDate asAt) {
    String la = l.notificationRefs().isEmpty() ? null : laOf.get(l.notificationRefs().get(0));
    LocalDate due = l.initiatedDate().plusMonths(Lcspr.PUBLICATION_MONTHS);
    return new Row(
        l.ref(),
        "/lcsprs/" + l.ref(),
        la,
        since,
        due,
        l.publicationOverdue(asAt),
        false,
        l.status().label(),
        0);
  }

  @Transactional(readOnly = true)
  public PartnershipWorklist forPartnership(Viewer viewer, LocalDate asAt) {
    List<Item> items = items(viewer, asAt);
    Comparator<Item> byDue = Comparator.comparing(i -> i.clock().dueDate());
    List<Item> dueSoon =
        items.stream()
            .filter(i -> i.clock().dueWithin(DUE_SOON_WORKING_DAYS))
            .sorted(byDue)
            .toList();
    List<Item> overdue = items.stream().filter(i -> i.clock().overdue()).sorted(byDue).toList();
    List<Item> challenges =
        items.stream()
            .filter(i -> i.rapidReview() != null)
            .filter(
                i ->
                    repository.challengesOf(i.rapidReview().id()).stream()
                        .anyMatch(c -> c.status() == Challenge.Status.AWAITING_PARTNERSHIP))
            .toList();
    List<Lcspr> late =
        lcsprs.all(viewer).stream()
            .filter(l -> l.status() != LcsprStatus.PUBLISHED && l.publicationOverdue(asAt))
            .toList();
    return new PartnershipWorklist(dueSoon, overdue, challenges, late);
  }

  @Transactional(readOnly = true)
  public PanelWorklist forPanel(Viewer viewer, LocalDate asAt) {
    List<Item> items = items(viewer, asAt);
    List<Item> awaiting =
        items.stream()
            .filter(i -> i.rapidReview() != null && i.rapidReview().submitted())
            .filter(i -> i.rapidReview().panelView() == null)
            .filter(i -> i.rapidReview().content().decision() != Decision.UNDECIDED)
            .sorted(Comparator.comparing(i -> i.rapidReview().receivedDate()))
            .toList();
    Map<String, Long> overdue = new TreeMap<>();
    long total = 0;
    for (Item i : items) {
      if (i.clock().overdue()) {
        overdue.merge(i.notification().laCode(), 1L, Long::sum);
        total++;
      }
    }
    List<Overdue> byAuthority =
        overdue.entrySet().stream()
            .map(e -> new Overdue(e.getKey(), e.getValue()))
            .sorted(Comparator.comparing(Overdue::count).reversed().thenComparing(Overdue::laCode))
            .toList();
    List<Lcspr> notices =
        lcsprs.all(viewer).stream()
            .filter(l -> l.status() == LcsprStatus.PUBLICATION_NOTIFIED)
            .sorted(Comparator.comparing(Lcspr::panelNotifiedOfPublicationDate))
            .toList();
    return new PanelWorklist(awaiting, byAuthority, total, notices);
  }

  /** A challenge the partnership has answered, waiting for the Panel: its case and when. */
  public record AnsweredChallenge(Notification notification, java.time.Instant answeredAt) {}

  /**
   * For the Panel: the challenges the partnership has answered and the Panel has not yet followed
   * up or closed ("answered, awaiting the Panel"), oldest answer first, in the viewer's reach.
   */
  @Transactional(readOnly = true)
  public List<AnsweredChallenge> challengesAnswered(Viewer viewer) {
    List<AnsweredChallenge> out = new ArrayList<>();
    for (ReviewRepository.AnsweredChallenge a : repository.answeredChallenges()) {
      register
          .find(a.notificationRef())
          .filter(n -> viewer.reaches(n.laCode(), n.incidentDate()))
          .ifPresent(n -> out.add(new AnsweredChallenge(n, a.answeredAt())));
    }
    return out;
  }
}
