package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.RegisterTest;

/**
 * Issue 17, "Done when": a learning excerpt that contains a child's name from the register is
 * refused approval (and one with a child's date of birth); a clean one is approved, and approved
 * again after it is edited. The names are read for the check only: never in the refusal, the audit
 * log or anywhere stored. Only the secretariat (LEAD_ANALYSES) drafts briefings.
 */
@RegisterTest
class LearningBriefingsTest {

  static final String LEARNING =
      "Practitioners did not ask about the sleeping arrangements of the baby. Agencies should"
          + " share what each of them knows before a home visit.";

  @Autowired NotificationRegister register;
  @Autowired RapidReviews reviews;
  @Autowired LearningBriefings briefings;
  @Autowired JdbcTemplate jdbc;

  final Viewer secretariat = Viewer.system("lb.secretariat");
  String ref;

  /** A notification whose child is named, with a rapid review received in April to June 2020. */
  @BeforeEach
  void seed() {
    ref = notify("Amelia Hartley", "2020-01-15", "0", "2020-05-01");
    notify("Oskar Lindqvist", "2012-09-30", "7", "2020-02-01"); // another child, another quarter
    review(ref, LocalDate.of(2020, 5, 20), LEARNING);
  }

  String notify(String name, String dob, String age, String incident) {
    LocalDate day = LocalDate.parse(incident);
    return register
        .notify(
            new NotificationSubmission(
                null,
                "E09000033",
                incident,
                incident,
                day.plusDays(3).toString(),
                "DEATH",
                "SUDI",
                null,
                "3",
                List.of(),
                null,
                "NONE",
                "NONE",
                "AT_HOME",
                List.of(),
                List.of(new ChildSubmission("1", "FEMALE", age, "WBRI", name, dob))))
        .ref();
  }

  void review(String notification, LocalDate received, String learning) {
    LocalDate signed = received.minusDays(2);
    RapidReviewContent c =
        new RapidReviewContent(
            "Health visiting and the police.",
            "The baby was found unresponsive.",
            "A safety plan for the siblings.",
            learning,
            "A briefing for every agency.",
            null,
            Decision.NO_LCSPR,
            null,
            "The learning is already known.",
            Set.of(),
            false,
            null,
            true,
            true,
            signed,
            signed,
            signed,
            List.of("CHANGING_RISK", "INFORMATION_SHARING"));
    RapidReview draft = reviews.save(notification, c, 0, secretariat).orElseThrow();
    reviews.submit(notification, received, draft.version(), secretariat).orElseThrow();
  }

  Excerpt excerpt(String text) {
    Briefing b = briefings.create(2020, 2, secretariat);
    return briefings.addExcerpt(b.id(), Excerpt.Source.RAPID_REVIEW, ref, text, secretariat);
  }

  @Test
  @DisplayName("an excerpt naming a child of the register is refused approval, saying where")
  void nameRefused() {
    Excerpt e =
        excerpt("Agencies did not share what they knew about AMELIA before the visit. " + LEARNING);
    assertThatThrownBy(() -> briefings.approve(e.id(), secretariat))
        .isInstanceOfSatisfying(
            InvalidAnalysisException.class,
            x -> {
              assertThat(x.problems()).hasSize(1);
              assertThat(x.problems().get(0).field()).isEqualTo("text");
              assertThat(x.problems().get(0).message())
                  .contains("contains a child's name from the register")
                  .contains("character 45 (word 9)")
                  .doesNotContainIgnoringCase("amelia");
            });
    assertThat(briefings.excerpt(e.id()).orElseThrow().approved()).isFalse();
    // The other child's surname, from another quarter's notification, is found too.
    Excerpt other = briefings.editExcerpt(e.id(), "The Lindqvist family moved twice.", secretariat);
    assertThatThrownBy(() -> briefings.approve(other.id(), secretariat))
        .hasMessageContaining("contains a child's name from the register");
    // The names never reach the audit log (nor does the refusal repeat them).
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where coalesce(details, '') || coalesce(before_state, '')"
                    + " || coalesce(after_state, '') ~* '(amelia|hartley|lindqvist|oskar)'",
                Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'notification'"
                    + " and details like 'children''s names and dates of birth read in memory%'"
                    + " and details like ?",
                Integer.class, "%learning excerpt " + e.id() + " for lb.secretariat"))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("an excerpt giving a child's date of birth is refused approval")
  void dateOfBirthRefused() {
    Excerpt e = excerpt("The baby, born 15/01/2020, had not been seen by the GP. " + LEARNING);
    assertThatThrownBy(() -> briefings.approve(e.id(), secretariat))
        .isInstanceOfSatisfying(
            InvalidAnalysisException.class,
            x ->
                assertThat(x.problems().get(0).message())
                    .isEqualTo(
                        "The excerpt contains a child's date of birth from the register, at"
                            + " character 16 (word 4): remove it, or give the child's age"
                            + " instead"));
    Excerpt iso = briefings.editExcerpt(e.id(), "Born 2012-09-30.", secretariat);
    assertThatThrownBy(() -> briefings.approve(iso.id(), secretariat))
        .hasMessageContaining("date of birth from the register");
  }

  @Test
  @DisplayName("a clean excerpt is approved; edited, it needs approving again")
  void cleanApproved() {
    Briefing b = briefings.create(2020, 2, secretariat);
    // taken from the rapid review's learning, in full
    Excerpt e = briefings.addExcerpt(b.id(), Excerpt.Source.RAPID_REVIEW, ref, null, secretariat);
    assertThat(e.text()).isEqualTo(LEARNING);
    assertThat(briefings.candidates(b.id(), "sleeping", secretariat))
        .extracting(LearningBriefings.Candidate::ref)
        .containsExactly(ref);
    Excerpt approved = briefings.approve(e.id(), secretariat);
    assertThat(approved.approved()).isTrue();
    assertThat(approved.approvedBy()).isEqualTo("lb.secretariat");
    Excerpt edited =
        briefings.editExcerpt(e.id(), "Agencies should share what they know.", secretariat);
    assertThat(edited.approved()).isFalse();
  }

  @Test
  @DisplayName(
      "only the secretariat drafts briefings; one a quarter; a quarter not started refused")
  void rules() {
    Viewer member =
        new Viewer(
            "lb.member", true, Set.of(), false, List.of(), EnumSet.of(Permission.CODE_CASES));
    assertThatThrownBy(() -> briefings.create(2020, 2, member))
        .isInstanceOf(BriefingNotPermittedException.class);
    briefings.create(2020, 2, secretariat);
    assertThatThrownBy(() -> briefings.create(2020, 2, secretariat))
        .hasMessage("There is already a briefing for April to June 2020: open it from the list");
    assertThatThrownBy(() -> briefings.create(2027, 1, secretariat))
        .hasMessage("The year must be from 2000 to 2026");
    assertThatThrownBy(() -> briefings.create(2020, 5, secretariat))
        .hasMessage("Choose the quarter");
  }
}
