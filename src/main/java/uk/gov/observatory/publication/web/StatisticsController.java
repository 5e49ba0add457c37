package uk.gov.observatory.publication.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import uk.gov.observatory.publication.Edition;
import uk.gov.observatory.publication.Editions;
import uk.gov.observatory.publication.PublicStatistics;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The public statistics pages, for anyone, without signing in: the published editions (newest
 * first, England's and the regions'), each edition's page and its files, exactly as they were
 * frozen when published. Nothing that is not published is found by any address, and nothing here
 * reads the register. Read from the read replica when one is configured ({@link PublicStatistics}):
 * an edition published moments ago appears after the replication delay. Answers are cacheable
 * (published editions never change) and carry no cookie (see the security configuration's
 * statistics chain).
 */
@PageController
class StatisticsController {

  /** How long a cache may keep the list (it changes when an edition is published). */
  static final CacheControl LIST_CACHE =
      CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();

  /** How long a cache may keep an edition's page or file (they never change once published). */
  static final CacheControl EDITION_CACHE =
      CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic();

  private final PublicStatistics editions;

  StatisticsController(PublicStatistics editions) {
    this.editions = editions;
  }

  @GetMapping("/statistics")
  public String list(Model model, HttpServletResponse response) {
    List<Edition> published = editions.published();
    model.addAttribute("national", published.stream().filter(e -> e.regionCode() == null).toList());
    model.addAttribute("regional", published.stream().filter(e -> e.regionCode() != null).toList());
    response.setHeader(HttpHeaders.CACHE_CONTROL, LIST_CACHE.getHeaderValue());
    if (!published.isEmpty()) {
      Instant latest =
          published.stream().map(Edition::publishedAt).max(Instant::compareTo).orElseThrow();
      response.setDateHeader(HttpHeaders.LAST_MODIFIED, latest.toEpochMilli());
    }
    return "publication/statistics";
  }

  @GetMapping("/statistics/{slug}")
  public String edition(
      @PathVariable String slug, Model model, WebRequest request, HttpServletResponse response) {
    Edition e = published(slug);
    if (request.checkNotModified(e.publishedAt().toEpochMilli())) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, EDITION_CACHE.getHeaderValue());
      return null;
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, EDITION_CACHE.getHeaderValue());
    model.addAttribute("edition", e);
    model.addAttribute("view", ReportView.of(editions.frozen(e)));
    model.addAttribute("files", editions.files(e.id()));
    model.addAttribute(
        "revises",
        e.revisesId() == null ? null : editions.publishedById(e.revisesId()).orElse(null));
    return "publication/statistics-edition";
  }

  @GetMapping("/statistics/{slug}/{file}")
  public ResponseEntity<byte[]> file(
      @PathVariable String slug, @PathVariable String file, WebRequest request) {
    Edition e = published(slug);
    Editions.StoredFile f =
        editions
            .file(e.id(), file)
            .orElseThrow(() -> new PageNotFoundException("edition file " + file));
    String etag = "\"" + f.info().sha256() + "\"";
    if (request.checkNotModified(etag, e.publishedAt().toEpochMilli())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .cacheControl(EDITION_CACHE)
          .eTag(etag)
          .build();
    }
    return ResponseEntity.ok()
        .cacheControl(EDITION_CACHE)
        .eTag(etag)
        .lastModified(e.publishedAt())
        .contentType(MediaType.parseMediaType(f.info().mediaType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(f.info().name()).build().toString())
        .body(f.bytes());
  }

  private Edition published(String slug) {
    return editions
        .publishedBySlug(slug)
        .orElseThrow(() -> new PageNotFoundException("published edition " + slug));
  }
}
