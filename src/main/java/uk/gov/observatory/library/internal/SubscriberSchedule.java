package uk.gov.observatory.library.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.observatory.library.LibrarySubscriptions;
import uk.gov.observatory.web.OnceAcrossInstances;

/**
 * The learning library's monthly email: at 7am (England) on each of the first seven days of a
 * month, the previous month's email is queued, unless it was already (the month's claim in {@code
 * library_mailing}: one instance, one day queues it; the other runs do nothing, and an instance
 * that was down on the 1st still sends it that week). The outbox's sender sends it. Off with {@code
 * observatory.reminders.enabled=false}, as the outbox's sender (the command line's one-off jobs and
 * the tests; the tests call {@link LibrarySubscriptions#sendMonthly} directly). Each run holds the
 * job's database lock ({@link OnceAcrossInstances}), so two instances never run it at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "observatory.reminders.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SubscriberSchedule {

  private static final Logger log = LoggerFactory.getLogger(SubscriberSchedule.class);

  private final LibrarySubscriptions subscriptions;
  private final Clock clock;
  private final OnceAcrossInstances once;

  SubscriberSchedule(LibrarySubscriptions subscriptions, Clock clock, OnceAcrossInstances once) {
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.once = once;
  }

  @Scheduled(
      cron = "${observatory.library.monthly-email-cron:0 0 7 1-7 * *}",
      zone = "Europe/London")
  void monthly() {
    YearMonth previous = YearMonth.now(clock.withZone(ZoneId.of("Europe/London"))).minusMonths(1);
    try {
      once.run(
          "library.monthly-email",
          () -> {
            int queued = subscriptions.sendMonthly(previous);
            if (queued > 0) {
              log.info(
                  "Queued the learning library's email for {} to {} subscribers", previous, queued);
            }
          });
    } catch (RuntimeException e) {
      log.error("The learning library's monthly email failed; it is tried again tomorrow", e);
    }
  }
}
