package uk.gov.observatory.notification;

import java.time.LocalDate;

/**
 * Derived, never stored: how many working days the local authority took to notify, whether that
 * broke the 5-working-day duty, and when the rapid review is due.
 */
public record Timeliness(
    int workingDaysToNotify, boolean lateNotification, LocalDate rapidReviewDueDate) {}
