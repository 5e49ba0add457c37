package uk.gov.observatory.learning;

import java.util.List;

/**
 * An analysis's results from its drawn cases and codings (a pure computation, no storage): for each
 * code and value, the share of cases in the sample and in the control group with Wilson's 95%
 * interval, the difference with Newcombe's interval, all cases and then by the grouping; and the
 * agreement over the double-coded cases. A case counts once per code: the resolved value where its
 * two coders disagree, otherwise its first coder's.
 */
public final class Results {

  private Results() {}

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
    throw new UnsupportedOperationException("issue 17: being built");
  }
}
