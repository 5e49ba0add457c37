package uk.gov.observatory.review.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.ResponseLetters;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The Panel's response letter to a partnership about its rapid review: the Panel's view and its
 * reasons, the quality assessment, open challenges and any national review, as a page and as a PDF
 * (the same template, rendered by openhtmltopdf). Only once the Panel has given its view.
 */
@PageController
class ResponseLetterController {

  private final RapidReviews rapidReviews;
  private final NotificationRegister register;
  private final Viewers viewers;
  private final ITemplateEngine templates;
  private final Fmt fmt;
  private final AuditLog audit;
  private final ResponseLetters letters;
  private final Clock clock;

  public ResponseLetterController(
      RapidReviews rapidReviews,
      NotificationRegister register,
      Viewers viewers,
      ITemplateEngine templates,
      Fmt fmt,
      AuditLog audit,
      ResponseLetters letters,
      Clock clock) {
    this.letters = letters;
    this.rapidReviews = rapidReviews;
    this.register = register;
    this.viewers = viewers;
    this.templates = templates;
    this.fmt = fmt;
    this.audit = audit;
    this.clock = clock;
  }

  private record Letter(Notification n, RapidReview review, Viewer viewer) {}

  private Letter letter(String ref, Principal principal) {
    Viewer viewer = viewers.of(principal);
    Notification n =
        register
            .find(ref)
            .filter(x -> viewer.reaches(x.laCode(), x.incidentDate()))
            .orElseThrow(() -> new PageNotFoundException("notification " + ref));
    RapidReview review =
        rapidReviews
            .find(ref, viewer)
            .filter(r -> r.panelView() != null)
            .orElseThrow(() -> new PageNotFoundException("response letter of " + ref));
    return new Letter(n, review, viewer);
  }

  private void fill(java.util.function.BiConsumer<String, Object> put, Letter l) {
    put.accept("n", l.n());
    put.accept("review", l.review());
    put.accept("challenges", rapidReviews.challenges(l.n().ref(), l.viewer()));
    put.accept("today", LocalDate.now(clock));
  }

  @GetMapping("/notifications/{ref}/response-letter")
  public String page(@PathVariable String ref, Model model, Principal principal) {
    Letter l = letter(ref, principal);
    fill(model::addAttribute, l);
    model.addAttribute("fmt", fmt);
    sending(model, l);
    audit.record(AuditEvent.of(l.viewer().actor(), AuditAction.VIEWED, "response_letter", ref));
    return "review/response-letter";
  }

  /** What the page says about sending: who may, to whom, and when it was last sent. */
  private void sending(Model model, Letter l) {
    model.addAttribute("maySend", l.viewer().can(Permission.MANAGE_CASES));
    model.addAttribute("recipient", letters.recipient(l.n()).orElse(null));
    model.addAttribute("lastSent", letters.lastSent(l.n().ref(), l.viewer()).orElse(null));
  }

  /**
   * Sends the letter to the partnership's contact, the PDF attached (through the outbox), recorded
   * on the timeline and audited. Sent before: asks first (a page saying when and to whom), and
   * sends again only with {@code again=yes}.
   */
  @PostMapping("/notifications/{ref}/response-letter/send")
  public String send(
      @PathVariable String ref,
      @RequestParam(required = false) String again,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    Letter l = letter(ref, principal);
    if (!l.viewer().can(Permission.MANAGE_CASES)) {
      // Refused (and audited) by the service, before any letter is made.
      letters.send(ref, new byte[0], l.viewer());
    }
    var last = letters.lastSent(ref, l.viewer());
    if (last.isPresent() && !"yes".equals(again)) {
      model.addAttribute("n", l.n());
      model.addAttribute("lastSent", last.get());
      model.addAttribute("recipient", letters.recipient(l.n()).orElse(null));
      return "review/response-letter-send-again";
    }
    try {
      letters.send(ref, pdfOf(l), l.viewer());
    } catch (InvalidReviewException e) {
      fill(model::addAttribute, l);
      model.addAttribute("fmt", fmt);
      sending(model, l);
      FormErrors errors = new FormErrors();
      e.problems().forEach(p -> errors.add("send-letter", capitalise(p.message())));
      model.addAttribute("errors", errors);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "review/response-letter";
    }
    return "redirect:/notifications/" + ref + "/response-letter/sent";
  }

  /** The confirmation after sending: to whom, when, and what happens next. */
  @GetMapping("/notifications/{ref}/response-letter/sent")
  public String sent(@PathVariable String ref, Model model, Principal principal) {
    Letter l = letter(ref, principal);
    model.addAttribute("n", l.n());
    model.addAttribute(
        "lastSent",
        letters
            .lastSent(ref, l.viewer())
            .orElseThrow(() -> new PageNotFoundException("sent response letter of " + ref)));
    return "review/response-letter-sent";
  }

  private static String capitalise(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @GetMapping("/notifications/{ref}/response-letter.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String ref, Principal principal)
      throws IOException {
    Letter l = letter(ref, principal);
    byte[] pdf = pdfOf(l);
    audit.record(
        AuditEvent.of(l.viewer().actor(), AuditAction.EXPORTED, "response_letter", ref)
            .withDetails("PDF"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"response-letter-" + ref + ".pdf\"")
        .body(pdf);
  }

  /** The letter as a PDF (the same template as the page, rendered by openhtmltopdf). */
  private byte[] pdfOf(Letter l) throws IOException {
    Context context = new Context();
    fill(context::setVariable, l);
    context.setVariable("fmt", fmt);
    String xhtml = templates.process("review/response-letter-pdf", context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }
}
