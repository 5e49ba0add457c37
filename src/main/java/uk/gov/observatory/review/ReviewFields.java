package uk.gov.observatory.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.notification.StandardFields;

/**
 * The data standard's field types read into a request about a review (the API's bodies), by {@link
 * StandardFields}: the same reading and the same wording as the CSV import and the notification
 * rules, a problem given as a {@link ReviewProblem} that quotes the value sent.
 */
public final class ReviewFields {

  private ReviewFields() {}

  /**
   * A date written YYYY-MM-DD (1900-01-01 to 2100-12-31); blank is null, or refused when {@code
   * required}.
   */
  public static LocalDate date(String field, String text, boolean required) {
    List<ReviewProblem> problems = new ArrayList<>();
    LocalDate d =
        new StandardFields(
                null,
                (f, v, reason) ->
                    problems.add(
                        new ReviewProblem(f, v == null ? reason : "'" + v + "' " + reason)))
            .date(field, text, required);
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    return d;
  }
}
