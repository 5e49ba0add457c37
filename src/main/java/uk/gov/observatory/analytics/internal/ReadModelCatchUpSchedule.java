package uk.gov.observatory.analytics.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.observatory.analytics.Reports;

/**
 * Brings the report's read model up to the committed changes every {@code
 * observatory.report.catch-up-interval} (5 seconds), so that the changes waiting for it stay few
 * and the next report does not wait for them (V29). Every instance runs it: the catch-up's own lock
 * lets one work at a time, and the others then find nothing to do. Off with {@code
 * observatory.report.catch-up.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "observatory.report.catch-up.enabled",
    havingValue = "true",
    matchIfMissing = true)
class ReadModelCatchUpSchedule {

  private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUpSchedule.class);

  private final Reports reports;

  ReadModelCatchUpSchedule(Reports reports) {
    this.reports = reports;
  }

  @Scheduled(
      initialDelayString = "${observatory.report.catch-up-interval:5s}",
      fixedDelayString = "${observatory.report.catch-up-interval:5s}")
  void catchUp() {
    try {
      reports.catchUp();
    } catch (RuntimeException e) {
      log.error(
          "Catching the report's read model up failed; it is tried again at the next interval", e);
    }
  }
}
