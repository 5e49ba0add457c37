package uk.gov.observatory.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a local child safeguarding practice review is, and where it may go next: INITIATED →
 * COMPLETED → PUBLICATION_NOTIFIED → PUBLISHED, or NOT_PUBLISHING (with a reason) from any stage
 * before publication. PUBLISHED and NOT_PUBLISHING are final.
 */
public enum LcsprStatus {
  INITIATED,
  COMPLETED,
  PUBLICATION_NOTIFIED,
  PUBLISHED,
  NOT_PUBLISHING;

  /** The states this one may move to. */
  public Set<LcsprStatus> next() {
    return switch (this) {
      case INITIATED -> EnumSet.of(COMPLETED, NOT_PUBLISHING);
      case COMPLETED -> EnumSet.of(PUBLICATION_NOTIFIED, PUBLISHED, NOT_PUBLISHING);
      case PUBLICATION_NOTIFIED -> EnumSet.of(PUBLISHED, NOT_PUBLISHING);
      case PUBLISHED, NOT_PUBLISHING -> EnumSet.noneOf(LcsprStatus.class);
    };
  }

  public boolean mayBecome(LcsprStatus to) {
    return next().contains(to);
  }
}
