package uk.gov.observatory.notification;

/**
 * Where a notification's reviews have reached, as the register shows and filters it: the furthest
 * step of its rapid review and local reviews. The register reads it through its own view {@code
 * notification_review_status} (V17), which the review module fills in from its records: the
 * notification module does not depend on the review module, so the codes here are the contract
 * between the two.
 */
public enum ReviewStatus {
  AWAITING_RAPID_REVIEW("Waiting for the rapid review"),
  RAPID_REVIEW_DRAFT("Rapid review being written"),
  WITH_THE_PANEL("Rapid review with the Panel"),
  PANEL_VIEW_GIVEN("Panel’s view given"),
  LCSPR_UNDER_WAY("Local review under way"),
  LCSPR_PUBLISHED("Local review published"),
  LCSPR_NOT_PUBLISHED("Local review not to be published");

  private final String label;

  ReviewStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The status of a code, or null when it is none of them. */
  public static ReviewStatus of(String code) {
    for (ReviewStatus s : values()) {
      if (s.name().equals(code)) {
        return s;
      }
    }
    return null;
  }
}
