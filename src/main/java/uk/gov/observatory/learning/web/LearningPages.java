package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisNotFoundException;
import uk.gov.observatory.learning.AnalysisNotPermittedException;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.CaseTheme;
import uk.gov.observatory.learning.Coding;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.SignedIn;
import uk.gov.observatory.web.WebErrorAdvice;

/**
 * What the thematic analysis pages share: who is looking, the lead's check, a drawn case in words
 * (labels, not codes) and the answers to the learning module's refusals (a missing analysis is 404,
 * a coder at a lead's page 403, a refused request 400 with what to change; never a stack trace).
 */
abstract class LearningPages {

  protected final Viewers viewers;
  protected final Fmt fmt;

  LearningPages(Viewers viewers, Fmt fmt) {
    this.viewers = viewers;
    this.fmt = fmt;
  }

  /** A page only the lead of analyses (the secretariat) may use, asked for by someone else. */
  static class NotLeadException extends RuntimeException {
    NotLeadException() {
      super(
          "Only the secretariat, who lead thematic analyses, can do this. Coders code the cases"
              + " they are given from Cases to code.");
    }
  }

  Viewer viewer(Principal principal) {
    return viewers.of(principal);
  }

  static boolean isLead(Principal principal) {
    return SignedIn.may(principal, Permission.LEAD_ANALYSES.name());
  }

  /** The viewer, when they lead analyses; otherwise refused (403). */
  Viewer lead(Principal principal) {
    if (!isLead(principal)) {
      throw new NotLeadException();
    }
    return viewer(principal);
  }

  /**
   * The page's banners' flags, false unless the request set them (a page shown again on an error).
   */
  static void flags(org.springframework.ui.Model model, String... names) {
    for (String name : names) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(name, false);
      }
    }
  }

  static String text(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.strip();
  }

  /** The service's problems on a page's errors, each field named as the page names it. */
  static FormErrors errorsOf(
      InvalidAnalysisException e, FormErrors errors, Map<String, String> ids) {
    for (InvalidAnalysisException.Problem p : e.problems()) {
      String field = p.field() == null ? "" : p.field();
      String id = ids.getOrDefault(field, ids.getOrDefault(normal(field), null));
      if (id == null) {
        errors.addLink("problem-" + errors.getList().size(), null, p.message());
      } else {
        errors.add(id, p.message());
      }
    }
    return errors;
  }

  /** receivedFrom, received_from and received-from are one name. */
  static String normal(String field) {
    return field.replaceAll("([a-z])([A-Z])", "$1-$2").replace('_', '-').toLowerCase();
  }

  /** A drawn case in words. */
  public record CaseRow(
      String ref,
      String group,
      String la,
      String type,
      String category,
      String ageBand,
      String caseTheme,
      boolean left,
      String firstCoder,
      String secondCoder) {}

  CaseRow row(AnalysisCase c, Assignment a) {
    String category =
        c.deathCategory() != null && !c.deathCategory().isBlank()
            ? fmt.label(CodeLists.DEATH_CATEGORY, c.deathCategory())
            : fmt.label(CodeLists.HARM_CATEGORY, c.harmCategory());
    String theme = "";
    if (c.caseTheme() != null && !c.caseTheme().isBlank()) {
      try {
        theme = CaseTheme.valueOf(c.caseTheme()).label();
      } catch (IllegalArgumentException e) {
        theme = c.caseTheme();
      }
    }
    return new CaseRow(
        c.notificationRef(),
        c.group().label(),
        fmt.la(c.laCode()),
        fmt.label(CodeLists.NOTIFICATION_TYPE, c.notificationType()),
        category.isEmpty() ? "Not given" : category,
        c.ageBand() == null ? "Not known" : fmt.label("age_band", c.ageBand()),
        theme,
        c.leftPopulation(),
        a == null ? null : a.firstCoder(),
        a == null ? null : a.secondCoder());
  }

  /** How far coding has gone: cases drawn, and cases whose every coder coded every code. */
  public record Progress(int drawn, int coded) {}

  static Progress progress(
      List<AnalysisCase> cases,
      List<Assignment> assignments,
      List<Coding> codings,
      List<FrameCode> frame) {
    Map<String, Map<String, java.util.Set<String>>> done = new LinkedHashMap<>();
    for (Coding c : codings) {
      done.computeIfAbsent(c.notificationRef(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.coder(), k -> new java.util.HashSet<>())
          .add(c.code());
    }
    int coded = 0;
    for (Assignment a : assignments) {
      List<String> coders = new ArrayList<>();
      coders.add(a.firstCoder());
      if (a.secondCoder() != null) {
        coders.add(a.secondCoder());
      }
      boolean complete = !frame.isEmpty();
      for (String coder : coders) {
        java.util.Set<String> codes =
            done.getOrDefault(a.notificationRef(), Map.of())
                .getOrDefault(coder, java.util.Set.of());
        if (!frame.stream().allMatch(f -> codes.contains(f.code()))) {
          complete = false;
        }
      }
      if (complete) {
        coded++;
      }
    }
    return new Progress(cases.size(), coded);
  }

  @ExceptionHandler(AnalysisNotFoundException.class)
  ModelAndView notFound(AnalysisNotFoundException e) {
    return WebErrorAdvice.refusal(
        HttpStatus.NOT_FOUND,
        "There is no such thematic analysis, or it is not one you lead or code.");
  }

  /** Seen, but not to be done by this viewer (a coder's case that is not theirs, say). */
  @ExceptionHandler(AnalysisNotPermittedException.class)
  ModelAndView notPermitted(AnalysisNotPermittedException e) {
    return WebErrorAdvice.refusal(HttpStatus.FORBIDDEN, e.getMessage() + ".");
  }

  @ExceptionHandler(NotLeadException.class)
  ModelAndView notLead(NotLeadException e) {
    return WebErrorAdvice.refusal(HttpStatus.FORBIDDEN, e.getMessage());
  }

  /** A refusal met where the page has no form to show it beside: the page says what is wrong. */
  @ExceptionHandler(InvalidAnalysisException.class)
  ModelAndView invalid(InvalidAnalysisException e) {
    String message =
        String.join(
            " ", e.problems().stream().map(InvalidAnalysisException.Problem::message).toList());
    return WebErrorAdvice.refusal(HttpStatus.BAD_REQUEST, message);
  }
}
