package uk.gov.observatory.library;

import java.util.Map;
import java.util.Set;

/**
 * A search of the library: the words ({@code websearch_to_tsquery} syntax: "a phrase", or, -word;
 * blank for every document), the facet values chosen (values of one facet are alternatives, facets
 * combine), the order, and the page wanted (1-based) of {@code pageSize} results.
 */
public record SearchRequest(
    String query, Map<Facet, Set<String>> filters, Sort sort, int page, int pageSize) {

  public enum Sort {
    RELEVANCE("Most relevant"),
    NEWEST("Newest first"),
    OLDEST("Oldest first");

    private final String label;

    Sort(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    filters =
        filters == null
            ? Map.of()
            : filters.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    sort = sort == null ? (query.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE) : sort;
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), null, 1, DEFAULT_PAGE_SIZE);
  }
}
