package uk.gov.observatory.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Turns the filters a person or a program gives into a {@link NotificationQuery}, or says why not.
 */
@Component
public class NotificationQueries {

  private final ReferenceData reference;

  public NotificationQueries(ReferenceData reference) {
    this.reference = reference;
  }

  /** Parameters as given (any may be null or blank). */
  public record Parameters(
      String la,
      String type,
      String from,
      String to,
      String sort,
      String order,
      String page,
      String size) {}

  public NotificationQuery parse(Parameters p) {
    List<Violation> violations = new ArrayList<>();
    String la = NotificationRules.trim(p.la());
    if (la != null && reference.localAuthority(la).isEmpty()) {
      violations.add(
          Violation.of(
              "la", la, "is not a known local authority code: give a GSS code such as E09000033"));
    }
    String type = NotificationRules.trim(p.type());
    if (type != null && !reference.codeList(CodeLists.NOTIFICATION_TYPE).contains(type)) {
      violations.add(
          Violation.of(
              "type",
              type,
              "is not a notification type: allowed values are "
                  + reference.codeList(CodeLists.NOTIFICATION_TYPE).allowed()));
    }
    LocalDate from = date("from", p.from(), violations);
    LocalDate to = date("to", p.to(), violations);
    if (from != null && to != null && to.isBefore(from)) {
      violations.add(
          Violation.of(
              "to",
              to.toString(),
              "is before 'from' (" + from + "): give a range whose end is on or after its start"));
    }
    NotificationQuery.Sort sort = NotificationQuery.Sort.NOTIFIED_DATE;
    String sortText = NotificationRules.trim(p.sort());
    if (sortText != null) {
      sort =
          Arrays.stream(NotificationQuery.Sort.values())
              .filter(s -> s.field().equals(sortText))
              .findFirst()
              .orElse(null);
      if (sort == null) {
        violations.add(
            Violation.of(
                "sort",
                sortText,
                "cannot be sorted by: allowed values are "
                    + Arrays.stream(NotificationQuery.Sort.values())
                        .map(NotificationQuery.Sort::field)
                        .collect(Collectors.joining(", "))));
      }
    }
    String order = NotificationRules.trim(p.order());
    boolean descending = sortText == null; // newest first by default
    if (order != null) {
      if (order.equals("asc") || order.equals("desc")) {
        descending = order.equals("desc");
      } else {
        violations.add(
            Violation.of("order", order, "is not an order: allowed values are asc, desc"));
      }
    }
    int page = number("page", p.page(), 1, 1, Integer.MAX_VALUE, violations);
    int size =
        number(
            "size",
            p.size(),
            NotificationQuery.DEFAULT_SIZE,
            1,
            NotificationQuery.MAX_SIZE,
            violations);
    if (!violations.isEmpty()) {
      throw new InvalidNotificationException(violations);
    }
    return new NotificationQuery(la, type, from, to, sort, descending, page, size);
  }

  /**
   * As {@link #parse}, for the register's pages, whose filter offers each local authority once: the
   * local authority filter finds the authority's records under every code it has had (Sheffield,
   * E08000039, finds those made under E08000019 too). The API's filter stays by code.
   */
  public NotificationQuery throughItsCodes(Parameters p) {
    NotificationQuery q = parse(p);
    return q.laCode() == null
        ? q
        : new NotificationQuery(
            q.laCode(),
            q.notificationType(),
            q.notifiedFrom(),
            q.notifiedTo(),
            q.sort(),
            q.descending(),
            q.page(),
            q.size(),
            reference.codesOf(q.laCode()));
  }

  private static LocalDate date(String field, String raw, List<Violation> violations) {
    return new StandardFields(null, (f, v, r) -> violations.add(Violation.of(f, v, r)))
        .date(field, raw, false);
  }

  private static int number(
      String field, String raw, int dflt, int min, int max, List<Violation> violations) {
    String v = NotificationRules.trim(raw);
    if (v == null) {
      return dflt;
    }
    try {
      int n = NotificationRules.isWholeNumber(v) ? Integer.parseInt(v) : min - 1;
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    violations.add(Violation.of(field, v, "must be a whole number from " + min + " to " + max));
    return dflt;
  }
}
