package uk.gov.observatory.review.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.gov.observatory.notification.NotificationAmended;
import uk.gov.observatory.notification.NotificationRegister;

/**
 * Tells the Panel when a sent notification is amended: an email through the outbox, queued in the
 * amending transaction (so it is sent only if the amendment commits), to {@code
 * observatory.reminders.panel-address}. Without that address nothing is queued and a warning is
 * logged. The email names the notification, the fields changed and the reason; never a child.
 */
@Component
class AmendmentNotice {

  private static final Logger log = LoggerFactory.getLogger(AmendmentNotice.class);

  private final OutboxRepository outbox;
  private final String panelAddress;

  AmendmentNotice(
      OutboxRepository outbox,
      @Value("${observatory.reminders.panel-address:}") String panelAddress) {
    this.outbox = outbox;
    this.panelAddress = panelAddress == null ? "" : panelAddress.strip();
  }

  @EventListener
  void amended(NotificationAmended e) {
    if (panelAddress.isEmpty()) {
      log.warn(
          "No email to the Panel about the amendment of {}: set"
              + " observatory.reminders.panel-address",
          e.ref());
      return;
    }
    String fields =
        String.join(
            ", ",
            e.fields().stream()
                .map(f -> NotificationRegister.AMENDABLE_LABELS.getOrDefault(f, f))
                .toList());
    outbox.enqueue(
        "notification-amended:" + e.ref() + ":" + e.version(),
        panelAddress,
        "Notification " + e.ref() + " has been amended",
        "Notification "
            + e.ref()
            + " has been amended by "
            + e.amendedBy()
            + " (version "
            + e.version()
            + ").\n\nWhat changed: "
            + fields
            + ".\n\nThe reason given: "
            + e.reason()
            + "\n\nThe notification's page shows the version before and after.",
        e.amendedAt());
  }
}
