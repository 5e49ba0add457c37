package uk.gov.observatory.analytics.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.notification.NotificationsImported;

/**
 * An import's notifications (and the reviews stored with them) are made again in the report's read
 * model just before the import commits, in its transaction: so the read model is up to date when
 * the import is, and the first report after a large import does not wait for it (V29).
 */
@Component
class ReadModelAfterImport {

  private final Reports reports;

  ReadModelAfterImport(Reports reports) {
    this.reports = reports;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void caughtUpBeforeCommit(NotificationsImported imported) {
    reports.catchUp();
  }
}
