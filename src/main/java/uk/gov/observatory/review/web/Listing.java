package uk.gov.observatory.review.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.FormErrors;

/**
 * A list people work from, one page of it at a time: its filters as given (echoed into the form and
 * every link), the page asked for, and the GOV.UK pagination component's items. At most {@link
 * #SIZE} rows a page.
 *
 * @param <T> a row
 */
final class Listing<T> {

  /** Rows a page. */
  static final int SIZE = 50;

  /** An item of the pagination component: a page number link, or an ellipsis (number 0). */
  record PageItem(int number, String href, boolean current) {}

  private final String path;
  private final Map<String, String> params = new LinkedHashMap<>();
  private List<T> rows = List.of();
  private int page = 1;
  private int total;

  Listing(String path) {
    this.path = path;
  }

  /** A filter or sort given (blank ones are left out of links). */
  Listing<T> param(String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value.strip());
    }
    return this;
  }

  /** The page asked for: a whole number from 1 (a page past the last shows the last). */
  Listing<T> page(String given, FormErrors errors) {
    if (given == null || given.isBlank()) {
      return this;
    }
    String p = given.strip();
    if (!p.matches("[0-9]{1,20}") || p.matches("0+")) {
      errors.add("page", "Page must be a whole number, 1 or more");
      return this;
    }
    // a page past the last (however far) shows the last
    page = p.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(p);
    return this;
  }

  /** The rows, all of them, already filtered and sorted: this keeps the page asked for. */
  Listing<T> of(List<T> all) {
    total = all.size();
    int pages = pages();
    page = Math.max(1, Math.min(page, pages));
    int from = (int) Math.min((long) (page - 1) * SIZE, Integer.MAX_VALUE);
    rows = all.subList(Math.min(from, total), Math.min(from + SIZE, total));
    return this;
  }

  public List<T> getRows() {
    return rows;
  }

  public int getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public int pages() {
    return Math.max(1, (total + SIZE - 1) / SIZE);
  }

  /** "Showing 51 to 100 of 586". */
  public String getShowing() {
    if (total == 0) {
      return "Showing 0";
    }
    int from = (page - 1) * SIZE + 1;
    return "Showing "
        + String.format("%,d", from)
        + " to "
        + String.format("%,d", from + rows.size() - 1)
        + " of "
        + String.format("%,d", total);
  }

  public String href(int number) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    params.forEach(b::queryParam);
    if (number > 1) {
      b.queryParam("page", number);
    }
    return b.encode().build().toUriString();
  }

  /** The page's address with one parameter changed (for a sort link). */
  public String with(String name, String value) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    params.forEach(
        (k, v) -> {
          if (!k.equals(name)) {
            b.queryParam(k, v);
          }
        });
    b.queryParam(name, value);
    return b.encode().build().toUriString();
  }

  public List<PageItem> getItems() {
    List<PageItem> items = new ArrayList<>();
    int pages = pages();
    if (pages > 1) {
      int last = 0;
      for (int i = 1; i <= pages; i++) {
        if (i == 1 || i == pages || Math.abs(i - page) <= 1) {
          if (last != 0 && i - last > 1) {
            items.add(new PageItem(0, null, false));
          }
          items.add(new PageItem(i, href(i), i == page));
          last = i;
        }
      }
    }
    return items;
  }

  public String getPreviousHref() {
    return page > 1 ? href(page - 1) : null;
  }

  public String getNextHref() {
    return page < pages() ? href(page + 1) : null;
  }

  /**
   * The filter by local authority: a row's authority code matches when it is one of the codes of
   * the chosen authority (an authority recoded keeps its identity). Null when there is no filter;
   * an error when the code is not an authority's.
   */
  static Predicate<String> authority(
      String given, ReferenceData reference, FormErrors errors, String field) {
    if (given == null || given.isBlank()) {
      return null;
    }
    java.util.Set<String> codes = reference.codesOf(given.strip());
    if (codes.isEmpty()) {
      errors.add(field, "Choose a local authority from the list");
      return null;
    }
    return codes::contains;
  }

  /** The filter by region: a row's authority is in it. Null when none; an error when unknown. */
  static Predicate<String> region(
      String given, ReferenceData reference, FormErrors errors, String field) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String code = given.strip();
    if (reference.regions().stream().noneMatch(r -> r.code().equals(code))) {
      errors.add(field, "Choose a region from the list");
      return null;
    }
    return la ->
        la != null
            && reference
                .localAuthority(la)
                .map(LocalAuthority::regionCode)
                .map(code::equals)
                .orElse(false);
  }
}
