package uk.gov.observatory.audit;

import java.util.List;

/** One page of an audit search, newest first. */
public record AuditPage(List<AuditEntry> items, long total, int page, int size) {

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
