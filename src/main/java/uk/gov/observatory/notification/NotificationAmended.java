package uk.gov.observatory.notification;

import java.time.Instant;
import java.util.List;

/**
 * A sent notification was amended (published in the amending transaction, so a listener's work
 * commits with it): which, its authority, the new version's number, who, when, why and which fields
 * changed (the data standard's names, never a child's identifying detail).
 */
public record NotificationAmended(
    String ref,
    String laCode,
    int version,
    String amendedBy,
    Instant amendedAt,
    String reason,
    List<String> fields) {}
