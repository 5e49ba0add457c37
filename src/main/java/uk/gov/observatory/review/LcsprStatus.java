package uk.gov.observatory.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a local child safeguarding practice review is, and where it may go next: INITIATED →
 * COMPLETED → PUBLICATION_NOTIFIED → PUBLISHED, or NOT_PUBLISHING (with a reason) from any stage
 * before publication. PUBLISHED and NOT_PUBLISHING are final. WITHDRAWN (with a reason, from any
 * stage before a final one) is an LCSPR started by mistake: kept, but out of every count.
 */
public enum LcsprStatus {
  INITIATED,
  COMPLETED,
  PUBLICATION_NOTIFIED,
  PUBLISHED,
  NOT_PUBLISHING,
  WITHDRAWN;

  /** The states this one may move to. */
  public Set<LcsprStatus> next() {
    return switch (this) {
      case INITIATED -> EnumSet.of(COMPLETED, NOT_PUBLISHING, WITHDRAWN);
      case COMPLETED -> EnumSet.of(PUBLICATION_NOTIFIED, PUBLISHED, NOT_PUBLISHING, WITHDRAWN);
      case PUBLICATION_NOTIFIED -> EnumSet.of(PUBLISHED, NOT_PUBLISHING, WITHDRAWN);
      case PUBLISHED, NOT_PUBLISHING, WITHDRAWN -> EnumSet.noneOf(LcsprStatus.class);
    };
  }

  /** Whether this is a final state (nothing more happens to the review). */
  public boolean isFinal() {
    return next().isEmpty();
  }

  /** A review that is going on: started, and neither final nor withdrawn. */
  public boolean active() {
    return !isFinal();
  }

  /** The state in words. */
  public String label() {
    return switch (this) {
      case INITIATED -> "Initiated";
      case COMPLETED -> "Completed";
      case PUBLICATION_NOTIFIED -> "Panel notified of publication";
      case PUBLISHED -> "Published";
      case NOT_PUBLISHING -> "Not publishing";
      case WITHDRAWN -> "Withdrawn";
    };
  }

  public boolean mayBecome(LcsprStatus to) {
    return next().contains(to);
  }
}
