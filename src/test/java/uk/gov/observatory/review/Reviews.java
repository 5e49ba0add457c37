package uk.gov.observatory.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Synthetic rapid review content for tests (made up, names no one). */
final class Reviews {

  /** The practice theme codes of DATA-STANDARD list 4.10. */
  static final Set<String> THEMES =
      Set.of(
          "CHILD_DAILY_LIFE",
          "RELUCTANT_ENGAGEMENT",
          "CRITICAL_THINKING",
          "CHANGING_RISK",
          "INFORMATION_SHARING",
          "LEADERSHIP_CULTURE");

  private Reviews() {}

  /** Complete content with the decision given, each partner signing off on its own date. */
  static RapidReviewContent content(
      Decision decision, LocalDate localAuthority, LocalDate health, LocalDate police) {
    return new RapidReviewContent(
        "Children's social care, health visiting, police",
        "Child 1 was seen by the health visitor; the mother missed two appointments.",
        "A strategy discussion was held; Child 1's sibling was seen the same day.",
        "Information about the father's history was not shared between agencies.",
        "Briefings for practitioners across the partnership.",
        null,
        decision,
        null,
        decision == Decision.UNDECIDED ? null : "The case raises concerns about joint working.",
        decision == Decision.LCSPR ? Set.of(Regulation11Criterion.AGENCIES_WORKING_TOGETHER) : null,
        false,
        null,
        true,
        true,
        localAuthority,
        health,
        police,
        List.of("INFORMATION_SHARING"));
  }

  /** Complete content, decided, signed off by all three partners on {@code signedOff}. */
  static RapidReviewContent signedOff(Decision decision, LocalDate signedOff) {
    return content(decision, signedOff, signedOff, signedOff);
  }
}
