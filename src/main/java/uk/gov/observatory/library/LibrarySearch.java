package uk.gov.observatory.library;

import org.springframework.stereotype.Service;
import uk.gov.observatory.access.Viewer;

/**
 * The library's search: PostgreSQL full text search (English stemming; {@code
 * websearch_to_tsquery}; ranked with the weights title A, summary/learning/keywords B,
 * recommendations C, the PDF's text D), snippets with the words marked and the pages where they
 * are, facets with counts over what was found, sorting and paging.
 *
 * <p>SHAPE (issue 18): helper B fills every method in; signatures stay.
 */
@Service
public class LibrarySearch {

  /** The public's search: published documents only, read through the public role. */
  public SearchResults searchPublished(SearchRequest request) {
    throw new UnsupportedOperationException("issue 18: LibrarySearch.searchPublished");
  }

  /** The staff's search: drafts too, of the documents the viewer may manage. */
  public SearchResults search(SearchRequest request, Viewer viewer) {
    throw new UnsupportedOperationException("issue 18: LibrarySearch.search");
  }
}
