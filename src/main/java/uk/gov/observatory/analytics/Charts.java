package uk.gov.observatory.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report's charts, drawn on the server as SVG from the same cells as the tables: horizontal
 * bars, one group a row of the table, one bar a series (column). Each chart is an accessible image
 * (role img, a title and a description that says what it shows and where its figures are) and is
 * drawn in colours from the GOV.UK palette that pass contrast on white: the first series in GOV.UK
 * blue, the second in light grey with a black outline, so the two differ without colour too.
 * Suppressed figures ({@code c}, {@code low}) get no bar and their symbol as the label.
 */
public final class Charts {

  private Charts() {}

  /** GOV.UK blue, 5.2:1 on white. */
  static final String BLUE = "#1d70b8";

  /** GOV.UK light grey, outlined in GOV.UK black. */
  static final String GREY = "#f3f2f1";

  static final String BLACK = "#0b0c0c";

  /** One value of a bar: the figure as published, and its number when it is one. */
  public record Value(String text, BigDecimal number) {}

  /** One group of bars: a row of the table. */
  public record Group(String code, String label, List<Value> values) {}

  /** A chart: what it shows, its series (columns) in words and its groups. */
  public record Chart(
      String id, String title, String description, List<String> series, List<Group> groups) {

    /** The largest number drawn (0 when none). */
    public BigDecimal max() {
      return groups.stream()
          .flatMap(g -> g.values().stream())
          .map(Value::number)
          .filter(n -> n != null)
          .reduce(BigDecimal.ZERO, BigDecimal::max);
    }
  }

  /** Which rows and columns of a table are drawn, and what the chart is of. */
  record Spec(String title, List<String> columns, List<String> seriesNames, Set<String> skipRows) {}

  static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    SPECS.put(
        "T1",
        new Spec(
            "Ethnicity of children notified against the census",
            List.of("PERCENT", "CENSUS_PERCENT"),
            List.of("Children notified (%)", "Children in England, 2011 census (%)"),
            Set.of("NOT_RECORDED", "TOTAL")));
    SPECS.put(
        "T2",
        new Spec(
            "Deaths by category",
            List.of("COUNT"),
            List.of("Deaths"),
            Set.of("RELATED", "MALTREATMENT_FAMILY", "EXTRA_FAMILIAL", "TOTAL")));
    SPECS.put(
        "T3",
        new Spec(
            "Non-fatal serious harm by category",
            List.of("COUNT"),
            List.of("Notifications"),
            Set.of("TOTAL")));
    SPECS.put(
        "T6",
        new Spec(
            "Rapid reviews by working days taken",
            List.of("RECEIVED", "NOT_YET_RECEIVED"),
            List.of("Received", "Not yet received"),
            Set.of("TOTAL")));
    SPECS.put(
        "D1",
        new Spec(
            "Rapid review decisions", List.of("COUNT"), List.of("Notifications"), Set.of("TOTAL")));
    SPECS.put(
        "L1",
        new Spec("LCSPRs initiated, year on year", List.of("COUNT"), List.of("LCSPRs"), Set.of()));
    SPECS.put(
        "A1",
        new Spec(
            "Children by age and gender",
            List.of("MALE", "FEMALE"),
            List.of("Male", "Female"),
            Set.of("TOTAL")));
    SPECS.put(
        "LA1",
        new Spec(
            "Local authorities by number of notifications",
            List.of("LA_COUNT"),
            List.of("Local authorities"),
            Set.of("TOTAL")));
    SPECS.put(
        "IMD1",
        new Spec(
            "Notifications by deprivation quintile of the child's home",
            List.of("COUNT"),
            List.of("Notifications"),
            Set.of("TOTAL")));
    SPECS.put(
        "TH1",
        new Spec(
            "Practice themes in rapid reviews",
            List.of("COUNT"),
            List.of("Rapid reviews"),
            Set.of("CODED_REVIEWS")));
  }

  /** Whether this table has a chart. */
  public static boolean has(String tableId) {
    return SPECS.containsKey(tableId);
  }

  /** The chart of one table of a report, or null when the table has none. */
  public static Chart of(String tableId, List<Cell> cells) {
    Spec spec = SPECS.get(tableId);
    if (spec == null) {
      return null;
    }
    Map<String, Map<String, String>> rows = rows(cells);
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
      if (spec.skipRows().contains(row.getKey())) {
        continue;
      }
      List<Value> values = new ArrayList<>();
      for (String column : spec.columns()) {
        values.add(value(row.getValue().getOrDefault(column, "")));
      }
      groups.add(new Group(row.getKey(), words(row.getKey()), values));
    }
    String id = "chart-" + tableId;
    return new Chart(
        id,
        spec.title(),
        describe(spec.title(), spec.seriesNames(), groups, TableTitles.of(tableId)),
        spec.seriesNames(),
        groups);
  }

  /**
   * A chart comparing one column of a table between two reports (two periods, or an area and
   * England): a group a row, a bar each side.
   */
  public static Chart comparison(
      String tableId,
      String column,
      List<Cell> first,
      String firstName,
      List<Cell> second,
      String secondName) {
    Map<String, Map<String, String>> a = rows(first);
    Map<String, Map<String, String>> b = rows(second);
    Spec spec = SPECS.get(tableId);
    Set<String> skip = spec == null ? Set.of("TOTAL") : spec.skipRows();
    List<Group> groups = new ArrayList<>();
    for (String row : a.keySet()) {
      if (skip.contains(row) || row.equals("TOTAL")) {
        continue;
      }
      groups.add(
          new Group(
              row,
              words(row),
              List.of(
                  value(a.get(row).getOrDefault(column, "")),
                  value(b.getOrDefault(row, Map.of()).getOrDefault(column, "")))));
    }
    String title = TableTitles.of(tableId) + ": " + words(column).toLowerCase(Locale.ROOT);
    List<String> series = List.of(firstName, secondName);
    return new Chart(
        "chart-compare-" + tableId,
        title,
        describe(title, series, groups, "the comparison table below"),
        series,
        groups);
  }

  private static Map<String, Map<String, String>> rows(List<Cell> cells) {
    return TableGrid.of("", cells).rows();
  }

  private static Value value(String text) {
    try {
      return new Value(text, text.isBlank() ? null : new BigDecimal(text));
    } catch (NumberFormatException e) {
      return new Value(text, null); // a symbol: c, low, x, z
    }
  }

  /** A text alternative: what is drawn, the largest bar of each series, where the figures are. */
  static String describe(String title, List<String> series, List<Group> groups, String where) {
    StringBuilder d = new StringBuilder("Bar chart: ").append(title).append(". ");
    if (groups.isEmpty()) {
      return d.append("Nothing to show.").toString();
    }
    for (int s = 0; s < series.size(); s++) {
      Group top = null;
      for (Group g : groups) {
        BigDecimal n = g.values().get(s).number();
        if (n != null
            && n.signum() > 0
            && (top == null || n.compareTo(top.values().get(s).number()) > 0)) {
          top = g;
        }
      }
      d.append(series.get(s)).append(": ");
      if (top == null) {
        d.append("none to show. ");
      } else {
        d.append("largest ")
            .append(top.label())
            .append(" (")
            .append(top.values().get(s).text())
            .append("). ");
      }
    }
    return d.append("Every figure is in ").append(where).append(".").toString();
  }

  /** Codes whose words are not their letters in lower case. */
  static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("BAND_1_15", "15 working days or fewer"),
          Map.entry("BAND_16_25", "16 to 25 working days"),
          Map.entry("BAND_26_59", "26 to 59 working days"),
          Map.entry("BAND_60_PLUS", "60 working days or more"),
          Map.entry("UNDER_1", "Under 1"),
          Map.entry("AGE_1_4", "Aged 1 to 4"),
          Map.entry("AGE_5_9", "Aged 5 to 9"),
          Map.entry("AGE_10_14", "Aged 10 to 14"),
          Map.entry("AGE_15_17", "Aged 15 to 17"),
          Map.entry("QUINTILE_1", "Quintile 1 (most deprived)"),
          Map.entry("QUINTILE_5", "Quintile 5 (least deprived)"),
          Map.entry("ONE_TO_TWO", "1 or 2"),
          Map.entry("THREE_TO_SIX", "3 to 6"),
          Map.entry("SEVEN_PLUS", "7 or more"),
          Map.entry("NO_LCSPR", "No LCSPR"),
          Map.entry("LA_COUNT", "Local authorities"),
          Map.entry("KNOWN_TO_CSC", "Known to children’s social care"),
          Map.entry("CSC_OTHER", "Children’s social care: other"),
          Map.entry("OUTSTANDING_MIN_WD", "Not yet received: fewest working days"),
          Map.entry("OUTSTANDING_MAX_WD", "Not yet received: most working days"),
          Map.entry("PUBLISHED_OVER_200_WD", "Published over 200 working days after initiation"),
          Map.entry("LAS_NOTIFYING", "Local authorities notifying"),
          Map.entry("CENSUS_PERCENT", "Census percent"));

  /** Letters kept as capitals (or as written) inside a code's words. */
  static final Map<String, String> ACRONYMS =
      Map.of(
          "sudi", "SUDI",
          "csc", "CSC",
          "lcspr", "LCSPR",
          "caf", "CAF",
          "aces", "ACEs",
          "covid", "COVID",
          "wd", "working days",
          "imd", "IMD");

  /**
   * The labels of the code lists' codes, exactly as the lists write them ("White British", not
   * "White british"), for each code that has one label in every list it is in.
   */
  private static final class CodeListLabels {
    static final Map<String, String> LABELS = load();

    private static Map<String, String> load() {
      Map<String, String> labels = new java.util.HashMap<>();
      java.util.Set<String> ambiguous = new java.util.HashSet<>();
      uk.gov.observatory.reference.ReferenceData reference =
          uk.gov.observatory.reference.ReferenceData.fromClasspath();
      for (java.lang.reflect.Field f : uk.gov.observatory.reference.CodeLists.class.getFields()) {
        if (f.getType() != String.class) {
          continue;
        }
        try {
          for (uk.gov.observatory.reference.Code c :
              reference.codeList((String) f.get(null)).codes()) {
            String before = labels.putIfAbsent(c.code(), c.label());
            if (before != null && !before.equals(c.label())) {
              ambiguous.add(c.code());
            }
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // not a list the jar carries: its codes keep their words
        }
      }
      ambiguous.forEach(labels::remove);
      return Map.copyOf(labels);
    }
  }

  /**
   * A code in words, written as its code list writes it where the words are its label
   * (WHITE_BRITISH is "White British", not "White british"), SUDI stays "SUDI", Y2020 becomes
   * "2020", BAND_1_15 "15 working days or fewer".
   */
  public static String words(String code) {
    if (code.matches("Y\\d{4}")) {
      return code.substring(1);
    }
    String known = WORDS.get(code);
    if (known != null) {
      return known;
    }
    List<String> parts = new ArrayList<>();
    for (String part : code.toLowerCase(Locale.ROOT).split("_")) {
      parts.add(ACRONYMS.getOrDefault(part, part));
    }
    String s = String.join(" ", parts);
    String words = s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    // the same words as the code list's label are written as the list writes them
    String label = CodeListLabels.LABELS.get(code);
    return label != null && label.equalsIgnoreCase(words) ? label : words;
  }

  static final int WIDTH = 640;
  static final int LABEL_WIDTH = 230;
  static final int BAR_AREA = 330;
  static final int BAR_HEIGHT = 16;
  static final int GROUP_GAP = 10;
  static final int LEGEND_HEIGHT = 28;

  /** The chart as an SVG element (no XML prolog), to put inline in a page or a document. */
  public static String svg(Chart chart) {
    return svg(chart, 1.0);
  }

  /** The chart drawn at a scale (the printed report draws them smaller to keep a page a table). */
  public static String svg(Chart chart, double scale) {
    int perGroup = chart.series().size() * BAR_HEIGHT + GROUP_GAP;
    int top = chart.series().size() > 1 ? LEGEND_HEIGHT : 6;
    int height = top + Math.max(1, chart.groups().size()) * perGroup + 4;
    BigDecimal max = chart.max();
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" role=\"img\"")
        .append(" width=\"")
        .append(Math.round(WIDTH * scale))
        .append("\" height=\"")
        .append(Math.round(height * scale))
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(chart.id())
        .append("-title ")
        .append(chart.id())
        .append("-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\">")
        .append("<title id=\"")
        .append(chart.id())
        .append("-title\">")
        .append(esc(chart.title()))
        .append("</title><desc id=\"")
        .append(chart.id())
        .append("-desc\">")
        .append(esc(chart.description()))
        .append("</desc>");
    if (chart.series().size() > 1) {
      int x = LABEL_WIDTH;
      for (int i = 0; i < chart.series().size(); i++) {
        s.append(rect(x, 6, 14, 14, i));
        s.append(text(x + 20, 18, "start", chart.series().get(i)));
        x += 24 + chart.series().get(i).length() * 7;
      }
    }
    int y = top;
    for (Group g : chart.groups()) {
      int labelY = y + (chart.series().size() * BAR_HEIGHT) / 2 + 4;
      s.append(text(LABEL_WIDTH - 8, labelY, "end", g.label()));
      for (int i = 0; i < g.values().size(); i++) {
        Value v = g.values().get(i);
        int length = 0;
        if (v.number() != null && max.signum() > 0) {
          length =
              v.number()
                  .multiply(BigDecimal.valueOf(BAR_AREA))
                  .divide(max, 0, java.math.RoundingMode.HALF_UP)
                  .intValue();
        }
        int barY = y + i * BAR_HEIGHT + 1;
        if (length > 0) {
          s.append(rect(LABEL_WIDTH, barY, length, BAR_HEIGHT - 3, i));
        }
        s.append(
            text(
                LABEL_WIDTH + length + 6,
                barY + BAR_HEIGHT - 5,
                "start",
                v.text().isBlank() ? "–" : v.text()));
      }
      y += perGroup;
    }
    s.append("<line x1=\"")
        .append(LABEL_WIDTH)
        .append("\" y1=\"")
        .append(top - 2)
        .append("\" x2=\"")
        .append(LABEL_WIDTH)
        .append("\" y2=\"")
        .append(height - 4)
        .append("\" stroke=\"")
        .append(BLACK)
        .append("\" stroke-width=\"1\"/>");
    return s.append("</svg>").toString();
  }

  private static String rect(int x, int y, int w, int h, int series) {
    return "<rect x=\""
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
        + "/>";
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

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
