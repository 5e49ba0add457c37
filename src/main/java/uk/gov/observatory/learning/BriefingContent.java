package uk.gov.observatory.learning;

import java.time.LocalDate;
import java.util.List;
import uk.gov.observatory.analytics.PublishedReport;

/**
 * What a learning briefing says, laid out for its page and its PDF (and frozen as it is when the
 * briefing is published): the quarter's figures from the analytics, disclosure-controlled; the
 * practice themes of the rapid reviews received in the quarter; the thematic analyses published in
 * the quarter with their headline results; and the approved learning excerpts. Every figure is as
 * published: a whole number, a percentage with one decimal, or a symbol ("c" for a count of 1 or 2
 * not shown).
 *
 * @param asAt the day the figures were read
 * @param figures the analytics' tables of the quarter (headline figures, categories of death and of
 *     serious harm), laid out as the Panel's report prints them
 * @param reviewsReceived how many rapid reviews were received in the quarter (controlled)
 */
public record BriefingContent(
    int year,
    int quarter,
    String title,
    LocalDate from,
    LocalDate to,
    LocalDate asAt,
    String introduction,
    List<PublishedReport.Table> figures,
    String reviewsReceived,
    List<Theme> themes,
    List<AnalysisSummary> analyses,
    List<ExcerptText> excerpts) {

  public BriefingContent {
    figures = figures == null ? List.of() : List.copyOf(figures);
    themes = themes == null ? List.of() : List.copyOf(themes);
    analyses = analyses == null ? List.of() : List.copyOf(analyses);
    excerpts = excerpts == null ? List.of() : List.copyOf(excerpts);
  }

  /** A practice theme and how many rapid reviews received in the quarter found it (controlled). */
  public record Theme(String code, String label, String count) {}

  /**
   * A thematic analysis published in the quarter: what it asked and its headline results.
   *
   * @param note why there are no headline results, or null
   */
  public record AnalysisSummary(
      String ref,
      String title,
      String question,
      LocalDate published,
      List<Headline> headlines,
      String note) {

    public AnalysisSummary {
      headlines = headlines == null ? List.of() : List.copyOf(headlines);
    }
  }

  /**
   * One code's headline result: the share of the sample coded with the value (present, or a high
   * impact), of the control group, and the difference, each in words with its 95% interval.
   */
  public record Headline(
      String code, String label, String value, String sample, String control, String difference) {}

  /** An approved excerpt: where it came from, in words, and its text. */
  public record ExcerptText(String source, String text) {}
}
