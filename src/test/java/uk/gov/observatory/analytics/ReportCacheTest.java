package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * The report is answered from a cache keyed by the version of what it reads (V26), the request and
 * the reader's reach: a second identical request is not computed again, and any committed change (a
 * new notification, an amendment, a rapid review) makes the next answer a new computation.
 */
@RegisterTest
class ReportCacheTest {

  static final ReportRequest YEAR_2020 =
      new ReportRequest(
          LocalDate.of(2020, 1, 1),
          LocalDate.of(2020, 12, 31),
          LocalDate.of(2026, 1, 1),
          null,
          null);

  @Autowired Reports reports;
  @Autowired NotificationRegister register;

  Map<String, String> headline(Viewer viewer) {
    return reports.report(YEAR_2020, List.of("H", "IMD1"), viewer).tables().get("H").stream()
        .collect(Collectors.toMap(Cell::rowCode, Cell::value));
  }

  @Test
  @DisplayName(
      "the same request twice is computed once; a new notification or an amendment is in the next"
          + " answer")
  void servedFromCacheUntilAnythingChanges() {
    Viewer everyone = Viewer.system("cache.test");
    Notification first = register.notify(Submissions.death());

    long computed = reports.computed();
    assertThat(headline(everyone)).containsEntry("NOTIFICATIONS", "1");
    assertThat(reports.computed()).isEqualTo(computed + 1);
    long version = reports.version();
    // The same request, the same data: answered from the cache, not computed again.
    assertThat(headline(everyone)).containsEntry("NOTIFICATIONS", "1");
    assertThat(headline(everyone)).containsEntry("NOTIFICATIONS", "1");
    assertThat(reports.computed()).isEqualTo(computed + 1);
    assertThat(reports.version()).isEqualTo(version);

    // A notification committed: a new version, so the next answer is computed and counts it.
    register.notify(Submissions.of("E09000033", "SERIOUS_HARM", LocalDate.of(2020, 3, 2), 2, 2));
    assertThat(reports.version()).isGreaterThan(version);
    Map<String, String> after = headline(everyone);
    assertThat(after)
        .containsEntry("NOTIFICATIONS", "2")
        .containsEntry("SERIOUS_HARM", "1")
        .containsEntry("CHILDREN", "3");
    assertThat(reports.computed()).isEqualTo(computed + 2);
    headline(everyone);
    assertThat(reports.computed()).isEqualTo(computed + 2);

    // An amendment (the deprivation decile, 3 to 7): the next IMD1 shows it.
    List<Cell> imdBefore =
        reports.report(YEAR_2020, List.of("H", "IMD1"), everyone).tables().get("IMD1");
    assertThat(
            register.amend(
                first.ref(),
                everyone,
                new NotificationRegister.Amendment(
                    "2020-06-01",
                    "2020-06-02",
                    "SUDI",
                    "CHILD_IN_NEED",
                    "NONE",
                    "AT_HOME",
                    "7",
                    "The decile was mistyped")))
        .isPresent();
    List<Cell> imdAfter =
        reports.report(YEAR_2020, List.of("H", "IMD1"), everyone).tables().get("IMD1");
    assertThat(reports.computed()).isEqualTo(computed + 3);
    assertThat(imdAfter).isNotEqualTo(imdBefore);
    Function<List<Cell>, Map<String, String>> counts =
        cells ->
            cells.stream()
                .filter(c -> c.columnCode().endsWith("COUNT"))
                .collect(Collectors.toMap(c -> c.rowCode() + "/" + c.columnCode(), Cell::value));
    assertThat(counts.apply(imdAfter)).isNotEqualTo(counts.apply(imdBefore));
  }

  @Test
  @DisplayName(
      "the cache keeps readers apart: a Leeds reader never gets the whole country's answer")
  void keyedByReach() {
    register.notify(Submissions.death()); // Westminster
    assertThat(headline(Viewer.system("cache.everyone"))).containsEntry("NOTIFICATIONS", "1");
    Viewer leeds =
        new Viewer("cache.leeds", false, Set.of("E08000035"), false, List.of(), Set.of());
    assertThat(headline(leeds)).containsEntry("NOTIFICATIONS", "0");
  }
}
