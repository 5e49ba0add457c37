package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.reference.internal.ClasspathReferenceData;
import uk.gov.observatory.support.Submissions;

class NotificationRulesTest {

  final NotificationRules rules =
      new NotificationRules(
          new ClasspathReferenceData(),
          Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("Europe/London")));

  static NotificationSubmission with(
      NotificationSubmission s, java.util.function.UnaryOperator<Builder> change) {
    return change.apply(new Builder(s)).build();
  }

  List<Violation> violations(NotificationSubmission s) {
    return rules.check(s, false).violations();
  }

  Violation only(NotificationSubmission s, String path) {
    List<Violation> v = violations(s);
    assertThat(v).as("violations").extracting(Violation::path).containsExactly(path);
    return v.get(0);
  }

  @Test
  @DisplayName("a complete submission passes and keeps its values")
  void valid() {
    Notification n = rules.check(Submissions.death(), false).orThrow();
    assertThat(n.laCode()).isEqualTo("E09000033");
    assertThat(n.caseCharacteristics()).containsExactly("DOMESTIC_ABUSE", "PARENTAL_DRUG_MISUSE");
    assertThat(n.children()).singleElement().satisfies(c -> assertThat(c.ageYears()).isZero());
    assertThat(rules.check(Submissions.seriousHarm(), false).valid()).isTrue();
  }

  @Test
  @DisplayName("an unknown code says which values are allowed")
  void unknownCode() {
    Violation v = only(with(Submissions.death(), b -> b.type("DEAD")), "notification_type");
    assertThat(v.value()).isEqualTo("DEAD");
    assertThat(v.reason()).contains("DEATH, SERIOUS_HARM, OTHER");
    Violation court = only(with(Submissions.death(), b -> b.court("SECTION_21")), "court_order");
    assertThat(court.reason()).contains("NONE, CARE_ORDER, SECTION_20, OTHER");
  }

  @Test
  @DisplayName(
      "the aware date cannot be before the incident, nor the notified date before awareness")
  void dateOrder() {
    only(with(Submissions.death(), b -> b.aware("2020-05-31")), "aware_date");
    Violation v = only(with(Submissions.death(), b -> b.notified("2020-06-01")), "notified_date");
    assertThat(v.reason()).contains("2020-06-02");
  }

  @Test
  @DisplayName("a notified date in the future is refused, naming today")
  void notifiedInTheFuture() {
    Violation v = only(with(Submissions.death(), b -> b.notified("2026-11-27")), "notified_date");
    assertThat(v.reason()).contains("future").contains("today is 26 November 2026");
    assertThat(violations(with(Submissions.death(), b -> b.notified("2026-11-26")))).isEmpty();
  }

  @Test
  @DisplayName("an impossible date is not a date")
  void impossibleDate() {
    Violation v = only(with(Submissions.death(), b -> b.incident("2020-02-30")), "incident_date");
    assertThat(v.reason()).contains("YYYY-MM-DD");
  }

  @Test
  @DisplayName(
      "a local authority not in operation on the incident date says when it ended or started")
  void laNotInOperation() {
    // Poole ended on 2019-03-31; the incident is 2020-06-01.
    Violation ended = only(with(Submissions.death(), b -> b.la("E06000029")), "la_code");
    assertThat(ended.reason()).contains("Poole").contains("ended on 2019-03-31");
    // North Northamptonshire started on 2021-04-01.
    Violation started = only(with(Submissions.death(), b -> b.la("E06000061")), "la_code");
    assertThat(started.reason()).contains("started on 2021-04-01");
    Violation unknown = only(with(Submissions.death(), b -> b.la("E99999999")), "la_code");
    assertThat(unknown.reason()).contains("GSS code");
  }

  @Test
  @DisplayName(
      "DEATH needs a death category; SERIOUS_HARM and OTHER need a harm category and no death category")
  void categories() {
    Violation v = only(with(Submissions.death(), b -> b.deathCategory(null)), "death_category");
    assertThat(v.reason()).contains("required").contains("SUDI");
    only(with(Submissions.seriousHarm(), b -> b.type("OTHER").harmCategory(null)), "harm_category");
    only(with(Submissions.seriousHarm(), b -> b.deathCategory("SUDI")), "death_category");
    only(with(Submissions.death(), b -> b.harmCategory("CSE")), "harm_category");
  }

  @Test
  @DisplayName(
      "code lists refuse unknown entries and repeats; the domestic abuse pattern needs DOMESTIC_ABUSE")
  void codeLists() {
    only(
        with(
            Submissions.death(),
            b -> b.characteristics(List.of("DOMESTIC_ABUSE", "DOMESTIC_ABUSE"))),
        "case_characteristics");
    only(
        with(Submissions.death(), b -> b.characteristics(List.of("PARENTAL_DRUG_MISUSE"))),
        "domestic_abuse_pattern");
    only(with(Submissions.death(), b -> b.covid(List.of("LOCKDOWN"))), "covid_factors");
  }

  @Test
  @DisplayName("a notification with no children is refused")
  void noChildren() {
    only(with(Submissions.death(), b -> b.children(List.of())), "children");
  }

  @Test
  @DisplayName(
      "a date of birth that disagrees with age_years is refused without repeating the date of birth")
  void dateOfBirthAgainstAge() {
    // Incident 2020-06-01; born 2015-06-02 is 4 on that day, not 5.
    Violation v =
        only(
            with(
                Submissions.death(),
                b ->
                    b.children(
                        List.of(new ChildSubmission("1", "MALE", "5", null, null, "2015-06-02")))),
            "children[1].date_of_birth");
    assertThat(v.reason()).contains("age of 4").contains("age_years is 5");
    assertThat(v.toString()).doesNotContain("2015-06-02");
    assertThat(
            violations(
                with(
                    Submissions.death(),
                    b ->
                        b.children(
                            List.of(
                                new ChildSubmission("1", "MALE", "5", null, null, "2015-06-01"))))))
        .isEmpty();
  }

  @Test
  @DisplayName("children need a gender and an age from 0 to 17, and distinct sequence numbers")
  void children() {
    List<Violation> v =
        violations(
            with(
                Submissions.death(),
                b ->
                    b.children(
                        List.of(
                            new ChildSubmission("1", "BOY", "18", "XXXX", null, null),
                            new ChildSubmission("1", "FEMALE", "3", null, null, null)))));
    assertThat(v)
        .extracting(Violation::path)
        .containsExactlyInAnyOrder(
            "children[1].gender",
            "children[1].age_years",
            "children[1].ethnicity",
            "children[2].child_seq");
  }

  @Test
  @DisplayName(
      "a child without a number takes its position, which may not repeat another child's number")
  void blankSequenceTakesPosition() {
    only(
        with(
            Submissions.death(),
            b ->
                b.children(
                    List.of(
                        new ChildSubmission("", "MALE", "1", null, null, null),
                        new ChildSubmission("1", "FEMALE", "3", null, null, null)))),
        "children[2].child_seq");
    Notification n =
        rules
            .check(
                with(
                    Submissions.death(),
                    b ->
                        b.children(
                            List.of(
                                new ChildSubmission(null, "MALE", "1", null, null, null),
                                new ChildSubmission(null, "FEMALE", "3", null, null, null)))),
                false)
            .orThrow();
    assertThat(n.children()).extracting(Notification.Child::childSeq).containsExactly(1, 2);
  }

  @Test
  @DisplayName("a name with a control character is refused without repeating the name")
  void controlCharactersInName() {
    Violation v =
        only(
            with(
                Submissions.death(),
                b ->
                    b.children(
                        List.of(
                            new ChildSubmission("1", "MALE", "0", null, "Syn\u0000thetic", null)))),
            "children[1].child_name");
    assertThat(v.value()).isEqualTo(NotificationRules.WITHHELD);
  }

  @Test
  @DisplayName("every broken rule is reported, not only the first")
  void everyViolation() {
    List<Violation> v =
        violations(
            with(
                Submissions.death(),
                b -> b.la("E99999999").deathCategory(null).imd("11").living(null)));
    assertThat(v)
        .extracting(Violation::path)
        .containsExactlyInAnyOrder("la_code", "death_category", "imd_decile", "living_arrangement");
  }

  /** Changes one field of a submission at a time. */
  static final class Builder {
    String ref,
        la,
        incident,
        aware,
        notified,
        type,
        deathCategory,
        harmCategory,
        imd,
        pattern,
        csc,
        court,
        living;
    List<String> characteristics, covid;
    List<ChildSubmission> children;

    Builder(NotificationSubmission s) {
      ref = s.notificationRef();
      la = s.laCode();
      incident = s.incidentDate();
      aware = s.awareDate();
      notified = s.notifiedDate();
      type = s.notificationType();
      deathCategory = s.deathCategory();
      harmCategory = s.harmCategory();
      imd = s.imdDecile();
      characteristics = s.caseCharacteristics();
      pattern = s.domesticAbusePattern();
      csc = s.cscInvolvement();
      court = s.courtOrder();
      living = s.livingArrangement();
      covid = s.covidFactors();
      children = s.children();
    }

    Builder la(String v) {
      la = v;
      return this;
    }

    Builder incident(String v) {
      incident = v;
      return this;
    }

    Builder aware(String v) {
      aware = v;
      return this;
    }

    Builder notified(String v) {
      notified = v;
      return this;
    }

    Builder type(String v) {
      type = v;
      return this;
    }

    Builder deathCategory(String v) {
      deathCategory = v;
      return this;
    }

    Builder harmCategory(String v) {
      harmCategory = v;
      return this;
    }

    Builder imd(String v) {
      imd = v;
      return this;
    }

    Builder court(String v) {
      court = v;
      return this;
    }

    Builder living(String v) {
      living = v;
      return this;
    }

    Builder characteristics(List<String> v) {
      characteristics = v;
      return this;
    }

    Builder covid(List<String> v) {
      covid = v;
      return this;
    }

    Builder children(List<ChildSubmission> v) {
      children = v;
      return this;
    }

    NotificationSubmission build() {
      return new NotificationSubmission(
          ref,
          la,
          incident,
          aware,
          notified,
          type,
          deathCategory,
          harmCategory,
          imd,
          characteristics,
          pattern,
          csc,
          court,
          living,
          covid,
          children);
    }
  }
}
