package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
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
import uk.gov.observatory.learning.Briefing;
import uk.gov.observatory.learning.LearningBriefings;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The published learning briefings, for anyone, without signing in (under the public statistics'
 * addresses, so on their chain: no session, no cookie, rate-limited, with ETags): the list, each
 * briefing's page and its PDF, exactly as frozen when published. A draft is found by no address.
 * Answers are cacheable: a published briefing never changes.
 */
@PageController
class PublicBriefingsController {

  static final CacheControl LIST_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
  static final CacheControl BRIEFING_CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

  private final LearningBriefings briefings;

  PublicBriefingsController(LearningBriefings briefings) {
    this.briefings = briefings;
  }

  @GetMapping("/statistics/learning-briefings")
  public String list(Model model, HttpServletResponse response) {
    List<Briefing> published = briefings.published();
    model.addAttribute("briefings", published);
    response.setHeader(HttpHeaders.CACHE_CONTROL, LIST_CACHE.getHeaderValue());
    published.stream()
        .map(Briefing::published)
        .max(Instant::compareTo)
        .ifPresent(
            latest -> response.setDateHeader(HttpHeaders.LAST_MODIFIED, latest.toEpochMilli()));
    return "learning/public-briefings";
  }

  @GetMapping("/statistics/learning-briefings/{slug}")
  public String briefing(
      @PathVariable String slug, Model model, WebRequest request, HttpServletResponse response) {
    Briefing b = published(slug);
    response.setHeader(HttpHeaders.CACHE_CONTROL, BRIEFING_CACHE.getHeaderValue());
    if (request.checkNotModified(b.published().toEpochMilli())) {
      return null;
    }
    model.addAttribute("briefing", b);
    model.addAttribute("content", briefings.frozen(b));
    model.addAttribute("pdfSize", briefings.frozenPdf(b).length);
    return "learning/public-briefing";
  }

  @GetMapping("/statistics/learning-briefings/{slug}/briefing.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String slug, WebRequest request) {
    Briefing b = published(slug);
    String etag = "\"" + briefings.frozenPdfSha256(b) + "\"";
    if (request.checkNotModified(etag, b.published().toEpochMilli())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .cacheControl(BRIEFING_CACHE)
          .eTag(etag)
          .build();
    }
    return ResponseEntity.ok()
        .cacheControl(BRIEFING_CACHE)
        .eTag(etag)
        .lastModified(b.published())
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("learning-briefing-" + b.slug() + ".pdf")
                .build()
                .toString())
        .body(briefings.frozenPdf(b));
  }

  private Briefing published(String slug) {
    return briefings
        .publishedBySlug(slug)
        .orElseThrow(() -> new PageNotFoundException("published learning briefing " + slug));
  }
}
