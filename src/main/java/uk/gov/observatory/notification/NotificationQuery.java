package uk.gov.observatory.notification;

import java.time.LocalDate;

/**
 * A search of the register: filters (all optional), sorting and paging, already checked by {@link
 * NotificationQueries}.
 */
public record NotificationQuery(
    String laCode,
    String notificationType,
    LocalDate notifiedFrom,
    LocalDate notifiedTo,
    Sort sort,
    boolean descending,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_SIZE = 200;

  /** The columns the register can be sorted by, with their names in the standard. */
  public enum Sort {
    NOTIFIED_DATE("notified_date"),
    INCIDENT_DATE("incident_date"),
    NOTIFICATION_REF("notification_ref"),
    LA_CODE("la_code"),
    NOTIFICATION_TYPE("notification_type");

    private final String field;

    Sort(String field) {
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** The same search, at another page and page size. */
  public NotificationQuery withPage(int page, int size) {
    return new NotificationQuery(
        laCode, notificationType, notifiedFrom, notifiedTo, sort, descending, page, size);
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}
