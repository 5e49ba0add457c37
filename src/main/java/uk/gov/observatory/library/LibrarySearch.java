package uk.gov.observatory.library;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.database.ReadDatabase;
import uk.gov.observatory.library.internal.PublicReads;
import uk.gov.observatory.library.internal.SearchSql;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;

/**
 * The library's search: PostgreSQL full text search (English stemming; {@code
 * websearch_to_tsquery}; ranked with the weights title A, summary/learning/keywords B,
 * recommendations C, the PDF's text D), snippets with the words marked and the pages where they
 * are, facets with counts over what was found, sorting and paging.
 *
 * <p>The SQL is written once ({@link SearchSql}) over the public views (the public, as the role
 * that reaches published documents only) or the staff's tables (drafts too, within the viewer's
 * reach). A facet's counts are over the documents matching the words and every other facet's
 * choice, so that a chosen value's alternatives stay in view; values of one facet are alternatives
 * (or), facets combine (and).
 *
 * <p>The public's answers are kept (up to {@code observatory.library.search-cache-size} of them,
 * the least used dropped first; 0 keeps none) by the library's version and the search asked: the
 * version ({@code library_state}, V23) changes in the same transaction as any change to a document
 * or a page, and is read before each search, so a kept answer is only ever given for the library it
 * was found in, on every instance. Published documents change a few times a week and the public
 * asks the same searches again, so most public searches are answered without the database.
 *
 * <p>The public's search reads the {@link ReadDatabase} (the read replica when one is configured,
 * else the primary): the version and the documents in one read-only snapshot of one server, so a
 * kept answer is always of the library its version names; a document just published may be found
 * there only after the replication delay.
 */
@Service
public class LibrarySearch {

  /** The longest search accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 500;

  /** The words of a snippet without search words (the summary's start). */
  static final int SUMMARY_WORDS = 30;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final JdbcTemplate publicJdbc;
  private final TransactionTemplate publicSnapshot;
  private final ReferenceData reference;
  private final Cache<Asked, SearchResults> answers;

  /** A public search as asked, of the library at a version. */
  private record Asked(long version, SearchRequest request) {}

  public LibrarySearch(
      ReadDatabase readDatabase,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      ReferenceData reference,
      @Value("${observatory.library.search-cache-size:1000}") long cacheSize) {
    this.publicJdbc = readDatabase.jdbc();
    this.publicSnapshot = readDatabase.snapshot();
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.reference = reference;
    this.answers = Caffeine.newBuilder().maximumSize(Math.max(0, cacheSize)).build();
  }

  /**
   * The public's search: published documents only, read through the public role; the answer kept
   * for the same search of the same version of the library. The version and the search are read in
   * one snapshot of the read database.
   */
  public SearchResults searchPublished(SearchRequest request) {
    validate(request);
    return publicSnapshot.execute(
        status -> {
          // The first read fixes the snapshot: the version is of the documents searched below.
          Asked asked = new Asked(version(), request);
          SearchResults kept = answers.getIfPresent(asked);
          if (kept != null) {
            return kept;
          }
          SearchResults found = find(request);
          answers.put(asked, found);
          return found;
        });
  }

  /**
   * The public's search, always from the database (never a kept answer): what {@link
   * #searchPublished} does when the search is new to this version of the library.
   */
  public SearchResults searchPublishedAfresh(SearchRequest request) {
    validate(request);
    return publicSnapshot.execute(status -> find(request));
  }

  /**
   * The search as the public role ({@link PublicReads#ROLE}: published documents only), in the
   * caller's transaction on the read database; the role is switched back when it ends.
   */
  private SearchResults find(SearchRequest request) {
    SearchSql sql = new SearchSql(SearchSql.PUBLIC);
    publicJdbc.execute("set local role " + PublicReads.ROLE);
    return results(request, sql.run(publicJdbc, request));
  }

  /** The library's version in the caller's snapshot (read before the search). */
  private long version() {
    Long v = publicJdbc.queryForObject("select version from library_state", Long.class);
    return v == null ? 0 : v;
  }

  /** The staff's search: drafts too, of the documents the viewer may manage. */
  public SearchResults search(SearchRequest request, Viewer viewer) {
    validate(request);
    SearchSql sql = new SearchSql(reach(viewer));
    return results(request, readOnly.execute(status -> sql.run(jdbc, request)));
  }

  /**
   * The documents a member of staff may manage: every one with MANAGE_LIBRARY; a partnership's
   * (SUBMIT_REVIEWS) LCSPR reports of its authorities; nothing for anyone else.
   */
  private static SearchSql.Relations reach(Viewer viewer) {
    if (viewer.can(Permission.MANAGE_LIBRARY)) {
      return SearchSql.staff("true", Map.of());
    }
    if (viewer.can(Permission.SUBMIT_REVIEWS)) {
      if (viewer.everything()) {
        return SearchSql.staff("d.doc_type = 'LCSPR'", Map.of());
      }
      if (!viewer.laCodes().isEmpty()) {
        return SearchSql.staff(
            "d.doc_type = 'LCSPR' and d.la_code in (:reach_la)",
            Map.of("reach_la", List.copyOf(viewer.laCodes())));
      }
    }
    return SearchSql.staff("false", Map.of());
  }

  /**
   * Checks a search as asked, naming each field that is wrong and what is allowed: the words (at
   * most {@value #MAX_QUERY_LENGTH} characters), the page (1 or more), the page's size (1 to
   * {@value SearchRequest#MAX_PAGE_SIZE}) and each facet's values (its code list, its reference
   * data or its enum).
   */
  public void validate(SearchRequest request) {
    List<InvalidDocumentException.Problem> problems = new ArrayList<>();
    if (request.query().length() > MAX_QUERY_LENGTH) {
      problems.add(
          new InvalidDocumentException.Problem(
              "q",
              "Search words must be "
                  + MAX_QUERY_LENGTH
                  + " characters or fewer (these are "
                  + String.format("%,d", request.query().length())
                  + ")"));
    }
    if (request.page() < 1) {
      problems.add(new InvalidDocumentException.Problem("page", "The page must be 1 or more"));
    }
    if (request.pageSize() < 1 || request.pageSize() > SearchRequest.MAX_PAGE_SIZE) {
      problems.add(
          new InvalidDocumentException.Problem(
              "pageSize",
              "The number of results a page must be between 1 and " + SearchRequest.MAX_PAGE_SIZE));
    }
    request
        .filters()
        .forEach(
            (facet, values) -> {
              for (String value : values) {
                if (label(facet, value) == null) {
                  problems.add(
                      new InvalidDocumentException.Problem(
                          facet.param(),
                          facet.label()
                              + ": \""
                              + value
                              + "\" is not one of its values; allowed: "
                              + allowed(facet)));
                  break;
                }
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
  }

  /** What a facet allows, as an error message says it. */
  private String allowed(Facet facet) {
    return switch (facet) {
      case YEAR -> "a year such as 2020";
      case REGION ->
          reference.regions().stream().map(Region::code).collect(Collectors.joining(", "));
      case AUTHORITY -> "a local authority's code, for example E08000025";
      case MODEL ->
          Arrays.stream(ReviewModel.values()).map(Enum::name).collect(Collectors.joining(", "));
      case TYPE ->
          Arrays.stream(DocumentType.values()).map(Enum::name).collect(Collectors.joining(", "));
      case AGE_BAND -> list("age_band").allowed();
      case CATEGORY ->
          list(CodeLists.DEATH_CATEGORY).allowed() + ", " + list(CodeLists.HARM_CATEGORY).allowed();
      case THEME -> list(CodeLists.PRACTICE_THEMES).allowed();
    };
  }

  private CodeList list(String name) {
    return reference.codeList(name);
  }

  /** A facet value's label, or null when the value is not one of the facet's. */
  public String label(Facet facet, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (facet) {
      case YEAR -> value.matches("(19|20)\\d\\d") ? value : null;
      case REGION ->
          reference.regions().stream()
              .filter(r -> r.code().equals(value))
              .map(Region::name)
              .findFirst()
              .orElse(null);
      case AUTHORITY -> reference.localAuthority(value).map(LocalAuthority::name).orElse(null);
      case MODEL ->
          Arrays.stream(ReviewModel.values())
              .filter(m -> m.name().equals(value))
              .map(ReviewModel::label)
              .findFirst()
              .orElse(null);
      case TYPE ->
          Arrays.stream(DocumentType.values())
              .filter(t -> t.name().equals(value))
              .map(DocumentType::label)
              .findFirst()
              .orElse(null);
      case AGE_BAND -> list("age_band").find(value).map(Code::label).orElse(null);
      case CATEGORY ->
          list(CodeLists.DEATH_CATEGORY)
              .find(value)
              .or(() -> list(CodeLists.HARM_CATEGORY).find(value))
              .map(Code::label)
              .orElse(null);
      case THEME -> list(CodeLists.PRACTICE_THEMES).find(value).map(Code::label).orElse(null);
    };
  }

  private SearchResults results(SearchRequest request, SearchSql.Found found) {
    List<SearchHit> hits = new ArrayList<>();
    int first = (request.page() - 1) * request.pageSize();
    for (int i = 0; i < found.hits().size(); i++) {
      SearchSql.HitRow row = found.hits().get(i);
      Snippet snippet =
          request.query().isEmpty()
              ? start(row.summary())
              : headline(found.headlines().getOrDefault(row.id(), ""));
      hits.add(
          new SearchHit(
              first + i + 1,
              row.id(),
              DocumentType.valueOf(row.type()),
              row.title(),
              row.publishedOn(),
              row.laCode(),
              row.regionCode(),
              row.summary(),
              row.score(),
              snippet,
              found.pages().getOrDefault(row.id(), List.of())));
    }
    Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      facets.put(facet, facetCounts(facet, found.counts().get(facet), request.filters()));
    }
    return new SearchResults(request, hits, found.total(), facets);
  }

  private List<FacetCount> facetCounts(
      Facet facet, Map<String, Long> counted, Map<Facet, Set<String>> filters) {
    Set<String> chosen = filters.getOrDefault(facet, Set.of());
    Map<String, Long> counts = new LinkedHashMap<>(counted == null ? Map.of() : counted);
    chosen.forEach(v -> counts.putIfAbsent(v, 0L));
    List<FacetCount> list = new ArrayList<>();
    counts.forEach(
        (value, n) -> {
          String label = label(facet, value);
          list.add(new FacetCount(value, label == null ? value : label, n, chosen.contains(value)));
        });
    Comparator<FacetCount> order =
        switch (facet) {
          case YEAR -> Comparator.comparing(FacetCount::value).reversed();
          case AGE_BAND -> Comparator.comparingInt(c -> codeOrder("age_band").indexOf(c.value()));
          default ->
              Comparator.comparingLong(FacetCount::count)
                  .reversed()
                  .thenComparing(FacetCount::label);
        };
    list.sort(order);
    return list;
  }

  private List<String> codeOrder(String name) {
    return list(name).codes().stream().map(Code::code).toList();
  }

  /** Splits a headline at the private markers into plain and matched parts. */
  static Snippet headline(String headline) {
    List<Snippet.Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean match = false;
    for (int i = 0; i < headline.length(); i++) {
      char c = headline.charAt(i);
      if (c == SearchSql.START || c == SearchSql.STOP) {
        if (!text.isEmpty()) {
          parts.add(new Snippet.Part(text.toString(), match));
          text.setLength(0);
        }
        match = c == SearchSql.START;
      } else {
        text.append(c);
      }
    }
    if (!text.isEmpty()) {
      parts.add(new Snippet.Part(text.toString(), match));
    }
    return new Snippet(merge(parts));
  }

  /**
   * Adjacent parts of the same kind joined, and matched words with only spaces between them one
   * match (ts_headline marks each word of a phrase alone: "working together" is one match).
   */
  private static List<Snippet.Part> merge(List<Snippet.Part> parts) {
    List<Snippet.Part> merged = new ArrayList<>();
    for (Snippet.Part p : parts) {
      int n = merged.size();
      if (p.match()
          && n >= 2
          && merged.get(n - 1).text().isBlank()
          && !merged.get(n - 1).match()
          && merged.get(n - 2).match()) {
        Snippet.Part space = merged.remove(n - 1);
        Snippet.Part last = merged.remove(n - 2);
        merged.add(new Snippet.Part(last.text() + space.text() + p.text(), true));
      } else if (n > 0 && merged.get(n - 1).match() == p.match()) {
        Snippet.Part last = merged.remove(merged.size() - 1);
        merged.add(new Snippet.Part(last.text() + p.text(), p.match()));
      } else {
        merged.add(p);
      }
    }
    return merged;
  }

  /** Without search words: the summary's first words. */
  static Snippet start(String summary) {
    if (summary == null || summary.isBlank()) {
      return new Snippet(List.of());
    }
    String[] words = summary.strip().split("\\s+");
    String text =
        words.length <= SUMMARY_WORDS
            ? String.join(" ", words)
            : String.join(" ", Arrays.copyOf(words, SUMMARY_WORDS)) + " …";
    return new Snippet(List.of(new Snippet.Part(text, false)));
  }
}
