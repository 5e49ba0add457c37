package uk.gov.observatory.learning.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.api.ApiController;
import uk.gov.observatory.learning.AgreementRow;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisResults;
import uk.gov.observatory.learning.DrawRequest;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.Grouping;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.learning.InvalidAnalysisException.Problem;
import uk.gov.observatory.learning.NewAnalysis;
import uk.gov.observatory.learning.Population;
import uk.gov.observatory.learning.ResultRow;
import uk.gov.observatory.learning.ResultsCsv;
import uk.gov.observatory.learning.SampleCsv;
import uk.gov.observatory.learning.Scale;
import uk.gov.observatory.learning.Stratify;
import uk.gov.observatory.learning.ThematicAnalyses;

/**
 * The JSON API of thematic analyses (issue 17): list and create analyses, read one, draw its sample
 * and control group, read the sample (JSON or CSV), import codings and resolutions (CSV, the layout
 * of {@code codings.csv}), and read the results (JSON or CSV). The same service as the pages and
 * the command line, so the same rules: the lead (LEAD_ANALYSES) scopes, draws and reads everything;
 * a coder (CODE_CASES) sees only the analyses they code and only their own codings.
 */
@ApiController
@RequestMapping(path = "/api/v1/analyses", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Thematic analyses", description = "Samples, control groups, codings and results")
class AnalysesApiController {

  static final String CSV = "text/csv";

  private final ThematicAnalyses analyses;
  private final Viewers viewers;

  AnalysesApiController(ThematicAnalyses analyses, Viewers viewers) {
    this.analyses = analyses;
    this.viewers = viewers;
  }

  /** A population in the data standard's names (a missing field does not filter). */
  public record PopulationBody(
      @JsonProperty("incident_from") String incidentFrom,
      @JsonProperty("incident_to") String incidentTo,
      @JsonProperty("notified_from") String notifiedFrom,
      @JsonProperty("notified_to") String notifiedTo,
      @JsonProperty("received_from") String receivedFrom,
      @JsonProperty("received_to") String receivedTo,
      @JsonProperty("notification_types") List<String> types,
      @JsonProperty("death_categories") List<String> deathCategories,
      @JsonProperty("harm_categories") List<String> harmCategories,
      @JsonProperty("age_bands") List<String> ageBands,
      @JsonProperty("regions") List<String> regions,
      @JsonProperty("la_codes") List<String> laCodes,
      @JsonProperty("case_characteristics") List<String> caseCharacteristics,
      @JsonProperty("covid_factor") String covidFactor,
      @JsonProperty("practice_themes") List<String> practiceThemes,
      @JsonProperty("lcspr_decisions") List<String> lcsprDecisions) {}

  /** One code of a coding frame: its scale is PRESENCE (Y/N) or IMPACT (NONE/LOW/MEDIUM/HIGH). */
  public record FrameCodeBody(
      @JsonProperty("code") String code,
      @JsonProperty("label") String label,
      @JsonProperty("definition") String definition,
      @JsonProperty("scale") String scale) {}

  /** A new analysis: {@code lead} defaults to the caller. */
  public record NewAnalysisBody(
      @JsonProperty("ref") String ref,
      @JsonProperty("title") String title,
      @JsonProperty("question") String question,
      @JsonProperty("lead") String lead,
      @JsonProperty("population") PopulationBody population,
      @JsonProperty("frame") List<FrameCodeBody> frame) {}

  /** How to draw: exactly one of size and percent; a seed; optionally a control group. */
  public record DrawBody(
      @JsonProperty("size") Integer size,
      @JsonProperty("percent") String percent,
      @JsonProperty("seed") Long seed,
      @JsonProperty("stratify") String stratify,
      @JsonProperty("control") Integer control,
      @JsonProperty("control_population") PopulationBody controlPopulation) {}

  private Viewer viewer(HttpServletRequest request) {
    return viewers.of(request.getUserPrincipal());
  }

  // --- analyses ----------------------------------------------------------------------------------

  @Operation(summary = "The analyses the caller may see (the lead: all; a coder: theirs)")
  @GetMapping
  public List<Map<String, Object>> list(HttpServletRequest request) {
    return analyses.list(viewer(request)).stream().map(AnalysesApiController::json).toList();
  }

  @Operation(summary = "Create an analysis (scoping), with its population and coding frame")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> create(
      @RequestBody NewAnalysisBody body, HttpServletRequest request) {
    Viewer viewer = viewer(request);
    List<Problem> problems = new ArrayList<>();
    Population population =
        body.population() == null ? null : population("population", body.population(), problems);
    List<FrameCode> frame = new ArrayList<>();
    if (body.frame() != null) {
      for (int i = 0; i < body.frame().size(); i++) {
        FrameCodeBody c = body.frame().get(i);
        String field = "frame[" + (i + 1) + "]";
        if (c == null) {
          problems.add(new Problem(field, "give the code, its label, definition and scale"));
          continue;
        }
        Scale scale = null;
        if (c.scale() == null || c.scale().isBlank()) {
          problems.add(new Problem(field + ".scale", "give the scale: PRESENCE or IMPACT"));
        } else {
          try {
            scale = Scale.valueOf(c.scale().strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            problems.add(
                new Problem(
                    field + ".scale",
                    "'" + c.scale() + "' is not a scale: use PRESENCE (Y/N) or IMPACT"));
          }
        }
        checkCode(field, c, problems);
        frame.add(new FrameCode(c.code(), c.label(), c.definition(), scale));
      }
      Set<String> seen = new java.util.HashSet<>();
      for (FrameCode c : frame) {
        if (c.code() != null && !seen.add(c.code())) {
          problems.add(new Problem("frame", "The code " + c.code() + " is given twice"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    String lead = body.lead() == null || body.lead().isBlank() ? viewer.actor() : body.lead();
    Analysis a =
        analyses.create(
            new NewAnalysis(body.ref(), body.title(), body.question(), lead, population), viewer);
    if (!frame.isEmpty()) {
      a = analyses.frame(a.ref(), frame, viewer);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.LOCATION, "/api/v1/analyses/" + a.ref())
        .body(json(a, analyses.count(a.population(), viewer)));
  }

  @Operation(summary = "One analysis: its status, population (with today's count) and frame")
  @GetMapping("/{ref}")
  public Map<String, Object> analysis(@PathVariable String ref, HttpServletRequest request) {
    Viewer viewer = viewer(request);
    Analysis a = analyses.get(ref, viewer);
    return json(a, a.draw() == null ? analyses.count(a.population(), viewer) : null);
  }

  @Operation(summary = "Draw the sample (and a control group), once, with a recorded seed")
  @PostMapping(path = "/{ref}/draw", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> draw(
      @PathVariable String ref, @RequestBody DrawBody body, HttpServletRequest request) {
    List<Problem> problems = new ArrayList<>();
    BigDecimal percent = null;
    if (body.percent() != null) {
      try {
        percent = new BigDecimal(body.percent().strip());
      } catch (NumberFormatException e) {
        problems.add(
            new Problem("percent", "'" + body.percent() + "' is not a number: give 0.1 to 100"));
      }
    }
    if (body.seed() == null) {
      problems.add(new Problem("seed", "give the seed, a whole number (e.g. 2020)"));
    }
    Stratify stratify = Stratify.NONE;
    if (body.stratify() != null && !body.stratify().isBlank()) {
      try {
        stratify = Stratify.valueOf(body.stratify().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                "stratify",
                "'" + body.stratify() + "' is not known: use NONE, REGION, TYPE or CATEGORY"));
      }
    }
    Population control =
        body.controlPopulation() == null
            ? null
            : population("control_population", body.controlPopulation(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    Viewer viewer = viewer(request);
    Analysis a =
        analyses.draw(
            ref,
            new DrawRequest(body.size(), percent, body.seed(), stratify, body.control(), control),
            viewer);
    return json(a, null);
  }

  // --- the sample --------------------------------------------------------------------------------

  @Operation(summary = "The drawn cases, sample then control (JSON, or CSV with Accept: text/csv)")
  @GetMapping(
      path = "/{ref}/sample",
      produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
  public ResponseEntity<?> sample(
      @PathVariable String ref,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request)
      throws IOException {
    List<AnalysisCase> cases = analyses.cases(ref, viewer(request));
    if (wantsCsv(accept)) {
      StringWriter w = new StringWriter();
      SampleCsv.write(cases, w);
      return csv(w.toString(), ref + "-sample.csv");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (AnalysisCase c : cases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("notification_ref", c.notificationRef());
      m.put("group", c.group().name());
      m.put("position", c.position());
      m.put("la_code", c.laCode());
      m.put("region", c.regionCode());
      m.put("notification_type", c.notificationType());
      m.put("death_category", c.deathCategory());
      m.put("harm_category", c.harmCategory());
      m.put("age_band", c.ageBand());
      m.put("case_theme", c.caseTheme());
      m.put("left_population", c.leftPopulation());
      out.add(m);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
  }

  // --- codings and resolutions -------------------------------------------------------------------

  @Operation(
      summary =
          "Import codings (text/csv: analysis_ref, notification_ref, coder, code, value), all or"
              + " nothing")
  @PostMapping(path = "/{ref}/codings", consumes = CSV)
  public Map<String, Object> codings(
      @PathVariable String ref, @RequestBody String csv, HttpServletRequest request) {
    int n = analyses.importCodings(ref, new StringReader(csv), viewer(request));
    return Map.of("analysis_ref", ref, "imported", n);
  }

  @Operation(
      summary =
          "Import resolutions of disagreements (text/csv, the layout of codings, coder = the"
              + " resolver), all or nothing")
  @PostMapping(path = "/{ref}/resolutions", consumes = CSV)
  public Map<String, Object> resolutions(
      @PathVariable String ref, @RequestBody String csv, HttpServletRequest request) {
    Viewer viewer = viewer(request);
    int n = analyses.importResolutions(ref, new StringReader(csv), viewer);
    long open = analyses.disagreements(ref, viewer).stream().filter(d -> !d.resolved()).count();
    return Map.of("analysis_ref", ref, "imported", n, "unresolved", open);
  }

  // --- results -----------------------------------------------------------------------------------

  @Operation(
      summary =
          "The results (JSON: rows and agreement; CSV with Accept: text/csv: results.csv, or with"
              + " part=agreement the agreement)")
  @GetMapping(
      path = "/{ref}/results",
      produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
  public ResponseEntity<?> results(
      @PathVariable String ref,
      @Parameter(description = "death_category, harm_category, age_band or case_theme")
          @RequestParam(required = false)
          String grouping,
      @Parameter(description = "For CSV: results (the default) or agreement")
          @RequestParam(required = false)
          String part,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request)
      throws IOException {
    Grouping by = grouping(grouping);
    boolean agreement = false;
    if (part != null && !part.isBlank()) {
      switch (part.strip().toLowerCase(Locale.ROOT)) {
        case "results" -> agreement = false;
        case "agreement" -> agreement = true;
        default ->
            throw new InvalidAnalysisException(
                "part", "'" + part + "' is not known: use results or agreement");
      }
    }
    AnalysisResults results = analyses.results(ref, by, viewer(request));
    if (wantsCsv(accept)) {
      StringWriter w = new StringWriter();
      if (agreement) {
        ResultsCsv.writeAgreement(results, w);
        return csv(w.toString(), ResultsCsv.agreementName(ref + "-results.csv"));
      }
      ResultsCsv.write(results, w);
      return csv(w.toString(), ref + "-results.csv");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("analysis_ref", results.analysisRef());
    out.put("grouping", results.grouping() == null ? null : results.grouping().option());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ResultRow r : results.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", r.code());
      m.put("value", r.value());
      m.put("group", r.group().name());
      m.put("grouping", r.grouping());
      m.put("cases", r.cases());
      m.put("count", r.count());
      m.put("percent", r.percent());
      m.put("ci_low", r.ciLow());
      m.put("ci_high", r.ciHigh());
      rows.add(m);
    }
    out.put("rows", rows);
    List<Map<String, Object>> agreed = new ArrayList<>();
    for (AgreementRow a : results.agreement()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", a.code());
      m.put("cases_double_coded", a.casesDoubleCoded());
      m.put("percent_agreement", a.percentAgreement());
      m.put("kappa", a.kappa());
      agreed.add(m);
    }
    out.put("agreement", agreed);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out);
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** The service's rules for a frame's code, checked before the analysis is stored. */
  static void checkCode(String field, FrameCodeBody c, List<Problem> problems) {
    if (c.code() == null || !ThematicAnalyses.CODE.matcher(c.code()).matches()) {
      problems.add(
          new Problem(
              field + ".code",
              (c.code() == null ? "(blank)" : "'" + c.code() + "'")
                  + ": a code is capital letters, numbers and underscores, starting with a"
                  + " letter"));
    }
    if (c.label() == null
        || c.label().isBlank()
        || c.label().length() > ThematicAnalyses.MAX_LABEL) {
      problems.add(
          new Problem(
              field + ".label",
              "give the code's label, " + ThematicAnalyses.MAX_LABEL + " characters or fewer"));
    }
    if (c.definition() == null
        || c.definition().isBlank()
        || c.definition().length() > ThematicAnalyses.MAX_DEFINITION) {
      problems.add(
          new Problem(
              field + ".definition",
              "give the code's definition, "
                  + ThematicAnalyses.MAX_DEFINITION
                  + " characters or fewer"));
    }
  }

  static Grouping grouping(String grouping) {
    if (grouping == null || grouping.isBlank()) {
      return null;
    }
    String g = grouping.strip().toLowerCase(Locale.ROOT);
    for (Grouping x : Grouping.values()) {
      if (x.option().equals(g)) {
        return x;
      }
    }
    throw new InvalidAnalysisException(
        "grouping",
        "'"
            + grouping
            + "' is not known: use death_category, harm_category, age_band or case_theme");
  }

  static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    for (MediaType t : MediaType.parseMediaTypes(accept)) {
      if (t.getType().equals("text") && t.getSubtype().equals("csv")) {
        return true;
      }
    }
    return false;
  }

  static ResponseEntity<String> csv(String body, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(body);
  }

  static Population population(String prefix, PopulationBody b, List<Problem> problems) {
    return new Population(
        date(prefix + ".incident_from", b.incidentFrom(), problems),
        date(prefix + ".incident_to", b.incidentTo(), problems),
        date(prefix + ".notified_from", b.notifiedFrom(), problems),
        date(prefix + ".notified_to", b.notifiedTo(), problems),
        date(prefix + ".received_from", b.receivedFrom(), problems),
        date(prefix + ".received_to", b.receivedTo(), problems),
        set(b.types()),
        set(b.deathCategories()),
        set(b.harmCategories()),
        set(b.ageBands()),
        set(b.regions()),
        set(b.laCodes()),
        set(b.caseCharacteristics()),
        b.covidFactor() == null || b.covidFactor().isBlank()
            ? null
            : b.covidFactor().strip().toUpperCase(Locale.ROOT),
        set(b.practiceThemes()),
        set(b.lcsprDecisions()));
  }

  static LocalDate date(String field, String value, List<Problem> problems) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(field, "'" + value + "' is not a date: give it as YYYY-MM-DD"));
      return null;
    }
  }

  static Set<String> set(List<String> values) {
    if (values == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  static Map<String, Object> json(Analysis a) {
    return json(a, null);
  }

  static Map<String, Object> json(Analysis a, Integer count) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", a.ref());
    m.put("title", a.title());
    m.put("question", a.question());
    m.put("lead", a.lead());
    m.put("status", a.status().name());
    m.put("status_label", a.status().label());
    m.put("population", population(a.population()));
    if (count != null) {
      m.put("population_count", count);
    }
    List<Map<String, Object>> frame = new ArrayList<>();
    for (FrameCode c : a.frame()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("code", c.code());
      f.put("label", c.label());
      f.put("definition", c.definition());
      f.put("scale", c.scale() == null ? null : c.scale().name());
      f.put("values", c.scale() == null ? List.of() : List.copyOf(c.scale().levels().keySet()));
      frame.add(f);
    }
    m.put("frame", frame);
    if (a.draw() != null) {
      DrawRequest d = a.draw();
      Map<String, Object> draw = new LinkedHashMap<>();
      draw.put("size", d.size());
      draw.put("percent", d.percent());
      draw.put("seed", d.seed());
      draw.put("stratify", d.stratify().name());
      draw.put("control", d.controlSize());
      draw.put("control_population", d.control() == null ? null : population(d.control()));
      m.put("draw", draw);
    } else {
      m.put("draw", null);
    }
    m.put("created", a.created() == null ? null : a.created().toString());
    m.put("published", a.published() == null ? null : a.published().toString());
    return m;
  }

  static Map<String, Object> population(Population p) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p == null) {
      return m;
    }
    m.put("incident_from", text(p.incidentFrom()));
    m.put("incident_to", text(p.incidentTo()));
    m.put("notified_from", text(p.notifiedFrom()));
    m.put("notified_to", text(p.notifiedTo()));
    m.put("received_from", text(p.receivedFrom()));
    m.put("received_to", text(p.receivedTo()));
    m.put("notification_types", sorted(p.types()));
    m.put("death_categories", sorted(p.deathCategories()));
    m.put("harm_categories", sorted(p.harmCategories()));
    m.put("age_bands", sorted(p.ageBands()));
    m.put("regions", sorted(p.regions()));
    m.put("la_codes", sorted(p.laCodes()));
    m.put("case_characteristics", sorted(p.caseCharacteristics()));
    m.put("covid_factor", p.covidFactor());
    m.put("practice_themes", sorted(p.practiceThemes()));
    m.put("lcspr_decisions", sorted(p.lcsprDecisions()));
    return m;
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
