package uk.gov.observatory.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import uk.gov.observatory.learning.LearningStatistics.Interval;
import uk.gov.observatory.learning.LearningStatistics.Pair;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;

/**
 * An analysis's results from its drawn cases and codings (a pure computation, no storage): for each
 * code and value, the share of cases in the sample and in the control group with Wilson's 95%
 * interval, the difference with Newcombe's interval, all cases and then by the grouping; and the
 * agreement over the double-coded cases. A case counts once per code: the resolved value where its
 * two coders disagree, otherwise its first coder's.
 *
 * <p>In detail:
 *
 * <ul>
 *   <li>A case's value of a code: the resolution where its disagreement on that code is resolved;
 *       otherwise its first coder's value (so an unresolved disagreement counts the first coder's
 *       value until a third person resolves it); the second coder's only where the first has not
 *       coded it yet. A case nobody has coded for that code is not counted for it: {@code cases} is
 *       the number of cases of the group with a value of the code, so a code coded for 30 of 40
 *       cases has shares of 30. A value the code's scale does not allow is not counted.
 *   <li>A case that has left its population (flagged) still counts: it was drawn.
 *   <li>Rows: the grouping {@code ALL} first, then each group of the chosen grouping that has a
 *       case (in the code list's order; cases without one, e.g. a serious harm case by category of
 *       death, in a last group "Not recorded"); within each, the frame's codes in order, each value
 *       of the code's scale in order, and for each the sample's row, the control group's (when one
 *       was drawn) and their difference (when one was drawn).
 *   <li>Agreement: per code, over the cases with a second coder where both coders have coded the
 *       code, the codings as they were (not the resolutions).
 * </ul>
 */
public final class Results {

  private Results() {}

  /** The group of a case without a value of the grouping (e.g. no category of death). */
  public static final String NOT_RECORDED = "Not recorded";

  /**
   * @param grouping null: all cases only
   * @param codings every coder's codings
   * @param disagreements the disagreements with their resolutions (resolved or not)
   */
  public static AnalysisResults compute(
      String analysisRef,
      List<FrameCode> frame,
      List<AnalysisCase> cases,
      List<Assignment> assignments,
      List<Coding> codings,
      List<Disagreement> disagreements,
      Grouping grouping) {
    Map<String, Assignment> assigned = new HashMap<>();
    for (Assignment a : assignments) {
      assigned.put(a.notificationRef(), a);
    }
    // case → code → coder → value (the order the codings came in)
    Map<String, Map<String, Map<String, String>>> coded = new HashMap<>();
    for (Coding c : codings) {
      coded
          .computeIfAbsent(c.notificationRef(), k -> new HashMap<>())
          .computeIfAbsent(c.code(), k -> new LinkedHashMap<>())
          .put(c.coder(), c.value());
    }
    Map<String, String> resolved = new HashMap<>();
    for (Disagreement d : disagreements) {
      if (d.resolved()) {
        resolved.put(key(d.notificationRef(), d.code()), d.resolvedValue());
      }
    }

    boolean control = cases.stream().anyMatch(c -> c.group() == Group.CONTROL);
    List<String> groupLabels = new ArrayList<>();
    groupLabels.add(ResultRow.ALL);
    Function<AnalysisCase, String> groupOf = c -> ResultRow.ALL;
    if (grouping != null) {
      groupOf = c -> label(grouping, c);
      groupLabels.addAll(groups(grouping, cases));
    }

    List<ResultRow> rows = new ArrayList<>();
    for (String groupLabel : groupLabels) {
      List<AnalysisCase> inGroup = new ArrayList<>();
      for (AnalysisCase c : cases) {
        if (groupLabel.equals(ResultRow.ALL) || groupLabel.equals(groupOf.apply(c))) {
          inGroup.add(c);
        }
      }
      for (FrameCode code : frame) {
        Map<Group, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<Group, Integer> totals = new LinkedHashMap<>();
        for (Group g : List.of(Group.SAMPLE, Group.CONTROL)) {
          counts.put(g, new HashMap<>());
          totals.put(g, 0);
        }
        for (AnalysisCase c : inGroup) {
          String value = value(c.notificationRef(), code.code(), assigned, coded, resolved);
          if (value == null || !code.scale().allows(value) || !counts.containsKey(c.group())) {
            continue;
          }
          counts.get(c.group()).merge(value, 1, Integer::sum);
          totals.merge(c.group(), 1, Integer::sum);
        }
        int n1 = totals.get(Group.SAMPLE);
        int n2 = totals.get(Group.CONTROL);
        for (String value : code.scale().levels().keySet()) {
          int c1 = counts.get(Group.SAMPLE).getOrDefault(value, 0);
          int c2 = counts.get(Group.CONTROL).getOrDefault(value, 0);
          rows.add(row(code.code(), value, Group.SAMPLE, groupLabel, c1, n1));
          if (control) {
            rows.add(row(code.code(), value, Group.CONTROL, groupLabel, c2, n2));
            Interval d = LearningStatistics.newcombe(c1, n1, c2, n2);
            rows.add(
                new ResultRow(
                    code.code(),
                    value,
                    Group.DIFFERENCE,
                    groupLabel,
                    null,
                    null,
                    LearningStatistics.percentDifference(c1, n1, c2, n2),
                    d.lowPercent(),
                    d.highPercent()));
          }
        }
      }
    }
    return new AnalysisResults(analysisRef, grouping, rows, agreement(frame, assignments, coded));
  }

  private static ResultRow row(String code, String value, Group group, String label, int c, int n) {
    Interval w = LearningStatistics.wilson(c, n);
    return new ResultRow(
        code,
        value,
        group,
        label,
        n,
        c,
        LearningStatistics.percent(c, n),
        w.lowPercent(),
        w.highPercent());
  }

  /**
   * The value a case counts for a code: the resolution, else the first coder's, else (the first has
   * not coded it) the second coder's; null when neither has coded it.
   */
  private static String value(
      String ref,
      String code,
      Map<String, Assignment> assigned,
      Map<String, Map<String, Map<String, String>>> coded,
      Map<String, String> resolved) {
    String resolution = resolved.get(key(ref, code));
    if (resolution != null) {
      return resolution;
    }
    Map<String, String> byCoder = coded.getOrDefault(ref, Map.of()).getOrDefault(code, Map.of());
    if (byCoder.isEmpty()) {
      return null;
    }
    Assignment a = assigned.get(ref);
    if (a == null) {
      return byCoder.values().iterator().next(); // no assignment: the first coding given
    }
    String first = byCoder.get(a.firstCoder());
    if (first != null) {
      return first;
    }
    return a.secondCoder() == null ? null : byCoder.get(a.secondCoder());
  }

  private static List<AgreementRow> agreement(
      List<FrameCode> frame,
      List<Assignment> assignments,
      Map<String, Map<String, Map<String, String>>> coded) {
    List<AgreementRow> rows = new ArrayList<>();
    for (FrameCode code : frame) {
      List<Pair> pairs = new ArrayList<>();
      for (Assignment a : assignments) {
        if (!a.doubleCoded()) {
          continue;
        }
        Map<String, String> byCoder =
            coded.getOrDefault(a.notificationRef(), Map.of()).getOrDefault(code.code(), Map.of());
        String first = byCoder.get(a.firstCoder());
        String second = byCoder.get(a.secondCoder());
        if (first != null && second != null) {
          pairs.add(new Pair(first, second));
        }
      }
      rows.add(
          new AgreementRow(
              code.code(),
              pairs.size(),
              LearningStatistics.percentAgreement(pairs),
              LearningStatistics.kappa(pairs)));
    }
    return rows;
  }

  /** The groups of a grouping that hold a case, in the code list's order, "Not recorded" last. */
  static List<String> groups(Grouping grouping, List<AnalysisCase> cases) {
    Set<String> present = new LinkedHashSet<>();
    for (AnalysisCase c : cases) {
      present.add(label(grouping, c));
    }
    List<String> ordered = new ArrayList<>();
    for (String label : order(grouping)) {
      if (present.remove(label)) {
        ordered.add(label);
      }
    }
    boolean notRecorded = present.remove(NOT_RECORDED);
    ordered.addAll(present); // anything the lists do not know, as it came
    if (notRecorded) {
      ordered.add(NOT_RECORDED);
    }
    return ordered;
  }

  /** A case's group of a grouping, by its label ("Suicide"). */
  static String label(Grouping grouping, AnalysisCase c) {
    String code =
        switch (grouping) {
          case DEATH_CATEGORY -> c.deathCategory();
          case HARM_CATEGORY -> c.harmCategory();
          case AGE_BAND -> c.ageBand();
          case CASE_THEME -> c.caseTheme();
        };
    if (code == null || code.isBlank()) {
      return NOT_RECORDED;
    }
    return switch (grouping) {
      case DEATH_CATEGORY -> Labels.label(CodeLists.DEATH_CATEGORY, code);
      case HARM_CATEGORY -> Labels.label(CodeLists.HARM_CATEGORY, code);
      case AGE_BAND -> AGE_BANDS.getOrDefault(code, code);
      case CASE_THEME -> theme(code);
    };
  }

  private static List<String> order(Grouping grouping) {
    return switch (grouping) {
      case DEATH_CATEGORY -> Labels.all(CodeLists.DEATH_CATEGORY);
      case HARM_CATEGORY -> Labels.all(CodeLists.HARM_CATEGORY);
      case AGE_BAND -> List.copyOf(AGE_BANDS.values());
      case CASE_THEME -> java.util.Arrays.stream(CaseTheme.values()).map(CaseTheme::label).toList();
    };
  }

  private static String theme(String code) {
    for (CaseTheme t : CaseTheme.values()) {
      if (t.name().equals(code) || t.label().equals(code)) {
        return t.label();
      }
    }
    return code;
  }

  /** The data standard's age bands (list 4.11), as the annual report writes them. */
  static final Map<String, String> AGE_BANDS = new LinkedHashMap<>();

  static {
    AGE_BANDS.put("UNDER_1", "Under 1");
    AGE_BANDS.put("AGE_1_4", "1 to 4");
    AGE_BANDS.put("AGE_5_9", "5 to 9");
    AGE_BANDS.put("AGE_10_14", "10 to 14");
    AGE_BANDS.put("AGE_15_17", "15 to 17");
  }

  /** The code lists' labels, read once. */
  private static final class Labels {
    static final ReferenceData REFERENCE = ReferenceData.fromClasspath();

    static String label(String list, String code) {
      return REFERENCE.codeList(list).find(code).map(Code::label).orElse(code);
    }

    static List<String> all(String list) {
      return REFERENCE.codeList(list).codes().stream().map(Code::label).toList();
    }
  }

  private static String key(String ref, String code) {
    return ref + "\u0000" + Objects.requireNonNull(code);
  }
}
