package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

/** The rapid review gateway on real PostgreSQL: scope, permissions, versions, audit, timeline. */
@RegisterTest
class RapidReviewsTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";

  /** Incident Thursday 1 October 2026, notified Monday 5 October 2026 (today is 26 November). */
  static final LocalDate INCIDENT = LocalDate.of(2026, 10, 1);

  static final LocalDate NOTIFIED = LocalDate.of(2026, 10, 5);
  static final LocalDate SIGNED_OFF = LocalDate.of(2026, 10, 19);
  static final LocalDate RECEIVED = LocalDate.of(2026, 10, 20);

  @Autowired RapidReviews reviews;
  @Autowired ReviewRepository repository;
  @Autowired ReviewClocks clocks;
  @Autowired NotificationRegister register;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired Viewers viewers;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  Notification westminster;
  Notification leeds;

  @BeforeEach
  void cases() {
    westminster = register.notify(Submissions.of(WESTMINSTER, "DEATH", INCIDENT, 4, 1));
    leeds = register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", INCIDENT, 4, 1));
    TestAccounts.create(accounts, "westminster.partnership", Role.PARTNERSHIP, WESTMINSTER);
    TestAccounts.create(accounts, "leeds.partnership", Role.PARTNERSHIP, LEEDS);
    TestAccounts.create(accounts, "panel.member", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "other.member", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "panel.secretariat", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "ofsted.inspector", Role.INSPECTOR);
  }

  Viewer as(String username) {
    return viewers.of(username);
  }

  long auditMark() {
    return jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
  }

  /** Audit entries after the mark, as "actor ACTION record_type record_ref". */
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

  RapidReview draft(String ref, RapidReviewContent content) {
    return reviews.save(ref, content, null, as("westminster.partnership")).orElseThrow();
  }

  /** A Westminster rapid review, drafted and submitted with the decision given. */
  RapidReview submitted(Decision decision) {
    RapidReview d = draft(westminster.ref(), Reviews.signedOff(decision, SIGNED_OFF));
    return reviews
        .submit(westminster.ref(), RECEIVED, d.version(), as("westminster.partnership"))
        .orElseThrow();
  }

  static Map<QualityCriterion, Integer> scores(int each) {
    Map<QualityCriterion, Integer> m = new EnumMap<>(QualityCriterion.class);
    for (QualityCriterion c : QualityCriterion.values()) {
      m.put(c, each);
    }
    return m;
  }

  @Test
  @DisplayName(
      "a case out of the partnership's reach answers as if it had no review, and the refusal is"
          + " audited")
  void aCaseOutOfReachAnswersAsIfItHadNoReviewAndTheRefusalIsAudited() {
    draft(westminster.ref(), Reviews.signedOff(Decision.LCSPR, SIGNED_OFF));
    Viewer leedsPartnership = as("leeds.partnership");
    String ref = westminster.ref();

    long mark = auditMark();
    assertThat(reviews.view(ref, leedsPartnership)).isEmpty();
    assertThat(reviews.find(ref, leedsPartnership)).isEmpty();
    assertThat(reviews.challenges(ref, leedsPartnership)).isEmpty();
    assertThat(
            reviews.save(
                ref, Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF), 1, leedsPartnership))
        .isEmpty();
    assertThat(reviews.submit(ref, RECEIVED, 1, leedsPartnership)).isEmpty();
    assertThat(reviews.view("SIN-2026-99999", leedsPartnership)).as("no such case").isEmpty();

    assertThat(auditSince(mark))
        .containsExactly(
            "leeds.partnership ACCESS_REFUSED rapid_review " + ref,
            "leeds.partnership ACCESS_REFUSED rapid_review " + ref,
            "leeds.partnership ACCESS_REFUSED rapid_review " + ref,
            "leeds.partnership ACCESS_REFUSED rapid_review SIN-2026-99999");
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.version()).as("nothing changed").isEqualTo(1);
    assertThat(stored.content().decision()).isEqualTo(Decision.LCSPR);
    assertThat(stored.submitted()).isFalse();
    assertThat(reviews.view(ref, as("westminster.partnership"))).isPresent();
  }

  @Test
  @DisplayName(
      "an inspector saving a rapid review is refused, stores nothing, and the refusal stays in"
          + " the audit log")
  void anInspectorSavingIsRefusedAndTheRefusalStaysInTheAuditLog() {
    long mark = auditMark();
    Viewer inspector = as("ofsted.inspector");
    assertThatThrownBy(
            () ->
                reviews.save(
                    westminster.ref(),
                    Reviews.signedOff(Decision.LCSPR, SIGNED_OFF),
                    null,
                    inspector))
        .isInstanceOf(ReviewNotPermittedException.class)
        .hasMessageContaining("write rapid reviews");

    assertThat(count("rapid_review")).isZero();
    assertThat(count("case_event")).isZero();
    // Read back after the call's transaction ended: the refusal was committed, not rolled back.
    assertThat(
            jdbc.queryForList(
                "select details from audit_entry where id > ? and actor = 'ofsted.inspector'"
                    + " and action = 'ACCESS_REFUSED' and record_type = 'rapid_review'"
                    + " and record_ref = ?",
                String.class,
                mark,
                westminster.ref()))
        .singleElement()
        .asString()
        .contains("not allowed to this account's role (answered 403)");
  }

  @Test
  @DisplayName("each role does only what its permissions allow, and every refusal is audited")
  void eachRoleDoesOnlyWhatItsPermissionsAllow() {
    RapidReview r = submitted(Decision.LCSPR);
    String ref = westminster.ref();
    long mark = auditMark();
    assertThatThrownBy(
            () ->
                reviews.recordPanelView(
                    ref, PanelView.AGREE, "We agree", r.version(), as("westminster.partnership")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThatThrownBy(
            () -> reviews.assessQuality(ref, scores(2), r.version(), as("westminster.partnership")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThatThrownBy(() -> reviews.challenge(ref, "Why?", as("westminster.partnership")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThatThrownBy(
            () ->
                reviews.save(
                    ref,
                    Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF),
                    r.version(),
                    as("panel.member")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThatThrownBy(
            () -> reviews.recordPanelView(ref, PanelView.AGREE, "Ok", null, as("ofsted.inspector")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThat(auditSince(mark))
        .containsExactly(
            "westminster.partnership ACCESS_REFUSED rapid_review " + ref,
            "westminster.partnership ACCESS_REFUSED rapid_review " + ref,
            "westminster.partnership ACCESS_REFUSED rapid_review " + ref,
            "panel.member ACCESS_REFUSED rapid_review " + ref,
            "ofsted.inspector ACCESS_REFUSED rapid_review " + ref);
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.version()).isEqualTo(r.version());
    assertThat(stored.panelView()).isNull();
    assertThat(stored.quality()).isEmpty();

    // The secretariat may do everything.
    assertThat(
            reviews.recordPanelView(
                ref, PanelView.AGREE, "Agreed", r.version(), as("panel.secretariat")))
        .get()
        .extracting(RapidReview::panelView)
        .isEqualTo(PanelView.AGREE);
  }

  @Test
  @DisplayName(
      "a second person saving from a stale version is refused, and the first person's change is"
          + " kept")
  void aSecondPersonSavingFromAStaleVersionIsRefusedAndTheFirstPersonsChangeIsKept() {
    String ref = westminster.ref();
    RapidReview opened = draft(ref, Reviews.signedOff(Decision.UNDECIDED, SIGNED_OFF));
    assertThat(opened.version()).isEqualTo(1);

    // Both open version 1; the partnership saves first.
    RapidReviewContent first = Reviews.signedOff(Decision.LCSPR, SIGNED_OFF);
    reviews.save(ref, first, 1, as("westminster.partnership"));
    long mark = auditMark();
    int events = count("case_event");

    RapidReviewContent second = Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF);
    assertThatThrownBy(() -> reviews.save(ref, second, 1, as("panel.secretariat")))
        .isInstanceOfSatisfying(
            ReviewConflictException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(1);
              assertThat(e.currentVersion()).isEqualTo(2);
              assertThat(e.getMessage()).contains("changed by someone else");
            });
    assertThatThrownBy(() -> reviews.submit(ref, RECEIVED, 1, as("panel.secretariat")))
        .isInstanceOf(ReviewConflictException.class);

    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.content()).isEqualTo(first);
    assertThat(stored.submitted()).isFalse();
    assertThat(repository.versionCount(stored.id())).isEqualTo(2);
    assertThat(count("case_event")).isEqualTo(events);
    assertThat(auditSince(mark)).isEmpty();

    // Having reloaded version 2, the second person's change goes in.
    assertThat(reviews.save(ref, second, 2, as("panel.secretariat")))
        .get()
        .extracting(RapidReview::version)
        .isEqualTo(3);
  }

  @Test
  @DisplayName(
      "a change to an existing review that names no version is refused, whoever calls, and nothing"
          + " changes")
  void aChangeWithoutTheVersionItStartedFromIsRefused() {
    String ref = westminster.ref();
    draft(ref, Reviews.signedOff(Decision.UNDECIDED, SIGNED_OFF));
    Viewer partnership = as("westminster.partnership");
    reviews.save(ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), 1, partnership);
    long mark = auditMark();
    int events = count("case_event");
    for (Runnable change :
        List.<Runnable>of(
            () ->
                reviews.save(
                    ref, Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF), null, partnership),
            () -> reviews.submit(ref, RECEIVED, null, partnership))) {
      assertThatThrownBy(change::run)
          .isInstanceOfSatisfying(
              VersionRequiredException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(ReviewProblem::field)
                      .containsExactly("version"));
    }
    reviews.submit(ref, RECEIVED, 2, partnership);
    Viewer member = as("panel.member");
    for (Runnable change :
        List.<Runnable>of(
            () -> reviews.recordPanelView(ref, PanelView.AGREE, "Agreed", null, member),
            () -> reviews.assessQuality(ref, scores(2), null, member),
            () -> reviews.considerForNationalReview(ref, true, null, member))) {
      assertThatThrownBy(change::run).isInstanceOf(VersionRequiredException.class);
    }
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.version()).isEqualTo(3);
    assertThat(stored.content().decision()).isEqualTo(Decision.LCSPR);
    assertThat(stored.panelView()).isNull();
    assertThat(stored.nationalReview()).isFalse();
    assertThat(count("case_event")).isEqualTo(events + 1);
  }

  /** Runs each task at once on its own thread; what each returned or threw. */
  static List<Object> atOnce(List<java.util.concurrent.Callable<Object>> tasks) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(tasks.size());
    try {
      java.util.concurrent.CyclicBarrier start =
          new java.util.concurrent.CyclicBarrier(tasks.size());
      List<java.util.concurrent.Future<Object>> futures = new java.util.ArrayList<>();
      for (java.util.concurrent.Callable<Object> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return task.call();
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      List<Object> out = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<Object> f : futures) {
        out.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "people saving at the same moment from the same version: one is saved, the others are"
          + " refused, nothing is lost")
  void peopleSavingAtTheSameMomentFromTheSameVersion() throws Exception {
    String ref = westminster.ref();
    draft(ref, Reviews.signedOff(Decision.UNDECIDED, SIGNED_OFF));
    Viewer partnership = as("westminster.partnership");
    Viewer secretariat = as("panel.secretariat");
    List<java.util.concurrent.Callable<Object>> saves = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Viewer who = i % 2 == 0 ? partnership : secretariat;
      Decision decision = i % 2 == 0 ? Decision.LCSPR : Decision.NO_LCSPR;
      saves.add(() -> reviews.save(ref, Reviews.signedOff(decision, SIGNED_OFF), 1, who));
    }
    List<Object> outcomes = atOnce(saves);
    assertThat(outcomes).filteredOn(o -> o instanceof java.util.Optional<?>).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof ReviewConflictException).hasSize(3);
    RapidReview saved =
        (RapidReview)
            ((java.util.Optional<?>)
                    outcomes.stream()
                        .filter(o -> o instanceof java.util.Optional<?>)
                        .findFirst()
                        .orElseThrow())
                .orElseThrow();
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.content()).isEqualTo(saved.content());
    assertThat(repository.versionCount(stored.id())).isEqualTo(2);
    assertThat(count("case_event")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "people starting the same rapid review at the same moment: one starts it, the others are"
          + " told it now exists")
  void peopleStartingTheSameRapidReviewAtTheSameMoment() throws Exception {
    String ref = westminster.ref();
    Viewer partnership = as("westminster.partnership");
    Viewer secretariat = as("panel.secretariat");
    List<java.util.concurrent.Callable<Object>> starts = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Viewer who = i % 2 == 0 ? partnership : secretariat;
      starts.add(() -> reviews.save(ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), 0, who));
    }
    List<Object> outcomes = atOnce(starts);
    assertThat(outcomes).filteredOn(o -> o instanceof java.util.Optional<?>).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !(o instanceof java.util.Optional<?>))
        .hasSize(3)
        .allSatisfy(o -> assertThat(o).isInstanceOf(ReviewConflictException.class));
    assertThat(count("rapid_review")).isEqualTo(1);
    assertThat(count("case_event")).isEqualTo(1);
  }

  @Test
  @DisplayName("two people starting the same rapid review: the second is told it now exists")
  void twoPeopleStartingTheSameRapidReview() {
    String ref = westminster.ref();
    RapidReviewContent first = Reviews.signedOff(Decision.LCSPR, SIGNED_OFF);
    reviews.save(ref, first, 0, as("westminster.partnership"));
    assertThatThrownBy(
            () ->
                reviews.save(
                    ref,
                    Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF),
                    0,
                    as("panel.secretariat")))
        .isInstanceOf(ReviewConflictException.class);
    assertThat(repository.findRapidReview(ref).orElseThrow().content()).isEqualTo(first);
    assertThatThrownBy(() -> reviews.save(leeds.ref(), first, 3, as("panel.secretariat")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("has no rapid review yet");
  }

  @Test
  @DisplayName("amendments after submission keep every version of the rapid review")
  void amendmentsAfterSubmissionKeepEveryVersion() {
    String ref = westminster.ref();
    Viewer partnership = as("westminster.partnership");
    reviews.save(ref, Reviews.signedOff(Decision.UNDECIDED, SIGNED_OFF), null, partnership);
    reviews.save(ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), 1, partnership);
    reviews.submit(ref, RECEIVED, 2, partnership);
    reviews.save(ref, Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF), 3, partnership);
    RapidReview last =
        reviews
            .save(ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), 4, partnership)
            .orElseThrow();
    assertThat(last.version()).isEqualTo(5);
    assertThat(last.submitted()).isTrue();
    assertThat(last.receivedDate()).isEqualTo(RECEIVED);

    List<String> versions =
        jdbc.query(
            "select version, status, content::jsonb ->> 'decision' from rapid_review_version"
                + " where rapid_review_id = ? order by version",
            (rs, i) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3),
            last.id());
    assertThat(versions)
        .containsExactly(
            "1 DRAFT UNDECIDED",
            "2 DRAFT LCSPR",
            "3 SUBMITTED LCSPR",
            "4 SUBMITTED NO_LCSPR",
            "5 SUBMITTED LCSPR");
    assertThat(repository.versionCount(last.id())).isEqualTo(5);
    assertThat(repository.eventsOf(ref))
        .extracting(e -> e.event() + " " + e.fromState() + "->" + e.toState())
        .containsExactly(
            "Rapid review started null->DRAFT",
            "Rapid review draft saved DRAFT->DRAFT",
            "Rapid review submitted DRAFT->SUBMITTED",
            "Rapid review amended SUBMITTED->SUBMITTED",
            "Rapid review amended SUBMITTED->SUBMITTED");
    assertThat(
            jdbc.queryForObject(
                "select recorded_by from rapid_review_version where rapid_review_id = ?"
                    + " and version = 4",
                String.class,
                last.id()))
        .isEqualTo("westminster.partnership");
  }

  @Test
  @DisplayName(
      "a Panel member withdrawn by a declared conflict of interest cannot record a view on that"
          + " case")
  void aPanelMemberWithdrawnByAConflictOfInterestCannotRecordAView() {
    RapidReview r = submitted(Decision.LCSPR);
    String ref = westminster.ref();
    interests.declare(
        "panel.member",
        WESTMINSTER,
        LocalDate.of(2026, 1, 1),
        null,
        "Formerly the authority's designated doctor",
        "panel.secretariat");
    long mark = auditMark();
    Viewer conflicted = as("panel.member");
    assertThat(reviews.recordPanelView(ref, PanelView.DISAGREE, "No", r.version(), conflicted))
        .isEmpty();
    assertThat(reviews.view(ref, conflicted)).isEmpty();
    assertThat(reviews.challenge(ref, "Tell us more", conflicted)).isEmpty();
    assertThat(reviews.assessQuality(ref, scores(1), r.version(), conflicted)).isEmpty();
    assertThat(auditSince(mark))
        .hasSize(4)
        .allMatch(e -> e.equals("panel.member ACCESS_REFUSED rapid_review " + ref));
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.panelView()).isNull();
    assertThat(stored.version()).isEqualTo(r.version());

    // The member still reaches other authorities' cases; another member may record this view.
    reviews.save(
        leeds.ref(), Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), null, as("leeds.partnership"));
    assertThat(reviews.view(leeds.ref(), conflicted)).isPresent();
    assertThat(
            reviews.recordPanelView(
                ref, PanelView.AGREE, "Agreed", r.version(), as("other.member")))
        .get()
        .extracting(RapidReview::panelViewBy)
        .isEqualTo("other.member");
  }

  @Test
  @DisplayName("every change writes a case event and an audit entry in the same transaction")
  void everyChangeWritesACaseEventAndAnAuditEntryInTheSameTransaction() {
    String ref = westminster.ref();
    Viewer partnership = as("westminster.partnership");
    Viewer member = as("panel.member");
    record Step(String name, Runnable change) {}
    List<Step> steps =
        List.of(
            new Step(
                "start",
                () ->
                    reviews.save(
                        ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), null, partnership)),
            new Step(
                "save",
                () ->
                    reviews.save(
                        ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF), 1, partnership)),
            new Step("submit", () -> reviews.submit(ref, RECEIVED, 2, partnership)),
            new Step(
                "view", () -> reviews.recordPanelView(ref, PanelView.AGREE, "Agreed", 3, member)),
            new Step("quality", () -> reviews.assessQuality(ref, scores(2), 4, member)),
            new Step("national", () -> reviews.considerForNationalReview(ref, true, 5, member)),
            new Step(
                "challenge",
                () -> reviews.challenge(ref, "Who led the strategy meeting?", member)));
    TransactionTemplate tx = new TransactionTemplate(transactions);
    for (Step step : steps) {
      int events = count("case_event");
      long mark = auditMark();
      // Rolled back: neither the event nor the audit entry (nor the change) is kept.
      tx.executeWithoutResult(
          status -> {
            step.change().run();
            assertThat(count("case_event")).as(step.name()).isEqualTo(events + 1);
            assertThat(auditSince(mark)).as(step.name()).hasSize(1);
            status.setRollbackOnly();
          });
      assertThat(count("case_event")).as(step.name() + " rolled back").isEqualTo(events);
      assertThat(auditSince(mark)).as(step.name() + " rolled back").isEmpty();
      // Committed: exactly one of each.
      step.change().run();
      assertThat(count("case_event")).as(step.name()).isEqualTo(events + 1);
      assertThat(auditSince(mark)).as(step.name()).hasSize(1);
    }
    long challengeId = reviews.challenges(ref, member).get(0).id();
    int events = count("case_event");
    long mark = auditMark();
    reviews.reply(challengeId, "The designated nurse led it.", false, partnership);
    assertThat(count("case_event")).isEqualTo(events + 1);
    assertThat(auditSince(mark))
        .containsExactly("westminster.partnership UPDATED challenge " + challengeId);
  }

  @Test
  @DisplayName("a change that breaks a rule stores nothing: no new version, event or audit entry")
  void aChangeThatBreaksARuleStoresNothing() {
    String ref = westminster.ref();
    Viewer partnership = as("westminster.partnership");
    RapidReview d =
        draft(ref, Reviews.content(Decision.LCSPR, SIGNED_OFF, SIGNED_OFF, null)); // no police
    int events = count("case_event");
    long mark = auditMark();
    assertThatThrownBy(() -> reviews.submit(ref, RECEIVED, d.version(), partnership))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("all three safeguarding partners");
    assertThatThrownBy(() -> reviews.submit(ref, NOTIFIED.minusDays(1), d.version(), partnership))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot be received before its notification");
    assertThatThrownBy(
            () ->
                reviews.save(
                    ref,
                    Reviews.signedOff(Decision.LCSPR, NOTIFIED.minusDays(1)),
                    d.version(),
                    partnership))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("a sign-off cannot be before the notification");
    assertThatThrownBy(
            () ->
                reviews.save(
                    ref,
                    Reviews.signedOff(Decision.LCSPR, LocalDate.of(2026, 11, 27)),
                    d.version(),
                    partnership))
        .as("a sign-off tomorrow (today is 26 November 2026)")
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot be in the future");
    assertThatThrownBy(
            () -> reviews.submit(ref, LocalDate.of(2026, 11, 27), d.version(), partnership))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot be in the future");
    assertThat(repository.findRapidReview(ref).orElseThrow().version()).isEqualTo(1);
    assertThat(count("rapid_review_version")).isEqualTo(1);
    assertThat(count("case_event")).isEqualTo(events);
    assertThat(auditSince(mark)).isEmpty();
  }

  @Test
  @DisplayName("a rapid review is submitted once, with all three sign-offs, and then read back")
  void aRapidReviewIsSubmittedOnceAndReadBack() {
    RapidReview r = submitted(Decision.LCSPR);
    assertThat(r.status()).isEqualTo(RapidReviewStatus.SUBMITTED);
    assertThatThrownBy(
            () ->
                reviews.submit(
                    westminster.ref(), RECEIVED, r.version(), as("westminster.partnership")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("already submitted on 2026-10-20");
    RapidReview read = reviews.view(westminster.ref(), as("panel.member")).orElseThrow();
    assertThat(read).isEqualTo(r);
    assertThat(read.laCode()).isEqualTo(WESTMINSTER);
    assertThat(read.notifiedDate()).isEqualTo(NOTIFIED);
    assertThat(read.content().practiceThemes()).containsExactly("INFORMATION_SHARING");
    assertThat(read.content().criteria())
        .containsExactly(Regulation11Criterion.AGENCIES_WORKING_TOGETHER);
  }

  @Test
  @DisplayName(
      "the Panel gives no view on an undecided review, and a viewed decision stays decided")
  void thePanelGivesNoViewOnAnUndecidedReviewAndAViewedDecisionStaysDecided() {
    RapidReview undecided = submitted(Decision.UNDECIDED);
    String ref = westminster.ref();
    assertThatThrownBy(
            () ->
                reviews.recordPanelView(
                    ref, PanelView.AGREE, "Fine", undecided.version(), as("panel.member")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("no view on an undecided review");
    RapidReview decided =
        reviews
            .save(
                ref,
                Reviews.signedOff(Decision.NO_LCSPR, SIGNED_OFF),
                undecided.version(),
                as("westminster.partnership"))
            .orElseThrow();
    RapidReview viewed =
        reviews
            .recordPanelView(
                ref, PanelView.DISAGREE, "There is learning", decided.version(), as("panel.member"))
            .orElseThrow();
    assertThatThrownBy(
            () ->
                reviews.save(
                    ref,
                    Reviews.signedOff(Decision.UNDECIDED, SIGNED_OFF),
                    viewed.version(),
                    as("westminster.partnership")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("cannot become UNDECIDED");
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.content().decision()).isEqualTo(Decision.NO_LCSPR);
    assertThat(stored.panelView()).isEqualTo(PanelView.DISAGREE);
    assertThat(stored.panelViewReasons()).isEqualTo("There is learning");
    assertThat(stored.panelViewBy()).isEqualTo("panel.member");
    assertThat(stored.panelViewAt()).isNotNull();
  }

  @Test
  @DisplayName("the Panel's quality assessment is kept and read back, on a submitted review only")
  void thePanelsQualityAssessmentIsKeptAndReadBack() {
    String ref = westminster.ref();
    draft(ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF));
    assertThatThrownBy(() -> reviews.assessQuality(ref, scores(2), 1, as("panel.member")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("only a submitted rapid review");
    reviews.submit(ref, RECEIVED, 1, as("westminster.partnership"));
    Map<QualityCriterion, Integer> s = scores(1);
    s.put(QualityCriterion.SENIOR_LEADERS, 2);
    s.put(QualityCriterion.ANALYSIS, 0);
    reviews.assessQuality(ref, s, 2, as("panel.member"));
    RapidReview stored = repository.findRapidReview(ref).orElseThrow();
    assertThat(stored.quality()).isEqualTo(s);
    assertThat(stored.qualityTotal()).isEqualTo(6);
  }

  @Test
  @DisplayName(
      "the Panel challenges a submitted review; the partnership answers; only the Panel closes")
  void thePanelChallengesTheParnershipAnswersOnlyThePanelCloses() {
    String ref = westminster.ref();
    draft(ref, Reviews.signedOff(Decision.LCSPR, SIGNED_OFF));
    assertThatThrownBy(() -> reviews.challenge(ref, "Why?", as("panel.member")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("only a submitted rapid review");
    reviews.submit(ref, RECEIVED, 1, as("westminster.partnership"));
    Challenge c = reviews.challenge(ref, "  Who attended?  ", as("panel.member")).orElseThrow();
    assertThat(c.status()).isEqualTo(Challenge.Status.AWAITING_PARTNERSHIP);
    assertThat(c.messages()).extracting(Challenge.Message::body).containsExactly("Who attended?");

    assertThatThrownBy(() -> reviews.reply(c.id(), "Done", true, as("westminster.partnership")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("only the Panel closes");
    assertThatThrownBy(() -> reviews.reply(c.id(), "Hello", false, as("ofsted.inspector")))
        .isInstanceOf(ReviewNotPermittedException.class);
    assertThat(reviews.reply(c.id(), "Hello", false, as("leeds.partnership"))).isEmpty();

    Challenge answered =
        reviews
            .reply(c.id(), "Police, health, LA.", false, as("westminster.partnership"))
            .orElseThrow();
    assertThat(answered.status()).isEqualTo(Challenge.Status.ANSWERED);
    Challenge closed = reviews.reply(c.id(), null, true, as("panel.member")).orElseThrow();
    assertThat(closed.status()).isEqualTo(Challenge.Status.CLOSED);
    assertThat(closed.messages())
        .extracting(m -> m.author() + (m.fromPanel() ? " (Panel): " : ": ") + m.body())
        .containsExactly(
            "panel.member (Panel): Who attended?", "westminster.partnership: Police, health, LA.");
    assertThatThrownBy(() -> reviews.reply(c.id(), "More", false, as("westminster.partnership")))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessageContaining("closed");
    assertThat(repository.eventsOf(ref))
        .extracting(e -> e.event() + " " + e.fromState() + "->" + e.toState())
        .endsWith(
            "Panel challenged the rapid review null->AWAITING_PARTNERSHIP",
            "Partnership answered the challenge AWAITING_PARTNERSHIP->ANSWERED",
            "Challenge closed ANSWERED->CLOSED");
  }

  @Test
  @DisplayName("overdue is computed when asked, never stored")
  void overdueIsComputedWhenAskedNeverStored() {
    List<String> columns =
        jdbc.queryForList(
            "select table_name || '.' || column_name from information_schema.columns"
                + " where table_name in ('rapid_review', 'rapid_review_version', 'lcspr',"
                + " 'notification')",
            String.class);
    assertThat(columns).isNotEmpty();
    assertThat(columns)
        .noneMatch(c -> c.contains("overdue"))
        .noneMatch(c -> c.contains("due_date"))
        // the reason a notifier gives for a late notification is what they wrote, not a flag
        .noneMatch(c -> c.contains("late") && !c.equals("notification.late_reason"))
        .noneMatch(c -> c.contains("on_time"))
        .noneMatch(c -> c.contains("short_notice"));

    // The same stored draft is not overdue on its due date and is overdue the day after.
    draft(westminster.ref(), Reviews.signedOff(Decision.LCSPR, SIGNED_OFF));
    RapidReview stored = repository.findRapidReview(westminster.ref()).orElseThrow();
    // Notified Monday 5 October 2026: 15 working days on is Monday 26 October 2026.
    RapidReviewClock onDue =
        clocks.rapidReview(
            stored.notifiedDate(), stored.receivedDate(), LocalDate.of(2026, 10, 26));
    assertThat(onDue.dueDate()).isEqualTo(LocalDate.of(2026, 10, 26));
    assertThat(onDue.overdue()).isFalse();
    assertThat(
            clocks
                .rapidReview(
                    stored.notifiedDate(), stored.receivedDate(), LocalDate.of(2026, 10, 27))
                .overdue())
        .isTrue();
  }

  @Test
  @DisplayName(
      "a rapid review notified in the 2020 authorised extension has the period's target, read"
          + " from the database")
  void aRapidReviewNotifiedInThe2020AuthorisedExtensionHasThePeriodsTarget() {
    assertThat(clocks.policyPeriods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("COVID-19 authorised extension");
              assertThat(p.notifiedFrom()).isEqualTo(LocalDate.of(2020, 4, 1));
              assertThat(p.notifiedTo()).isEqualTo(LocalDate.of(2020, 9, 30));
              assertThat(p.targetWorkingDays()).isEqualTo(15);
              assertThat(p.authorisedExtension()).isTrue();
            });
    LocalDate notified = LocalDate.of(2020, 5, 1);
    RapidReviewClock clock = clocks.rapidReview(notified, null, notified);
    assertThat(clock.policyPeriod()).isEqualTo("COVID-19 authorised extension");
    assertThat(clock.authorisedExtension()).isTrue();
    assertThat(clock.targetWorkingDays()).isEqualTo(15);
    // 4-7 May (4), 8 May 2020 VE Day bank holiday, 11-15 (9), 18-22 (14), 25 May bank holiday,
    // 26 May (15).
    assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2020, 5, 26));
    assertThat(clocks.rapidReview(LocalDate.of(2020, 10, 1), null, notified).policyPeriod())
        .isNull();
  }
}
