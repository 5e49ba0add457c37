package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.internal.ReviewRepository;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/** The LCSPR gateway on real PostgreSQL: scope, permissions, versions, audit, timeline. */
@RegisterTest
class LcsprsTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";
  static final LocalDate INCIDENT = LocalDate.of(2026, 6, 1);
  static final LocalDate RECEIVED = LocalDate.of(2026, 6, 26);
  static final LocalDate INITIATED = LocalDate.of(2026, 7, 1);
  static final LocalDate COMPLETED = LocalDate.of(2026, 10, 1);

  @Autowired Lcsprs lcsprs;
  @Autowired RapidReviews reviews;
  @Autowired ReviewRepository repository;
  @Autowired NotificationRegister register;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired Viewers viewers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  Notification westminster;
  Notification westminster2;
  Notification leeds;

  @BeforeEach
  void cases() {
    westminster = register.notify(Submissions.of(WESTMINSTER, "DEATH", INCIDENT, 4, 1));
    westminster2 = register.notify(Submissions.of(WESTMINSTER, "SERIOUS_HARM", INCIDENT, 4, 2));
    leeds = register.notify(Submissions.of(LEEDS, "DEATH", INCIDENT, 4, 1));
    TestAccounts.create(accounts, "westminster.partnership", Role.PARTNERSHIP, WESTMINSTER);
    TestAccounts.create(accounts, "leeds.partnership", Role.PARTNERSHIP, LEEDS);
    TestAccounts.create(accounts, "panel.member", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "panel.secretariat", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "ofsted.inspector", Role.INSPECTOR);
  }

  Viewer as(String username) {
    return viewers.of(username);
  }

  Viewer partnership() {
    return as("westminster.partnership");
  }

  long auditMark() {
    return jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
  }

  List<String> auditSince(long mark) {
    return jdbc.query(
        "select actor, action, record_type, record_ref from audit_entry where id > ? order by id",
        (rs, i) ->
            rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
        mark);
  }

  int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  /** A submitted rapid review of a notification, received on a date. */
  void rapidReview(Notification n, LocalDate received, String by) {
    RapidReview d =
        reviews
            .save(n.ref(), Reviews.signedOff(Decision.LCSPR, received), null, as(by))
            .orElseThrow();
    reviews.submit(n.ref(), received, d.version(), as(by));
  }

  Lcspr initiated() {
    rapidReview(westminster, RECEIVED, "westminster.partnership");
    return lcsprs.initiate(null, List.of(westminster.ref()), INITIATED, partnership());
  }

  @Test
  @DisplayName(
      "an LCSPR is given the next free reference and is on the timeline of every case it covers")
  void anLcsprIsGivenTheNextFreeReferenceAndIsOnEveryCasesTimeline() {
    Lcspr first =
        lcsprs.initiate(
            null, List.of(westminster.ref(), westminster2.ref()), INITIATED, partnership());
    assertThat(first.ref()).isEqualTo("LCSPR-2026-00001");
    assertThat(first.status()).isEqualTo(LcsprStatus.INITIATED);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.notificationRefs()).containsExactly(westminster.ref(), westminster2.ref());
    assertThat(lcsprs.initiate(null, List.of(westminster.ref()), INITIATED, partnership()).ref())
        .isEqualTo("LCSPR-2026-00002");
    assertThat(
            lcsprs
                .initiate(
                    "WESTMINSTER-LCSPR-7", List.of(westminster2.ref()), INITIATED, partnership())
                .ref())
        .isEqualTo("WESTMINSTER-LCSPR-7");
    assertThatThrownBy(
            () ->
                lcsprs.initiate(
                    "WESTMINSTER-LCSPR-7", List.of(westminster.ref()), INITIATED, partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("already exists");

    for (Notification n : List.of(westminster, westminster2)) {
      assertThat(repository.eventsOf(n.ref()))
          .filteredOn(e -> "LCSPR-2026-00001".equals(e.lcsprRef()))
          .extracting(e -> e.event() + " " + e.fromState() + "->" + e.toState() + " " + e.actor())
          .containsExactly("LCSPR initiated null->INITIATED westminster.partnership");
    }
    assertThat(lcsprs.of(westminster2.ref(), partnership()))
        .extracting(Lcspr::ref)
        .containsExactly("LCSPR-2026-00001", "WESTMINSTER-LCSPR-7");
  }

  @Test
  @DisplayName("LCSPRs started at the same moment are each given their own reference")
  void lcsprsStartedAtTheSameMomentAreEachGivenTheirOwnReference() throws Exception {
    List<Notification> cases = List.of(westminster, westminster2, westminster, westminster2);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(cases.size());
    try {
      java.util.concurrent.CyclicBarrier start =
          new java.util.concurrent.CyclicBarrier(cases.size());
      List<java.util.concurrent.Future<Lcspr>> started = new java.util.ArrayList<>();
      for (Notification n : cases) {
        started.add(
            pool.submit(
                () -> {
                  start.await();
                  return lcsprs.initiate(null, List.of(n.ref()), INITIATED, partnership());
                }));
      }
      List<String> refs = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Lcspr> f : started) {
        refs.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).ref());
      }
      assertThat(refs)
          .containsExactlyInAnyOrder(
              "LCSPR-2026-00001", "LCSPR-2026-00002", "LCSPR-2026-00003", "LCSPR-2026-00004");
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("lcspr")).isEqualTo(4);
  }

  @Test
  @DisplayName("an LCSPR covers at least one notification")
  void anLcsprCoversAtLeastOneNotification() {
    assertThatThrownBy(() -> lcsprs.initiate(null, List.of(), INITIATED, partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("at least one notification");
    assertThatThrownBy(() -> lcsprs.initiate(null, null, INITIATED, partnership()))
        .isInstanceOf(InvalidReviewException.class);
    assertThat(count("lcspr")).isZero();
  }

  @Test
  @DisplayName("an LCSPR starts no earlier than the latest of its rapid reviews was received")
  void anLcsprStartsNoEarlierThanTheLatestOfItsRapidReviewsWasReceived() {
    rapidReview(westminster, RECEIVED, "westminster.partnership");
    rapidReview(westminster2, RECEIVED.plusDays(3), "westminster.partnership");
    List<String> both = List.of(westminster.ref(), westminster2.ref());
    assertThatThrownBy(() -> lcsprs.initiate(null, both, RECEIVED.plusDays(2), partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("no earlier than its rapid review was received (2026-06-29)");
    assertThatThrownBy(
            () ->
                lcsprs.initiate(
                    null, List.of(westminster.ref()), RECEIVED.minusDays(1), partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("(2026-06-26)");
    assertThatThrownBy(() -> lcsprs.initiate(null, both, LocalDate.of(2026, 11, 27), partnership()))
        .as("tomorrow")
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot be in the future");
    assertThat(count("lcspr")).isZero();
    assertThat(lcsprs.initiate(null, both, RECEIVED.plusDays(3), partnership()).initiatedDate())
        .isEqualTo(LocalDate.of(2026, 6, 29));
  }

  @Test
  @DisplayName(
      "an LCSPR naming a case out of the partnership's reach is refused, stores nothing, and the"
          + " refusal is audited")
  void anLcsprNamingACaseOutOfReachIsRefusedAndTheRefusalAudited() {
    long mark = auditMark();
    assertThatThrownBy(
            () ->
                lcsprs.initiate(
                    null,
                    List.of(leeds.ref(), westminster.ref()),
                    INITIATED,
                    as("westminster.partnership")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining(leeds.ref() + " is not a notification you can reach");
    assertThat(count("lcspr")).isZero();
    assertThat(count("case_event")).isZero();
    assertThat(auditSince(mark))
        .containsExactly("westminster.partnership ACCESS_REFUSED rapid_review " + leeds.ref());
  }

  @Test
  @DisplayName(
      "an LCSPR is reached only by those who reach every case it covers; others are answered as"
          + " if it did not exist, audited")
  void anLcsprIsReachedOnlyByThoseWhoReachEveryCaseItCovers() {
    Lcspr joint =
        lcsprs.initiate(
            "JOINT-1", List.of(westminster.ref(), leeds.ref()), INITIATED, as("panel.secretariat"));
    long mark = auditMark();
    Viewer westminsterPartnership = partnership();
    assertThat(lcsprs.view("JOINT-1", westminsterPartnership)).isEmpty();
    assertThat(lcsprs.find("JOINT-1", westminsterPartnership)).isEmpty();
    assertThat(lcsprs.of(westminster.ref(), westminsterPartnership)).isEmpty();
    assertThat(lcsprs.all(westminsterPartnership)).isEmpty();
    assertThat(lcsprs.complete("JOINT-1", COMPLETED, joint.version(), westminsterPartnership))
        .isEmpty();
    assertThat(lcsprs.view("NO-SUCH-LCSPR", westminsterPartnership)).isEmpty();
    assertThat(auditSince(mark))
        .containsExactly(
            "westminster.partnership ACCESS_REFUSED lcspr JOINT-1",
            "westminster.partnership ACCESS_REFUSED lcspr JOINT-1",
            "westminster.partnership ACCESS_REFUSED lcspr NO-SUCH-LCSPR");
    assertThat(repository.findLcspr("JOINT-1").orElseThrow().status())
        .isEqualTo(LcsprStatus.INITIATED);

    // A Panel member withdrawn from Leeds' cases no longer reaches the joint review.
    assertThat(lcsprs.view("JOINT-1", as("panel.member"))).isPresent();
    interests.declare(
        "panel.member", LEEDS, LocalDate.of(2026, 1, 1), null, "Former director", "secretariat");
    assertThat(lcsprs.view("JOINT-1", as("panel.member"))).isEmpty();
    assertThat(lcsprs.all(as("panel.secretariat")))
        .extracting(Lcspr::ref)
        .containsExactly("JOINT-1");
  }

  @Test
  @DisplayName(
      "an inspector, who does not read cases, cannot see or change an LCSPR; a Panel member sees"
          + " but cannot change it; each refusal stays in the audit log")
  void anInspectorChangingAnLcsprIsRefusedAndTheRefusalStaysInTheAuditLog() {
    Lcspr l = initiated();
    long mark = auditMark();
    Viewer inspector = as("ofsted.inspector");
    // An inspector reads LCSPRs (issue 15) but changes none.
    assertThatThrownBy(() -> lcsprs.complete(l.ref(), COMPLETED, l.version(), inspector))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThatThrownBy(
            () -> lcsprs.initiate(null, List.of(westminster2.ref()), INITIATED, inspector))
        .isInstanceOf(ReviewNotPermittedException.class)
        .hasMessageContaining("start an LCSPR");
    assertThatThrownBy(
            () ->
                lcsprs.uploadReport(
                    l.ref(),
                    "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                    l.version(),
                    inspector))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThatThrownBy(() -> lcsprs.complete(l.ref(), COMPLETED, l.version(), as("panel.member")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThat(auditSince(mark))
        .containsExactly(
            "ofsted.inspector ACCESS_REFUSED lcspr " + l.ref(),
            "ofsted.inspector ACCESS_REFUSED rapid_review " + westminster2.ref(),
            "ofsted.inspector ACCESS_REFUSED lcspr " + l.ref(),
            "panel.member ACCESS_REFUSED lcspr " + l.ref());
    Lcspr stored = repository.findLcspr(l.ref()).orElseThrow();
    assertThat(stored.status()).isEqualTo(LcsprStatus.INITIATED);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.reportSha256()).isNull();
    assertThat(count("lcspr")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a second person changing an LCSPR from a stale version is refused, and the first person's"
          + " change is kept")
  void aSecondPersonChangingAnLcsprFromAStaleVersionIsRefused() {
    Lcspr l = initiated();
    lcsprs.complete(l.ref(), COMPLETED, 1, partnership());
    int events = count("case_event");
    long mark = auditMark();
    assertThatThrownBy(
            () -> lcsprs.decideNotToPublish(l.ref(), "Family's wishes", 1, as("panel.secretariat")))
        .isInstanceOfSatisfying(
            ReviewConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.currentVersion()).isEqualTo(2);
            });
    Lcspr stored = repository.findLcspr(l.ref()).orElseThrow();
    assertThat(stored.status()).isEqualTo(LcsprStatus.COMPLETED);
    assertThat(stored.completedDate()).isEqualTo(COMPLETED);
    assertThat(stored.notPublishingReason()).isNull();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(count("case_event")).isEqualTo(events);
    assertThat(auditSince(mark)).isEmpty();
  }

  @Test
  @DisplayName("a step that names no version is refused, whoever calls, and nothing changes")
  void aStepWithoutTheVersionItStartedFromIsRefused() {
    Lcspr l = initiated();
    int events = count("case_event");
    long mark = auditMark();
    Viewer p = partnership();
    for (Supplier<?> step :
        List.<Supplier<?>>of(
            () -> lcsprs.complete(l.ref(), COMPLETED, null, p),
            () -> lcsprs.notifyPublication(l.ref(), COMPLETED, null, p),
            () -> lcsprs.publish(l.ref(), COMPLETED, null, null, p),
            () -> lcsprs.decideNotToPublish(l.ref(), "No", null, p),
            () -> lcsprs.intend(l.ref(), PublicationIntention.INTENDS_TO_PUBLISH, null, p),
            () -> lcsprs.saveDetails(l.ref(), l.details(), List.of(), null, p))) {
      assertThatThrownBy(step::get)
          .isInstanceOfSatisfying(
              VersionRequiredException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(ReviewProblem::field)
                      .containsExactly("version"));
    }
    assertThat(repository.findLcspr(l.ref()).orElseThrow()).isEqualTo(l);
    assertThat(count("case_event")).isEqualTo(events);
    assertThat(auditSince(mark)).isEmpty();
  }

  @Test
  @DisplayName("an LCSPR is published only once it is completed, and a refused step stores nothing")
  void anLcsprIsPublishedOnlyOnceItIsCompletedAndARefusedStepStoresNothing() {
    Lcspr l = initiated();
    int events = count("case_event");
    long mark = auditMark();
    assertThatThrownBy(() -> lcsprs.publish(l.ref(), COMPLETED, null, l.version(), partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("published only once it is completed");
    assertThatThrownBy(
            () -> lcsprs.complete(l.ref(), INITIATED.minusDays(1), l.version(), partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot be before the review started");
    assertThatThrownBy(
            () ->
                lcsprs.publish(
                    l.ref(),
                    COMPLETED,
                    "http://example.org/report.pdf",
                    l.version(),
                    partnership()))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("starting https://");
    Lcspr stored = repository.findLcspr(l.ref()).orElseThrow();
    assertThat(stored).isEqualTo(l);
    assertThat(count("case_event")).isEqualTo(events);
    assertThat(auditSince(mark)).isEmpty();
  }

  @Test
  @DisplayName("a published LCSPR cannot change state, and short notice is computed when asked")
  void aPublishedLcsprCannotChangeStateAndShortNoticeIsComputedWhenAsked() {
    Lcspr l = initiated();
    Viewer p = partnership();
    lcsprs.complete(l.ref(), COMPLETED, 1, p);
    lcsprs.intend(l.ref(), PublicationIntention.INTENDS_TO_PUBLISH, 2, p);
    // Told on Monday 5 October 2026, published Tuesday 13 October: 6 working days' notice.
    lcsprs.notifyPublication(l.ref(), LocalDate.of(2026, 10, 5), 3, p);
    Lcspr published =
        lcsprs
            .publish(l.ref(), LocalDate.of(2026, 10, 13), " https://example.org/lcspr.pdf ", 4, p)
            .orElseThrow();
    assertThat(published.publicUrl()).isEqualTo("https://example.org/lcspr.pdf");
    Lcspr stored = repository.findLcspr(l.ref()).orElseThrow();
    assertThat(stored.status()).isEqualTo(LcsprStatus.PUBLISHED);
    assertThat(stored.publicationStatus()).isEqualTo("PUBLISHED");
    assertThat(stored.shortNotice(new uk.gov.observatory.calendar.WorkingDayCalendar())).isTrue();
    assertThat(stored.publicationOverdue(LocalDate.of(2026, 11, 26))).isFalse();

    for (Supplier<?> step :
        List.<Supplier<?>>of(
            () -> lcsprs.complete(l.ref(), COMPLETED, 5, p),
            () -> lcsprs.notifyPublication(l.ref(), COMPLETED, 5, p),
            () -> lcsprs.publish(l.ref(), LocalDate.of(2026, 11, 1), null, 5, p),
            () -> lcsprs.decideNotToPublish(l.ref(), "No", 5, p),
            () -> lcsprs.intend(l.ref(), PublicationIntention.NOT_DECIDED, 5, p))) {
      assertThatThrownBy(step::get)
          .isInstanceOf(InvalidReviewException.class)
          .hasMessageContaining("published");
    }
    assertThat(repository.findLcspr(l.ref()).orElseThrow()).isEqualTo(stored);
    assertThat(repository.eventsOf(westminster.ref()))
        .filteredOn(e -> e.lcsprRef() != null)
        .extracting(e -> e.fromState() + "->" + e.toState())
        .containsExactly(
            "null->INITIATED",
            "INITIATED->COMPLETED",
            "COMPLETED->COMPLETED",
            "COMPLETED->PUBLICATION_NOTIFIED",
            "PUBLICATION_NOTIFIED->PUBLISHED");
  }

  @Test
  @DisplayName("every LCSPR change writes a case event and an audit entry in the same transaction")
  void everyLcsprChangeWritesACaseEventAndAnAuditEntryInTheSameTransaction() {
    rapidReview(westminster, RECEIVED, "westminster.partnership");
    Viewer p = partnership();
    String ref = "LCSPR-TX-1";
    record Step(String name, Runnable change) {}
    List<Step> steps =
        List.of(
            new Step(
                "initiate", () -> lcsprs.initiate(ref, List.of(westminster.ref()), INITIATED, p)),
            new Step(
                "details",
                () ->
                    lcsprs.saveDetails(
                        ref,
                        new LcsprDetails(
                            "Scope", "Questions", "Systems", "Met", "Workshops", "Plan"),
                        List.of(
                            new Recommendation(
                                "Share records",
                                "The partnership",
                                LocalDate.of(2027, 3, 1),
                                true,
                                true,
                                true,
                                true,
                                false)),
                        1,
                        p)),
            new Step("complete", () -> lcsprs.complete(ref, COMPLETED, 2, p)),
            new Step(
                "notice", () -> lcsprs.notifyPublication(ref, LocalDate.of(2026, 10, 2), 3, p)),
            new Step(
                "report",
                () ->
                    lcsprs.uploadReport(
                        ref, "%PDF-1.7 synthetic".getBytes(StandardCharsets.US_ASCII), 4, p)),
            new Step("publish", () -> lcsprs.publish(ref, LocalDate.of(2026, 10, 14), null, 5, p)));
    TransactionTemplate tx = new TransactionTemplate(transactions);
    for (Step step : steps) {
      int events = count("case_event");
      long mark = auditMark();
      tx.executeWithoutResult(
          status -> {
            step.change().run();
            assertThat(count("case_event")).as(step.name()).isEqualTo(events + 1);
            assertThat(auditSince(mark)).as(step.name()).hasSize(1);
            status.setRollbackOnly();
          });
      assertThat(count("case_event")).as(step.name() + " rolled back").isEqualTo(events);
      assertThat(auditSince(mark)).as(step.name() + " rolled back").isEmpty();
      step.change().run();
      assertThat(count("case_event")).as(step.name()).isEqualTo(events + 1);
      assertThat(auditSince(mark))
          .as(step.name())
          .singleElement()
          .asString()
          .startsWith(
              "westminster.partnership "
                  + (step.name().equals("initiate") ? "CREATED" : "UPDATED")
                  + " lcspr "
                  + ref);
    }
    Lcspr l = repository.findLcspr(ref).orElseThrow();
    assertThat(l.status()).isEqualTo(LcsprStatus.PUBLISHED);
    assertThat(l.recommendations()).hasSize(1);
    assertThat(l.recommendations().get(0).smart()).isFalse();
    assertThat(l.details().methodology()).isEqualTo("Systems");
    assertThat(l.reportSha256())
        .isEqualTo(Lcsprs.sha256("%PDF-1.7 synthetic".getBytes(StandardCharsets.US_ASCII)));
    assertThat(lcsprs.report(ref, p)).isPresent();
  }

  @Test
  @DisplayName("a published report must be a PDF, and is kept with its SHA-256")
  void aPublishedReportMustBeAPdfAndIsKeptWithItsSha256() {
    Lcspr l = initiated();
    Viewer p = partnership();
    int v = l.version();
    assertThatThrownBy(
            () -> lcsprs.uploadReport(l.ref(), "hello".getBytes(StandardCharsets.US_ASCII), v, p))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("must be a PDF");
    assertThatThrownBy(() -> lcsprs.uploadReport(l.ref(), new byte[0], v, p))
        .isInstanceOf(InvalidReviewException.class);
    byte[] pdf = "%PDF-1.4 synthetic report".getBytes(StandardCharsets.US_ASCII);
    // Replacing the report must start from the version seen, like every other change.
    assertThatThrownBy(() -> lcsprs.uploadReport(l.ref(), pdf, null, p))
        .isInstanceOf(VersionRequiredException.class);
    assertThatThrownBy(() -> lcsprs.uploadReport(l.ref(), pdf, v + 1, p))
        .isInstanceOf(ReviewConflictException.class);
    assertThat(lcsprs.report(l.ref(), p)).isEmpty();
    String sha = lcsprs.uploadReport(l.ref(), pdf, v, p).orElseThrow();
    assertThat(sha).hasSize(64).isEqualTo(Lcsprs.sha256(pdf));
    assertThat(lcsprs.find(l.ref(), p).orElseThrow().version()).isEqualTo(v + 1);
    byte[] other = "%PDF-1.4 another synthetic report".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> lcsprs.uploadReport(l.ref(), other, v, p))
        .isInstanceOf(ReviewConflictException.class);
    assertThat(lcsprs.report(l.ref(), p)).get().isEqualTo(pdf);
    assertThat(lcsprs.report(l.ref(), as("leeds.partnership"))).isEmpty();
    // (issue 15) an inspector reads LCSPRs and their published reports
    assertThat(lcsprs.report(l.ref(), as("ofsted.inspector"))).get().isEqualTo(pdf);
  }

  @Test
  @DisplayName("recommendations need their text, owner and due date")
  void recommendationsNeedTheirTextOwnerAndDueDate() {
    Lcspr l = initiated();
    assertThatThrownBy(
            () ->
                lcsprs.saveDetails(
                    l.ref(),
                    LcsprDetails.none(),
                    List.of(new Recommendation(" ", null, null, true, true, true, true, true)),
                    l.version(),
                    partnership()))
        .isInstanceOfSatisfying(
            InvalidReviewException.class, e -> assertThat(e.problems()).hasSize(3));
    assertThat(repository.findLcspr(l.ref()).orElseThrow().version()).isEqualTo(1);
  }
}
