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
