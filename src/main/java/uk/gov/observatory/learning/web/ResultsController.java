package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.AgreementRow;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisResults;
import uk.gov.observatory.learning.Disagreement;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.Group;
import uk.gov.observatory.learning.Grouping;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.learning.ResultCharts;
import uk.gov.observatory.learning.ResultRow;
import uk.gov.observatory.learning.ResultsCsv;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The lead's reading of an analysis: the coders' agreement per code (percent agreement and Cohen's
 * kappa over the double-coded cases), each disagreement with both values and its resolution by a
 * third person, and the results (charts and their table, by a grouping) with the tidy CSV files.
 */
@PageController
class ResultsController extends LearningPages {

  private final ThematicAnalyses analyses;

  ResultsController(ThematicAnalyses analyses, Viewers viewers, Fmt fmt) {
    super(viewers, fmt);
    this.analyses = analyses;
  }

  // ------------------------------------------------------------ agreement

  /** A code's agreement in words. */
  public record AgreementLine(
      String code, String label, String cases, String percent, String kappa) {}

  /** A disagreement in words, with the id of its resolve form. */
  public record DisagreementLine(
      int index,
      String caseRef,
      String code,
      String codeLabel,
      String firstCoder,
      String firstValue,
      String secondCoder,
      String secondValue,
      String resolver,
      String resolvedValue,
      List<PopulationForm.Choice> choices) {}

  @GetMapping("/analyses/{ref}/agreement")
  public String agreement(
      @PathVariable String ref, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    model.addAttribute("resolved", request.getParameter("resolved") != null);
    return agreementPage(model, a, viewer, null, new FormErrors());
  }

  private String agreementPage(
      Model model, Analysis a, Viewer viewer, String[] chosen, FormErrors errors) {
    flags(model, "resolved");
    Map<String, FrameCode> frame = new LinkedHashMap<>();
    a.frame().forEach(f -> frame.put(f.code(), f));
    AnalysisResults results = analyses.results(a.ref(), null, viewer);
    List<AgreementLine> agreement = new ArrayList<>();
    for (AgreementRow r : results.agreement()) {
      FrameCode f = frame.get(r.code());
      agreement.add(
          new AgreementLine(
              r.code(),
              f == null ? r.code() : f.label(),
              fmt.number(r.casesDoubleCoded()),
              r.percentAgreement() == null
                  ? "None coded twice"
                  : r.percentAgreement().toPlainString() + "%",
              r.kappa() == null
                  ? (r.casesDoubleCoded() == 0
                      ? "None coded twice"
                      : "Not defined: every value was the same")
                  : r.kappa().toPlainString()));
    }
    List<DisagreementLine> lines = new ArrayList<>();
    int i = 0;
    for (Disagreement d : analyses.disagreements(a.ref(), viewer)) {
      i++;
      FrameCode f = frame.get(d.code());
      List<PopulationForm.Choice> choices = new ArrayList<>();
      if (f != null) {
        boolean thisOne =
            chosen != null && chosen[0].equals(d.notificationRef()) && chosen[1].equals(d.code());
        f.scale()
            .levels()
            .forEach(
                (v, label) ->
                    choices.add(
                        new PopulationForm.Choice(v, label, thisOne && v.equals(chosen[2]))));
      }
      lines.add(
          new DisagreementLine(
              i,
              d.notificationRef(),
              d.code(),
              f == null ? d.code() : f.label(),
              d.firstCoder(),
              valueLabel(f, d.firstValue()),
              d.secondCoder(),
              valueLabel(f, d.secondValue()),
              d.resolver(),
              d.resolvedValue() == null ? null : valueLabel(f, d.resolvedValue()),
              choices));
    }
    model.addAttribute("analysis", a);
    model.addAttribute("agreement", agreement);
    model.addAttribute("disagreements", lines);
    model.addAttribute("unresolved", lines.stream().filter(l -> l.resolvedValue() == null).count());
    model.addAttribute("errors", errors);
    return "learning/agreement";
  }

  private static String valueLabel(FrameCode f, String value) {
    return f == null || value == null ? value : f.scale().label(value);
  }

  @PostMapping("/analyses/{ref}/resolve")
  public String resolve(
      @PathVariable String ref,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    String caseRef = text(request, "case");
    String code = text(request, "code");
    String index = text(request, "index");
    String value = text(request, "value");
    String field = "resolve-" + index;
    FormErrors errors = new FormErrors();
    if (value.isEmpty()) {
      errors.add(field, "Choose the value for " + caseRef + " that resolves the disagreement");
    } else {
      try {
        analyses.resolve(ref, caseRef, code, value, viewer);
        return "redirect:/analyses/" + ref + "/agreement?resolved#disagreements";
      } catch (InvalidAnalysisException e) {
        e.problems().forEach(p -> errors.add(field, p.message()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return agreementPage(model, a, viewer, new String[] {caseRef, code, value}, errors);
  }

  /** The lead imports resolutions (codings.csv's layout, coder = the resolver): all or nothing. */
  @PostMapping("/analyses/{ref}/resolutions")
  public String importResolutions(
      @PathVariable String ref,
      @RequestParam(name = "resolutions", required = false) MultipartFile file,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    FormErrors errors = new FormErrors();
    if (file == null || file.isEmpty()) {
      errors.add("resolutions-file", "Choose a resolutions file (codings.csv's layout) to import");
    } else {
      try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        analyses.importResolutions(ref, csv, viewer);
        return "redirect:/analyses/" + ref + "/agreement?resolved#disagreements";
      } catch (InvalidAnalysisException e) {
        AnalysesController.fileProblems(e, errors, "resolutions-file");
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return agreementPage(model, a, viewer, null, errors);
  }

  // ------------------------------------------------------------ results

  /** One value of a code in one grouping's group: the sample, control and difference in words. */
  public record ValueLine(
      String value, String sample, String control, String difference, boolean hasControl) {}

  /** A code's values. */
  public record CodeResults(String code, String label, List<ValueLine> values) {}

  /** One of the grouping's groups (or all cases). */
  public record GroupResults(String id, String label, List<CodeResults> codes) {}

  @GetMapping("/analyses/{ref}/results")
  public String results(
      @PathVariable String ref,
      @RequestParam(name = "grouping", required = false) String groupingName,
      Model model,
      Principal principal) {
    Viewer viewer = lead(principal);
    Analysis a = analyses.get(ref, viewer);
    Grouping grouping = grouping(groupingName);
    AnalysisResults results = analyses.results(ref, grouping, viewer);
    model.addAttribute("analysis", a);
    model.addAttribute("grouping", grouping == null ? "" : grouping.name());
    model.addAttribute(
        "groupings",
        List.of(Grouping.values()).stream()
            .map(g -> new AnalysesController.Option(g.name(), g.label()))
            .toList());
    model.addAttribute("groups", groups(a, results));
    model.addAttribute("charts", ResultCharts.of(results, a.frame()));
    model.addAttribute(
        "hasControl", results.rows().stream().anyMatch(r -> r.group() == Group.CONTROL));
    model.addAttribute(
        "csv",
        "/analyses/"
            + ref
            + "/results.csv"
            + (grouping == null ? "" : "?grouping=" + grouping.name()));
    return "learning/results";
  }

  static Grouping grouping(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Grouping.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidAnalysisException(
          "grouping",
          "Choose a grouping from the list: category of death, category of harm, age band or"
              + " case theme");
    }
  }

  private List<GroupResults> groups(Analysis a, AnalysisResults results) {
    Map<String, FrameCode> frame = new LinkedHashMap<>();
    a.frame().forEach(f -> frame.put(f.code(), f));
    Map<String, Map<String, Map<String, Map<Group, ResultRow>>>> byGroup = new LinkedHashMap<>();
    for (ResultRow r : results.rows()) {
      byGroup
          .computeIfAbsent(r.grouping(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.code(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.value(), k -> new LinkedHashMap<>())
          .put(r.group(), r);
    }
    List<GroupResults> out = new ArrayList<>();
    int n = 0;
    for (var g : byGroup.entrySet()) {
      n++;
      List<CodeResults> codes = new ArrayList<>();
      for (var c : g.getValue().entrySet()) {
        FrameCode f = frame.get(c.getKey());
        List<ValueLine> values = new ArrayList<>();
        for (var v : c.getValue().entrySet()) {
          Map<Group, ResultRow> rows = v.getValue();
          values.add(
              new ValueLine(
                  valueLabel(f, v.getKey()),
                  share(rows.get(Group.SAMPLE)),
                  share(rows.get(Group.CONTROL)),
                  difference(rows.get(Group.DIFFERENCE)),
                  rows.containsKey(Group.CONTROL)));
        }
        codes.add(new CodeResults(c.getKey(), f == null ? c.getKey() : f.label(), values));
      }
      String label = ResultRow.ALL.equals(g.getKey()) ? "All cases" : g.getKey();
      out.add(new GroupResults("group-" + n, label, codes));
    }
    return out;
  }

  private String share(ResultRow r) {
    if (r == null) {
      return "";
    }
    if (r.cases() == null || r.cases() == 0) {
      return "No cases";
    }
    return fmt.number(r.count())
        + " of "
        + fmt.number(r.cases())
        + ": "
        + pct(r.percent())
        + "% (95% interval "
        + pct(r.ciLow())
        + "% to "
        + pct(r.ciHigh())
        + "%)";
  }

  private static String difference(ResultRow r) {
    if (r == null || r.percent() == null) {
      return "";
    }
    return signed(r.percent())
        + " points (95% interval "
        + signed(r.ciLow())
        + " to "
        + signed(r.ciHigh())
        + ")";
  }

  private static String pct(BigDecimal b) {
    return b == null ? "" : b.toPlainString();
  }

  private static String signed(BigDecimal b) {
    if (b == null) {
      return "";
    }
    return (b.signum() > 0 ? "+" : "") + b.toPlainString();
  }

  // ------------------------------------------------------------ CSV

  @GetMapping("/analyses/{ref}/results.csv")
  public ResponseEntity<byte[]> resultsCsv(
      @PathVariable String ref,
      @RequestParam(name = "grouping", required = false) String groupingName,
      Principal principal)
      throws java.io.IOException {
    Viewer viewer = lead(principal);
    AnalysisResults results = analyses.results(ref, grouping(groupingName), viewer);
    java.io.StringWriter out = new java.io.StringWriter();
    ResultsCsv.write(results, out);
    return csv(ref + "-results.csv", out.toString());
  }

  @GetMapping("/analyses/{ref}/agreement.csv")
  public ResponseEntity<byte[]> agreementCsv(@PathVariable String ref, Principal principal)
      throws java.io.IOException {
    Viewer viewer = lead(principal);
    AnalysisResults results = analyses.results(ref, null, viewer);
    java.io.StringWriter out = new java.io.StringWriter();
    ResultsCsv.writeAgreement(results, out);
    return csv(ResultsCsv.agreementName(ref + "-results.csv"), out.toString());
  }

  private static ResponseEntity<byte[]> csv(String filename, String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }
}
