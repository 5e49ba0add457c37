package uk.gov.observatory.learning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.gov.observatory.learning.LearningStatistics.Interval;

/**
 * An analysis's results drawn on the server as accessible SVG, in the look of the analytics pages'
 * charts (horizontal bars; the sample in GOV.UK blue, the control group in light grey outlined in
 * black, so the two differ without colour too), each bar with its 95% interval drawn as a line with
 * end caps. Each chart is an image (role img) with a title and a description that says what it
 * shows, its largest bars and where its figures are; the page renders the same figures as a table
 * from {@link Chart#rows()}.
 *
 * <ul>
 *   <li>{@link #byCode}: like the annual report's Graph 1, for each code of the frame the share of
 *       cases coded present (a present/absent code) or at medium or high impact (an impact code),
 *       in the sample and in the control group.
 *   <li>{@link #byGroup}: like Graph 2, one code's share by the results' grouping (the case
 *       themes).
 * </ul>
 *
 * A share is of the cases coded for that code (results.csv's {@code cases}); medium or high is the
 * two values' counts added, its interval Wilson's over the sum.
 */
public final class ResultCharts {

  private ResultCharts() {}

  /** GOV.UK blue, 5.2:1 on white (as analytics' charts). */
  static final String BLUE = "#1d70b8";

  /** GOV.UK light grey, outlined in GOV.UK black. */
  static final String GREY = "#f3f2f1";

  static final String BLACK = "#0b0c0c";

  /** GOV.UK mid grey for the scale's lines, 3:1 not needed (decoration; the figures are text). */
  static final String GRID = "#b1b4b6";

  /** The values that count as "present" on each scale. */
  static final Map<Scale, Set<String>> PRESENT =
      Map.of(Scale.PRESENCE, Set.of("Y"), Scale.IMPACT, Set.of("MEDIUM", "HIGH"));

  /**
   * One bar: a group's share, as a percentage to 1 decimal place with Wilson's 95% interval
   * (percent and interval null when no case of the group was coded).
   */
  public record Bar(
      Group group, int count, int cases, BigDecimal percent, BigDecimal low, BigDecimal high) {

    /** The bar in words, for the table: "27 of 43: 62.8% (95% interval 47.9% to 75.6%)". */
    public String text() {
      if (percent == null) {
        return "No cases";
      }
      return String.format(
          Locale.UK,
          "%,d of %,d: %s%% (95%% interval %s%% to %s%%)",
          count,
          cases,
          percent.toPlainString(),
          low.toPlainString(),
          high.toPlainString());
    }
  }

  /** One row of a chart (a code, or a group of the grouping): its bars, sample then control. */
  public record Row(String label, List<Bar> bars) {

    public Bar bar(Group group) {
      return bars.stream().filter(b -> b.group() == group).findFirst().orElse(null);
    }
  }

  /**
   * A chart: its id (unique on a page), title, text alternative, the groups it compares (sample,
   * and control when one was drawn), its rows, and the SVG element itself.
   */
  public record Chart(
      String id, String title, String description, List<Group> series, List<Row> rows, String svg) {

    public Chart {
      series = List.copyOf(series);
      rows = List.copyOf(rows);
    }

    /** The series' names ("Sample", "Control group"), the table's column headings. */
    public List<String> seriesLabels() {
      return series.stream().map(Group::label).toList();
    }
  }

  /**
   * The charts of a page: Graph 1's over every code, then (when the results are grouped) Graph 2's
   * for each code.
   */
  public static List<Chart> of(AnalysisResults results, List<FrameCode> frame) {
    List<Chart> charts = new ArrayList<>();
    if (frame.isEmpty()) {
      return charts;
    }
    charts.add(byCode(results, frame));
    if (results.grouping() != null) {
      for (FrameCode code : frame) {
        charts.add(byGroup(results, code));
      }
    }
    return charts;
  }

  /** Like Graph 1: each code's share present (or at medium or high impact), all cases. */
  public static Chart byCode(AnalysisResults results, List<FrameCode> frame) {
    List<Group> series = series(results);
    List<Row> rows = new ArrayList<>();
    for (FrameCode code : frame) {
      rows.add(new Row(code.label(), bars(results, code, ResultRow.ALL, series)));
    }
    Set<Scale> scales = new java.util.HashSet<>();
    frame.forEach(f -> scales.add(f.scale()));
    String what =
        scales.equals(Set.of(Scale.IMPACT))
            ? "had a medium or high impact"
            : scales.equals(Set.of(Scale.PRESENCE))
                ? "was present"
                : "was present or had a medium or high impact";
    String title =
        "Share of cases where each code "
            + what
            + (series.contains(Group.CONTROL) ? ", sample and control group" : ", sample");
    String id = "result-chart-" + slug(results.analysisRef()) + "-codes";
    return chart(id, title, series, rows);
  }

  /**
   * Like Graph 2: one code's share present (or at medium or high impact) in each group of the
   * results' grouping (no rows when the results are not grouped).
   */
  public static Chart byGroup(AnalysisResults results, FrameCode code) {
    List<Group> series = series(results);
    List<Row> rows = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (ResultRow r : results.rows()) {
      if (!r.grouping().equals(ResultRow.ALL) && !groups.contains(r.grouping())) {
        groups.add(r.grouping());
      }
    }
    for (String group : groups) {
      rows.add(new Row(group, bars(results, code, group, series)));
    }
    String by =
        results.grouping() == null
            ? ""
            : ", by " + results.grouping().label().toLowerCase(Locale.ROOT);
    String what =
        code.scale() == Scale.IMPACT ? "with a medium or high impact" : "where it was present";
    String title = code.label() + ": share of cases " + what + by;
    String id = "result-chart-" + slug(results.analysisRef()) + "-" + slug(code.code());
    return chart(id, title, series, rows);
  }

  private static List<Group> series(AnalysisResults results) {
    boolean control = results.rows().stream().anyMatch(r -> r.group() == Group.CONTROL);
    return control ? List.of(Group.SAMPLE, Group.CONTROL) : List.of(Group.SAMPLE);
  }

  /** A code's "present" bars in one grouping's group, one a series. */
  private static List<Bar> bars(
      AnalysisResults results, FrameCode code, String grouping, List<Group> series) {
    Set<String> present = PRESENT.get(code.scale());
    List<Bar> bars = new ArrayList<>();
    for (Group group : series) {
      int count = 0;
      int cases = 0;
      for (ResultRow r : results.rows()) {
        if (r.code().equals(code.code())
            && r.group() == group
            && r.grouping().equals(grouping)
            && r.cases() != null) {
          cases = r.cases(); // the same on every value of the code
          if (present.contains(r.value())) {
            count += r.count();
          }
        }
      }
      Interval w = LearningStatistics.wilson(count, cases);
      bars.add(
          new Bar(
              group,
              count,
              cases,
              LearningStatistics.percent(count, cases),
              w.lowPercent(),
              w.highPercent()));
    }
    return bars;
  }

  private static Chart chart(String id, String title, List<Group> series, List<Row> rows) {
    String description = describe(title, series, rows);
    return new Chart(
        id, title, description, series, rows, svg(id, title, description, series, rows));
  }

  /** A text alternative: what is drawn, each series' largest bar, where the figures are. */
  static String describe(String title, List<Group> series, List<Row> rows) {
    StringBuilder d =
        new StringBuilder("Bar chart: ").append(title).append(", with 95% intervals. ");
    if (rows.isEmpty()) {
      return d.append("Nothing to show.").toString();
    }
    for (Group g : series) {
      Row top = null;
      for (Row r : rows) {
        Bar b = r.bar(g);
        if (b.percent() != null
            && b.percent().signum() > 0
            && (top == null || b.percent().compareTo(top.bar(g).percent()) > 0)) {
          top = r;
        }
      }
      d.append(g.label()).append(": ");
      if (top == null) {
        d.append("none to show. ");
      } else {
        d.append("largest ")
            .append(top.label())
            .append(" (")
            .append(top.bar(g).percent().toPlainString())
            .append("%). ");
      }
    }
    return d.append("Every figure is in the table below the chart.").toString();
  }

  static final int WIDTH = 640;
  static final int LABEL_WIDTH = 230;
  static final int BAR_AREA = 320;
  static final int BAR_HEIGHT = 18;
  static final int LINE_HEIGHT = 15;
  static final int GROUP_GAP = 12;
  static final int LEGEND_HEIGHT = 30;
  static final int AXIS_HEIGHT = 24;
  static final int LABEL_CHARS = 34;

  /** The chart as an SVG element (no XML prolog), to put inline in a page or a document. */
  static String svg(
      String id, String title, String description, List<Group> series, List<Row> rows) {
    List<List<String>> labels = new ArrayList<>();
    int body = 0;
    for (Row r : rows) {
      List<String> lines = wrap(r.label());
      labels.add(lines);
      body += rowHeight(series.size(), lines.size()) + GROUP_GAP;
    }
    int top = LEGEND_HEIGHT;
    int height = top + Math.max(body, BAR_HEIGHT + GROUP_GAP) + AXIS_HEIGHT;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\"")
        .append(" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\">")
        .append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(esc(title))
        .append("</title><desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(esc(description))
        .append("</desc>");
    // legend: a swatch a series, then what the interval line is
    int x = LABEL_WIDTH;
    for (int i = 0; i < series.size(); i++) {
      s.append(rect(x, 8, 14, 14, i, null));
      s.append(text(x + 20, 20, "start", series.get(i).label()));
      x += 30 + series.get(i).label().length() * 7;
    }
    s.append(whisker(x, x + 24, 15));
    s.append(text(x + 30, 20, "start", "95% interval"));
    // the scale: 0% to 100%, a line each quarter
    int bottom = height - AXIS_HEIGHT;
    for (int p = 0; p <= 100; p += 25) {
      int gx = LABEL_WIDTH + p * BAR_AREA / 100;
      s.append(line(gx, top - 2, gx, bottom, p == 0 ? BLACK : GRID, p == 0 ? 1 : 0.5));
      s.append(text(gx, bottom + 16, "middle", p + "%"));
    }
    int y = top;
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      List<String> lines = labels.get(r);
      int h = rowHeight(series.size(), lines.size());
      int barsTop = y + (h - series.size() * BAR_HEIGHT) / 2;
      int labelTop = y + (h - lines.size() * LINE_HEIGHT) / 2 + LINE_HEIGHT - 3;
      for (int l = 0; l < lines.size(); l++) {
        s.append(text(LABEL_WIDTH - 8, labelTop + l * LINE_HEIGHT, "end", lines.get(l)));
      }
      for (int i = 0; i < series.size(); i++) {
        Bar b = row.bars().get(i);
        int barY = barsTop + i * BAR_HEIGHT + 1;
        int mid = barY + (BAR_HEIGHT - 3) / 2;
        int end = LABEL_WIDTH;
        if (b.percent() != null) {
          int length = scale(b.percent());
          s.append(
              rect(
                  LABEL_WIDTH,
                  barY,
                  Math.max(length, 1),
                  BAR_HEIGHT - 3,
                  i,
                  series.get(i).label() + ", " + row.label() + ": " + b.text()));
          int lowX = LABEL_WIDTH + scale(b.low());
          int highX = LABEL_WIDTH + scale(b.high());
          s.append(whisker(lowX, highX, mid));
          end = Math.max(LABEL_WIDTH + length, highX);
        }
        s.append(
            text(
                end + 6,
                barY + BAR_HEIGHT - 6,
                "start",
                b.percent() == null ? "No cases" : b.percent().toPlainString() + "%"));
      }
      y += h + GROUP_GAP;
    }
    return s.append("</svg>").toString();
  }

  private static int rowHeight(int series, int lines) {
    return Math.max(series * BAR_HEIGHT, lines * LINE_HEIGHT);
  }

  private static int scale(BigDecimal percent) {
    return percent
        .multiply(BigDecimal.valueOf(BAR_AREA))
        .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP)
        .intValue();
  }

  /** A label in lines of at most {@link #LABEL_CHARS} characters, broken at spaces (3 at most). */
  static List<String> wrap(String label) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > LABEL_CHARS) {
        lines.add(line.toString());
        line = new StringBuilder();
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    if (lines.size() > 3) {
      List<String> kept = new ArrayList<>(lines.subList(0, 3));
      kept.set(2, kept.get(2) + "…");
      return kept;
    }
    return lines;
  }

  private static String rect(int x, int y, int w, int h, int series, String bar) {
    return "<rect"
        + (bar == null ? "" : " class=\"app-chart__bar\"")
        + " x=\""
        + x
        + "\" y=\""
        + y
        + "\" width=\""
        + w
        + "\" height=\""
        + h
        + "\" fill=\""
        + (series == 0 ? BLUE : GREY)
        + "\""
        + (series == 0 ? "" : " stroke=\"" + BLACK + "\" stroke-width=\"1\"")
        + (bar == null ? "/>" : "><title>" + esc(bar) + "</title></rect>");
  }

  /** An interval: a line from low to high with a cap at each end. */
  private static String whisker(int low, int high, int y) {
    return "<g class=\"app-chart__interval\" stroke=\""
        + BLACK
        + "\" stroke-width=\"1.5\">"
        + line(low, y, high, y)
        + line(low, y - 5, low, y + 5)
        + line(high, y - 5, high, y + 5)
        + "</g>";
  }

  private static String line(int x1, int y1, int x2, int y2) {
    return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
  }

  private static String line(int x1, int y1, int x2, int y2, String colour, double width) {
    return "<line x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\" stroke=\""
        + colour
        + "\" stroke-width=\""
        + width
        + "\"/>";
  }

  private static String text(int x, int y, String anchor, String words) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" text-anchor=\""
        + anchor
        + "\" fill=\""
        + BLACK
        + "\">"
        + esc(words)
        + "</text>";
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
