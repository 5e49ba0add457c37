package uk.gov.observatory.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestClock;

/** Expired drafts go at the hourly purge, whether or not anyone reads drafts. */
@SpringBootTest
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class DraftPurgeScheduleTest {

  @Autowired NotificationDrafts drafts;
  @Autowired DraftPurgeSchedule schedule;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "the register counts only drafts still kept; the purge deletes the expired one, audited,"
          + " and keeps the other")
  void expiredDraftsArePurged() {
    NotificationDraft old = new NotificationDraft();
    old.laCode = "E09000033";
    drafts.save("purge.owner", old);
    NotificationDraft kept = new NotificationDraft();
    kept.laCode = "E08000035";
    drafts.save("purge.owner", kept);
    assertThat(drafts.count("purge.owner")).isEqualTo(2);

    // Not saved since a day before the test clock's time: past its time.
    jdbc.update(
        "update notification_draft set delete_after = timestamptz '2026-11-25 12:00:00+00'"
            + " where id = ?::uuid",
        old.draftId);
    assertThat(drafts.count("purge.owner")).isEqualTo(1);
    assertThat(drafts.count("someone.else")).isZero();

    schedule.purge();
    assertThat(jdbc.queryForList("select id::text from notification_draft", String.class))
        .containsExactly(kept.draftId);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'notification_draft'"
                    + " and action = 'DELETED' and record_ref = ?",
                Integer.class,
                old.draftId))
        .isEqualTo(1);
    assertThat(drafts.count("purge.owner")).isEqualTo(1);
  }
}
