package uk.gov.observatory.library;

import java.time.LocalDate;
import java.util.List;

/**
 * One document found: its rank in the whole result (1-based), what it is, its score (relevance; 0
 * without words), a snippet with the words marked, and the PDF's pages where the words are.
 */
public record SearchHit(
    int rank,
    long id,
    DocumentType type,
    String title,
    LocalDate publishedOn,
    String laCode,
    String regionCode,
    String summary,
    double score,
    Snippet snippet,
    List<Integer> pages) {

  public SearchHit {
    pages = pages == null ? List.of() : List.copyOf(pages);
  }
}
