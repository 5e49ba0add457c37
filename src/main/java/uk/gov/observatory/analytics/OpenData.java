package uk.gov.observatory.analytics;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
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
 * The report for publication in the layout of DfE's Explore Education Statistics (EES) open data: a
 * data CSV and its {@code .meta.csv}, always disclosure-controlled ({@link DisclosureControl}).
 *
 * <p>The data file's columns are {@link #COLUMNS}: first time ({@code time_period}, {@code
 * time_identifier}), then geography ({@code geographic_level}, {@code country_code}, {@code
 * country_name}, {@code region_code}, {@code region_name}, {@code new_la_code}, {@code
 * old_la_code}, {@code la_name}), then three filters ({@code table_id}, {@code row_code}, {@code
 * column_code}) and one indicator ({@code value}). One row a cell of the tidy CSV, per geography.
 *
 * <p>Why three filters and one indicator rather than one indicator column per report column: EES
 * wants tidy data, with no filter item smuggled into an indicator's name, and it does not accept a
 * blank indicator. The report's tables have different columns (COUNT, DEATH_COUNT, LA_COUNT,
 * RECEIVED, MALE, ...), so one indicator a column would give dozens of indicator columns, blank on
 * every row of every other table. Kept as filters, the file is the tidy CSV of REPORT-SPEC.md cell
 * for cell, with the time and geography columns in front, and it reads back without a lookup. The
 * indicator therefore mixes counts, percentages and working days, so its {@code indicator_unit} and
 * {@code indicator_dp} are left blank (the values carry their own decimals, as in the tidy CSV).
 *
 * <p>Values: as {@link DisclosureControl} leaves them ({@code c}, {@code low}, {@code x}, {@code z}
 * are GSS symbols EES accepts), except that a value the specification leaves blank (a percentage
 * with no denominator, a census percentage that does not exist) is written {@code z}, "not
 * applicable", because EES rejects blank indicators.
 *
 * <p>Time: EES time periods are whole years here. An exact calendar year (1 January to 31 December)
 * is {@code Calendar year} with {@code time_period} YYYY; 1 April to 31 March of the next year is
 * {@code Financial year} with {@code time_period} YYYYZZ (e.g. 202021). Any other period cannot be
 * published in this layout ({@link InvalidReportException}).
 *
 * <p>Geography, blank where it does not apply (as EES does; {@code country_code} E92000001 and
 * {@code country_name} England on every row): a report for England gives {@code National} rows and
 * then {@code Regional} rows for each of the nine regions, each region its own report with the same
 * period and as-at date; a report for a region gives that region's {@code Regional} rows; a report
 * for a local authority gives {@code Local authority} rows with its region, {@code new_la_code},
 * {@code old_la_code} and {@code la_name}. Each geography's report is disclosure-controlled, and
 * England and its regions across each other too ({@link DisclosureControl#acrossAreas}), as the
 * regions add up to England.
 */
@Service
public class OpenData {

  public static final String COUNTRY_CODE = "E92000001";
  public static final String COUNTRY_NAME = "England";

  /** The geography columns, in order. */
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

  /** The data file's columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "time_period",
          "time_identifier",
          "geographic_level",
          "country_code",
          "country_name",
          "region_code",
          "region_name",
          "new_la_code",
          "old_la_code",
          "la_name",
          "table_id",
          "row_code",
          "column_code",
          "value");

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

  /** The data file: a header row of {@link #COLUMNS}, then one row a cell per geography. */
  public static void data(Publication publication, Writer out) throws IOException {
    CsvCells csv = CsvCells.printer(out, COLUMNS);
    for (Part part : publication.parts()) {
      for (Cell c : part.report().cells()) {
        List<Object> row = new ArrayList<>(COLUMNS.size());
        row.add(publication.time().period());
        row.add(publication.time().identifier());
        row.addAll(part.geography().values());
        row.add(c.tableId());
        row.add(c.rowCode());
        row.add(c.columnCode());
        row.add(value(c.value()));
        csv.printRecord(row);
      }
    }
    csv.flush();
  }

  /** A controlled value as published: blank (not applicable) becomes {@code z}. */
  public static String value(String controlled) {
    return controlled == null || controlled.isEmpty() ? NOT_APPLICABLE : controlled;
  }

  /** The metadata file: one row a filter or indicator column of the data file. */
  public static void meta(Writer out) throws IOException {
    CsvCells csv = CsvCells.printer(out, META_COLUMNS);
    csv.printRecord(
        "table_id",
        "Filter",
        "Table",
        "",
        "",
        "",
        "The table of the Panel's annual report (REPORT-SPEC.md), e.g. H headline figures,"
            + " T1 ethnicity of children",
        "");
    csv.printRecord(
        "row_code", "Filter", "Row", "", "", "", "The table's row, e.g. NOTIFICATIONS, TOTAL", "");
    csv.printRecord(
        "column_code",
        "Filter",
        "Column",
        "",
        "",
        "",
        "The table's column, e.g. COUNT, PERCENT",
        "");
    csv.printRecord(
        "value",
        "Indicator",
        "Value (count, percentage to one decimal place, or working days)",
        "",
        "",
        "",
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
