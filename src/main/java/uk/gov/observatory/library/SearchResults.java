package uk.gov.observatory.library;

import java.util.List;
import java.util.Map;

/** A page of results, the total found, and each facet's counts over what was found. */
public record SearchResults(
    SearchRequest request, List<SearchHit> hits, long total, Map<Facet, List<FacetCount>> facets) {

  public SearchResults {
    hits = List.copyOf(hits);
    // kept answers are shared between requests: nothing in them may change
    facets =
        facets.entrySet().stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  public int pages() {
    return (int) Math.max(1, (total + request.pageSize() - 1) / request.pageSize());
  }
}
