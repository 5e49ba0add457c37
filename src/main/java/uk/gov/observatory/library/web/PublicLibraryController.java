package uk.gov.observatory.library.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import uk.gov.observatory.library.DocumentNotFoundException;
import uk.gov.observatory.library.Facet;
import uk.gov.observatory.library.FacetCount;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.LibrarySearch;
import uk.gov.observatory.library.SearchRequest;
import uk.gov.observatory.library.SearchResults;
import uk.gov.observatory.library.internal.SubscriberLinks;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The learning library for anyone, without signing in: the search (words, facets, order, pages),
 * each published document's page and its PDF, and the Atom feed of the newest documents. Every read
 * goes through the public database role (the search's, the documents' and these pages' own), so a
 * draft or a withdrawn document is found by no address. No session, no cookie (the /learning
 * chain); every answer says how long it may be cached, and carries an ETag (a filter), except the
 * PDF, whose ETag is its SHA-256.
 */
@PageController
class PublicLibraryController {

  /** The search and the feed change whenever a document is published: kept 5 minutes. */
  static final CacheControl SEARCH_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  /**
   * A document's page and PDF: an hour (a published document changes rarely, but may be withdrawn,
   * and then it should be gone from caches within the hour).
   */
  static final CacheControl DOCUMENT_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

  /** How many documents the feed lists. */
  static final int FEED_SIZE = 50;

  /** The longest search accepted. */
  static final int MAX_QUERY = 500;

  /** The last page of results anyone may ask for (20 a page: the first 20,000 results). */
  static final int MAX_PAGE = 1000;

  /** How many values a facet shows before it starts closed (unless one is chosen). */
  static final int OPEN_UP_TO = 8;

  /** The sort orders as the address names them. */
  static final Map<String, SearchRequest.Sort> SORTS =
      Map.of(
          "relevance", SearchRequest.Sort.RELEVANCE,
          "newest", SearchRequest.Sort.NEWEST,
          "oldest", SearchRequest.Sort.OLDEST);

  /** A value of a facet as its checkbox shows it. */
  record FacetItem(String id, String value, String label, long count, boolean checked) {}

  /** A facet's fieldset: its checkboxes, and whether it starts open. */
  record FacetGroup(Facet facet, String id, List<FacetItem> items, boolean open, int chosen) {}

  /** A chosen filter, with the address of the same search without it. */
  record Chosen(Facet facet, String label, String removeHref) {}

  /** An item of the pagination component: a page number link, or an ellipsis (number 0). */
  record PageItem(int number, String href, boolean current) {}

  /** An order of the sort select. */
  record SortOption(String value, String label, boolean selected) {}

  private final LibrarySearch search;
  private final LibraryDocuments documents;
  private final PublicDocumentReads reads;
  private final PublicLabels labels;
  private final SubscriberLinks links;

  PublicLibraryController(
      LibrarySearch search,
      LibraryDocuments documents,
      PublicDocumentReads reads,
      PublicLabels labels,
      SubscriberLinks links) {
    this.search = search;
    this.documents = documents;
    this.reads = reads;
    this.labels = labels;
    this.links = links;
  }

  @GetMapping("/learning")
  public String search(
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      HttpServletResponse response) {
    FormErrors errors = new FormErrors();
    String q = first(params, "q");
    if (q.length() > MAX_QUERY) {
      errors.add("q", "Search words must be " + MAX_QUERY + " characters or fewer");
    }
    String sortParam = first(params, "sort").toLowerCase(Locale.ROOT);
    SearchRequest.Sort sort = null;
    if (!sortParam.isEmpty()) {
      sort = SORTS.get(sortParam);
      if (sort == null) {
        errors.add("sort", "Sort by most relevant, newest first or oldest first");
        sortParam = "";
      }
    }
    int page = 1;
    String pageParam = first(params, "page");
    if (!pageParam.isEmpty()) {
      if (pageParam.matches("[0-9]{1,4}")
          && Integer.parseInt(pageParam) >= 1
          && Integer.parseInt(pageParam) <= MAX_PAGE) {
        page = Integer.parseInt(pageParam);
      } else {
        errors.addLink("page", null, "The page must be a number from 1 to 1,000");
      }
    }
    Map<Facet, Set<String>> chosen = new LinkedHashMap<>();
    for (Facet f : Facet.values()) {
      List<String> values = params.getOrDefault(f.param(), List.of());
      Set<String> valid = new LinkedHashSet<>();
      for (String raw : values) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
          continue;
        }
        if (labels.label(f, v).isPresent()) {
          valid.add(v);
        } else {
          errors.add(
              facetId(f),
              f.label()
                  + ": \u2018"
                  + (v.length() > 40 ? v.substring(0, 40) + "\u2026" : v)
                  + "\u2019 is not one of its values: choose "
                  + labels.allowed(f));
        }
      }
      if (!valid.isEmpty()) {
        chosen.put(f, valid);
      }
    }
    model.addAttribute("q", q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q);
    model.addAttribute("sortParam", sortParam);
    model.addAttribute("feedHref", "/learning/feed.atom");
    model.addAttribute("feedTitle", "Learning library: newest documents (Atom feed)");
    SearchResults results = null;
    if (errors.isEmpty()) {
      SearchRequest request =
          new SearchRequest(q, chosen, sort, page, SearchRequest.DEFAULT_PAGE_SIZE);
      try {
        results = search.searchPublished(request);
      } catch (InvalidDocumentException e) {
        for (InvalidDocumentException.Problem p : e.problems()) {
          Facet f = Facet.byParam(p.field());
          errors.add(f != null ? facetId(f) : "q", p.message());
        }
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("chosen", chosenList(q, sortParam, chosen));
    model.addAttribute("sorts", sortOptions(sort, q));
    if (results == null) {
      // What was asked is wrong: the form again, with what to change; nothing is searched.
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
      model.addAttribute("results", null);
      model.addAttribute("facets", facetGroups(Map.of(), chosen));
      model.addAttribute("pages", List.of());
      return "library/public-search";
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, SEARCH_CACHE.getHeaderValue());
    model.addAttribute("results", results);
    model.addAttribute("facets", facetGroups(results.facets(), chosen));
    addPagination(model, q, sortParam, chosen, results);
    return "library/public-search";
  }

  @GetMapping("/learning/documents/{id:[0-9]{1,18}}")
  public String document(
      @PathVariable long id, Model model, WebRequest request, HttpServletResponse response) {
    LibraryDocument d = published(id);
    response.setHeader(HttpHeaders.CACHE_CONTROL, DOCUMENT_CACHE.getHeaderValue());
    Instant changed = d.updatedAt() != null ? d.updatedAt() : d.publishedAt();
    if (changed != null && request.checkNotModified(changed.toEpochMilli())) {
      return null;
    }
    model.addAttribute("doc", d);
    model.addAttribute("details", d.details());
    model.addAttribute("pdfSize", d.pdfSha256() == null ? null : reads.pdfSize(id).orElse(null));
    model.addAttribute("feedHref", "/learning/feed.atom");
    model.addAttribute("feedTitle", "Learning library: newest documents (Atom feed)");
    model.addAttribute("address", links.baseUrl() + "/learning/documents/" + id);
    return "library/public-document";
  }

  @GetMapping("/learning/documents/{id:[0-9]{1,18}}.pdf")
  public ResponseEntity<byte[]> pdf(
      @PathVariable long id, WebRequest request, HttpServletRequest servletRequest) {
    LibraryDocument d = published(id);
    if (d.pdfSha256() == null) {
      throw new PageNotFoundException("no PDF for library document " + id);
    }
    // The PDF has its own ETag (its SHA-256): the filter need not hold the whole file to hash it.
    ShallowEtagHeaderFilter.disableContentCaching(servletRequest);
    String etag = "\"" + d.pdfSha256() + "\"";
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .cacheControl(DOCUMENT_CACHE)
          .eTag(etag)
          .build();
    }
    byte[] pdf;
    try {
      pdf =
          documents
              .publishedPdf(id)
              .orElseThrow(() -> new PageNotFoundException("library document PDF " + id));
    } catch (DocumentNotFoundException e) {
      throw new PageNotFoundException("library document PDF " + id);
    }
    return ResponseEntity.ok()
        .cacheControl(DOCUMENT_CACHE)
        .eTag(etag)
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(safeFilename(d.pdfFilename(), id))
                .build()
                .toString())
        .body(pdf);
  }

  @GetMapping(value = "/learning/feed.atom")
  public ResponseEntity<byte[]> feed() {
    List<PublicDocumentReads.FeedEntry> entries = reads.newest(FEED_SIZE);
    byte[] body =
        PublicFeed.atom(links.baseUrl(), entries, labels).getBytes(StandardCharsets.UTF_8);
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .cacheControl(SEARCH_CACHE)
            .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"));
    entries.stream()
        .map(e -> e.updatedAt() != null ? e.updatedAt() : e.publishedAt())
        .filter(java.util.Objects::nonNull)
        .max(Instant::compareTo)
        .ifPresent(ok::lastModified);
    return ok.body(body);
  }

  /** A published document, or the 404 page (a draft, a withdrawn or an unknown one alike). */
  private LibraryDocument published(long id) {
    Optional<LibraryDocument> d;
    try {
      d = documents.published(id);
    } catch (DocumentNotFoundException e) {
      d = Optional.empty();
    }
    return d.filter(LibraryDocument::published)
        .orElseThrow(() -> new PageNotFoundException("published library document " + id));
  }

  /**
   * A file name any browser and any file system take: the uploaded name's letters, digits, dots,
   * hyphens and underscores (others become hyphens), ending .pdf; the document's number when
   * nothing is left.
   */
  static String safeFilename(String given, long id) {
    String name = given == null ? "" : given.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      name = name.substring(0, name.length() - 4);
    }
    name = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    name = name.replaceAll("^[-.]+|[-.]+$", "");
    if (name.length() > 80) {
      name = name.substring(0, 80);
    }
    return (name.isEmpty() ? "learning-library-document-" + id : name) + ".pdf";
  }

  static String facetId(Facet f) {
    return "facet-" + f.param();
  }

  private static String first(MultiValueMap<String, String> params, String name) {
    String v = params.getFirst(name);
    return v == null ? "" : v.strip();
  }

  private List<FacetGroup> facetGroups(
      Map<Facet, List<FacetCount>> counts, Map<Facet, Set<String>> chosen) {
    List<FacetGroup> groups = new ArrayList<>();
    for (Facet f : Facet.values()) {
      Set<String> selected = chosen.getOrDefault(f, Set.of());
      List<FacetItem> items = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      int i = 0;
      for (FacetCount c : counts.getOrDefault(f, List.of())) {
        if (!seen.add(c.value())) {
          continue;
        }
        items.add(
            new FacetItem(
                facetId(f) + "-" + (i++),
                c.value(),
                labels.of(f, c.value()),
                c.count(),
                selected.contains(c.value())));
      }
      // A chosen value the search counted none of is still shown, checked, to be removed.
      for (String v : selected) {
        if (seen.add(v)) {
          items.add(new FacetItem(facetId(f) + "-" + (i++), v, labels.of(f, v), 0, true));
        }
      }
      if (!items.isEmpty()) {
        groups.add(
            new FacetGroup(
                f,
                facetId(f),
                items,
                items.size() <= OPEN_UP_TO || !selected.isEmpty(),
                selected.size()));
      }
    }
    return groups;
  }

  private List<Chosen> chosenList(String q, String sort, Map<Facet, Set<String>> chosen) {
    List<Chosen> out = new ArrayList<>();
    chosen.forEach(
        (f, values) -> {
          for (String v : values) {
            Map<Facet, Set<String>> without = new LinkedHashMap<>();
            chosen.forEach(
                (g, vs) -> {
                  Set<String> rest = new LinkedHashSet<>(vs);
                  if (g == f) {
                    rest.remove(v);
                  }
                  if (!rest.isEmpty()) {
                    without.put(g, rest);
                  }
                });
            out.add(new Chosen(f, labels.of(f, v), href(q, sort, without, 1)));
          }
        });
    return out;
  }

  private static List<SortOption> sortOptions(SearchRequest.Sort sort, String q) {
    SearchRequest.Sort effective =
        sort != null
            ? sort
            : q.isBlank() ? SearchRequest.Sort.NEWEST : SearchRequest.Sort.RELEVANCE;
    List<SortOption> out = new ArrayList<>();
    for (String value : List.of("relevance", "newest", "oldest")) {
      SearchRequest.Sort s = SORTS.get(value);
      out.add(new SortOption(value, s.label(), s == effective));
    }
    return out;
  }

  private static void addPagination(
      Model model, String q, String sort, Map<Facet, Set<String>> chosen, SearchResults r) {
    int pages = r.pages();
    int current = r.request().page();
    List<PageItem> items = new ArrayList<>();
    if (pages > 1) {
      int last = 0;
      for (int i = 1; i <= Math.min(pages, MAX_PAGE); i++) {
        if (i == 1 || i == pages || Math.abs(i - current) <= 1) {
          if (last != 0 && i - last > 1) {
            items.add(new PageItem(0, null, false));
          }
          items.add(new PageItem(i, href(q, sort, chosen, i), i == current));
          last = i;
        }
      }
    }
    model.addAttribute("pages", items);
    model.addAttribute("firstPageHref", href(q, sort, chosen, 1));
    model.addAttribute(
        "previousHref", pages > 1 && current > 1 ? href(q, sort, chosen, current - 1) : null);
    model.addAttribute(
        "nextHref",
        current < Math.min(pages, MAX_PAGE) ? href(q, sort, chosen, current + 1) : null);
  }

  /** The address of a search: its words, order, filters and page (page 1 left out). */
  static String href(String q, String sort, Map<Facet, Set<String>> chosen, int page) {
    List<String> params = new ArrayList<>();
    if (q != null && !q.isBlank()) {
      params.add("q=" + encode(q));
    }
    if (sort != null && !sort.isBlank()) {
      params.add("sort=" + encode(sort));
    }
    chosen.forEach((f, values) -> values.forEach(v -> params.add(f.param() + "=" + encode(v))));
    if (page > 1) {
      params.add("page=" + page);
    }
    return "/learning" + (params.isEmpty() ? "" : "?" + String.join("&", params));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
