package uk.gov.observatory.analytics;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.CsvCells;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;

/**
 * The report for publication as DfE open data for Explore Education Statistics (EES): a data CSV
 * and its {@code .meta.csv}, shaped like DfE's own serious incident notifications release and
 * always disclosure-controlled ({@link DisclosureControl}).
 *
 * <p>The data file's columns ({@link #columns}): time ({@code time_period}, {@code
 * time_identifier}), geography ({@code geographic_level}, {@code country_code}, {@code
 * country_name}, {@code region_code}, {@code region_name}, and {@code new_la_code}, {@code
 * old_la_code}, {@code la_name} only when the file has local authority rows), then the filters
 * {@code breakdown_topic}, {@code breakdown} and {@code nature_of_notification}, then the
 * indicators {@code number_notifications} and {@code percent_notifications}.
 *
 * <p>What it holds: the report's tables that count notifications, each a breakdown topic (the
 * headline's notifications by nature under the topic "Total", then "Category of death", "Case
 * characteristics", "Service involvement", "Rapid review decision"...), each row a breakdown in
 * words, each column of deaths, serious harm, other or all notifications a nature of notification.
 * A percentage is of the notifications of its topic and nature as the report computes it. Tables
 * that count something else (children, rapid reviews, LCSPRs, local authorities, yearly reports)
 * are in the workbooks and the tidy CSV, not here: an indicator counts one thing.
 *
 * <p>The screener's rules it keeps: every filter has the default "Total" and no other "Total" or
 * "All"; every indicator is a number or a GSS symbol ({@code c}, {@code low}, {@code x}, {@code z};
 * a value the specification leaves blank is {@code z}, "not applicable"); no blank filter or
 * indicator; geography columns filled for their level and blank for the others; region codes with
 * their names as DfE lists them ({@code reference/regions.csv}); no two rows with the same time,
 * geography and filters; the metadata file describes every filter and indicator, and nothing else.
 * Labels in words: no code of the data standard or reference to the specification.
 *
 * <p>Time: EES time periods are whole years here. An exact calendar year (1 January to 31 December)
 * is {@code Calendar year} with {@code time_period} YYYY; 1 April to 31 March of the next year is
 * {@code Financial year} with {@code time_period} YYYYZZ (e.g. 202021). Any other period cannot be
 * published in this layout ({@link InvalidReportException}).
 *
 * <p>Geography ({@code country_code} E92000001 and {@code country_name} England on every row): a
 * report for England gives {@code National} rows and then {@code Regional} rows for each of the
 * nine regions, each region its own report with the same period and as-at date; a report for a
 * region gives that region's {@code Regional} rows; a report for a local authority gives {@code
 * Local authority} rows with its region, {@code new_la_code}, {@code old_la_code} and {@code
 * la_name}. Each geography's report is disclosure-controlled, and England and its regions across
 * each other too ({@link DisclosureControl#acrossAreas}), as the regions add up to England.
 */
@Service
public class OpenData {

  public static final String COUNTRY_CODE = "E92000001";
  public static final String COUNTRY_NAME = "England";

  /** Every geography column a file may have, in order. */
  public static final List<String> GEOGRAPHY_COLUMNS =
      List.of(
          "geographic_level",
          "country_code",
          "country_name",
          "region_code",
          "region_name",
          "new_la_code",
          "old_la_code",
          "la_name");

  /** The local authority columns: only in a file with local authority rows. */
  public static final List<String> LA_COLUMNS = List.of("new_la_code", "old_la_code", "la_name");

  /** The filters, in order: the topic, the breakdown within it, the nature of notification. */
  public static final List<String> FILTERS =
      List.of("breakdown_topic", "breakdown", "nature_of_notification");

  /** The indicators, in order. */
  public static final List<String> INDICATORS =
      List.of("number_notifications", "percent_notifications");

  /** Every filter's default value, as EES expects it: the total. */
  public static final String TOTAL = "Total";

  /** The data file's columns for national and regional rows, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "time_period",
          "time_identifier",
          "geographic_level",
          "country_code",
          "country_name",
          "region_code",
          "region_name",
          "breakdown_topic",
          "breakdown",
          "nature_of_notification",
          "number_notifications",
          "percent_notifications");

  /** The metadata file's columns (EES), in order. */
  public static final List<String> META_COLUMNS =
      List.of(
          "col_name",
          "col_type",
          "label",
          "indicator_grouping",
          "indicator_unit",
          "indicator_dp",
          "filter_hint",
          "filter_grouping_column");

  /** The symbol written for a value the specification leaves blank: not applicable (GSS). */
  public static final String NOT_APPLICABLE = "z";

  /** An EES time period: {@code time_period} and {@code time_identifier}. */
  public record TimePeriod(String period, String identifier) {}

  /** The geography columns of one row, blank where they do not apply. */
  public record Geography(
      String level,
      String regionCode,
      String regionName,
      String newLaCode,
      String oldLaCode,
      String laName) {

    static Geography national() {
      return new Geography("National", "", "", "", "", "");
    }

    static Geography regional(Region r) {
      return new Geography("Regional", r.code(), r.name(), "", "", "");
    }

    /** In {@link #GEOGRAPHY_COLUMNS}' order. */
    public List<String> values() {
      return List.of(
          level, COUNTRY_CODE, COUNTRY_NAME, regionCode, regionName, newLaCode, oldLaCode, laName);
    }
  }

  /** One geography's report, disclosure-controlled. */
  public record Part(Geography geography, Report report) {}

  /** What is published: the time period and each geography's controlled report, in order. */
  public record Publication(TimePeriod time, List<Part> parts) {}

  private final Reports reports;
  private final ReferenceData reference;

  public OpenData(Reports reports, ReferenceData reference) {
    this.reports = reports;
    this.reference = reference;
  }

  /**
   * The same publications computed from {@link Reports#mayLag()} (the read replica when one is
   * configured): for the analytics pages' download, never for what an edition freezes.
   */
  public OpenData mayLag() {
    return reports.mayLag() == reports ? this : new OpenData(reports.mayLag(), reference);
  }

  /**
   * The time period of a report's dates, or an {@link InvalidReportException} saying which periods
   * this layout allows.
   */
  public static TimePeriod timePeriod(LocalDate from, LocalDate to) {
    if (from != null && to != null) {
      if (MonthDay.from(from).equals(MonthDay.of(1, 1))
          && to.equals(from.withMonth(12).withDayOfMonth(31))) {
        return new TimePeriod(String.valueOf(from.getYear()), "Calendar year");
      }
      if (MonthDay.from(from).equals(MonthDay.of(4, 1))
          && to.equals(LocalDate.of(from.getYear() + 1, 3, 31))) {
        return new TimePeriod(
            String.format("%d%02d", from.getYear(), (from.getYear() + 1) % 100), "Financial year");
      }
    }
    throw new InvalidReportException(
        List.of(
            new InvalidReportException.Problem(
                "from",
                "The open data layout publishes a calendar year (1 January to 31 December) or a"
                    + " financial year (1 April to 31 March): "
                    + from
                    + " to "
                    + to
                    + " is neither")));
  }

  /**
   * The publication of a request: its time period, then each geography's report, each checked
   * ({@link Reports#check}), audited and disclosure-controlled.
   */
  public Publication publication(ReportRequest request, Viewer viewer) {
    reports.check(request);
    TimePeriod time = timePeriod(request.from(), request.to());
    Map<String, Region> regions =
        reference.regions().stream().collect(Collectors.toMap(Region::code, Function.identity()));
    List<Part> parts = new ArrayList<>();
    if (request.laCode() != null) {
      LocalAuthority la = reference.localAuthority(request.laCode()).orElseThrow();
      Optional<Region> region = Optional.ofNullable(la.regionCode()).map(regions::get);
      Geography g =
          new Geography(
              "Local authority",
              region.map(Region::code).orElse(""),
              region.map(Region::name).orElse(""),
              la.code(),
              la.oldCode() == null ? "" : la.oldCode(),
              la.name());
      parts.add(new Part(g, controlled(request, viewer)));
    } else if (request.regionCode() != null) {
      parts.add(
          new Part(
              Geography.regional(regions.get(request.regionCode())), controlled(request, viewer)));
    } else {
      // England and its regions are published together, and the regions add up to England:
      // controlled across them too, so that no region's c is England less the others.
      Report national = controlled(request, viewer);
      List<Report> regional = new ArrayList<>();
      for (Region r : reference.regions()) {
        regional.add(
            controlled(
                new ReportRequest(request.from(), request.to(), request.asAt(), r.code(), null),
                viewer));
      }
      List<Report> together =
          DisclosureControl.acrossAreas(national, regional, DisclosureControl.DEFAULT_THRESHOLD);
      parts.add(new Part(Geography.national(), together.get(0)));
      for (int i = 0; i < reference.regions().size(); i++) {
        parts.add(new Part(Geography.regional(reference.regions().get(i)), together.get(i + 1)));
      }
    }
    return new Publication(time, parts);
  }

  private Report controlled(ReportRequest request, Viewer viewer) {
    return DisclosureControl.apply(reports.report(request, viewer));
  }

  /**
   * The data file's columns for a publication: the local authority columns only when it has them.
   */
  public static List<String> columns(Publication publication) {
    boolean la =
        publication.parts().stream().anyMatch(p -> p.geography().level().equals("Local authority"));
    if (!la) {
      return COLUMNS;
    }
    List<String> out = new ArrayList<>(COLUMNS);
    out.addAll(out.indexOf("region_name") + 1, LA_COLUMNS);
    return List.copyOf(out);
  }

  /** One row of the data file within a geography: its filters and its two indicators. */
  public record Line(
      String topic, String breakdown, String nature, String number, String percent) {}

  /**
   * The data file: a header row of {@link #columns}, then for each geography a row a breakdown and
   * nature of notification ({@link #lines}).
   */
  public static void data(Publication publication, Writer out) throws IOException {
    List<String> columns = columns(publication);
    CsvCells csv = CsvCells.printer(out, columns);
    for (Part part : publication.parts()) {
      Map<String, String> geography = new LinkedHashMap<>();
      List<String> values = part.geography().values();
      for (int i = 0; i < GEOGRAPHY_COLUMNS.size(); i++) {
        geography.put(GEOGRAPHY_COLUMNS.get(i), values.get(i));
      }
      for (Line line : lines(part.report())) {
        List<Object> row = new ArrayList<>(columns.size());
        for (String column : columns) {
          row.add(
              switch (column) {
                case "time_period" -> publication.time().period();
                case "time_identifier" -> publication.time().identifier();
                case "breakdown_topic" -> line.topic();
                case "breakdown" -> line.breakdown();
                case "nature_of_notification" -> line.nature();
                case "number_notifications" -> line.number();
                case "percent_notifications" -> line.percent();
                default -> geography.get(column);
              });
        }
        csv.printRecord(row);
      }
    }
    csv.flush();
  }

  /** A controlled value as published: blank (not applicable) becomes {@code z}. */
  public static String value(String controlled) {
    return controlled == null || controlled.isEmpty() ? NOT_APPLICABLE : controlled;
  }

  static final String DEATH = "Child death";
  static final String SERIOUS_HARM = "Serious harm";
  static final String OTHER = "Other";
  static final String NON_FATAL = "Serious harm and other";

  /** Each table that counts notifications: its breakdown topic, in words. */
  static final Map<String, String> TOPICS =
      Map.ofEntries(
          Map.entry("T2", "Category of death"),
          Map.entry("T3", "Category of non-fatal serious harm"),
          Map.entry("T4", "Case characteristics"),
          Map.entry("T4A", "Pattern of domestic abuse"),
          Map.entry("T5", "Service involvement"),
          Map.entry("D1", "Rapid review decision"),
          Map.entry("D2", "Rapid review decision"),
          Map.entry("IMD1", "Deprivation of the home area (index of multiple deprivation)"),
          Map.entry("CV1", "COVID-19 factors"));

  /** The nature of notification a table's plain COUNT and PERCENT columns count. */
  static final Map<String, String> NATURE_OF_TABLE = Map.of("T2", DEATH, "T3", NON_FATAL);

  /** D2's kinds of incident, as natures of notification. */
  static final Map<String, String> KINDS =
      Map.of(
          "DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL",
          "Child death: maltreatment within the family or extra-familial",
          "DEATH_RELATED",
          "Child death: other death related to maltreatment",
          "DEATH_OTHER",
          "Child death: any other",
          "NON_FATAL",
          NON_FATAL);

  /** Rows whose words are not their code list's label (or that no code list has). */
  static final Map<String, String> ROW_WORDS =
      Map.ofEntries(
          Map.entry(
              "H|LATE_NOTIFICATIONS",
              "Notified more than 5 working days after the local authority became aware"),
          Map.entry("T2|RELATED_ACCIDENT", "Other death related to maltreatment: accident"),
          Map.entry("T2|RELATED_MEDICAL", "Other death related to maltreatment: medical"),
          Map.entry(
              "T2|RELATED_RISK_TAKING",
              "Other death related to maltreatment: risk-taking behaviour"),
          Map.entry("T2|RELATED_POISONING", "Other death related to maltreatment: poisoning"),
          Map.entry("T2|RELATED_OTHER", "Other death related to maltreatment: other"),
          Map.entry("T3|OTHER_NON_FATAL", "Other non-fatal incidents"),
          Map.entry("T4|PARENTAL_MENTAL_ILL_HEALTH", "Parental mental ill-health"),
          Map.entry(
              "T4|DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE",
              "Domestic abuse and parental alcohol or drug misuse"),
          Map.entry("T4A|OTHER", "Other pattern"),
          Map.entry("T4A|NOT_RECORDED", "Pattern not recorded"),
          Map.entry("T5|KNOWN_TO_CSC", "Known to children's social care"),
          Map.entry(
              "T5|INFORMATION_NO_REFERRAL", "Children's social care: information but no referral"),
          Map.entry(
              "T5|REFERRAL_NO_ASSESSMENT", "Children's social care: referral but no assessment"),
          Map.entry("T5|INITIAL_ASSESSMENT", "Children's social care: initial assessment"),
          Map.entry(
              "T5|EARLY_HELP_CAF",
              "Children's social care: early help (common assessment framework)"),
          Map.entry("T5|CHILD_IN_NEED", "Children's social care: child in need"),
          Map.entry("T5|CHILD_PROTECTION_PLAN", "Children's social care: child protection plan"),
          Map.entry("T5|LOOKED_AFTER", "Children's social care: looked after"),
          Map.entry("T5|CSC_OTHER", "Children's social care: other"),
          Map.entry("T5|COURT_ORDERS", "Subject to a court order"),
          Map.entry("T5|CARE_ORDER", "Court order: care order"),
          Map.entry("T5|SECTION_20", "Court order: section 20 accommodation"),
          Map.entry("T5|COURT_ORDER_OTHER", "Court order: other"),
          Map.entry("T5|NOT_RESIDENT_AT_HOME", "Not living at home"),
          Map.entry("T5|WITH_RELATIVES", "Not at home: living with relatives"),
          Map.entry("T5|FOSTER_CARE", "Not at home: in foster care"),
          Map.entry("T5|RESIDENTIAL_HOME", "Not at home: residential children's home"),
          Map.entry("T5|SEMI_INDEPENDENT", "Not at home: semi-independent unit"),
          Map.entry("T5|LIVING_OTHER", "Not at home: other"),
          Map.entry("IMD1|QUINTILE_1", "Quintile 1 (most deprived 20%)"),
          Map.entry("IMD1|QUINTILE_2", "Quintile 2"),
          Map.entry("IMD1|QUINTILE_3", "Quintile 3"),
          Map.entry("IMD1|QUINTILE_4", "Quintile 4"),
          Map.entry("IMD1|QUINTILE_5", "Quintile 5 (least deprived 20%)"),
          Map.entry("IMD1|UNKNOWN", "Not known"),
          Map.entry("CV1|ANY_FACTOR", "Any COVID-19 factor"));

  /** The code lists a table's rows come from, in the order they are looked in. */
  static final Map<String, List<String>> ROW_LISTS =
      Map.of(
          "T2", List.of("death_category", "death_category_group"),
          "T3", List.of("harm_category"),
          "T4", List.of("case_characteristics"),
          "T4A", List.of("domestic_abuse_pattern"),
          "D1", List.of("rapid_review_decision"),
          "CV1", List.of("covid_factors"));

  private static final ReferenceData LABELS = ReferenceData.fromClasspath();

  /** A row of a table in words: "Total", its own words, its code list's label, or its words. */
  static String rowWords(String table, String row) {
    if (row.equals("TOTAL")) {
      return TOTAL;
    }
    String own = ROW_WORDS.get(table + "|" + row);
    if (own != null) {
      return own;
    }
    for (String list : ROW_LISTS.getOrDefault(table, List.of())) {
      try {
        Optional<String> label = LABELS.codeList(list).find(row).map(c -> c.label());
        if (label.isPresent()) {
          return label.get();
        }
      } catch (RuntimeException e) {
        // a list the reference data does not carry: the row keeps its words
      }
    }
    return Charts.words(row);
  }

  /**
   * A column's nature of notification and whether it is the percentage: DEATH_COUNT is the number
   * of child deaths; PERCENT is the table's own nature's percentage.
   */
  private static String[] natureOf(String table, String column) {
    String plain = NATURE_OF_TABLE.getOrDefault(table, TOTAL);
    return switch (column) {
      case "COUNT" -> new String[] {plain, "number"};
      case "PERCENT" -> new String[] {plain, "percent"};
      case "DEATH_COUNT", "DEATH" -> new String[] {DEATH, "number"};
      case "DEATH_PERCENT" -> new String[] {DEATH, "percent"};
      case "SERIOUS_HARM_COUNT", "SERIOUS_HARM" -> new String[] {SERIOUS_HARM, "number"};
      case "SERIOUS_HARM_PERCENT" -> new String[] {SERIOUS_HARM, "percent"};
      case "OTHER_COUNT", "OTHER" -> new String[] {OTHER, "number"};
      case "OTHER_PERCENT" -> new String[] {OTHER, "percent"};
      case "TOTAL_COUNT", "TOTAL" -> new String[] {TOTAL, "number"};
      case "TOTAL_PERCENT" -> new String[] {TOTAL, "percent"};
      default -> null;
    };
  }

  /**
   * One geography's report as the data file's rows: the tables that count notifications, each cell
   * put under its topic, breakdown and nature of notification, with its count and its percentage
   * side by side ({@code z} where the table has none).
   */
  public static List<Line> lines(Report report) {
    Map<List<String>, String[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      String table = t.getKey();
      for (Cell c : t.getValue()) {
        String topic;
        String breakdown;
        String nature;
        String indicator;
        if (table.equals("H")) {
          switch (c.rowCode()) {
            case "NOTIFICATIONS" -> nature = TOTAL;
            case "DEATH" -> nature = DEATH;
            case "SERIOUS_HARM" -> nature = SERIOUS_HARM;
            case "OTHER" -> nature = OTHER;
            case "LATE_NOTIFICATIONS" -> nature = null;
            default -> {
              continue; // children and local authorities are not notifications
            }
          }
          if (!c.columnCode().equals("COUNT")) {
            continue;
          }
          indicator = "number";
          if (nature == null) {
            topic = "Timeliness of notification";
            breakdown = rowWords(table, c.rowCode());
            nature = TOTAL;
          } else {
            topic = TOTAL;
            breakdown = TOTAL;
          }
        } else if (table.equals("D2")) {
          topic = TOPICS.get(table);
          nature = KINDS.get(c.rowCode());
          if (nature == null) {
            continue;
          }
          switch (c.columnCode()) {
            case "LCSPR_COUNT" -> {
              breakdown = rowWords("D1", "LCSPR");
              indicator = "number";
            }
            case "LCSPR_PERCENT" -> {
              breakdown = rowWords("D1", "LCSPR");
              indicator = "percent";
            }
            case "TOTAL_COUNT" -> {
              breakdown = TOTAL;
              indicator = "number";
            }
            default -> {
              continue;
            }
          }
        } else if (TOPICS.containsKey(table)) {
          String[] n = natureOf(table, c.columnCode());
          if (n == null) {
            continue;
          }
          topic = TOPICS.get(table);
          breakdown = rowWords(table, c.rowCode());
          nature = n[0];
          indicator = n[1];
        } else {
          continue; // counts children, rapid reviews, LCSPRs, authorities or yearly reports
        }
        String[] values =
            out.computeIfAbsent(List.of(topic, breakdown, nature), k -> new String[2]);
        int i = indicator.equals("number") ? 0 : 1;
        if (values[i] != null) {
          throw new IllegalStateException(
              "two cells give " + indicator + " for " + topic + ", " + breakdown + ", " + nature);
        }
        values[i] = value(c.value());
      }
    }
    List<Line> lines = new ArrayList<>();
    out.forEach(
        (k, v) -> lines.add(new Line(k.get(0), k.get(1), k.get(2), value(v[0]), value(v[1]))));
    return lines;
  }

  /**
   * The metadata file: one row a filter (the topic, the breakdown, the nature), one an indicator.
   */
  public static void meta(Writer out) throws IOException {
    CsvCells csv = CsvCells.printer(out, META_COLUMNS);
    csv.printRecord(
        "breakdown_topic",
        "Filter",
        "Breakdown topic",
        "",
        "",
        "",
        "What the notifications are broken down by, such as category of death",
        "");
    csv.printRecord(
        "breakdown",
        "Filter",
        "Breakdown",
        "",
        "",
        "",
        "The breakdown within its topic",
        "breakdown_topic");
    csv.printRecord(
        "nature_of_notification",
        "Filter",
        "Nature of serious incident notification",
        "",
        "",
        "",
        "Child death, serious harm, other, or all of them (total)",
        "");
    csv.printRecord(
        "number_notifications",
        "Indicator",
        "Number of serious incident notifications",
        "",
        "",
        "0",
        "",
        "");
    csv.printRecord(
        "percent_notifications",
        "Indicator",
        "Percentage of the serious incident notifications of the topic and nature",
        "",
        "%",
        "1",
        "",
        "");
    csv.flush();
  }

  /**
   * Where the metadata file of a data file goes: next to it, its name without {@code .csv} and with
   * {@code .meta.csv} ({@code incidents.csv} -> {@code incidents.meta.csv}).
   */
  public static Path metaFileFor(Path data) {
    String name = data.getFileName().toString();
    String stem =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - ".csv".length())
            : name;
    return data.resolveSibling(stem + ".meta.csv");
  }
}
