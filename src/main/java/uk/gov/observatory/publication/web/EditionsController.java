package uk.gov.observatory.publication.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import uk.gov.observatory.analytics.PublishedReport;
import uk.gov.observatory.publication.Edition;
import uk.gov.observatory.publication.EditionFrozenException;
import uk.gov.observatory.publication.EditionNotFoundException;
import uk.gov.observatory.publication.Editions;
import uk.gov.observatory.publication.InvalidEditionException;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;
import uk.gov.observatory.web.WebErrorAdvice;

/**
 * The secretariat's editions: draft one (a period, an as-at date, an area), see it laid out, edit
 * each table's paragraph, preview it, publish it. A published edition is frozen: these pages say so
 * and change nothing.
 */
@PageController
class EditionsController {

  private final Editions editions;
  private final ReferenceData reference;
  private final Clock clock;

  EditionsController(Editions editions, ReferenceData reference, Clock clock) {
    this.editions = editions;
    this.reference = reference;
    this.clock = clock;
  }

  /** A choice in a list: its value and its words. */
  public record Option(String value, String label) {}

  @GetMapping("/editions")
  public String list(Model model, HttpServletRequest request) {
    model.addAttribute("editions", editions.all());
    model.addAttribute("deleted", request.getParameter("deleted") != null);
    return "publication/editions";
  }

  // ------------------------------------------------------------ drafting

  /** What the secretariat typed into the new edition's form, echoed back on an error. */
  public record NewForm(String kind, String year, String quarter, String month, String area) {}

  @GetMapping("/editions/new")
  public String newForm(Model model) {
    int lastYear = LocalDate.now(clock).getYear() - 1;
    return newPage(
        model,
        new NewForm("year", String.valueOf(lastYear), "", "", ""),
        new DateParts(),
        new FormErrors());
  }

  private String newPage(Model model, NewForm form, DateParts asAt, FormErrors errors) {
    model.addAttribute("form", form);
    model.addAttribute("asAt", asAt);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "kinds",
        List.of(Edition.PeriodKind.values()).stream()
            .map(k -> new Option(k.value(), k.label()))
            .toList());
    List<Option> quarters = new ArrayList<>();
    quarters.add(new Option("", "Choose a quarter"));
    for (int q = 1; q <= 4; q++) {
      quarters.add(
          new Option(
              String.valueOf(q),
              "Quarter "
                  + q
                  + ": "
                  + monthName((q - 1) * 3 + 1)
                  + " to "
                  + monthName((q - 1) * 3 + 3)));
    }
    List<Option> months = new ArrayList<>();
    months.add(new Option("", "Choose a month"));
    for (int m = 1; m <= 12; m++) {
      months.add(new Option(String.valueOf(m), monthName(m)));
    }
    List<Option> areas = new ArrayList<>();
    areas.add(new Option("", "England"));
    for (Region r : reference.regions()) {
      areas.add(new Option(r.code(), r.name()));
    }
    model.addAttribute("quarters", quarters);
    model.addAttribute("months", months);
    model.addAttribute("areas", areas);
    return "publication/edition-new";
  }

  private static String monthName(int m) {
    return java.time.Month.of(m)
        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
  }

  @PostMapping("/editions/new")
  public String draft(
      Model model, Principal principal, HttpServletRequest request, HttpServletResponse response) {
    NewForm form =
        new NewForm(
            text(request, "kind"),
            text(request, "year"),
            text(request, "quarter"),
            text(request, "month"),
            text(request, "area"));
    DateParts asAtParts =
        new DateParts(
            request.getParameter("as-at-day"),
            request.getParameter("as-at-month"),
            request.getParameter("as-at-year"));
    FormErrors errors = new FormErrors();
    Edition.PeriodKind kind = Edition.PeriodKind.of(form.kind());
    if (!form.kind().isEmpty() && kind == null) {
      errors.add(
          "kind", "Choose the period: a calendar year, a quarter or the 12 months to a month");
    }
    Integer year = null;
    if (!form.year().isEmpty()) {
      if (form.year().matches("[0-9]{4}")) {
        year = Integer.valueOf(form.year());
      } else {
        errors.add("year", "Enter the year as 4 numbers, for example 2020");
      }
    }
    Integer number = null;
    if (kind == Edition.PeriodKind.QUARTER && form.quarter().matches("[1-4]")) {
      number = Integer.valueOf(form.quarter());
    }
    if (kind == Edition.PeriodKind.TWELVE_MONTHS && form.month().matches("[0-9]{1,2}")) {
      number = Integer.valueOf(form.month());
    }
    LocalDate asAt = null;
    String[] dateProblem = asAtParts.problem("The as-at date");
    if (dateProblem != null) {
      errors.add("as-at-" + dateProblem[1], dateProblem[0]);
      errors.mark("as-at", dateProblem[0]);
    } else {
      asAt = asAtParts.toDate();
    }
    String region = form.area().isEmpty() ? null : form.area();
    try {
      if (errors.isAny()) {
        // Still ask the rules (storing nothing), so that every problem is listed at once.
        editions.check(kind, year, number, asAt, region);
        throw new InvalidEditionException(List.of());
      }
      Edition made = editions.draft(kind, year, number, asAt, region, principal.getName());
      return "redirect:/editions/" + made.id();
    } catch (InvalidEditionException e) {
      for (InvalidEditionException.Problem p : e.problems()) {
        if (p.field().equals("as-at")) {
          if (!errors.has("as-at")) {
            errors.add("as-at-day", p.message());
            errors.mark("as-at", p.message());
          }
        } else if (p.field().equals("kind")) {
          errors.add("kind", p.message());
        } else {
          errors.add(p.field(), p.message());
        }
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return newPage(model, form, asAtParts, errors);
    }
  }

  private static String text(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.strip();
  }

  // ------------------------------------------------------------ a draft

  @GetMapping("/editions/{id}")
  public String edition(
      @PathVariable long id, Model model, Principal principal, HttpServletRequest request) {
    Edition e = edition(id);
    model.addAttribute("edition", e);
    model.addAttribute("saved", request.getParameter("saved") != null);
    model.addAttribute("published", request.getParameter("published") != null);
    if (e.published()) {
      model.addAttribute("view", ReportView.of(editions.frozen(e)));
      model.addAttribute("files", editions.files(e.id()));
      return "publication/edition-published";
    }
    Editions.Computed c = editions.compute(e, principal.getName());
    return draftPage(model, e, c.report(), c.revises(), new FormErrors());
  }

  private String draftPage(
      Model model, Edition e, PublishedReport report, Edition revises, FormErrors errors) {
    model.addAttribute("edition", e);
    model.addAttribute("revises", revises);
    model.addAttribute("view", ReportView.of(report));
    model.addAttribute("errors", errors);
    return "publication/edition";
  }

  /** Saves the paragraphs; on a problem, the page again with everything as typed. */
  @PostMapping("/editions/{id}")
  public String save(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Edition e = edition(id);
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    Editions.Computed computed = editions.compute(e, principal.getName());
    PublishedReport report = computed.report();
    Map<String, String> typed = new LinkedHashMap<>();
    for (PublishedReport.Table t : report.tables()) {
      String value = request.getParameter("paragraph-" + t.id());
      if (value != null) {
        typed.put(t.id(), value.replace("\r\n", "\n"));
      }
    }
    try {
      editions.saveParagraphs(id, typed, principal.getName());
      return "redirect:/editions/" + id + "?saved";
    } catch (InvalidEditionException problems) {
      FormErrors errors = new FormErrors();
      problems.problems().forEach(p -> errors.add(p.field(), p.message()));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("saved", false);
      model.addAttribute("published", false);
      return draftPage(model, e, report.withParagraphs(typed), computed.revises(), errors);
    }
  }

  @GetMapping("/editions/{id}/preview")
  public String preview(@PathVariable long id, Model model, Principal principal) {
    Edition e = edition(id);
    if (e.published()) {
      return "redirect:/statistics/" + e.slug();
    }
    Editions.Computed c = editions.compute(e, principal.getName());
    model.addAttribute("edition", e);
    model.addAttribute("view", ReportView.of(c.report()));
    model.addAttribute("revises", c.revises());
    model.addAttribute("openData", Editions.openDataFits(e));
    return "publication/edition-preview";
  }

  // ------------------------------------------------------------ publishing

  @GetMapping("/editions/{id}/publish")
  public String confirmPublish(@PathVariable long id, Model model) {
    Edition e = edition(id);
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    model.addAttribute("edition", e);
    model.addAttribute("revises", editions.previousPublished(e).orElse(null));
    model.addAttribute("errors", new FormErrors());
    return "publication/edition-publish";
  }

  @PostMapping("/editions/{id}/publish")
  public String publish(
      @PathVariable long id,
      Principal principal,
      HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    Edition e = edition(id);
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    if (!"yes".equals(request.getParameter("confirm"))) {
      model.addAttribute("edition", e);
      model.addAttribute("revises", editions.previousPublished(e).orElse(null));
      model.addAttribute(
          "errors",
          new FormErrors()
              .add("confirm", "Tick the box to confirm that the edition is ready to publish"));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "publication/edition-publish";
    }
    editions.publish(id, principal.getName());
    return "redirect:/editions/" + id + "?published";
  }

  // ------------------------------------------------------------ deleting a draft

  @GetMapping("/editions/{id}/delete")
  public String confirmDelete(@PathVariable long id, Model model) {
    Edition e = edition(id);
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    model.addAttribute("edition", e);
    return "publication/edition-delete";
  }

  @PostMapping("/editions/{id}/delete")
  public String delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
    Edition e = edition(id);
    if (e.published()) {
      throw new EditionFrozenException(e);
    }
    if (!"yes".equals(request.getParameter("confirm"))) {
      return "redirect:/editions/" + id + "/delete";
    }
    editions.delete(id, principal.getName());
    return "redirect:/editions?deleted";
  }

  private Edition edition(long id) {
    return editions.find(id).orElseThrow(() -> new PageNotFoundException("edition " + id));
  }

  /** A published edition asked to change: a page that says it cannot, and what to do instead. */
  @ExceptionHandler(EditionFrozenException.class)
  ModelAndView frozen(EditionFrozenException e) {
    return WebErrorAdvice.refusal(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(EditionNotFoundException.class)
  ModelAndView notFound(EditionNotFoundException e) {
    return WebErrorAdvice.refusal(HttpStatus.NOT_FOUND, "There is no such edition.");
  }
}
