package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestAccounts;

/**
 * Thematic analyses on real PostgreSQL, over a small synthetic register: 30 notifications with
 * incidents in spring 2020 across four authorities (three types; a COVID-19 factor on every third),
 * each with a rapid review received from May to September 2020.
 */
@RegisterTest
class ThematicAnalysesTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";
  static final String[] LAS = {WESTMINSTER, LEEDS, "E06000058", "E10000014"};
  static final LocalDate FIRST_INCIDENT = LocalDate.of(2020, 4, 1);

  static final String FRAME =
      """
      code,value,label,definition
      PARENTAL_FAMILY_STRESSORS,NONE,Parental and family stressors,Stress on parents and families
      PARENTAL_FAMILY_STRESSORS,LOW,,
      PARENTAL_FAMILY_STRESSORS,MEDIUM,,
      PARENTAL_FAMILY_STRESSORS,HIGH,,
      INFORMATION_SHARING,Y,Sharing information,Information was not shared in time
      INFORMATION_SHARING,N,Sharing information,
      """;

  @Autowired ThematicAnalyses analyses;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews reviews;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired Viewers viewers;
  @Autowired JdbcTemplate jdbc;

  /** The notifications in the order made: types DEATH x13, SERIOUS_HARM x7, OTHER x3, ... */
  final List<Notification> made = new ArrayList<>();

  final Set<String> covid = new HashSet<>();

  @BeforeEach
  void register() {
    TestAccounts.create(accounts, "lead.one", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "lead.two", Role.PANEL_SECRETARIAT);
    TestAccounts.create(accounts, "member.a", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "member.b", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "member.c", Role.PANEL_MEMBER);
    TestAccounts.create(accounts, "westminster.notifier", Role.LA_NOTIFIER, WESTMINSTER);
    Viewer system = Viewer.system("test");
    for (int i = 0; i < 30; i++) {
      // 13 deaths, 7 serious harm, 3 other in the first 23; then 7 more of each kind in turn
      String type =
          i < 13
              ? "DEATH"
              : i < 20
                  ? "SERIOUS_HARM"
                  : i < 23 ? "OTHER" : List.of("DEATH", "SERIOUS_HARM").get(i % 2);
      LocalDate incident = FIRST_INCIDENT.plusDays(i * 2L);
      boolean death = type.equals("DEATH");
      List<String> factors = i % 3 == 0 ? List.of("PARENTAL_FAMILY_STRESSORS") : List.of();
      Notification n =
          register.notify(
              new NotificationSubmission(
                  null,
                  LAS[i % LAS.length],
                  incident.toString(),
                  incident.toString(),
                  incident.plusDays(2).toString(),
                  type,
                  death ? (i % 2 == 0 ? "SUDI" : "SUICIDE") : null,
                  death ? null : "NONFATAL_NEGLECT",
                  null,
                  List.of(),
                  null,
                  "NONE",
                  "NONE",
                  "AT_HOME",
                  factors,
                  List.of(
                      new ChildSubmission(
                          "1", "FEMALE", String.valueOf(i % 18), null, null, null))));
      made.add(n);
      if (!factors.isEmpty()) {
        covid.add(n.ref());
      }
      LocalDate signed = incident.plusDays(20);
      RapidReview draft =
          reviews
              .save(
                  n.ref(),
                  new RapidReviewContent(
                      "Health and police.",
                      "What happened.",
                      "What was done.",
                      "What was learnt.",
                      "A briefing.",
                      signed.plusDays(30),
                      Decision.NO_LCSPR,
                      null,
                      "Why.",
                      Set.of(),
                      false,
                      null,
                      true,
                      true,
                      signed,
                      signed,
                      signed,
                      List.of("INFORMATION_SHARING")),
                  0,
                  system)
              .orElseThrow();
      reviews.submit(n.ref(), incident.plusDays(30), draft.version(), system);
    }
  }

  Viewer as(String username) {
    return viewers.of(username);
  }

  /** What an InvalidAnalysisException says, one "field: message" a line. */
  static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(InvalidAnalysisException.class);
    return ((InvalidAnalysisException) t)
        .problems().stream()
            .map(p -> p.field() + ": " + p.message())
            .collect(Collectors.joining("\n"));
  }

  static Population received2020() {
    return Population.received(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 9, 30));
  }

  Analysis create(String ref, Population population) {
    return analyses.create(
        new NewAnalysis(
            ref, "COVID-19 and safeguarding", "What did COVID-19 change?", "lead.one", population),
        as("lead.one"));
  }

  static DrawRequest size(int n, long seed) {
    return new DrawRequest(n, null, seed, Stratify.NONE, null, null);
  }

  List<String> refs(List<AnalysisCase> cases) {
    return cases.stream().map(AnalysisCase::notificationRef).toList();
  }

  // ------------------------------------------------------------------ scoping

  @Test
  @DisplayName("An analysis gets TA-YYYY-NN from the clock; refs are unique; a lead may lead")
  void create() {
    long mark = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    Analysis first = create(null, received2020());
    Analysis second = create(null, received2020());
    assertThat(first.ref()).isEqualTo("TA-2026-01");
    assertThat(second.ref()).isEqualTo("TA-2026-02");
    assertThat(first.status()).isEqualTo(AnalysisStatus.SCOPING);
    assertThat(first.lead()).isEqualTo("lead.one");
    assertThat(first.population()).isEqualTo(received2020());
    assertThat(analyses.get("TA-2026-01", as("lead.two"))).isEqualTo(first);

    assertThatThrownBy(() -> create("TA-2026-01", received2020()))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("already a thematic analysis TA-2026-01");
    InvalidAnalysisException bad =
        (InvalidAnalysisException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    analyses.create(
                        new NewAnalysis(
                            "bad ref",
                            " ",
                            null,
                            "member.a",
                            received2020().withTypes(Set.of("DEATHS"))),
                        as("lead.one")));
    assertThat(bad.problems())
        .extracting(InvalidAnalysisException.Problem::field)
        .containsExactly("ref", "title", "lead", "population.types");
    assertThat(bad.problems().get(2).message()).contains("member.a may not lead analyses");
    assertThat(bad.problems().get(3).message())
        .contains("'DEATHS'")
        .contains("DEATH, SERIOUS_HARM, OTHER");
    // a Panel member may not create one, nor see one they do not code
    assertThatThrownBy(
            () ->
                analyses.create(
                    new NewAnalysis(null, "T", null, "lead.one", received2020()), as("member.a")))
        .isInstanceOf(AnalysisNotPermittedException.class);
    assertThatThrownBy(() -> analyses.get("TA-2026-01", as("member.a")))
        .isInstanceOf(AnalysisNotFoundException.class);
    assertThat(analyses.list(as("member.a"))).isEmpty();
    assertThat(analyses.list(as("lead.two")))
        .extracting(Analysis::ref)
        .containsExactly("TA-2026-02", "TA-2026-01");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'thematic_analysis' and"
                    + " action = 'CREATED' and id > ?",
                Integer.class,
                mark))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("A population is counted before drawing: received range, type, COVID-19 factor")
  void count() {
    Viewer lead = as("lead.one");
    assertThat(analyses.count(received2020(), lead)).isEqualTo(30);
    assertThat(analyses.count(received2020().withCovidFactor("ANY"), lead)).isEqualTo(10);
    assertThat(analyses.count(received2020().withCovidFactor("SCHOOL_CLOSURE"), lead)).isZero();
    assertThat(analyses.count(received2020().withTypes(Set.of("DEATH")), lead)).isEqualTo(16);
    // received in May 2020 only: incidents 1 April to 1 May (the first 16), received 30 days on
    assertThat(
            analyses.count(
                Population.received(LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 31)), lead))
        .isEqualTo(16);
    assertThatThrownBy(
            () ->
                analyses.count(
                    Population.received(LocalDate.of(2020, 9, 30), LocalDate.of(2020, 3, 1)), lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("must be the same as or after the first (30 September 2020)");
  }

  @Test
  @DisplayName("A coding frame CSV is read, every bad line reported with its line and column")
  void frame() {
    List<FrameCode> frame = analyses.readFrame(new StringReader(FRAME));
    assertThat(frame)
        .containsExactly(
            new FrameCode(
                "PARENTAL_FAMILY_STRESSORS",
                "Parental and family stressors",
                "Stress on parents and families",
                Scale.IMPACT),
            new FrameCode(
                "INFORMATION_SHARING",
                "Sharing information",
                "Information was not shared in time",
                Scale.PRESENCE));
    String bad =
        """
        code,value,label,definition
        SCHOOLS,Y,School closures,
        SCHOOLS,MAYBE,,
        lower,Y,x,y
        STRESS,NONE,Stress,Stress
        STRESS,Y,,
        SCHOOLS,N,Other label,
        """;
    InvalidAnalysisException e =
        (InvalidAnalysisException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> analyses.readFrame(new StringReader(bad)));
    assertThat(e.problems())
        .extracting(p -> p.field() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "frame.csv line 4, column code: 'lower': a code is capital letters, numbers and"
                + " underscores, starting with a letter (at most 60), for example"
                + " PARENTAL_FAMILY_STRESSORS",
            "frame.csv line 2, column definition: (blank): enter the code's definition (what a"
                + " coder codes it for) on its first row",
            "frame.csv line 3, column value: 'MAYBE': code SCHOOLS is on the scale Y, N (from line"
                + " 2): each of a code's rows names a value of the same scale",
            "frame.csv line 7, column label: 'Other label': differs from the label on line 2"
                + " ('School closures'): leave it blank or give the same label",
            "frame.csv line 6, column value: 'Y': code STRESS is on the scale NONE, LOW, MEDIUM,"
                + " HIGH (from line 5): each of a code's rows names a value of the same scale");
    assertThat(refusal(() -> analyses.readFrame(new StringReader("code,value,label\nA,Y,a\n"))))
        .isEqualTo(
            "frame.csv line 1: the header row must name the columns code, value, label, definition"
                + " (missing: definition)");
  }

  // ------------------------------------------------------------------ drawing

  @Test
  @DisplayName("The same seed and population draw the same cases; another seed another sample")
  void sameSeedSameSample() {
    create("SEED-A", received2020());
    create("SEED-B", received2020());
    create("SEED-C", received2020());
    Viewer lead = as("lead.one");
    Analysis a = analyses.draw("SEED-A", size(10, 20200301L), lead);
    analyses.draw("SEED-B", size(10, 20200301L), lead);
    analyses.draw("SEED-C", size(10, 99L), lead);
    List<String> first = refs(analyses.cases("SEED-A", lead));
    assertThat(first).hasSize(10).doesNotHaveDuplicates();
    assertThat(refs(analyses.cases("SEED-B", lead))).containsExactlyElementsOf(first);
    assertThat(refs(analyses.cases("SEED-C", lead))).isNotEqualTo(first);
    // the draw is the documented one: the population in reference order, java.util.Random(seed)
    List<String> population = made.stream().map(Notification::ref).sorted().toList();
    assertThat(first).containsExactlyElementsOf(Sampling.draw(population, 10, 20200301L));
    assertThat(a.status()).isEqualTo(AnalysisStatus.CODING);
    assertThat(a.draw()).isEqualTo(size(10, 20200301L));

    // drawn once: again is refused, and nothing changes
    assertThatThrownBy(() -> analyses.draw("SEED-A", size(5, 1L), lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("already drawn (seed 20200301)");
    assertThat(refs(analyses.cases("SEED-A", lead))).containsExactlyElementsOf(first);
    // and its scope is kept as drawn
    assertThatThrownBy(
            () ->
                analyses.update(
                    "SEED-A",
                    new NewAnalysis(null, "Another title", null, "lead.one", received2020()),
                    lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("kept as they were when its sample was drawn");
    // while scoping, it may change
    create("SEED-D", received2020());
    assertThat(
            analyses
                .update(
                    "SEED-D",
                    new NewAnalysis(null, "Another title", null, "lead.two", received2020()),
                    lead)
                .lead())
        .isEqualTo("lead.two");
    // one audit entry for the draw, naming the seed and the counts
    assertThat(
            jdbc.queryForList(
                "select details from audit_entry where record_ref = 'SEED-A' and details like"
                    + " 'drawn%'",
                String.class))
        .singleElement()
        .asString()
        .startsWith("drawn with seed 20200301: 10 of 30 in the sample");
  }

  @Test
  @DisplayName("A percentage is of the population, half up; too large a sample is refused")
  void percentAndTooLarge() {
    create("PCT", received2020().withCovidFactor("ANY"));
    Viewer lead = as("lead.one");
    assertThatThrownBy(() -> analyses.draw("PCT", size(11, 1L), lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining(
            "The population holds 10 notifications: the sample can be at most 10"
                + " (asked for 11)");
    assertThatThrownBy(
            () ->
                analyses.draw(
                    "PCT", new DrawRequest(5, new BigDecimal("10"), 1L, null, null, null), lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("not both");
    assertThat(analyses.get("PCT", lead).status()).isEqualTo(AnalysisStatus.SCOPING);
    // 25% of 10 = 2.5 → 3
    analyses.draw("PCT", new DrawRequest(null, new BigDecimal("25"), 5L, null, null, null), lead);
    List<AnalysisCase> cases = analyses.cases("PCT", lead);
    assertThat(cases).hasSize(3);
    assertThat(refs(cases)).allMatch(covid::contains);
  }

  @Test
  @DisplayName("A stratified sample's sizes follow largest remainder (worked by hand)")
  void stratified() {
    // the first 23 notifications (incidents 1 April to 14 May 2020): 13 deaths, 7 serious harm,
    // 3 other. A sample of 10 by type: quotas 5.652, 3.043, 1.304 → 5, 3, 1 and the seat left to
    // the largest remainder (.652, deaths): 6 deaths, 3 serious harm, 1 other.
    Population first23 =
        new Population(
            LocalDate.of(2020, 4, 1),
            LocalDate.of(2020, 5, 15),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Viewer lead = as("lead.one");
    assertThat(analyses.count(first23, lead)).isEqualTo(23);
    create("STRAT", first23);
    analyses.draw("STRAT", new DrawRequest(10, null, 3L, Stratify.TYPE, null, null), lead);
    Map<String, Long> byType =
        analyses.cases("STRAT", lead).stream()
            .collect(Collectors.groupingBy(AnalysisCase::notificationType, Collectors.counting()));
    assertThat(byType)
        .containsExactlyInAnyOrderEntriesOf(Map.of("DEATH", 6L, "SERIOUS_HARM", 3L, "OTHER", 1L));
    // strata in code order: DEATH, OTHER, SERIOUS_HARM
    assertThat(analyses.cases("STRAT", lead))
        .extracting(AnalysisCase::notificationType)
        .containsExactly(
            "DEATH",
            "DEATH",
            "DEATH",
            "DEATH",
            "DEATH",
            "DEATH",
            "OTHER",
            "SERIOUS_HARM",
            "SERIOUS_HARM",
            "SERIOUS_HARM");
  }

  @Test
  @DisplayName("A control group of the same period never overlaps its sample")
  void controlGroup() {
    create("CTRL", received2020().withCovidFactor("ANY"));
    Viewer lead = as("lead.one");
    // every one of the 10 COVID-19 cases, and 15 of the 20 others of the same period
    assertThatThrownBy(
            () -> analyses.draw("CTRL", new DrawRequest(10, null, 8L, null, 21, null), lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("holds 20 notifications not in the sample")
        .hasMessageContaining("at most 20 (asked for 21)");
    analyses.draw("CTRL", new DrawRequest(10, null, 8L, null, 15, null), lead);
    List<AnalysisCase> cases = analyses.cases("CTRL", lead);
    List<String> sample =
        cases.stream()
            .filter(c -> c.group() == Group.SAMPLE)
            .map(AnalysisCase::notificationRef)
            .toList();
    List<String> control =
        cases.stream()
            .filter(c -> c.group() == Group.CONTROL)
            .map(AnalysisCase::notificationRef)
            .toList();
    assertThat(sample).hasSize(10).containsExactlyInAnyOrderElementsOf(covid);
    assertThat(control).hasSize(15).doesNotHaveDuplicates().doesNotContainAnyElementsOf(sample);
    assertThat(cases.stream().filter(c -> c.group() == Group.CONTROL).map(AnalysisCase::position))
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
    assertThat(cases).noneMatch(AnalysisCase::leftPopulation);
  }

  @Test
  @DisplayName("A change to the register after drawing leaves the sample as drawn, and flags")
  void frozenAndFlagged() {
    Population april =
        new Population(
            LocalDate.of(2020, 4, 1),
            LocalDate.of(2020, 4, 30),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Viewer lead = as("lead.one");
    create("FROZEN", april);
    analyses.draw(
        "FROZEN", new DrawRequest(null, new BigDecimal("100"), 1L, null, null, null), lead);
    List<AnalysisCase> before = analyses.cases("FROZEN", lead);
    assertThat(before).hasSize(15).noneMatch(AnalysisCase::leftPopulation);

    // the first case moves out of April (its incident was on 20 March), another changes category
    AnalysisCase moved = before.get(0);
    AnalysisCase recategorised =
        before.stream()
            .filter(c -> c.notificationType().equals("DEATH") && c != moved)
            .findFirst()
            .orElseThrow();
    amend(moved.notificationRef(), LocalDate.of(2020, 3, 20), null);
    String newCategory = recategorised.deathCategory().equals("SUDI") ? "SUICIDE" : "SUDI";
    amend(recategorised.notificationRef(), null, newCategory);
    // a notification made afterwards in April joins the population, but not the sample
    register.notify(
        new NotificationSubmission(
            null,
            LEEDS,
            "2020-04-29",
            "2020-04-29",
            "2020-04-30",
            "DEATH",
            "SUDI",
            null,
            null,
            List.of(),
            null,
            "NONE",
            "NONE",
            "AT_HOME",
            List.of(),
            List.of(new ChildSubmission("1", "MALE", "0", null, null, null))));
    assertThat(analyses.count(april, lead)).isEqualTo(15);

    List<AnalysisCase> after = analyses.cases("FROZEN", lead);
    assertThat(refs(after)).containsExactlyElementsOf(refs(before));
    assertThat(
            after.stream().filter(AnalysisCase::leftPopulation).map(AnalysisCase::notificationRef))
        .containsExactly(moved.notificationRef());
    AnalysisCase kept =
        after.stream()
            .filter(c -> c.notificationRef().equals(recategorised.notificationRef()))
            .findFirst()
            .orElseThrow();
    assertThat(kept.deathCategory()).isEqualTo(recategorised.deathCategory());
    assertThat(kept.caseTheme()).isEqualTo(recategorised.caseTheme());
  }

  void amend(String ref, LocalDate incident, String category) {
    Notification n = register.find(ref).orElseThrow();
    String date = incident == null ? n.incidentDate().toString() : incident.toString();
    register
        .amend(
            ref,
            Viewer.system("test"),
            new NotificationRegister.Amendment(
                date,
                n.awareDate().toString(),
                category == null
                    ? ("DEATH".equals(n.notificationType()) ? n.deathCategory() : n.harmCategory())
                    : category,
                n.cscInvolvement(),
                n.courtOrder(),
                n.livingArrangement(),
                null,
                "Corrected by the partnership"))
        .orElseThrow();
  }

  // ------------------------------------------------------------------ coders

  /** A drawn analysis of all 10 COVID-19 cases with the test frame. */
  String drawnWithFrame(String ref) {
    Viewer lead = as("lead.one");
    create(ref, received2020().withCovidFactor("ANY"));
    analyses.frame(ref, analyses.readFrame(new StringReader(FRAME)), lead);
    analyses.draw(ref, size(10, 11L), lead);
    return ref;
  }

  @Test
  @DisplayName("A member withdrawn from an authority is never assigned its cases")
  void withdrawnNeverAssigned() {
    String ref = drawnWithFrame("ASSIGN");
    interests.declare(
        "member.a", WESTMINSTER, LocalDate.of(2019, 1, 1), null, "Former employee", "lead.one");
    Viewer lead = as("lead.one");
    List<Assignment> assigned =
        analyses.assign(ref, List.of("member.a", "member.b", "member.c"), 50, 5L, lead);
    Map<String, String> laOf = new LinkedHashMap<>();
    analyses.cases(ref, lead).forEach(c -> laOf.put(c.notificationRef(), c.laCode()));
    assertThat(assigned).hasSize(10);
    assertThat(laOf.values()).contains(WESTMINSTER);
    for (Assignment s : assigned) {
      if (laOf.get(s.notificationRef()).equals(WESTMINSTER)) {
        assertThat(s.assigned("member.a")).as(s.toString()).isFalse();
      }
      assertThat(s.firstCoder()).isNotEqualTo(s.secondCoder());
    }
    // 50% of 10 double-coded, each by two different coders
    assertThat(assigned.stream().filter(Assignment::doubleCoded)).hasSize(5);
    // round robin: every coder gets cases
    assertThat(assigned.stream().map(Assignment::firstCoder).distinct())
        .containsExactlyInAnyOrder("member.a", "member.b", "member.c");
    // member.a alone cannot code Westminster's cases: refused, nothing changed
    assertThatThrownBy(() -> analyses.assign(ref, List.of("member.a"), 0, 5L, lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("withdrawn from");
    assertThat(analyses.assignments(ref, lead)).containsExactlyElementsOf(assigned);
    // and the import that makes assignments refuses member.a on a Westminster case
    String westminsterCase =
        laOf.entrySet().stream()
            .filter(e -> e.getValue().equals(WESTMINSTER))
            .findFirst()
            .orElseThrow()
            .getKey();
    String other = drawnWithFrame("ASSIGN2");
    assertThat(
            refusal(
                () ->
                    analyses.importCodings(
                        other,
                        new StringReader(
                            "analysis_ref,notification_ref,coder,code,value\n"
                                + other
                                + ","
                                + westminsterCase
                                + ",member.a,INFORMATION_SHARING,Y\n"),
                        lead)))
        .contains("codings.csv line 2, column coder: 'member.a': is withdrawn from");
    // not a coder at all
    assertThatThrownBy(() -> analyses.assign(ref, List.of("westminster.notifier"), 0, 5L, lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("westminster.notifier may not code cases");
  }

  String codingsCsv(String ref, List<String[]> rows) {
    StringBuilder b = new StringBuilder("analysis_ref,notification_ref,coder,code,value\n");
    for (String[] r : rows) {
      b.append(ref).append(',').append(String.join(",", r)).append('\n');
    }
    return b.toString();
  }

  @Test
  @DisplayName("Codings import all or nothing, each bad line named; coding is blind")
  void codingsImportAndBlind() {
    String ref = drawnWithFrame("CODE");
    Viewer lead = as("lead.one");
    List<String> cases = refs(analyses.cases(ref, lead));
    String notDrawn =
        made.stream()
            .map(Notification::ref)
            .filter(r -> !cases.contains(r))
            .findFirst()
            .orElseThrow();
    List<String[]> rows = new ArrayList<>();
    for (String c : cases) {
      rows.add(new String[] {c, "member.a", "INFORMATION_SHARING", "Y"});
      rows.add(new String[] {c, "member.a", "PARENTAL_FAMILY_STRESSORS", "HIGH"});
    }
    // the first two cases double-coded by member.b, who disagrees on the first
    rows.add(new String[] {cases.get(0), "member.b", "INFORMATION_SHARING", "N"});
    rows.add(new String[] {cases.get(0), "member.b", "PARENTAL_FAMILY_STRESSORS", "HIGH"});
    rows.add(new String[] {cases.get(1), "member.b", "INFORMATION_SHARING", "Y"});
    rows.add(new String[] {cases.get(1), "member.b", "PARENTAL_FAMILY_STRESSORS", "HIGH"});
    List<String[]> bad = new ArrayList<>(rows);
    // (the header is line 1, the good rows lines 2 to 25)
    bad.add(new String[] {notDrawn, "member.a", "INFORMATION_SHARING", "Y"}); // line 26
    bad.add(new String[] {cases.get(2), "member.a", "SCHOOLS", "Y"}); // 27: no such code
    bad.add(new String[] {cases.get(4), "member.b", "PARENTAL_FAMILY_STRESSORS", "Y"}); // 28
    bad.add(new String[] {cases.get(2), "member.a", "INFORMATION_SHARING", "N"}); // 29: repeats 6
    bad.add(new String[] {cases.get(2), "member.c", "INFORMATION_SHARING", "N"}); // 30: a second
    bad.add(new String[] {cases.get(0), "member.c", "INFORMATION_SHARING", "N"}); // 31: a third
    bad.add(new String[] {cases.get(3), "nobody.here", "INFORMATION_SHARING", "N"}); // 32
    InvalidAnalysisException e =
        (InvalidAnalysisException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> analyses.importCodings(ref, new StringReader(codingsCsv(ref, bad)), lead));
    assertThat(e.problems())
        .extracting(InvalidAnalysisException.Problem::field)
        .containsExactly(
            "codings.csv line 26, column notification_ref",
            "codings.csv line 27, column code",
            "codings.csv line 28, column value",
            "codings.csv line 29",
            "codings.csv line 31, column coder",
            "codings.csv line 32, column coder");
    assertThat(e.problems().get(0).message()).contains("is not a case drawn into CODE");
    assertThat(e.problems().get(2).message())
        .isEqualTo("'Y': code PARENTAL_FAMILY_STRESSORS takes NONE, LOW, MEDIUM, HIGH");
    assertThat(e.problems().get(3).message()).contains("repeats line 6");
    assertThat(e.problems().get(4).message()).contains("a case has at most two coders");
    assertThat(e.problems().get(5).message()).contains("There is no account named 'nobody.here'");
    // nothing stored: no codings, no assignments
    assertThat(analyses.codings(ref, lead)).isEmpty();
    assertThat(analyses.assignments(ref, lead)).isEmpty();

    assertThat(analyses.importCodings(ref, new StringReader(codingsCsv(ref, rows)), lead))
        .isEqualTo(24);
    List<Assignment> assignments = analyses.assignments(ref, lead);
    assertThat(assignments).hasSize(10);
    assertThat(assignments.get(0)).isEqualTo(new Assignment(cases.get(0), "member.a", "member.b"));
    assertThat(assignments.get(2)).isEqualTo(new Assignment(cases.get(2), "member.a", null));

    // blind: member.b sees their own 4 codings only; member.c (no case) sees nothing at all
    assertThat(analyses.codings(ref, as("member.b")))
        .hasSize(4)
        .allMatch(c -> c.coder().equals("member.b"));
    assertThat(analyses.codings(ref, as("member.a")))
        .hasSize(20)
        .allMatch(c -> c.coder().equals("member.a"));
    assertThat(analyses.codings(ref, lead)).hasSize(24);
    assertThat(analyses.assignments(ref, as("member.b"))).hasSize(2);
    assertThat(analyses.cases(ref, as("member.b")))
        .extracting(AnalysisCase::notificationRef)
        .containsExactly(cases.get(0), cases.get(1));
    assertThatThrownBy(() -> analyses.codings(ref, as("member.c")))
        .isInstanceOf(AnalysisNotFoundException.class);
    assertThatThrownBy(() -> analyses.disagreements(ref, as("member.b")))
        .isInstanceOf(AnalysisNotPermittedException.class);
    assertThat(analyses.list(as("member.b"))).extracting(Analysis::ref).containsExactly(ref);

    // once assignments exist, a coder not assigned the case is refused with the line
    assertThat(
            refusal(
                () ->
                    analyses.importCodings(
                        ref,
                        new StringReader(
                            codingsCsv(
                                ref,
                                List.<String[]>of(
                                    new String[] {
                                      cases.get(5), "member.b", "INFORMATION_SHARING", "Y"
                                    }))),
                        lead)))
        .contains("codings.csv line 2, column coder: 'member.b': is not assigned");
    // a coder codes their own case on its page (replacing their values); not someone else's
    analyses.code(ref, cases.get(1), Map.of("INFORMATION_SHARING", "N"), as("member.b"));
    assertThat(analyses.codings(ref, as("member.b")))
        .filteredOn(c -> c.notificationRef().equals(cases.get(1)))
        .extracting(Coding::code, Coding::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("INFORMATION_SHARING", "N"));
    analyses.code(
        ref,
        cases.get(1),
        Map.of("INFORMATION_SHARING", "Y", "PARENTAL_FAMILY_STRESSORS", "HIGH"),
        as("member.b"));
    assertThatThrownBy(
            () ->
                analyses.code(
                    ref, cases.get(5), Map.of("INFORMATION_SHARING", "N"), as("member.b")))
        .isInstanceOf(AnalysisNotPermittedException.class);
    assertThatThrownBy(
            () ->
                analyses.code(
                    ref, cases.get(1), Map.of("INFORMATION_SHARING", "MAYBE"), as("member.b")))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("Choose Sharing information: Present, Absent");
  }

  @Test
  @DisplayName("A disagreement is resolved by a third person only; publishing waits for it")
  void resolution() {
    String ref = drawnWithFrame("RESOLVE");
    Viewer lead = as("lead.one");
    List<String> cases = refs(analyses.cases(ref, lead));
    List<String[]> rows = new ArrayList<>();
    // lead.one codes first (the secretariat may code), member.b double-codes the first case
    for (String c : cases) {
      rows.add(new String[] {c, "lead.one", "INFORMATION_SHARING", "Y"});
      rows.add(new String[] {c, "lead.one", "PARENTAL_FAMILY_STRESSORS", "LOW"});
    }
    rows.add(new String[] {cases.get(0), "member.b", "INFORMATION_SHARING", "N"});
    rows.add(new String[] {cases.get(0), "member.b", "PARENTAL_FAMILY_STRESSORS", "LOW"});
    analyses.importCodings(ref, new StringReader(codingsCsv(ref, rows)), lead);

    assertThat(analyses.disagreements(ref, lead))
        .containsExactly(
            new Disagreement(
                cases.get(0), "INFORMATION_SHARING", "lead.one", "Y", "member.b", "N", null, null));
    // publishing waits for analysis, and analysis for every coding
    assertThatThrownBy(() -> analyses.advance(ref, AnalysisStatus.PUBLISHED, lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("cannot move to published");
    Analysis analysing = analyses.advance(ref, AnalysisStatus.ANALYSIS, lead);
    assertThat(analysing.status()).isEqualTo(AnalysisStatus.ANALYSIS);
    assertThatThrownBy(() -> analyses.advance(ref, AnalysisStatus.PUBLISHED, lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("1 disagreement is not yet resolved");

    // a coder may not resolve (neither the lead who coded it, nor a Panel member)
    assertThatThrownBy(() -> analyses.resolve(ref, cases.get(0), "INFORMATION_SHARING", "Y", lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining(
            "lead.one coded " + cases.get(0) + ": a disagreement is resolved by a third person");
    assertThatThrownBy(
            () -> analyses.resolve(ref, cases.get(0), "INFORMATION_SHARING", "Y", as("member.b")))
        .isInstanceOf(AnalysisNotPermittedException.class);
    assertThat(
            refusal(
                () ->
                    analyses.importResolutions(
                        ref,
                        new StringReader(
                            codingsCsv(
                                ref,
                                List.<String[]>of(
                                    new String[] {
                                      cases.get(0), "member.c", "INFORMATION_SHARING", "Y"
                                    }))),
                        lead)))
        .contains("resolutions.csv line 2, column coder: 'member.c': may not resolve");
    assertThatThrownBy(
            () -> analyses.resolve(ref, cases.get(1), "INFORMATION_SHARING", "Y", as("lead.two")))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("do not disagree");

    assertThat(
            analyses.importResolutions(
                ref,
                new StringReader(
                    codingsCsv(
                        ref,
                        List.<String[]>of(
                            new String[] {cases.get(0), "lead.two", "INFORMATION_SHARING", "Y"}))),
                lead))
        .isEqualTo(1);
    assertThat(analyses.disagreements(ref, lead))
        .containsExactly(
            new Disagreement(
                cases.get(0),
                "INFORMATION_SHARING",
                "lead.one",
                "Y",
                "member.b",
                "N",
                "lead.two",
                "Y"));
    // the results count the resolved value where the coders disagree, else the first coder's
    assertThatThrownBy(() -> analyses.results(ref, null, as("member.b")))
        .isInstanceOf(AnalysisNotPermittedException.class);
    AnalysisResults results = analyses.results(ref, Grouping.CASE_THEME, lead);
    assertThat(results.rows())
        .filteredOn(
            r ->
                r.code().equals("INFORMATION_SHARING")
                    && r.value().equals("Y")
                    && r.group() == Group.SAMPLE
                    && r.grouping().equals(ResultRow.ALL))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.cases()).isEqualTo(10);
              assertThat(r.count()).isEqualTo(10);
            });
    assertThat(results.agreement())
        .extracting(AgreementRow::code, AgreementRow::casesDoubleCoded)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PARENTAL_FAMILY_STRESSORS", 1),
            org.assertj.core.groups.Tuple.tuple("INFORMATION_SHARING", 1));
    // the frame is kept once cases are coded
    assertThatThrownBy(() -> analyses.frame(ref, analyses.readFrame(new StringReader(FRAME)), lead))
        .isInstanceOf(InvalidAnalysisException.class)
        .hasMessageContaining("can no longer be changed");
    Analysis published = analyses.advance(ref, AnalysisStatus.PUBLISHED, lead);
    assertThat(published.status()).isEqualTo(AnalysisStatus.PUBLISHED);
    assertThat(published.published()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(analyses.published(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)))
        .extracting(Analysis::ref)
        .containsExactly(ref);
    assertThat(analyses.published(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30))).isEmpty();
  }
}
