package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.reference.internal.ClasspathReferenceData;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.ReviewFields;
import uk.gov.observatory.support.Submissions;

class StandardFieldsTest {

  static final String NOT_A_DATE = "is not a date: use YYYY-MM-DD, from 1900-01-01 to 2100-12-31";

  final List<String> problems = new ArrayList<>();
  final StandardFields fields =
      new StandardFields(
          new ClasspathReferenceData(),
          (field, value, reason) -> problems.add(field + ": " + value + ": " + reason));

  @Test
  @DisplayName("a date is YYYY-MM-DD from 1900-01-01 to 2100-12-31; anything else is named")
  void dates() {
    assertThat(fields.date("d", " 2020-06-30 ", true)).isEqualTo(LocalDate.of(2020, 6, 30));
    assertThat(fields.date("d", "", false)).isNull();
    assertThat(problems).isEmpty();
    assertThat(fields.date("d", "2025-13-01", false)).isNull();
    assertThat(fields.date("d", "+999999999-12-31", false)).isNull();
    assertThat(fields.date("d", "1899-12-31", false)).isNull();
    assertThat(fields.date("d", " ", true)).isNull();
    assertThat(fields.date("publication_date", null, true, " when publication_status is PUBLISHED"))
        .isNull();
    assertThat(fields.pastDate("d", "2030-01-01", LocalDate.of(2026, 11, 26))).isNull();
    assertThat(problems)
        .containsExactly(
            "d: 2025-13-01: " + NOT_A_DATE,
            "d: +999999999-12-31: " + NOT_A_DATE,
            "d: 1899-12-31: " + NOT_A_DATE,
            "d: null: is required: use YYYY-MM-DD",
            "publication_date: null: is required when publication_status is PUBLISHED: use"
                + " YYYY-MM-DD",
            "d: 2030-01-01: is in the future (today is 26 November 2026): it must be today or earlier");
  }

  @Test
  @DisplayName("codes, code lists, Y/N, whole numbers and references, each error in one wording")
  void otherTypes() {
    assertThat(fields.code("decision", "NO_LCSPR", "rapid_review_decision", true))
        .isEqualTo("NO_LCSPR");
    assertThat(fields.code("decision", "MAYBE", "rapid_review_decision", true)).isNull();
    assertThat(fields.code("panel_view", "MAYBE", "panel_view", false)).isNull();
    assertThat(fields.codes("court_order", List.of("", "X", "NONE", "NONE"), "court_order"))
        .containsExactly("NONE");
    assertThat(fields.yesNo("alternative_methodology", "")).isFalse();
    assertThat(fields.yesNo("alternative_methodology", "Y")).isTrue();
    assertThat(fields.yesNo("alternative_methodology", "yes")).isNull();
    assertThat(fields.wholeNumber("age_years", "18", 0, 17, true, "0 to 17")).isNull();
    assertThat(fields.wholeNumber("age_years", "١٢", 0, 17, true, "0 to 17")).isNull();
    assertThat(fields.wholeNumber("age_years", "17", 0, 17, true, "0 to 17")).isEqualTo(17);
    assertThat(fields.references("notification_refs", "A;;B")).containsExactly("A", "B");
    assertThat(fields.reference("lcspr_ref", "L 1", "LCSPR-2020-00042")).isNull();
    assertThat(problems)
        .containsExactly(
            "decision: MAYBE: is not an allowed value: allowed values are LCSPR, NO_LCSPR,"
                + " UNDECIDED",
            "panel_view: MAYBE: is not an allowed value: allowed values are AGREE, DISAGREE, or"
                + " blank",
            "court_order: ;X;NONE;NONE: has an empty entry: separate codes with a single ';'",
            "court_order: X: is not an allowed value: allowed values are NONE, CARE_ORDER,"
                + " SECTION_20, OTHER",
            "court_order: NONE: is repeated: give each code once",
            "alternative_methodology: yes: is not an allowed value: allowed values are Y, N (blank"
                + " is N)",
            "age_years: 18: is out of range: 0 to 17",
            "age_years: ١٢: is not a whole number: 0 to 17",
            "notification_refs: A;;B: has an empty entry: separate references with a single ';'",
            "lcspr_ref: L 1: is not a valid reference: use 1 to 40 letters, digits, '-', '_' or"
                + " '.', starting with a letter or digit, e.g. LCSPR-2020-00042");
  }

  @Test
  @DisplayName(
      "the same bad date has the same words in a notification, the notification filters and the"
          + " API's review bodies")
  void oneWordingEverywhere() {
    NotificationRules rules =
        new NotificationRules(
            new ClasspathReferenceData(),
            Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneId.of("Europe/London")));
    Violation v =
        rules
            .check(
                NotificationRulesTest.with(Submissions.death(), b -> b.notified("2025-02-30")),
                false)
            .violations()
            .get(0);
    assertThat(v.field()).isEqualTo("notified_date");
    assertThat(v.reason()).isEqualTo(NOT_A_DATE);
    assertThatThrownBy(() -> ReviewFields.date("dissemination_by", "2025-02-30", false))
        .isInstanceOf(InvalidReviewException.class)
        .hasMessage("dissemination_by: '2025-02-30' " + NOT_A_DATE);
    assertThatThrownBy(() -> ReviewFields.date("date", " ", true))
        .hasMessage("date: is required: use YYYY-MM-DD");
  }
}
