package uk.gov.observatory.notification;

import java.util.List;

/** One page of a register search. */
public record NotificationPage(List<Notification> items, long total, int page, int size) {
  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
