package uk.gov.observatory.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;

/** Synthetic submissions for tests (no real person's data, ever). */
public final class Submissions {
  private Submissions() {}

  /** A valid death notification in Westminster (E09000033) with one child. */
  public static NotificationSubmission death() {
    return new NotificationSubmission(
        null,
        "E09000033",
        "2020-06-01",
        "2020-06-02",
        "2020-06-05",
        "DEATH",
        "SUDI",
        null,
        "3",
        List.of("DOMESTIC_ABUSE", "PARENTAL_DRUG_MISUSE"),
        "FATHER_TO_MOTHER",
        "CHILD_IN_NEED",
        "NONE",
        "AT_HOME",
        List.of("PARENTAL_FAMILY_STRESSORS"),
        List.of(new ChildSubmission("1", "MALE", "0", "WBRI", "Test Child", "2020-01-15")));
  }

  /** A valid serious harm notification in Leeds (E08000035) with two children. */
  public static NotificationSubmission seriousHarm() {
    return new NotificationSubmission(
        null,
        "E08000035",
        "2021-03-10",
        "2021-03-10",
        "2021-03-12",
        "SERIOUS_HARM",
        null,
        "NONFATAL_PHYSICAL_ABUSE",
        null,
        List.of(),
        null,
        "NONE",
        "NONE",
        "WITH_RELATIVES",
        List.of(),
        List.of(
            new ChildSubmission("1", "FEMALE", "4", "MWBC", null, null),
            new ChildSubmission("2", "MALE", "6", null, null, null)));
  }

  /**
   * A valid notification of a type in an authority, aware on the incident date, notified {@code
   * notifiedAfter} days later, with {@code children} children (each named "Synthetic Name").
   */
  public static NotificationSubmission of(
      String la, String type, LocalDate incident, int notifiedAfter, int children) {
    boolean death = type.equals("DEATH");
    List<ChildSubmission> kids = new ArrayList<>();
    for (int c = 1; c <= children; c++) {
      kids.add(
          new ChildSubmission(
              String.valueOf(c),
              c % 2 == 0 ? "MALE" : "FEMALE",
              "3",
              null,
              "Synthetic Name",
              null));
    }
    return new NotificationSubmission(
        null,
        la,
        incident.toString(),
        incident.toString(),
        incident.plusDays(notifiedAfter).toString(),
        type,
        death ? "SUDI" : null,
        death ? null : "NONFATAL_NEGLECT",
        null,
        List.of(),
        null,
        "NONE",
        "NONE",
        "AT_HOME",
        List.of(),
        kids);
  }
}
