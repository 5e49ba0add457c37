package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestClock;

/**
 * The report's read model catches up with committed changes by itself, every few seconds (V29),
 * with no report asked for: a notification recorded is in {@code report_case} soon after, and its
 * mark is gone.
 */
@SpringBootTest(
    properties = {
      "observatory.report.catch-up.enabled=true",
      "observatory.report.catch-up-interval=200ms"
    })
@Import(TestClock.class)
class ReadModelCatchUpScheduleTest {

  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRecordedNotificationReachesTheReadModelWithoutAReport() throws Exception {
    String ref = register.notify(Submissions.death()).ref();

    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (inReadModel(ref) == 0) {
      assertThat(System.nanoTime()).as(ref + " caught up by the schedule").isLessThan(until);
      Thread.sleep(50);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from report_read_model_pending p join notification n"
                    + " on n.id = p.notification_id where n.notification_ref = ?",
                Long.class,
                ref))
        .isZero();
  }

  private long inReadModel(String ref) {
    return jdbc.queryForObject(
        "select count(*) from report_case r join notification n on n.id = r.notification_id"
            + " where n.notification_ref = ?",
        Long.class,
        ref);
  }
}
