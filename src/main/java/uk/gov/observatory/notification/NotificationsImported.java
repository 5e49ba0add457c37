package uk.gov.observatory.notification;

/**
 * Notifications were imported in bulk (published in the importing transaction, so a listener's work
 * commits with them): how many. The report's read model is brought up to them before the import
 * commits (analytics), as it was before every change was caught up in bulk (V29).
 */
public record NotificationsImported(long notifications) {}
