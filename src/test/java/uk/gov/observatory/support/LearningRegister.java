package uk.gov.observatory.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;

/**
 * A small synthetic register for the thematic analysis pages: notifications in Westminster and
 * Leeds, each with a submitted rapid review received in 2020, some citing a COVID-19 factor. Every
 * rapid review's learning names its notification, so a page can be checked to show the right text.
 */
public final class LearningRegister {

  private LearningRegister() {}

  /** What the rapid review of a notification says it learnt (distinct for each). */
  public static String learning(String ref) {
    return "Learning for " + ref + ": the health visitor and school did not share concerns.";
  }

  /**
   * Makes {@code covid} notifications citing a COVID-19 factor and {@code others} citing none, with
   * incidents from 1 April 2020 a week apart and rapid reviews received 30 days after each; returns
   * the references, the COVID-19 ones first.
   */
  public static List<String> make(
      NotificationRegister register, RapidReviews reviews, int covid, int others) {
    List<String> refs = new ArrayList<>();
    Viewer system = Viewer.system("test.partnership");
    for (int i = 0; i < covid + others; i++) {
      LocalDate incident = LocalDate.of(2020, 4, 1).plusDays(7L * i);
      boolean death = i % 2 == 0;
      Notification n =
          register.notify(
              new NotificationSubmission(
                  null,
                  i % 3 == 0 ? "E08000035" : "E09000033",
                  incident.toString(),
                  incident.toString(),
                  incident.plusDays(2).toString(),
                  death ? "DEATH" : "SERIOUS_HARM",
                  death ? "SUDI" : null,
                  death ? null : "NONFATAL_PHYSICAL_ABUSE",
                  null,
                  List.of(),
                  null,
                  "NONE",
                  "NONE",
                  "AT_HOME",
                  i < covid ? List.of("PARENTAL_FAMILY_STRESSORS") : List.of(),
                  List.of(
                      new ChildSubmission("1", "FEMALE", death ? "0" : "14", null, null, null))));
      LocalDate signed = incident.plusDays(20);
      RapidReview draft =
          reviews
              .save(
                  n.ref(),
                  new RapidReviewContent(
                      "Health visiting, the school and the police.",
                      "A brief chronology of " + n.ref() + ".",
                      "The sibling was safeguarded.",
                      learning(n.ref()),
                      "A briefing for every agency.",
                      signed.plusDays(30),
                      Decision.NO_LCSPR,
                      null,
                      "The learning is already known.",
                      Set.of(),
                      false,
                      null,
                      true,
                      true,
                      signed,
                      signed,
                      signed,
                      List.of("INFORMATION_SHARING")),
                  0,
                  system)
              .orElseThrow();
      reviews.submit(n.ref(), incident.plusDays(30), draft.version(), system);
      refs.add(n.ref());
    }
    return refs;
  }
}
