package uk.gov.observatory.analytics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/**
 * An independent checker of DfE open data for Explore Education Statistics, written from the rules
 * of DfE's data screener (eesyscreener) as issue 16 lists them, not from {@link OpenData}: it reads
 * the two files as text and names each rule a file breaks.
 *
 * <p>Rules: the required columns ({@code time_period}, {@code time_identifier}, {@code
 * geographic_level}, {@code country_code}, {@code country_name}, and the region and local authority
 * columns where a level needs them); snake_case names; a metadata file with exactly the required
 * columns that agrees with the data both ways (every filter or indicator of the data is a meta row
 * or a filter's grouping column, every meta row and grouping column a data column); valid meta rows
 * (col_type Filter or Indicator, labels present and unique, indicator fields on indicators only,
 * filter fields on filters only, a known indicator_unit, indicator_dp blank or a whole number);
 * known time identifiers with periods of the right length; known geographic levels, their columns
 * completed and the others blank; valid code/name pairs (England, DfE's nine regions, local
 * authorities); filters with their default value ("Total" unless a filter_default says otherwise),
 * at least two values, no blank, no untrimmed value, and no "Total" or "All" unless it is that
 * filter's default; indicators a number or one of the GSS symbols {@code c}, {@code x}, {@code z},
 * {@code low}; no blank, NULL or NA cells; no duplicate rows.
 */
final class OpenDataScreener {

  private OpenDataScreener() {}

  static final List<String> REQUIRED =
      List.of("time_period", "time_identifier", "geographic_level", "country_code", "country_name");

  static final List<String> META =
      List.of(
          "col_name",
          "col_type",
          "label",
          "indicator_grouping",
          "indicator_unit",
          "indicator_dp",
          "filter_hint",
          "filter_grouping_column");

  static final Set<String> OPTIONAL_META = Set.of("filter_default", "parent_filter");

  /** Geographic levels this checker knows, with the columns each must complete. */
  static final Map<String, List<String>> LEVELS =
      Map.of(
          "National",
          List.of("country_code", "country_name"),
          "Regional",
          List.of("country_code", "country_name", "region_code", "region_name"),
          "Local authority",
          List.of(
              "country_code",
              "country_name",
              "region_code",
              "region_name",
              "new_la_code",
              "la_name"));

  /** Every geography column this checker knows. */
  static final List<String> GEOGRAPHY =
      List.of(
          "geographic_level",
          "country_code",
          "country_name",
          "region_code",
          "region_name",
          "new_la_code",
          "old_la_code",
          "la_name");

  static final Set<String> FOUR_DIGITS = Set.of("Calendar year", "Reporting year");
  static final Set<String> SIX_DIGITS =
      Set.of("Financial year", "Academic year", "Tax year", "Autumn and spring term");

  /** DfE's countries and regions (the screener's country.csv and regions.csv), typed in. */
  static final Map<String, String> COUNTRIES = Map.of("E92000001", "England");

  static final Map<String, String> REGIONS =
      Map.of(
          "E12000001", "North East",
          "E12000002", "North West",
          "E12000003", "Yorkshire and The Humber",
          "E12000004", "East Midlands",
          "E12000005", "West Midlands",
          "E12000006", "East of England",
          "E12000007", "London",
          "E12000008", "South East",
          "E12000009", "South West");

  static final Set<String> SYMBOLS = Set.of("c", "x", "z", "low");
  static final Set<String> NULLS = Set.of("NULL", "Null", "null", "NA", "na", "N/A", "n/a");
  static final Set<String> UNITS = Set.of("", "%", "pp", "£", "£m", "numberstring");
  static final Pattern SNAKE = Pattern.compile("[a-z0-9_]+");
  static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** The rules {@code data} and {@code meta} break, each "rule: what"; empty when they pass. */
  static List<String> screen(String data, String meta) {
    List<String> problems = new ArrayList<>();
    Table d = parse(data);
    Table m = parse(meta);

    // -- the data file's columns
    for (String c : REQUIRED) {
      if (!d.header.contains(c)) {
        problems.add("required column: the data file has no " + c);
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Set<String> seen = new HashSet<>();
    for (String c : d.header) {
      if (!SNAKE.matcher(c).matches()) {
        problems.add("snake_case: the data file's column '" + c + "' is not snake_case");
      }
      if (!seen.add(c)) {
        problems.add("duplicate column: the data file has " + c + " twice");
      }
    }

    // -- the metadata file's columns and rows
    for (String c : META) {
      if (!m.header.contains(c)) {
        problems.add("meta columns: the metadata file has no " + c);
      }
    }
    for (String c : m.header) {
      if (!META.contains(c) && !OPTIONAL_META.contains(c)) {
        problems.add("meta columns: the metadata file has an unknown column " + c);
      }
    }
    if (!m.header.containsAll(META)) {
      return problems;
    }
    List<String> filters = new ArrayList<>();
    List<String> indicators = new ArrayList<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    Set<String> groups = new LinkedHashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> labels = new HashSet<>();
    for (Map<String, String> r : m.rows) {
      String name = r.get("col_name");
      String type = r.get("col_type");
      if (!SNAKE.matcher(name).matches()) {
        problems.add("snake_case: the metadata file's col_name '" + name + "' is not snake_case");
      }
      if (!names.add(name)) {
        problems.add("meta col_name: " + name + " is described twice");
      }
      if (r.get("label").isBlank()) {
        problems.add("meta label: " + name + " has no label");
      } else if (!labels.add(r.get("label"))) {
        problems.add("meta label: the label '" + r.get("label") + "' is used twice");
      }
      if (GEOGRAPHY.contains(name)
          || name.equals("time_period")
          || name.equals("time_identifier")) {
        problems.add("meta col_name: " + name + " is a time or geography column, not a filter");
      }
      if (type.equals("Filter")) {
        filters.add(name);
        String def = r.getOrDefault("filter_default", "");
        defaults.put(name, def.isEmpty() ? "Total" : def);
        if (!r.get("indicator_grouping").isEmpty()
            || !r.get("indicator_unit").isEmpty()
            || !r.get("indicator_dp").isEmpty()) {
          problems.add("meta filter: " + name + " has an indicator's grouping, unit or dp");
        }
        if (!r.get("filter_grouping_column").isEmpty()) {
          groups.add(r.get("filter_grouping_column"));
        }
      } else if (type.equals("Indicator")) {
        indicators.add(name);
        if (!r.get("filter_hint").isEmpty() || !r.get("filter_grouping_column").isEmpty()) {
          problems.add("meta indicator: " + name + " has a filter's hint or grouping column");
        }
        if (!UNITS.contains(r.get("indicator_unit"))) {
          problems.add("meta indicator_unit: " + name + " has '" + r.get("indicator_unit") + "'");
        }
        if (!r.get("indicator_dp").isEmpty() && !r.get("indicator_dp").matches("[0-9]+")) {
          problems.add("meta indicator_dp: " + name + " has '" + r.get("indicator_dp") + "'");
        }
      } else {
        problems.add("meta col_type: " + name + " is '" + type + "', not Filter or Indicator");
      }
    }
    for (String g : groups) {
      defaults.putIfAbsent(g, "Total");
    }

    // -- the two files agree both ways
    Set<String> described = new LinkedHashSet<>(names);
    described.addAll(groups);
    for (String c : d.header) {
      boolean timeOrPlace =
          c.equals("time_period") || c.equals("time_identifier") || GEOGRAPHY.contains(c);
      if (!timeOrPlace && !described.contains(c)) {
        problems.add("data to meta: the data file's column " + c + " is not in the metadata");
      }
    }
    for (String c : described) {
      if (!d.header.contains(c)) {
        problems.add("meta to data: the metadata's " + c + " is not a column of the data file");
      }
    }

    // -- geography columns the levels need
    Set<String> levels = new LinkedHashSet<>();
    d.rows.forEach(r -> levels.add(r.get("geographic_level")));
    for (String level : levels) {
      List<String> needed = LEVELS.get(level);
      if (needed == null) {
        problems.add("geographic_level: '" + level + "' is not a level EES knows here");
        continue;
      }
      for (String c : needed) {
        if (!d.header.contains(c)) {
          problems.add("required column: " + level + " rows need the column " + c);
        }
      }
    }

    // -- row by row
    Map<String, Integer> keys = new HashMap<>();
    Map<String, Set<String>> filterValues = new LinkedHashMap<>();
    Set<String> checkedFilters = new LinkedHashSet<>(filters);
    checkedFilters.addAll(groups);
    checkedFilters.retainAll(d.header);
    checkedFilters.forEach(f -> filterValues.put(f, new LinkedHashSet<>()));
    Set<String> said = new HashSet<>();
    Map<String, LocalAuthority> las = new HashMap<>();
    ReferenceData.fromClasspath().localAuthorities().forEach(la -> las.put(la.code(), la));
    for (int i = 0; i < d.rows.size(); i++) {
      Map<String, String> r = d.rows.get(i);
      int line = i + 2;
      String level = r.get("geographic_level");
      List<String> needed = LEVELS.getOrDefault(level, List.of());
      for (String c : d.header) {
        String v = r.get(c);
        if (NULLS.contains(v.strip())) {
          once(problems, said, "null: a cell is '" + v + "' in " + c + " (line " + line + ")");
        }
        boolean optionalGeography =
            GEOGRAPHY.contains(c) && !needed.contains(c) && !c.equals("geographic_level");
        if (optionalGeography) {
          boolean inLevel = c.equals("old_la_code") && level.equals("Local authority");
          if (!v.isEmpty() && !inLevel) {
            once(problems, said, "overcompleted: " + c + " is filled on " + level + " rows");
          }
        } else if (v.isBlank()) {
          once(problems, said, "blank: a blank cell in " + c + " (line " + line + ")");
        }
      }
      // time
      String id = r.get("time_identifier");
      String period = r.get("time_period");
      if (FOUR_DIGITS.contains(id)) {
        if (!period.matches("[0-9]{4}")) {
          once(problems, said, "time_period: " + id + " needs four digits, not " + period);
        }
      } else if (SIX_DIGITS.contains(id)) {
        if (!period.matches("[0-9]{6}")) {
          once(problems, said, "time_period: " + id + " needs six digits, not " + period);
        }
      } else {
        once(problems, said, "time_identifier: '" + id + "' is not one EES accepts");
      }
      // code/name pairs
      pair(problems, said, r, "country_code", "country_name", COUNTRIES);
      if (d.header.contains("region_code") && !r.get("region_code").isEmpty()) {
        pair(problems, said, r, "region_code", "region_name", REGIONS);
      }
      if (d.header.contains("new_la_code") && !r.get("new_la_code").isEmpty()) {
        LocalAuthority la = las.get(r.get("new_la_code"));
        String old = r.getOrDefault("old_la_code", "");
        if (la == null
            || !la.name().equals(r.get("la_name"))
            || !old.equals(la.oldCode() == null ? "" : la.oldCode())) {
          once(
              problems,
              said,
              "code/name pair: "
                  + r.get("new_la_code")
                  + " / "
                  + old
                  + " / "
                  + r.get("la_name")
                  + " is not a local authority");
        }
      }
      // filters
      for (String f : checkedFilters) {
        String v = r.get(f);
        filterValues.get(f).add(v);
        if (!v.equals(v.strip())) {
          once(problems, said, "filter whitespace: '" + v + "' in " + f);
        }
        String bare = v.strip().toLowerCase(Locale.ROOT);
        if ((bare.equals("total") || bare.equals("all")) && !v.equals(defaults.get(f))) {
          once(problems, said, "total in filter: '" + v + "' in " + f + ", not its default");
        }
      }
      // indicators
      for (String ind : indicators) {
        if (!d.header.contains(ind)) {
          continue;
        }
        String v = r.get(ind);
        if (!NUMBER.matcher(v).matches() && !SYMBOLS.contains(v)) {
          once(
              problems, said, "symbol: '" + v + "' in " + ind + " is not a number, c, x, z or low");
        }
      }
      // duplicates: time, geography and filters
      StringBuilder key = new StringBuilder();
      for (String c : d.header) {
        if (!indicators.contains(c)) {
          key.append(r.get(c)).append('\u0001');
        }
      }
      Integer before = keys.putIfAbsent(key.toString(), line);
      if (before != null) {
        once(problems, said, "duplicate row: line " + line + " repeats line " + before);
      }
    }
    for (Map.Entry<String, Set<String>> f : filterValues.entrySet()) {
      if (!f.getValue().contains(defaults.get(f.getKey()))) {
        problems.add(
            "filter default: "
                + f.getKey()
                + " has no '"
                + defaults.get(f.getKey())
                + "' (its default)");
      }
      if (f.getValue().size() < 2 && filters.contains(f.getKey())) {
        problems.add("filter levels: " + f.getKey() + " has fewer than two values");
      }
    }
    for (Map<String, String> r : m.rows) {
      for (String v : r.values()) {
        if (NULLS.contains(v.strip())) {
          once(problems, said, "null: the metadata has '" + v + "'");
        }
      }
    }
    return problems;
  }

  private static void pair(
      List<String> problems,
      Set<String> said,
      Map<String, String> r,
      String code,
      String name,
      Map<String, String> valid) {
    String expected = valid.get(r.get(code));
    if (expected == null || !expected.equals(r.get(name))) {
      once(
          problems,
          said,
          "code/name pair: " + r.get(code) + " / " + r.get(name) + " is not a valid " + code);
    }
  }

  /** Adds a problem once (a fault repeated on many rows is told once). */
  private static void once(List<String> problems, Set<String> said, String problem) {
    String rule = problem.replaceAll(" \\(line [0-9]+\\)$", "");
    if (said.add(rule)) {
      problems.add(problem);
    }
  }

  /** A CSV file: its header and its rows by column name. */
  record Table(List<String> header, List<Map<String, String>> rows) {}

  static Table parse(String csv) {
    try {
      List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
      List<String> header = new ArrayList<>();
      if (!records.isEmpty()) {
        records.get(0).forEach(header::add);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord r : records.subList(Math.min(1, records.size()), records.size())) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.putIfAbsent(header.get(i), i < r.size() ? r.get(i) : "");
        }
        rows.add(row);
      }
      return new Table(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
