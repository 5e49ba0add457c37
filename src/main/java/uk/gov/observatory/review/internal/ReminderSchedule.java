package uk.gov.observatory.review.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.observatory.review.OutboxSender;
import uk.gov.observatory.review.ReviewReminders;
import uk.gov.observatory.web.OnceAcrossInstances;

/**
 * Runs the reminder sweep and the outbox's sender on a schedule, unless {@code
 * observatory.reminders.enabled=false} (the command line's one-off jobs and the tests turn it off;
 * the tests call both directly). Each run takes the job's database lock ({@link
 * OnceAcrossInstances}): with several instances on one database, one runs it and the others skip
 * that run (the outbox's keys and row locks would make a second run harmless, but it would be
 * wasted).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "observatory.reminders.enabled",
    havingValue = "true",
    matchIfMissing = true)
class ReminderSchedule {

  private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

  private final ReviewReminders reminders;
  private final OutboxSender sender;
  private final OnceAcrossInstances once;

  ReminderSchedule(ReviewReminders reminders, OutboxSender sender, OnceAcrossInstances once) {
    this.reminders = reminders;
    this.sender = sender;
    this.once = once;
  }

  @Scheduled(
      initialDelayString = "${observatory.reminders.initial-delay:1m}",
      fixedDelayString = "${observatory.reminders.sweep-interval:1h}")
  void sweep() {
    try {
      once.run("review.reminder-sweep", reminders::sweep);
    } catch (RuntimeException e) {
      log.error("The reminder sweep failed; it runs again at its next interval", e);
    }
  }

  @Scheduled(
      initialDelayString = "${observatory.reminders.initial-delay:1m}",
      fixedDelayString = "${observatory.reminders.send-interval:1m}")
  void send() {
    try {
      once.run("review.outbox-send", sender::sendDue);
    } catch (RuntimeException e) {
      log.error("Sending the outbox's emails failed; it runs again at its next interval", e);
    }
  }
}
