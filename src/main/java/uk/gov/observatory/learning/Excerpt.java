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

  /** Where it came from, in words: "Rapid review for SIN-2020-00012". */
  public String sourceWords() {
    return source == Source.RAPID_REVIEW
        ? "Rapid review of notification " + sourceRef
        : "Local child safeguarding practice review " + sourceRef;
  }
}
