package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.SyntheticReviewsCsv;

/**
 * Tables that share one pass in a report (H, T1, A1; T6-T8; D1-D3, TH1) give the same cells alone,
 * in pairs and in the whole report.
 */
@RegisterTest
class SharedPassesTest {

  @Autowired StandardCsv csv;
  @Autowired Reports reports;

  @TempDir Path tmp;

  @Test
  @DisplayName(
      "every table alone, with one other of its pass, and in the whole report: the same cells")
  void sameAloneAndTogether() throws IOException {
    SyntheticReviewsCsv.write(tmp, 800, 5);
    assertThat(csv.importFrom(tmp, false, ImportProgress.NONE).problems()).isEmpty();
    Viewer viewer = Viewer.system("test");
    for (int year = 2019; year <= 2023; year++) {
      ReportRequest request =
          new ReportRequest(
              LocalDate.of(year, 1, 1),
              LocalDate.of(year, 12, 31),
              LocalDate.of(2025, 3, 31),
              null,
              null);
      Report whole = reports.report(request, viewer);
      for (String id : whole.tables().keySet()) {
        assertThat(reports.report(request, List.of(id), viewer).tables().get(id))
            .as("%s %d alone", id, year)
            .containsExactlyElementsOf(whole.tables().get(id));
      }
      for (List<String> pair :
          List.of(
              List.of("H", "T1"),
              List.of("T1", "A1"),
              List.of("D2", "TH1"),
              List.of("D1", "D3"),
              List.of("T7", "T8"))) {
        Report two = reports.report(request, pair, viewer);
        for (String id : pair) {
          assertThat(two.tables().get(id))
              .as("%s %d with %s", id, year, pair)
              .containsExactlyElementsOf(whole.tables().get(id));
        }
      }
    }
  }
}
