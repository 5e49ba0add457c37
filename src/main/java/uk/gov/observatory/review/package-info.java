/**
 * Reviews: the rapid review a safeguarding partnership sends after a notification, the Panel's view
 * of it (agree or disagree, challenges, a quality assessment, national review), and the local child
 * safeguarding practice review (LCSPR) that may follow, to publication. Clocks and worklists are
 * computed when asked, never stored. Reminders by email ({@link
 * uk.gov.observatory.review.ReviewReminders}) go through an outbox sent by {@link
 * uk.gov.observatory.review.OutboxSender}, to the partnerships' contacts ({@link
 * uk.gov.observatory.review.PartnershipContacts}) and to the Panel.
 */
@ApplicationModule(
    allowedDependencies = {
      "access",
      "api",
      "audit",
      "calendar",
      "notification",
      "reference",
      "web"
    })
package uk.gov.observatory.review;

import org.springframework.modulith.ApplicationModule;
