package uk.gov.observatory.notification.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.observatory.web.OnceAcrossInstances;

/**
 * Deletes the drafts not saved within the time drafts are kept ({@link
 * NotificationDrafts#purgeExpired}, each deletion audited) every hour, whether or not anyone reads
 * drafts, so an abandoned draft's details are not kept past their time. Each run takes the job's
 * database lock ({@link OnceAcrossInstances}): with several instances, one runs it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DraftPurgeSchedule {

  private static final Logger log = LoggerFactory.getLogger(DraftPurgeSchedule.class);

  private final NotificationDrafts drafts;
  private final OnceAcrossInstances once;

  DraftPurgeSchedule(NotificationDrafts drafts, OnceAcrossInstances once) {
    this.drafts = drafts;
    this.once = once;
  }

  @Scheduled(
      initialDelayString = "${observatory.notify.draft-purge-interval:1h}",
      fixedDelayString = "${observatory.notify.draft-purge-interval:1h}")
  void purge() {
    try {
      once.run("notification.draft-purge", drafts::purgeExpired);
    } catch (RuntimeException e) {
      log.error("Deleting expired drafts failed; it runs again at its next interval", e);
    }
  }
}
