package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.Briefing;
import uk.gov.observatory.learning.BriefingNotFoundException;
import uk.gov.observatory.learning.BriefingNotPermittedException;
import uk.gov.observatory.learning.Excerpt;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.learning.LearningBriefings;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.WebErrorAdvice;

/**
 * The secretariat's learning briefings: start one for a quarter, write its introduction, pick
 * learning excerpts from the quarter's rapid reviews and LCSPRs, edit and approve each (the check
 * for children's names and dates of birth refuses with a GOV.UK error), preview the page and the
 * PDF, publish. A published briefing is read at its public address.
 */
@PageController
class BriefingsController {

  private final LearningBriefings briefings;
  private final Viewers viewers;
  private final Clock clock;

  BriefingsController(LearningBriefings briefings, Viewers viewers, Clock clock) {
    this.briefings = briefings;
    this.viewers = viewers;
    this.clock = clock;
  }

  /** A choice in a list: its value and its words. */
  public record Option(String value, String label) {}

  // ------------------------------------------------------------ the list

  @GetMapping("/briefings")
  public String list(Model model, Principal principal) {
    return listPage(model, viewers.of(principal), "", "", new FormErrors());
  }

  private String listPage(
      Model model, Viewer viewer, String year, String quarter, FormErrors errors) {
    model.addAttribute("briefings", briefings.all(viewer));
    model.addAttribute("year", year);
    model.addAttribute("quarter", quarter);
    model.addAttribute("errors", errors);
    List<Option> quarters = new ArrayList<>();
    quarters.add(new Option("", "Choose a quarter"));
    for (int q = 1; q <= 4; q++) {
      quarters.add(new Option(String.valueOf(q), "Quarter " + q + ": " + months(q)));
    }
    model.addAttribute("quarters", quarters);
    model.addAttribute("thisYear", LocalDate.now(clock).getYear());
    return "learning/briefings";
  }

  private static String months(int q) {
    String words = Briefing.quarterWords(2000, q);
    return words.substring(0, words.length() - " 2000".length());
  }

  @PostMapping("/briefings")
  public String create(
      Model model, Principal principal, HttpServletRequest request, HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    String year = text(request, "year");
    String quarter = text(request, "quarter");
    FormErrors errors = new FormErrors();
    Integer y = null;
    if (!year.isEmpty()) {
      if (year.matches("[0-9]{4}")) {
        y = Integer.valueOf(year);
      } else {
        errors.add("year", "Enter the year as 4 numbers, for example 2020");
      }
    }
    Integer q = quarter.matches("[1-4]") ? Integer.valueOf(quarter) : null;
    try {
      if (errors.isAny()) {
        throw new InvalidAnalysisException(List.of());
      }
      Briefing b = briefings.create(y, q, viewer);
      return "redirect:/briefings/" + b.id();
    } catch (InvalidAnalysisException e) {
      e.problems().forEach(p -> errors.add(p.field(), p.message()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return listPage(model, viewer, year, quarter, errors);
    }
  }

  // ------------------------------------------------------------ a draft

  @GetMapping("/briefings/{id}")
  public String briefing(
      @PathVariable long id, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    if (b.isPublished()) {
      return "redirect:/statistics/learning-briefings/" + b.slug();
    }
    for (String flag : List.of("saved", "added", "approved", "removed", "created")) {
      model.addAttribute(flag, request.getParameter(flag) != null);
    }
    return draftPage(model, b, viewer, b.introduction(), Map.of(), new FormErrors());
  }

  private String draftPage(
      Model model,
      Briefing b,
      Viewer viewer,
      String introduction,
      Map<Long, String> typed,
      FormErrors errors) {
    List<Excerpt> excerpts = briefings.excerpts(b.id(), viewer);
    Map<Long, String> texts = new LinkedHashMap<>();
    for (Excerpt e : excerpts) {
      texts.put(e.id(), typed.getOrDefault(e.id(), e.text()));
    }
    model.addAttribute("briefing", b);
    model.addAttribute("introduction", introduction == null ? "" : introduction);
    model.addAttribute("excerpts", excerpts);
    model.addAttribute("texts", texts);
    model.addAttribute("errors", errors);
    model.addAttribute("content", briefings.content(b, viewer));
    model.addAttribute("unapproved", excerpts.stream().filter(e -> !e.approved()).count());
    for (String flag : List.of("saved", "added", "approved", "removed", "created")) {
      model.asMap().putIfAbsent(flag, false);
    }
    return "learning/briefing";
  }

  @PostMapping("/briefings/{id}/introduction")
  public String introduce(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    String text = multiline(request, "introduction");
    try {
      briefings.introduce(id, text, viewer);
      return "redirect:/briefings/" + id + "?saved#introduction-heading";
    } catch (InvalidAnalysisException e) {
      FormErrors errors = new FormErrors();
      e.problems().forEach(p -> errors.add(p.field(), p.message()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return draftPage(model, b, viewer, text, Map.of(), errors);
    }
  }

  /** Saves, approves (saving first) or removes one excerpt. */
  @PostMapping("/briefings/{id}/excerpts/{excerptId}")
  public String excerpt(
      @PathVariable long id,
      @PathVariable long excerptId,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    Excerpt e =
        briefings
            .excerpt(excerptId)
            .filter(x -> x.briefingId() == id)
            .orElseThrow(() -> new BriefingNotFoundException("excerpt " + excerptId));
    String action = text(request, "action");
    String field = "excerpt-" + excerptId;
    String text = multiline(request, field);
    try {
      switch (action) {
        case "remove" -> {
          briefings.removeExcerpt(excerptId, viewer);
          return "redirect:/briefings/" + id + "?removed#excerpts-heading";
        }
        case "approve" -> {
          briefings.editExcerpt(excerptId, text, viewer);
          briefings.approve(excerptId, viewer);
          return "redirect:/briefings/" + id + "?approved#" + field + "-heading";
        }
        default -> {
          briefings.editExcerpt(excerptId, text, viewer);
          return "redirect:/briefings/" + id + "?saved#" + field + "-heading";
        }
      }
    } catch (InvalidAnalysisException problems) {
      FormErrors errors = new FormErrors();
      problems
          .problems()
          .forEach(p -> errors.add(field, "Excerpt " + e.position() + ": " + p.message()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return draftPage(model, b, viewer, b.introduction(), Map.of(excerptId, text), errors);
    }
  }

  // ------------------------------------------------------------ finding excerpts

  @GetMapping("/briefings/{id}/sources")
  public String sources(
      @PathVariable long id, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    if (b.isPublished()) {
      return "redirect:/statistics/learning-briefings/" + b.slug();
    }
    String search = text(request, "search");
    return sourcesPage(model, b, viewer, search, new FormErrors());
  }

  private String sourcesPage(
      Model model, Briefing b, Viewer viewer, String search, FormErrors errors) {
    List<LearningBriefings.Candidate> all = briefings.candidates(b.id(), search, viewer);
    model.addAttribute("briefing", b);
    model.addAttribute("search", search);
    model.addAttribute("candidates", all.size() > 50 ? all.subList(0, 50) : all);
    model.addAttribute("more", Math.max(0, all.size() - 50));
    model.addAttribute("received", briefings.reviewsReceived(b.id(), viewer));
    model.addAttribute(
        "taken",
        briefings.excerpts(b.id(), viewer).stream()
            .map(x -> x.source().name() + ":" + x.sourceRef())
            .toList());
    model.addAttribute("errors", errors);
    return "learning/briefing-sources";
  }

  @PostMapping("/briefings/{id}/excerpts")
  public String add(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    String source = text(request, "source");
    String ref = text(request, "ref");
    Excerpt.Source kind =
        "LCSPR".equals(source)
            ? Excerpt.Source.LCSPR
            : "RAPID_REVIEW".equals(source) ? Excerpt.Source.RAPID_REVIEW : null;
    try {
      Excerpt e = briefings.addExcerpt(id, kind, ref, null, viewer);
      return "redirect:/briefings/" + id + "?added#excerpt-" + e.id() + "-heading";
    } catch (InvalidAnalysisException problems) {
      FormErrors errors = new FormErrors();
      problems.problems().forEach(p -> errors.add("search", p.message()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return sourcesPage(model, b, viewer, text(request, "search"), errors);
    }
  }

  // ------------------------------------------------------------ preview and publish

  @GetMapping("/briefings/{id}/briefing.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable long id, Principal principal) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    byte[] pdf = b.isPublished() ? briefings.frozenPdf(b) : briefings.pdf(b, viewer);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "learning-briefing-" + b.slug() + (b.isPublished() ? "" : "-draft") + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }

  @PostMapping("/briefings/{id}/publish")
  public String publish(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    Briefing b = briefings.get(id, viewer);
    FormErrors errors = new FormErrors();
    if (!"yes".equals(request.getParameter("confirm"))) {
      errors.add("confirm", "Tick the box to confirm that the briefing is ready to publish");
    } else {
      try {
        Briefing published = briefings.publish(id, viewer);
        return "redirect:/statistics/learning-briefings/" + published.slug();
      } catch (InvalidAnalysisException problems) {
        for (InvalidAnalysisException.Problem p : problems.problems()) {
          String field = p.field().startsWith("excerpt-") ? p.field() : "confirm";
          errors.add(field, p.message());
        }
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return draftPage(model, b, viewer, b.introduction(), Map.of(), errors);
  }

  // ------------------------------------------------------------ helpers

  private static String text(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.strip();
  }

  private static String multiline(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.replace("\r\n", "\n");
  }

  @ExceptionHandler(BriefingNotFoundException.class)
  ModelAndView notFound(BriefingNotFoundException e) {
    return WebErrorAdvice.refusal(HttpStatus.NOT_FOUND, "There is no such learning briefing.");
  }

  @ExceptionHandler(BriefingNotPermittedException.class)
  ModelAndView forbidden(BriefingNotPermittedException e) {
    return WebErrorAdvice.refusal(HttpStatus.FORBIDDEN, e.getMessage());
  }
}
