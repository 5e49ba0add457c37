package uk.gov.observatory.notification;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search of the register: filters (all optional), sorting and paging, already checked by {@link
 * NotificationQueries}.
 *
 * @param laCodes the codes the local authority filter finds: {@code laCode} alone (the API), or
 *     every code of its authority (the register's pages, see {@link
 *     NotificationQueries#throughItsCodes}); empty when there is no such filter
 */
public record NotificationQuery(
    String laCode,
    String notificationType,
    LocalDate notifiedFrom,
    LocalDate notifiedTo,
    Sort sort,
    boolean descending,
    int page,
    int size,
    Set<String> laCodes) {

  public NotificationQuery {
    laCodes =
        laCodes == null || laCodes.isEmpty()
            ? (laCode == null ? Set.of() : Set.of(laCode))
            : Set.copyOf(laCodes);
  }

  /** A search whose local authority filter finds {@code laCode} alone. */
  public NotificationQuery(
      String laCode,
      String notificationType,
      LocalDate notifiedFrom,
      LocalDate notifiedTo,
      Sort sort,
      boolean descending,
      int page,
      int size) {
    this(laCode, notificationType, notifiedFrom, notifiedTo, sort, descending, page, size, null);
  }

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
        laCode, notificationType, notifiedFrom, notifiedTo, sort, descending, page, size, laCodes);
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}
