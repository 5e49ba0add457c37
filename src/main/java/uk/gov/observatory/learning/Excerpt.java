package uk.gov.observatory.learning;

import java.time.Instant;

/**
 * A learning excerpt of a briefing: text the secretariat took from a rapid review's "learning
 * identified" (its notification's reference) or from an LCSPR (its reference), perhaps edited, and
 * approved once it passed the check for children's names and dates of birth (edited again, it needs
 * approving again).
 */
public record Excerpt(
    long id,
    long briefingId,
    Source source,
    String sourceRef,
    String text,
    int position,
    String approvedBy,
    Instant approvedAt) {

  /** Where an excerpt was taken from. */
  public enum Source {
    RAPID_REVIEW,
    LCSPR;

    public String label() {
      return this == RAPID_REVIEW ? "Rapid review" : "Local child safeguarding practice review";
    }
  }

  public boolean approved() {
    return approvedAt != null;
  }

  /**
   * Where it came from, as the published briefing says it: a rapid review by kind only (its
   * notification's reference is the Panel's, not the public's), an LCSPR by its reference.
   */
  public String publicSourceWords() {
    return source == Source.RAPID_REVIEW
        ? "From a rapid review"
        : "From local child safeguarding practice review " + sourceRef;
  }

  /** Where it came from, in words: "Rapid review of notification SIN-2020-00012". */
  public String sourceWords() {
    return source == Source.RAPID_REVIEW
        ? "Rapid review of notification " + sourceRef
        : "Local child safeguarding practice review " + sourceRef;
  }
}
