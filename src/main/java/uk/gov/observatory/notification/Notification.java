package uk.gov.observatory.notification;

import java.time.LocalDate;
import java.util.List;

/** A serious incident notification that has passed every rule of {@link NotificationRules}. */
public record Notification(
    String ref,
    String laCode,
    LocalDate incidentDate,
    LocalDate awareDate,
    LocalDate notifiedDate,
    String notificationType,
    String deathCategory,
    String harmCategory,
    Integer imdDecile,
    List<String> caseCharacteristics,
    String domesticAbusePattern,
    String cscInvolvement,
    String courtOrder,
    String livingArrangement,
    List<String> covidFactors,
    List<Child> children) {

  public Notification {
    caseCharacteristics = List.copyOf(caseCharacteristics);
    covidFactors = List.copyOf(covidFactors);
    children = List.copyOf(children);
  }

  public Notification withRef(String newRef) {
    return new Notification(
        newRef,
        laCode,
        incidentDate,
        awareDate,
        notifiedDate,
        notificationType,
        deathCategory,
        harmCategory,
        imdDecile,
        caseCharacteristics,
        domesticAbusePattern,
        cscInvolvement,
        courtOrder,
        livingArrangement,
        covidFactors,
        children);
  }

  /** A child named in a notification. Name and date of birth are identifying details. */
  public record Child(
      int childSeq,
      String gender,
      int ageYears,
      String ethnicity,
      String childName,
      LocalDate dateOfBirth) {

    /** Never shows the identifying details, so a log line cannot leak them. */
    @Override
    public String toString() {
      return "Child[childSeq="
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
