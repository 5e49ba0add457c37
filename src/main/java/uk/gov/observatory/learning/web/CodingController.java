package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisNotFoundException;
import uk.gov.observatory.learning.AnalysisStatus;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.Coding;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * A coder's pages: the cases they are given ("Cases to code") and the coding page, where one case
 * is coded beside the rapid review's text and its LCSPR's, code by code. Blind: a coder sees only
 * their own values, never another coder's.
 */
@PageController
class CodingController extends LearningPages {

  private final ThematicAnalyses analyses;
  private final RapidReviews rapidReviews;
  private final Lcsprs lcsprs;

  CodingController(
      ThematicAnalyses analyses,
      RapidReviews rapidReviews,
      Lcsprs lcsprs,
      Viewers viewers,
      Fmt fmt) {
    super(viewers, fmt);
    this.analyses = analyses;
    this.rapidReviews = rapidReviews;
    this.lcsprs = lcsprs;
  }

  /** One of the coder's cases: the case in words and whether they have coded every code. */
  public record ToCode(CaseRow c, boolean coded, boolean second) {}

  private List<Assignment> mine(String ref, Viewer viewer) {
    return analyses.assignments(ref, viewer).stream()
        .filter(a -> a.assigned(viewer.actor()))
        .toList();
  }

  private List<Coding> myCodings(String ref, Viewer viewer) {
    return analyses.codings(ref, viewer).stream()
        .filter(c -> c.coder().equals(viewer.actor()))
        .toList();
  }

  private static boolean complete(String caseRef, List<Coding> mine, List<FrameCode> frame) {
    return !frame.isEmpty()
        && frame.stream()
            .allMatch(
                f ->
                    mine.stream()
                        .anyMatch(
                            c -> c.notificationRef().equals(caseRef) && c.code().equals(f.code())));
  }

  @GetMapping("/analyses/{ref}/to-code")
  public String toCode(
      @PathVariable String ref, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = viewer(principal);
    Analysis a = analyses.get(ref, viewer);
    List<Assignment> mine = mine(ref, viewer);
    List<Coding> codings = myCodings(ref, viewer);
    Map<String, AnalysisCase> cases = new LinkedHashMap<>();
    analyses.cases(ref, viewer).forEach(c -> cases.put(c.notificationRef(), c));
    List<ToCode> rows = new ArrayList<>();
    for (Assignment x : mine) {
      AnalysisCase c = cases.get(x.notificationRef());
      CaseRow row =
          c == null
              ? new CaseRow(x.notificationRef(), "", "", "", "", "", "", false, null, null)
              : row(c, null);
      rows.add(
          new ToCode(
              row,
              complete(x.notificationRef(), codings, a.frame()),
              viewer.actor().equals(x.secondCoder())));
    }
    model.addAttribute("analysis", a);
    model.addAttribute("rows", rows);
    model.addAttribute("left", rows.stream().filter(r -> !r.coded()).count());
    model.addAttribute(
        "next",
        rows.stream().filter(r -> !r.coded()).map(r -> r.c().ref()).findFirst().orElse(null));
    model.addAttribute("done", request.getParameter("done") != null);
    model.addAttribute("lead", isLead(principal));
    return "learning/to-code";
  }

  /** A section of the text the coder reads: its heading, question and answer. */
  public record Section(String group, String key, String label, String text) {}

  /** A code of the frame with the radios of its scale and the coder's value. */
  public record CodeChoice(FrameCode code, List<PopulationForm.Choice> values) {}

  @GetMapping("/analyses/{ref}/cases/{caseRef}")
  public String codingPage(
      @PathVariable String ref, @PathVariable String caseRef, Model model, Principal principal) {
    Viewer viewer = viewer(principal);
    Analysis a = analyses.get(ref, viewer);
    Assignment assignment = assignmentOf(ref, caseRef, viewer);
    Map<String, String> values = new LinkedHashMap<>();
    myCodings(ref, viewer).stream()
        .filter(c -> c.notificationRef().equals(caseRef))
        .forEach(c -> values.put(c.code(), c.value()));
    return codingView(model, a, assignment, viewer, values, new FormErrors());
  }

  private Assignment assignmentOf(String ref, String caseRef, Viewer viewer) {
    return mine(ref, viewer).stream()
        .filter(x -> x.notificationRef().equals(caseRef))
        .findFirst()
        .orElseThrow(() -> new AnalysisNotFoundException(ref + " " + caseRef));
  }

  private String codingView(
      Model model,
      Analysis a,
      Assignment assignment,
      Viewer viewer,
      Map<String, String> values,
      FormErrors errors) {
    String caseRef = assignment.notificationRef();
    List<Assignment> mine = mine(a.ref(), viewer);
    int position = 0;
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i).notificationRef().equals(caseRef)) {
        position = i + 1;
      }
    }
    AnalysisCase drawn =
        analyses.cases(a.ref(), viewer).stream()
            .filter(c -> c.notificationRef().equals(caseRef))
            .findFirst()
            .orElse(null);
    Optional<RapidReview> review = rapidReviews.view(caseRef, viewer);
    List<List<Section>> reviewText =
        review.map(r -> grouped(sections(r.content()))).orElse(List.of());
    List<LcsprText> lcsprTexts = new ArrayList<>();
    for (Lcspr l : lcsprs.of(caseRef, viewer)) {
      lcsprTexts.add(new LcsprText(l.ref(), grouped(sections(l))));
    }
    List<CodeChoice> choices = new ArrayList<>();
    for (FrameCode f : a.frame()) {
      List<PopulationForm.Choice> vs = new ArrayList<>();
      f.scale()
          .levels()
          .forEach(
              (value, label) ->
                  vs.add(
                      new PopulationForm.Choice(value, label, value.equals(values.get(f.code())))));
      choices.add(new CodeChoice(f, vs));
    }
    model.addAttribute("analysis", a);
    model.addAttribute("caseRef", caseRef);
    model.addAttribute("drawn", drawn == null ? null : row(drawn, null));
    model.addAttribute("position", position);
    model.addAttribute("of", mine.size());
    model.addAttribute("received", review.map(RapidReview::receivedDate).orElse(null));
    model.addAttribute("reviewText", reviewText);
    model.addAttribute("lcsprs", lcsprTexts);
    model.addAttribute("choices", choices);
    model.addAttribute("errors", errors);
    model.addAttribute("open", a.status() == AnalysisStatus.CODING);
    return "learning/code";
  }

  /** An LCSPR's text, section by section. */
  public record LcsprText(String ref, List<List<Section>> groups) {}

  private static List<List<Section>> grouped(List<Section> sections) {
    Map<String, List<Section>> g = new LinkedHashMap<>();
    sections.forEach(s -> g.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s));
    return new ArrayList<>(g.values());
  }

  private List<Section> sections(RapidReviewContent c) {
    List<Section> s = new ArrayList<>();
    s.add(new Section("Facts", "agenciesInvolved", "Agencies involved", c.agenciesInvolved()));
    s.add(new Section("Facts", "chronology", "A brief chronology", c.chronology()));
    s.add(
        new Section(
            "Facts",
            "immediateActions",
            "Immediate actions taken to keep children safe",
            c.immediateActions()));
    s.add(
        new Section(
            "Learning", "learningIdentified", "Learning identified", c.learningIdentified()));
    s.add(
        new Section(
            "Learning",
            "disseminationPlan",
            "How the learning will be shared",
            c.disseminationPlan()));
    s.add(
        new Section(
            "Decision",
            "decision",
            "Will there be a local child safeguarding practice review?",
            c.decision() == null ? null : fmt.label("rapid_review_decision", c.decision().name())));
    s.add(
        new Section(
            "Decision",
            "decisionRationale",
            "The rationale for the decision",
            c.decisionRationale()));
    s.add(
        new Section(
            "Practice themes",
            "practiceThemes",
            "Practice themes the partnership identified",
            c.practiceThemes().isEmpty()
                ? null
                : String.join(
                    "\n",
                    c.practiceThemes().stream()
                        .map(t -> fmt.label(CodeLists.PRACTICE_THEMES, t))
                        .toList())));
    return s;
  }

  private List<Section> sections(Lcspr l) {
    List<Section> s = new ArrayList<>();
    String g = "What the local review records";
    s.add(new Section(g, "scope", "Scope", l.details().scope()));
    s.add(new Section(g, "reviewQuestions", "Review questions", l.details().reviewQuestions()));
    s.add(new Section(g, "methodology", "Methodology", l.details().methodology()));
    s.add(
        new Section(
            g,
            "familyInvolvement",
            "How the family was involved",
            l.details().familyInvolvement()));
    s.add(
        new Section(
            g,
            "practitionerInvolvement",
            "How practitioners were involved",
            l.details().practitionerInvolvement()));
    s.add(
        new Section(
            g,
            "disseminationPlan",
            "How the learning will be shared",
            l.details().disseminationPlan()));
    if (!l.recommendations().isEmpty()) {
      s.add(
          new Section(
              g,
              "recommendations",
              "Recommendations",
              String.join("\n", l.recommendations().stream().map(r -> "• " + r.text()).toList())));
    }
    return s;
  }

  @PostMapping("/analyses/{ref}/cases/{caseRef}")
  public String code(
      @PathVariable String ref,
      @PathVariable String caseRef,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewer(principal);
    Analysis a = analyses.get(ref, viewer);
    Assignment assignment = assignmentOf(ref, caseRef, viewer);
    Map<String, String> values = new LinkedHashMap<>();
    FormErrors errors = new FormErrors();
    for (FrameCode f : a.frame()) {
      String v = text(request, "value-" + f.code());
      if (v.isEmpty()) {
        errors.add("value-" + f.code(), "Choose a value for " + f.label());
      } else if (!f.scale().allows(v)) {
        errors.add(
            "value-" + f.code(),
            "Choose a value for "
                + f.label()
                + " from the list: "
                + String.join(", ", f.scale().levels().values()));
      } else {
        values.put(f.code(), v);
      }
    }
    if (errors.isEmpty()) {
      try {
        analyses.code(ref, caseRef, values, viewer);
        String next = nextAfter(ref, caseRef, viewer, a.frame());
        return next == null
            ? "redirect:/analyses/" + ref + "/to-code?done"
            : "redirect:/analyses/" + ref + "/cases/" + next;
      } catch (InvalidAnalysisException e) {
        Map<String, String> ids = new LinkedHashMap<>();
        a.frame().forEach(f -> ids.put(f.code(), "value-" + f.code()));
        errorsOf(e, errors, ids);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return codingView(model, a, assignment, viewer, values, errors);
  }

  /** The coder's next case not yet coded (after this one, then from the start), or null. */
  private String nextAfter(String ref, String caseRef, Viewer viewer, List<FrameCode> frame) {
    List<Assignment> mine = mine(ref, viewer);
    List<Coding> codings = myCodings(ref, viewer);
    int at = 0;
    for (int i = 0; i < mine.size(); i++) {
      if (mine.get(i).notificationRef().equals(caseRef)) {
        at = i;
      }
    }
    for (int step = 1; step <= mine.size(); step++) {
      String r = mine.get((at + step) % mine.size()).notificationRef();
      if (!r.equals(caseRef) && !complete(r, codings, frame)) {
        return r;
      }
    }
    return null;
  }
}
