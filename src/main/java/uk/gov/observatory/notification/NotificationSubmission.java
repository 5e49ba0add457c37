package uk.gov.observatory.notification;

import java.util.List;

/**
 * A notification as someone gave it (a page, the API or a CSV row), every field as text, before
 * {@link NotificationRules} checks it. Field names follow DATA-STANDARD.md section 3.
 */
public record NotificationSubmission(
    String notificationRef,
    String laCode,
    String incidentDate,
    String awareDate,
    String notifiedDate,
    String notificationType,
    String deathCategory,
    String harmCategory,
    String imdDecile,
    List<String> caseCharacteristics,
    String domesticAbusePattern,
    String cscInvolvement,
    String courtOrder,
    String livingArrangement,
    List<String> covidFactors,
    List<ChildSubmission> children) {

  public NotificationSubmission {
    caseCharacteristics =
        caseCharacteristics == null ? List.of() : List.copyOf(caseCharacteristics);
    covidFactors = covidFactors == null ? List.of() : List.copyOf(covidFactors);
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** A child as given: {@code childSeq} may be blank, meaning its position in the list. */
  public record ChildSubmission(
      String childSeq,
      String gender,
      String ageYears,
      String ethnicity,
      String childName,
      String dateOfBirth) {

    /** Never shows the identifying details, so a log line cannot leak them. */
    @Override
    public String toString() {
      return "ChildSubmission[childSeq="
          + childSeq
          + ", gender="
          + gender
          + ", ageYears="
          + ageYears
          + ", ethnicity="
          + ethnicity
          + ", childName="
          + (childName == null ? "none" : "withheld")
          + ", dateOfBirth="
          + (dateOfBirth == null ? "none" : "withheld")
          + "]";
    }
  }
}
