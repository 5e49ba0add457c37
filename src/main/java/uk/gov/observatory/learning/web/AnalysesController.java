package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisStatus;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.Coding;
import uk.gov.observatory.learning.DrawRequest;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.learning.NewAnalysis;
import uk.gov.observatory.learning.Population;
import uk.gov.observatory.learning.Scale;
import uk.gov.observatory.learning.Stratify;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The secretariat's thematic analyses: the list (a coder sees those they code), scoping one (its
 * question, lead and population, with the population's count before anything is drawn), its coding
 * frame, drawing the sample and control group, the drawn cases and assigning coders, and moving it
 * on to analysis and publication.
 */
@PageController
class AnalysesController extends LearningPages {

  static final int MAX_TITLE = ThematicAnalyses.MAX_TITLE;
  static final int MAX_QUESTION = ThematicAnalyses.MAX_QUESTION;
  static final int MAX_LABEL = ThematicAnalyses.MAX_LABEL;
  static final int MAX_DEFINITION = ThematicAnalyses.MAX_DEFINITION;

  private final ThematicAnalyses analyses;
  private final ReferenceData reference;
  private final Accounts accounts;
  private final SecureRandom random = new SecureRandom();

  AnalysesController(
      ThematicAnalyses analyses,
      ReferenceData reference,
      Accounts accounts,
      Viewers viewers,
      Fmt fmt) {
    super(viewers, fmt);
    this.analyses = analyses;
    this.reference = reference;
    this.accounts = accounts;
  }

  /** A choice in a list: its value and its words. */
  public record Option(String value, String label) {}

  /** An analysis in the list, with how far its coding has gone. */
  public record Listed(Analysis analysis, Progress progress) {}

  @GetMapping("/analyses")
  public String list(Model model, Principal principal) {
    Viewer viewer = viewer(principal);
    List<Listed> rows = new ArrayList<>();
    for (Analysis a : analyses.list(viewer)) {
      rows.add(new Listed(a, progressOf(a, viewer)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("lead", isLead(principal));
    return "learning/analyses";
  }

  Progress progressOf(Analysis a, Viewer viewer) {
    if (a.status() == AnalysisStatus.SCOPING) {
      return new Progress(0, 0);
    }
    List<Assignment> assignments = analyses.assignments(a.ref(), viewer);
    List<Coding> codings = analyses.codings(a.ref(), viewer);
    if (!viewer.can(Permission.LEAD_ANALYSES)) {
      // a coder's own progress: the cases given to them, and those they have coded (blind: they
      // never see whether the other coder of a case has)
      List<Assignment> mine = assignments.stream().filter(x -> x.assigned(viewer.actor())).toList();
      List<Assignment> asOnlyCoder =
          mine.stream()
              .map(x -> new Assignment(x.notificationRef(), viewer.actor(), null))
              .toList();
      Progress p = progress(List.of(), asOnlyCoder, codings, a.frame());
      return new Progress(mine.size(), p.coded());
    }
    return progress(analyses.cases(a.ref(), viewer), assignments, codings, a.frame());
  }

  // ------------------------------------------------------------ scoping

  /** What was typed into the scoping form, echoed back. */
  public record ScopeForm(String title, String question, String lead) {}

  @GetMapping("/analyses/new")
  public String newForm(Model model, Principal principal) {
    lead(principal);
    return scopePage(
        model,
        null,
        new ScopeForm("", "", principal.getName()),
        PopulationForm.empty(),
        null,
        new FormErrors());
  }

  @PostMapping("/analyses/new")
  public String create(
      Model model, Principal principal, HttpServletRequest request, HttpServletResponse response) {
    return scope(null, model, principal, request, response);
  }

  @GetMapping("/analyses/{ref}/scope")
  public String editForm(@PathVariable String ref, Model model, Principal principal) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    if (a.status() != AnalysisStatus.SCOPING) {
      return "redirect:/analyses/" + ref;
    }
    return scopePage(
        model,
        a,
        new ScopeForm(
            a.title(), a.question() == null ? "" : a.question(), a.lead() == null ? "" : a.lead()),
        PopulationForm.of(a.population()),
        null,
        new FormErrors());
  }

  @PostMapping("/analyses/{ref}/scope")
  public String edit(
      @PathVariable String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    return scope(ref, model, principal, request, response);
  }

  private String scope(
      String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = lead(principal);
    Analysis existing = ref == null ? null : analyses.get(ref, viewer);
    ScopeForm form =
        new ScopeForm(text(request, "title"), text(request, "question"), text(request, "lead"));
    PopulationForm pf = PopulationForm.read(request);
    FormErrors errors = new FormErrors();
    boolean counting = "count".equals(request.getParameter("action"));
    if (!counting) {
      if (form.title().isEmpty()) {
        errors.add("title", "Enter the analysis's title");
      } else if (form.title().length() > MAX_TITLE) {
        errors.add("title", "The title must be " + MAX_TITLE + " characters or fewer");
      }
      if (form.question().isEmpty()) {
        errors.add("question", "Enter the question the analysis answers");
      } else if (form.question().length() > MAX_QUESTION) {
        errors.add(
            "question",
            "The question must be " + Fmt.numberOf(MAX_QUESTION) + " characters or fewer");
      }
      if (form.lead().isEmpty()) {
        errors.add("lead", "Choose who leads the analysis");
      } else if (leads().stream().noneMatch(o -> o.value().equals(form.lead()))) {
        errors.add("lead", "Choose a lead from the list: an account of the secretariat");
      }
    }
    Population population = pf.population(reference, errors);
    Integer count = null;
    if (population != null) {
      try {
        count = analyses.count(population, viewer);
      } catch (InvalidAnalysisException e) {
        errorsOf(e, errors, FIELD_IDS);
      }
    }
    if (counting || errors.isAny()) {
      if (errors.isAny()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      return scopePage(model, existing, form, pf, errors.isAny() ? null : count, errors);
    }
    NewAnalysis asked =
        new NewAnalysis(null, form.title(), form.question(), form.lead(), population);
    try {
      Analysis saved =
          existing == null ? analyses.create(asked, viewer) : analyses.update(ref, asked, viewer);
      return "redirect:/analyses/" + saved.ref() + (existing == null ? "?created" : "?saved");
    } catch (InvalidAnalysisException e) {
      errorsOf(e, errors, FIELD_IDS);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return scopePage(model, existing, form, pf, null, errors);
    }
  }

  /** The service's field names and the form's ids. */
  static final Map<String, String> FIELD_IDS = fieldIds();

  private static Map<String, String> fieldIds() {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String f : List.of("title", "question", "lead", "covid")) {
      ids.put(f, f);
    }
    ids.put("covid-factor", "covid");
    for (String[] r : PopulationForm.RANGES) {
      ids.put(r[0] + "-from", r[0] + "-from-day");
      ids.put(r[0] + "-to", r[0] + "-to-day");
    }
    ids.put("types", "type");
    ids.put("death-categories", "death");
    ids.put("harm-categories", "harm");
    ids.put("age-bands", "age");
    ids.put("regions", "region");
    ids.put("case-characteristics", "characteristic");
    ids.put("practice-themes", "theme");
    ids.put("lcspr-decisions", "decision");
    ids.put("population", "received-from-day");
    return ids;
  }

  private String scopePage(
      Model model,
      Analysis existing,
      ScopeForm form,
      PopulationForm population,
      Integer count,
      FormErrors errors) {
    model.addAttribute("analysis", existing);
    model.addAttribute("form", form);
    model.addAttribute("population", population);
    model.addAttribute("ranges", PopulationForm.RANGES);
    model.addAttribute("checkboxes", population.checkboxes(reference));
    model.addAttribute("covidChoices", population.covidChoices(reference));
    model.addAttribute("leads", leads());
    model.addAttribute("count", count);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "action", existing == null ? "/analyses/new" : "/analyses/" + existing.ref() + "/scope");
    return "learning/scope";
  }

  /** The accounts that may lead an analysis. */
  private List<Option> leads() {
    return accounts.list().stream()
        .filter(a -> a.can(Permission.LEAD_ANALYSES))
        .map(a -> new Option(a.username(), a.username()))
        .toList();
  }

  private List<Account> coders() {
    return accounts.list().stream().filter(a -> a.can(Permission.CODE_CASES)).toList();
  }

  // ------------------------------------------------------------ an analysis

  /** One line of the population in words. */
  public record Line(String label, String value) {}

  /** A free code as typed, echoed back on an error. */
  public record CodeForm(String code, String label, String definition, String scale) {}

  @GetMapping("/analyses/{ref}")
  public String analysis(
      @PathVariable String ref, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = viewer(principal);
    Analysis a = analyses.get(ref, viewer);
    if (!isLead(principal)) {
      return "redirect:/analyses/" + ref + "/to-code";
    }
    model.addAttribute("created", request.getParameter("created") != null);
    model.addAttribute("saved", request.getParameter("saved") != null);
    model.addAttribute("framed", request.getParameter("framed") != null);
    model.addAttribute("moved", request.getParameter("moved") != null);
    return analysisPage(model, a, viewer, new CodeForm("", "", "", ""), new FormErrors());
  }

  private String analysisPage(
      Model model, Analysis a, Viewer viewer, CodeForm codeForm, FormErrors errors) {
    flags(model, "created", "saved", "framed", "moved");
    model.addAttribute("analysis", a);
    model.addAttribute("lines", lines(a.population()));
    model.addAttribute("count", analyses.count(a.population(), viewer));
    model.addAttribute("progress", progressOf(a, viewer));
    model.addAttribute("codeForm", codeForm);
    model.addAttribute("scales", List.of(Scale.values()));
    model.addAttribute("errors", errors);
    model.addAttribute("hasCovid", hasAll(a.frame(), StandardFrames.covidFactors(reference)));
    model.addAttribute("hasThemes", hasAll(a.frame(), StandardFrames.practiceThemes(reference)));
    model.addAttribute("drawn", drawn(a.draw()));
    model.addAttribute(
        "controlLines",
        a.draw() != null && a.draw().control() != null ? lines(a.draw().control()) : null);
    return "learning/analysis";
  }

  /** How many cases were drawn, in words. */
  static String drawn(DrawRequest d) {
    if (d == null) {
      return null;
    }
    if (d.size() != null) {
      return Fmt.numberOf(d.size()) + (d.size() == 1 ? " case" : " cases") + ", at random";
    }
    if (d.percent() == null || d.percent().compareTo(BigDecimal.valueOf(100)) >= 0) {
      return "Every case in the population";
    }
    return d.percent().stripTrailingZeros().toPlainString() + "% of the population, at random";
  }

  private static boolean hasAll(List<FrameCode> frame, List<FrameCode> standard) {
    return standard.stream().allMatch(s -> frame.stream().anyMatch(f -> f.code().equals(s.code())));
  }

  /** The population in words (only what filters). */
  List<Line> lines(Population p) {
    List<Line> out = new ArrayList<>();
    range(out, "Rapid review received", p.receivedFrom(), p.receivedTo());
    range(out, "Notified to the Panel", p.notifiedFrom(), p.notifiedTo());
    range(out, "Date of the incident", p.incidentFrom(), p.incidentTo());
    codes(out, "type", CodeLists.NOTIFICATION_TYPE, p.types());
    codes(out, "death", CodeLists.DEATH_CATEGORY, p.deathCategories());
    codes(out, "harm", CodeLists.HARM_CATEGORY, p.harmCategories());
    codes(out, "age", "age_band", p.ageBands());
    if (!p.regions().isEmpty()) {
      out.add(
          new Line(
              "Region",
              String.join(
                  ", ",
                  reference.regions().stream()
                      .filter(r -> p.regions().contains(r.code()))
                      .map(r -> r.name())
                      .toList())));
    }
    if (!p.laCodes().isEmpty()) {
      out.add(
          new Line(
              "Local authority",
              String.join(", ", p.laCodes().stream().sorted().map(fmt::la).toList())));
    }
    codes(out, "characteristic", CodeLists.CASE_CHARACTERISTICS, p.caseCharacteristics());
    if (p.covidFactor() != null) {
      out.add(
          new Line(
              "COVID-19",
              Population.ANY_COVID_FACTOR.equals(p.covidFactor())
                  ? "Any COVID-19 factor cited"
                  : "Cited: " + fmt.label(CodeLists.COVID_FACTORS, p.covidFactor())));
    }
    codes(out, "theme", CodeLists.PRACTICE_THEMES, p.practiceThemes());
    codes(out, "decision", "rapid_review_decision", p.lcsprDecisions());
    if (out.isEmpty()) {
      out.add(new Line("Notifications", "Every notification in the register"));
    }
    return out;
  }

  private void range(
      List<Line> out, String label, java.time.LocalDate from, java.time.LocalDate to) {
    if (from == null && to == null) {
      return;
    }
    String v;
    if (from != null && to != null) {
      v = fmt.date(from) + " to " + fmt.date(to);
    } else if (from != null) {
      v = "On or after " + fmt.date(from);
    } else {
      v = "On or before " + fmt.date(to);
    }
    out.add(new Line(label, v));
  }

  private void codes(List<Line> out, String name, String list, java.util.Set<String> codes) {
    if (codes.isEmpty()) {
      return;
    }
    List<String> ordered =
        reference.codeList(list).codes().stream()
            .map(c -> c.code())
            .filter(codes::contains)
            .toList();
    out.add(new Line(PopulationForm.legend(name), fmt.labels(list, ordered)));
  }

  // ------------------------------------------------------------ the coding frame

  @PostMapping("/analyses/{ref}/frame")
  public String frame(
      @PathVariable String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    List<FrameCode> frame = new ArrayList<>(a.frame());
    String action = text(request, "action");
    CodeForm codeForm =
        new CodeForm(
            text(request, "code-code").toUpperCase(java.util.Locale.ROOT),
            text(request, "code-label"),
            text(request, "code-definition"),
            text(request, "code-scale"));
    FormErrors errors = new FormErrors();
    switch (action) {
      case "covid" -> addAll(frame, StandardFrames.covidFactors(reference));
      case "themes" -> addAll(frame, StandardFrames.practiceThemes(reference));
      case "add" -> {
        FrameCode c = freeCode(codeForm, frame, errors);
        if (c != null) {
          frame.add(c);
        }
      }
      default -> {
        if (action.startsWith("remove-")) {
          String code = action.substring("remove-".length());
          frame.removeIf(f -> f.code().equals(code));
        } else {
          errors.add("add-covid", "Choose what to add to the coding frame");
        }
      }
    }
    if (errors.isEmpty()) {
      try {
        analyses.frame(ref, frame, viewer);
        return "redirect:/analyses/" + ref + "?framed#frame";
      } catch (InvalidAnalysisException e) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("code", "code-code");
        ids.put("label", "code-label");
        ids.put("definition", "code-definition");
        ids.put("scale", "code-scale");
        ids.put("frame", "add-covid");
        errorsOf(e, errors, ids);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return analysisPage(model, a, viewer, codeForm, errors);
  }

  private static void addAll(List<FrameCode> frame, List<FrameCode> standard) {
    for (FrameCode s : standard) {
      if (frame.stream().noneMatch(f -> f.code().equals(s.code()))) {
        frame.add(s);
      }
    }
  }

  private static FrameCode freeCode(CodeForm f, List<FrameCode> frame, FormErrors errors) {
    if (f.code().isEmpty()) {
      errors.add("code-code", "Enter the code, for example PARENTAL_MENTAL_HEALTH");
    } else if (!ThematicAnalyses.CODE.matcher(f.code()).matches()) {
      errors.add(
          "code-code",
          "The code must start with a letter and have only letters, numbers and underscores (60"
              + " at most), for example PARENTAL_MENTAL_HEALTH");
    } else if (frame.stream().anyMatch(c -> c.code().equals(f.code()))) {
      errors.add("code-code", "The coding frame already has the code " + f.code());
    }
    if (f.label().isEmpty()) {
      errors.add("code-label", "Enter the code's name, as people read it");
    } else if (f.label().length() > MAX_LABEL) {
      errors.add("code-label", "The name must be " + MAX_LABEL + " characters or fewer");
    }
    if (f.definition().isEmpty()) {
      errors.add("code-definition", "Enter the definition coders code the case against");
    } else if (f.definition().length() > MAX_DEFINITION) {
      errors.add(
          "code-definition",
          "The definition must be " + Fmt.numberOf(MAX_DEFINITION) + " characters or fewer");
    }
    Scale scale = null;
    try {
      scale = f.scale().isEmpty() ? null : Scale.valueOf(f.scale());
    } catch (IllegalArgumentException e) {
      scale = null;
    }
    if (scale == null) {
      errors.add("code-scale", "Choose how the code is coded: present or absent, or its impact");
    }
    return errors.isAny() ? null : new FrameCode(f.code(), f.label(), f.definition(), scale);
  }

  // ------------------------------------------------------------ drawing

  /** The draw form as typed. */
  public record DrawForm(
      String how, String size, String percent, String seed, String stratify, String controlSize) {}

  @GetMapping("/analyses/{ref}/draw")
  public String drawForm(@PathVariable String ref, Model model, Principal principal) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    if (a.draw() != null || a.status() != AnalysisStatus.SCOPING) {
      return "redirect:/analyses/" + ref + "/cases";
    }
    long seed = 1 + (random.nextLong() & Long.MAX_VALUE) % 999_999_999L;
    return drawPage(
        model,
        a,
        viewer,
        new DrawForm("all", "", "", String.valueOf(seed), "NONE", ""),
        new DateParts(),
        new DateParts(),
        new FormErrors());
  }

  private String drawPage(
      Model model,
      Analysis a,
      Viewer viewer,
      DrawForm form,
      DateParts controlFrom,
      DateParts controlTo,
      FormErrors errors) {
    model.addAttribute("analysis", a);
    model.addAttribute("count", analyses.count(a.population(), viewer));
    model.addAttribute("form", form);
    model.addAttribute("controlFrom", controlFrom);
    model.addAttribute("controlTo", controlTo);
    model.addAttribute(
        "stratifications",
        List.of(Stratify.values()).stream().map(s -> new Option(s.name(), s.label())).toList());
    model.addAttribute("errors", errors);
    return "learning/draw";
  }

  @PostMapping("/analyses/{ref}/draw")
  public String draw(
      @PathVariable String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    DrawForm form =
        new DrawForm(
            text(request, "how"),
            text(request, "size"),
            text(request, "percent"),
            text(request, "seed"),
            text(request, "stratify"),
            text(request, "control-size"));
    DateParts controlFrom =
        new DateParts(
            request.getParameter("control-from-day"),
            request.getParameter("control-from-month"),
            request.getParameter("control-from-year"));
    DateParts controlTo =
        new DateParts(
            request.getParameter("control-to-day"),
            request.getParameter("control-to-month"),
            request.getParameter("control-to-year"));
    FormErrors errors = new FormErrors();
    Integer size = null;
    BigDecimal percent = null;
    switch (form.how()) {
      case "all" -> percent = BigDecimal.valueOf(100);
      case "size" -> {
        if (!form.size().matches("[0-9]{1,6}") || Integer.parseInt(form.size()) < 1) {
          errors.add("size", "Enter the number of cases to draw as a whole number, 1 or more");
        } else {
          size = Integer.valueOf(form.size());
        }
      }
      case "percent" -> {
        if (!form.percent().matches("[0-9]{1,3}(\\.[0-9]{1,2})?")
            || new BigDecimal(form.percent()).signum() <= 0
            || new BigDecimal(form.percent()).compareTo(BigDecimal.valueOf(100)) > 0) {
          errors.add(
              "percent", "Enter the percentage to draw as a number more than 0 and at most 100");
        } else {
          percent = new BigDecimal(form.percent());
        }
      }
      default ->
          errors.add("how", "Choose how many cases to draw: every case, a number or a percentage");
    }
    Long seed = null;
    if (!form.seed().matches("[0-9]{1,18}")) {
      errors.add(
          "seed", "Enter the seed as a whole number of up to 18 digits, for example 20200930");
    } else {
      seed = Long.valueOf(form.seed());
    }
    Stratify stratify = null;
    try {
      stratify = Stratify.valueOf(form.stratify());
    } catch (IllegalArgumentException e) {
      errors.add("stratify", "Choose what to stratify the sample by, or not to stratify it");
    }
    Integer controlSize = null;
    if (!form.controlSize().isEmpty()) {
      if (!form.controlSize().matches("[0-9]{1,6}") || Integer.parseInt(form.controlSize()) < 1) {
        errors.add(
            "control-size",
            "Enter the control group's size as a whole number, 1 or more, or leave it blank for"
                + " none");
      } else {
        controlSize = Integer.valueOf(form.controlSize());
      }
    }
    java.time.LocalDate from = null;
    java.time.LocalDate to = null;
    String[] p = controlFrom.problem("The control group's received from date");
    if (p != null) {
      errors.add("control-from-" + p[1], p[0]);
      errors.mark("control-from", p[0]);
    } else {
      from = controlFrom.toDate();
    }
    p = controlTo.problem("The control group's received to date");
    if (p != null) {
      errors.add("control-to-" + p[1], p[0]);
      errors.mark("control-to", p[0]);
    } else {
      to = controlTo.toDate();
    }
    if ((from != null || to != null) && controlSize == null && !errors.has("control-size")) {
      errors.add("control-size", "Enter the control group's size, or leave its period blank");
    }
    if (from != null && to != null && to.isBefore(from)) {
      String m = "The control group's received to date must be the same as or after its from date";
      errors.add("control-to-day", m);
      errors.mark("control-to", m);
    }
    if (errors.isEmpty()) {
      Population control = null;
      if (from != null || to != null) {
        Population pop = a.population();
        control =
            Population.received(
                from == null ? pop.receivedFrom() : from, to == null ? pop.receivedTo() : to);
      }
      try {
        analyses.draw(
            ref, new DrawRequest(size, percent, seed, stratify, controlSize, control), viewer);
        return "redirect:/analyses/" + ref + "/cases?drawn";
      } catch (InvalidAnalysisException e) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("size", "size");
        ids.put("percent", "percent");
        ids.put("seed", "seed");
        ids.put("stratify", "stratify");
        ids.put("control-size", "control-size");
        ids.put("control", "control-size");
        ids.put("frame", "how");
        errorsOf(e, errors, ids);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return drawPage(model, a, viewer, form, controlFrom, controlTo, errors);
  }

  // ------------------------------------------------------------ the drawn cases, coders

  @GetMapping("/analyses/{ref}/cases")
  public String cases(
      @PathVariable String ref, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    model.addAttribute("drawn", request.getParameter("drawn") != null);
    model.addAttribute("assigned", request.getParameter("assigned") != null);
    String imported = request.getParameter("imported");
    model.addAttribute(
        "imported", imported != null && imported.matches("[0-9]{1,9}") ? imported : null);
    return casesPage(model, a, viewer, List.of(), "20", new FormErrors());
  }

  private String casesPage(
      Model model,
      Analysis a,
      Viewer viewer,
      List<String> chosen,
      String doublePercent,
      FormErrors errors) {
    flags(model, "drawn", "assigned");
    if (!model.containsAttribute("imported")) {
      model.addAttribute("imported", null);
    }
    List<AnalysisCase> cases = analyses.cases(a.ref(), viewer);
    List<Assignment> assignments = analyses.assignments(a.ref(), viewer);
    Map<String, Assignment> byCase = new LinkedHashMap<>();
    assignments.forEach(x -> byCase.put(x.notificationRef(), x));
    List<CaseRow> rows = cases.stream().map(c -> row(c, byCase.get(c.notificationRef()))).toList();
    model.addAttribute("analysis", a);
    model.addAttribute("sample", rows.stream().filter(r -> r.group().equals("Sample")).toList());
    model.addAttribute("control", rows.stream().filter(r -> !r.group().equals("Sample")).toList());
    model.addAttribute(
        "parts",
        List.of(
            new Part(
                "sample", "Sample", rows.stream().filter(r -> r.group().equals("Sample")).toList()),
            new Part(
                "control",
                "Control group",
                rows.stream().filter(r -> !r.group().equals("Sample")).toList())));
    model.addAttribute("flagged", rows.stream().filter(CaseRow::left).count());
    model.addAttribute("assignments", assignments);
    model.addAttribute("doubleCoded", assignments.stream().filter(Assignment::doubleCoded).count());
    model.addAttribute(
        "coders",
        coders().stream()
            .map(
                c ->
                    new PopulationForm.Choice(
                        c.username(),
                        c.username() + " (" + c.role().label() + ")",
                        chosen.contains(c.username())))
            .toList());
    model.addAttribute("doublePercent", doublePercent);
    model.addAttribute("errors", errors);
    return "learning/cases";
  }

  /** The sample's or control group's cases. */
  public record Part(String id, String label, List<CaseRow> rows) {}

  @PostMapping("/analyses/{ref}/assign")
  public String assign(
      @PathVariable String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    String[] picked = request.getParameterValues("coder");
    List<String> coders = picked == null ? List.of() : List.of(picked);
    String pct = text(request, "double-percent");
    FormErrors errors = new FormErrors();
    if (coders.isEmpty()) {
      errors.add("coder", "Choose at least one coder");
    }
    Integer percent = null;
    if (!pct.matches("[0-9]{1,3}") || Integer.parseInt(pct) > 100) {
      errors.add(
          "double-percent",
          "Enter the share of cases coded twice as a whole number from 0 to 100, for example 20");
    } else {
      percent = Integer.valueOf(pct);
      if (percent > 0 && coders.size() < 2) {
        errors.add("coder", "Choose at least two coders to code a share of the cases twice");
      }
    }
    if (errors.isEmpty()) {
      try {
        long seed = a.draw() == null ? 1L : a.draw().seed();
        analyses.assign(ref, coders, percent, seed, viewer);
        return "redirect:/analyses/" + ref + "/cases?assigned";
      } catch (InvalidAnalysisException e) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("coders", "coder");
        ids.put("coder", "coder");
        ids.put("double-coded-percent", "double-percent");
        ids.put("percent", "double-percent");
        errorsOf(e, errors, ids);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return casesPage(model, a, viewer, coders, pct, errors);
  }

  /**
   * The lead imports codings.csv (analysis_ref, notification_ref, coder, code, value) for coding
   * done away from the pages: all or nothing, every bad line listed.
   */
  @PostMapping("/analyses/{ref}/codings")
  public String importCodings(
      @PathVariable String ref,
      @RequestParam(name = "codings", required = false) MultipartFile file,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    FormErrors errors = new FormErrors();
    if (file == null || file.isEmpty()) {
      errors.add("codings-file", "Choose a codings.csv file to import");
    } else {
      try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        int stored = analyses.importCodings(ref, csv, viewer);
        return "redirect:/analyses/" + ref + "/cases?imported=" + stored;
      } catch (InvalidAnalysisException e) {
        fileProblems(e, errors, "codings-file");
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return casesPage(model, a, viewer, List.of(), "20", errors);
  }

  /** Each problem of an imported file in the summary, the first beside the file input. */
  static void fileProblems(InvalidAnalysisException e, FormErrors errors, String fieldId) {
    int i = 0;
    for (InvalidAnalysisException.Problem p : e.problems()) {
      String message =
          p.field() == null || p.message().startsWith(p.field())
              ? p.message()
              : p.field() + ": " + p.message();
      if (i == 0) {
        errors.add(fieldId, message);
      } else if (i < 50) {
        errors.addLink(fieldId + "-" + i, "#" + fieldId, message);
      }
      i++;
    }
    if (i > 50) {
      errors.addLink(
          fieldId + "-more", "#" + fieldId, "and " + (i - 50) + " more problems in the file");
    }
  }

  // ------------------------------------------------------------ status

  @PostMapping("/analyses/{ref}/status")
  public String advance(
      @PathVariable String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    AnalysisStatus to;
    try {
      to = AnalysisStatus.valueOf(text(request, "to"));
    } catch (IllegalArgumentException e) {
      throw new InvalidAnalysisException("to", "Choose the status to move the analysis on to");
    }
    try {
      analyses.advance(ref, to, viewer);
      return "redirect:/analyses/" + ref + "?moved";
    } catch (InvalidAnalysisException e) {
      FormErrors errors = new FormErrors();
      errorsOf(e, errors, Map.of("to", "advance", "status", "advance"));
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return analysisPage(model, a, viewer, new CodeForm("", "", "", ""), errors);
    }
  }
}
