package uk.gov.observatory.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.gov.observatory.audit.AuditLog;

/**
 * Seals the audit log's new entries into its hash chain every {@code
 * observatory.audit.seal-interval} (1 second), so an entry is unprotected by the chain only for
 * about that long after its commit. Every instance runs it: the sealing's advisory lock lets one
 * seal at a time, and one that finds the lock taken skips its turn. Off with {@code
 * observatory.audit.sealing.enabled=false} (the tests, which seal through {@link
 * AuditLog#verify()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "observatory.audit.sealing.enabled",
    havingValue = "true",
    matchIfMissing = true)
class AuditSealSchedule {

  private static final Logger log = LoggerFactory.getLogger(AuditSealSchedule.class);

  private final AuditLog audit;

  AuditSealSchedule(AuditLog audit) {
    this.audit = audit;
  }

  @Scheduled(
      initialDelayString = "${observatory.audit.seal-interval:1s}",
      fixedDelayString = "${observatory.audit.seal-interval:1s}")
  void seal() {
    try {
      audit.sealIfFree();
    } catch (RuntimeException e) {
      log.error("Sealing the audit log failed; it is tried again at the next interval", e);
    }
  }
}
