package uk.gov.observatory.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.analytics.Charts;
import uk.gov.observatory.analytics.DisclosureControl;
import uk.gov.observatory.analytics.InvalidReportException;
import uk.gov.observatory.analytics.OpenData;
import uk.gov.observatory.analytics.Report;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.analytics.TableGrid;
import uk.gov.observatory.analytics.TableTitles;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The report's tables on pages: a section at a time (or all of them), each table with its chart,
 * for a period, an as-at date and an area; and any table for two periods or two areas side by side.
 * Every figure counts only the notifications the reader may see.
 */
@PageController
class AnalyticsTablesController {

  /** A few related tables on one page. */
  public record Section(String code, String title, List<String> tables) {}

  static final List<Section> SECTIONS =
      List.of(
          new Section("children", "The children", List.of("T1", "A1", "IMD1")),
          new Section("incidents", "What happened", List.of("T2", "T3", "CV1")),
          new Section(
              "families", "What was known of families and services", List.of("T4", "T4A", "T5")),
          new Section("timeliness", "Timeliness of rapid reviews", List.of("T6", "T7", "T8")),
          new Section(
              "decisions",
              "Decisions, the Panel’s view and themes",
              List.of("D1", "D2", "D3", "TH1")),
          new Section("lcsprs", "Local reviews and yearly reports", List.of("L1", "L2", "Y1")),
          new Section("authorities", "Local authorities", List.of("H", "LA1")));

  /** A link to a section, marked when it is the one shown. */
  public record SectionLink(String code, String title, String href, boolean current) {}

  /** A report table laid out for a page: its rows and columns, and its chart when it has one. */
  public record TableView(
      String id, String title, List<String> columns, List<RowView> rows, String chartSvg) {}

  /** One row of a table on the page: its code, its words, and each column's figure as shown. */
  public record RowView(String code, String label, List<String> values) {}

  /** An area to choose: England, a region or a local authority. */
  public record AreaOption(String value, String name, String group) {}

  private final Reports reports;
  private final OpenData openData;
  private final Viewers viewers;
  private final ReferenceData reference;
  private final Clock clock;

  private final uk.gov.observatory.analytics.AuthorisedExtensions extensions;

  /**
   * A report's tables as the page shows them (analytics/figures.html, charts drawn), and whether
   * there are any.
   */
  private record Figures(boolean any, String html) {}

  /**
   * Each report's tables rendered for the page, by the report itself (by identity: a report
   * answered from {@link Reports}' cache is the same object each time, so 50 readers of one year
   * lay it out once; a report no longer cached is let go). The figures for publication are kept
   * apart, by the same report before disclosure control. Bounded by the characters kept: a year's
   * whole report is about 120,000, a section's a tenth of that.
   */
  private final com.github.benmanes.caffeine.cache.Cache<Report, Figures> laidOut = figuresCache();

  private final com.github.benmanes.caffeine.cache.Cache<Report, Figures> laidOutForPublication =
      figuresCache();

  private static com.github.benmanes.caffeine.cache.Cache<Report, Figures> figuresCache() {
    return com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
        .weakKeys()
        .maximumWeight(6_000_000)
        .<Report, Figures>weigher((report, figures) -> figures.html().length())
        .build();
  }

  private final ITemplateEngine templates;
  private final Fmt fmt;

  public AnalyticsTablesController(
      Reports reports,
      OpenData openData,
      Viewers viewers,
      ReferenceData reference,
      Clock clock,
      uk.gov.observatory.analytics.AuthorisedExtensions extensions,
      ITemplateEngine templates,
      Fmt fmt) {
    this.extensions = extensions;
    this.templates = templates;
    this.fmt = fmt;
    // The figures of these pages may lag the register by the replication delay (README, "Several
    // instances"): read from the read replica when one is configured.
    this.reports = reports.mayLag();
    this.openData = openData.mayLag();
    this.viewers = viewers;
    this.reference = reference;
    this.clock = clock;
  }

  /** The filters as given, echoed back into the form. */
  public record Filters(String from, String to, String asAt, String area) {}

  /** The tables of one section (or all), for a period, an as-at date and an area. */
  @GetMapping("/analytics/tables")
  public String tables(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asAt,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String la,
      @RequestParam(required = false) String suppress,
      @RequestParam(required = false) String section,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    Filters filters = filters(from, to, asAt, area, la);
    FormErrors errors = new FormErrors();
    boolean forPublication = forPublication(suppress, errors);
    Section chosen = section(section, errors);
    frame(model, filters, forPublication, chosen, errors);
    ReportRequest request = request(filters, "", errors);
    if (request == null || errors.isAny()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "analytics/tables";
    }
    try {
      Viewer viewer = viewers.of(principal);
      Report report =
          chosen == null
              ? reports.report(request, viewer)
              : reports.report(request, chosen.tables(), viewer);
      Figures figures =
          forPublication
              ? laidOutForPublication.get(report, r -> figures(DisclosureControl.apply(r)))
              : laidOut.get(report, this::figures);
      model.addAttribute("anyTables", figures.any());
      model.addAttribute("figures", figures.html());
      model.addAttribute("downloads", downloads(filters, chosen, viewer));
      return "analytics/tables";
    } catch (InvalidReportException e) {
      problems(e, "", errors);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "analytics/tables";
    }
  }

  /** A download of the page's tables for publication. */
  public record Download(String format, String words, String href) {}

  static final Map<String, String> DOWNLOADS = new LinkedHashMap<>();

  static {
    DOWNLOADS.put(
        "ods", "OpenDocument spreadsheet (ODS): a cover, contents, notes and a sheet a table");
    DOWNLOADS.put("xlsx", "Excel workbook (XLSX): a cover, contents, notes and a sheet a table");
    DOWNLOADS.put("pdf", "Printable report (PDF), with the charts");
    DOWNLOADS.put("csv", "Tidy CSV for analysts: a row a figure, with the tables’ codes");
    DOWNLOADS.put(
        "opendata",
        "Open data CSV in DfE’s layout for Explore Education Statistics: the notifications,"
            + " England and its regions");
    DOWNLOADS.put("opendata-meta", "The open data’s metadata file (.meta.csv)");
  }

  /** Each download's file name after the period, area and section: each its own. */
  static final Map<String, String> FILE_ENDINGS =
      Map.of(
          "ods", "-tables.ods",
          "xlsx", "-tables.xlsx",
          "pdf", "-report.pdf",
          "csv", "-tables.csv",
          "opendata", "-open-data.csv",
          "opendata-meta", "-open-data.meta.csv");

  /**
   * A download's file name: {@code serious-incidents-2020-01-01-to-2020-12-31}, then the area when
   * not England and the section when one is chosen (in lower-case words), then what the file is.
   */
  String fileName(String format, ReportRequest request, Section chosen) {
    StringBuilder name =
        new StringBuilder("serious-incidents-")
            .append(request.from())
            .append("-to-")
            .append(request.to());
    String area = null;
    if (request.laCode() != null) {
      area =
          reference
              .localAuthority(request.laCode())
              .map(LocalAuthority::name)
              .orElse(request.laCode());
    } else if (request.regionCode() != null) {
      area =
          reference.regions().stream()
              .filter(g -> g.code().equals(request.regionCode()))
              .map(Region::name)
              .findFirst()
              .orElse(request.regionCode());
    }
    if (area != null) {
      name.append('-').append(slug(area));
    }
    if (chosen != null && !format.startsWith("opendata")) {
      name.append('-').append(chosen.code());
    }
    return name.append(FILE_ENDINGS.get(format)).toString();
  }

  /** Words as a file name's part: lower case, letters and digits, hyphens between. */
  static String slug(String words) {
    String s =
        java.text.Normalizer.normalize(words, java.text.Normalizer.Form.NFKD)
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  /**
   * The page's downloads. Open data is offered only to those who see every local authority: its
   * rows are England's and each region's, which a partial view would mislabel.
   */
  private List<Download> downloads(Filters f, Section chosen, Viewer viewer) {
    List<Download> out = new ArrayList<>();
    for (Map.Entry<String, String> d : DOWNLOADS.entrySet()) {
      if (d.getKey().startsWith("opendata") && !viewer.everything()) {
        continue;
      }
      UriComponentsBuilder b =
          UriComponentsBuilder.fromPath("/analytics/download")
              .queryParam("format", d.getKey())
              .queryParam("from", f.from())
              .queryParam("to", f.to())
              .queryParam("asAt", f.asAt());
      if (!f.area().isEmpty()) {
        b.queryParam("area", f.area());
      }
      if (chosen != null && !d.getKey().startsWith("opendata")) {
        b.queryParam("section", chosen.code());
      }
      String words = d.getValue();
      if (d.getKey().equals("opendata") && !f.area().isEmpty()) {
        words =
            "Open data CSV in DfE’s layout for Explore Education Statistics: the notifications of"
                + " the area chosen";
      }
      out.add(new Download(d.getKey(), words, b.encode().build().toUriString()));
    }
    return out;
  }

  /**
   * Where a download covers, in words, for its cover sheet: the area chosen, England, or, for
   * someone who sees only some authorities, those authorities.
   */
  String areaWords(ReportRequest request, Viewer viewer) {
    if (request.laCode() != null) {
      return reference
          .localAuthority(request.laCode())
          .map(LocalAuthority::name)
          .orElse(request.laCode());
    }
    String place =
        request.regionCode() == null
            ? "England"
            : reference.regions().stream()
                .filter(g -> g.code().equals(request.regionCode()))
                .map(Region::name)
                .findFirst()
                .orElse(request.regionCode());
    if (viewer.everything()) {
      return place;
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String code : viewer.laCodes()) {
      reference.current(code).ifPresent(la -> names.add(la.name()));
    }
    if (request.regionCode() == null && !names.isEmpty()) {
      return String.join(", ", names) + " (only the local authorities you can see)";
    }
    return place
        + ", only the local authorities you can see"
        + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
  }

  /**
   * The tables as a file for publication: always disclosure-controlled (REPORT-SPEC "Disclosure
   * control": on for anything exported for publication), scoped and audited like the page.
   */
  @GetMapping("/analytics/download")
  public String download(
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String asAt,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String section,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws java.io.IOException {
    Filters filters = filters(from, to, asAt, area, null);
    FormErrors errors = new FormErrors();
    Section chosen = section(section, errors);
    if (format == null || !DOWNLOADS.containsKey(format)) {
      errors.add(
          "format", "Choose a download from the list: " + String.join(", ", DOWNLOADS.keySet()));
    }
    ReportRequest request = request(filters, "", errors);
    if (request == null || errors.isAny()) {
      return refuse(filters, chosen, errors, model, principal, response);
    }
    Viewer viewer = viewers.of(principal);
    if (format.startsWith("opendata") && !viewer.everything()) {
      errors.addLink(
          "format",
          null,
          "Open data counts every local authority’s notifications, so only those who see them all"
              + " (the Panel and its secretariat) can download it: choose another download");
      return refuse(filters, chosen, errors, model, principal, response);
    }
    String name = fileName(format, request, chosen);
    try {
      if (format.startsWith("opendata")) {
        OpenData.Publication publication =
            format.equals("opendata") ? openData.publication(request, viewer) : null;
        if (publication == null) {
          OpenData.timePeriod(request.from(), request.to()); // the same period rule as the data
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        java.io.Writer w = response.getWriter();
        if (publication == null) {
          OpenData.meta(w);
        } else {
          OpenData.data(publication, w);
        }
        w.flush();
        return null;
      }
      Report report =
          DisclosureControl.apply(
              chosen == null
                  ? reports.report(request, viewer)
                  : reports.report(request, chosen.tables(), viewer));
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      String type;
      uk.gov.observatory.analytics.PublishedReport laid =
          uk.gov.observatory.analytics.AnnualReportLayout.lay(
              report, null, areaWords(request, viewer), extensions.all());
      switch (format) {
        case "ods" -> {
          uk.gov.observatory.analytics.ReportWorkbooks.ods(laid, bytes);
          type = "application/vnd.oasis.opendocument.spreadsheet";
        }
        case "xlsx" -> {
          uk.gov.observatory.analytics.ReportWorkbooks.xlsx(laid, bytes);
          type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        case "pdf" -> {
          uk.gov.observatory.analytics.ReportDocuments.pdf(laid, bytes);
          type = "application/pdf";
        }
        default -> {
          java.io.Writer w =
              new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8);
          uk.gov.observatory.analytics.ReportWriter.csv(report, w);
          w.flush();
          type = "text/csv;charset=UTF-8";
        }
      }
      response.setContentType(type);
      response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
      response.getOutputStream().write(bytes.toByteArray());
      return null;
    } catch (InvalidReportException e) {
      problems(e, "", errors);
      return refuse(filters, chosen, errors, model, principal, response);
    }
  }

  /** What every tables page shows around its tables: the filters, sections and links. */
  private void frame(
      Model model, Filters filters, boolean forPublication, Section chosen, FormErrors errors) {
    model.addAttribute("filters", filters);
    model.addAttribute("suppress", forPublication);
    model.addAttribute("section", chosen == null ? "" : chosen.code());
    model.addAttribute("heading", chosen == null ? "The report’s tables" : chosen.title());
    model.addAttribute("areas", areas());
    model.addAttribute("sections", links(filters, forPublication, chosen));
    model.addAttribute(
        "compareHref",
        UriComponentsBuilder.fromPath("/analytics/compare")
            .queryParam("table", chosen == null ? "T1" : chosen.tables().get(0))
            .queryParam("from", filters.from())
            .queryParam("to", filters.to())
            .queryParam("asAt", filters.asAt())
            .queryParam("area", filters.area())
            .encode()
            .build()
            .toUriString());
    model.addAttribute("errors", errors);
    model.addAttribute("anyTables", false);
    model.addAttribute("figures", null);
  }

  /** The page again with what to change, as a 400. */
  private String refuse(
      Filters f,
      Section chosen,
      FormErrors errors,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    frame(model, f, true, chosen, errors);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return "analytics/tables";
  }

  /**
   * One table's row in a comparison: the row's words and each column's figure, as shown, for the
   * two sides.
   */
  public record ComparisonRow(String label, List<String> values) {}

  /**
   * Any table for two periods, or two areas, side by side: the report compares 2020 with 2018-19,
   * and an authority or a region with England.
   */
  @GetMapping("/analytics/compare")
  public String compare(
      @RequestParam(required = false) String table,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String from2,
      @RequestParam(required = false) String to2,
      @RequestParam(required = false) String area2,
      @RequestParam(required = false) String asAt,
      @RequestParam(required = false) String suppress,
      Model model,
      Principal principal,
      HttpServletResponse response) {
    int lastYear = LocalDate.now(clock).getYear() - 1;
    Filters first = filters(from, to, asAt, area, null);
    // Without a second period, the same period a year before the first (2020 beside 2019, as the
    // annual report compares): a fixed year could lie after the as-at date (2024 against figures
    // as at 31 March 2021), and the page opened on an error.
    LocalDate firstFrom = parseQuietly(first.from());
    LocalDate firstTo = parseQuietly(first.to());
    boolean yearBefore = firstFrom != null && firstTo != null && !firstTo.isBefore(firstFrom);
    Filters second =
        new Filters(
            from2 != null
                ? from2.strip()
                : yearBefore ? firstFrom.minusYears(1).toString() : (lastYear - 1) + "-01-01",
            to2 != null
                ? to2.strip()
                : yearBefore ? firstTo.minusYears(1).toString() : (lastYear - 1) + "-12-31",
            first.asAt(),
            area2 == null ? "" : area2.strip());
    String tableId = blank(table) ? "T1" : table.strip();
    FormErrors errors = new FormErrors();
    boolean forPublication = forPublication(suppress, errors);
    model.addAttribute("first", first);
    model.addAttribute("second", second);
    model.addAttribute("table", tableId);
    model.addAttribute("suppress", forPublication);
    model.addAttribute("areas", areas());
    model.addAttribute(
        "tableChoices",
        reports.available().stream()
            .map(id -> new AreaOption(id, TableTitles.of(id), ""))
            .toList());
    model.addAttribute("errors", errors);
    model.addAttribute("comparison", null);
    if (!reports.available().contains(tableId)) {
      errors.add("table", "Choose a table from the list");
    }
    ReportRequest a = request(first, "", errors);
    ReportRequest b = request(second, "2", errors);
    if (errors.isAny()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "analytics/compare";
    }
    Viewer viewer = viewers.of(principal);
    Report ra;
    Report rb;
    try {
      ra = reports.report(a, List.of(tableId), viewer);
    } catch (InvalidReportException e) {
      problems(e, "", errors);
      ra = null;
    }
    try {
      rb = reports.report(b, List.of(tableId), viewer);
    } catch (InvalidReportException e) {
      problems(e, "2", errors);
      rb = null;
    }
    if (ra == null || rb == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "analytics/compare";
    }
    if (forPublication) {
      ra = DisclosureControl.apply(ra);
      rb = DisclosureControl.apply(rb);
    }
    String nameA = sideName(a);
    String nameB = sideName(b);
    if (nameA.equals(nameB)) {
      nameA = nameA + " (first)";
      nameB = nameB + " (second)";
    }
    List<Cell> cellsA = ra.tables().get(tableId);
    List<Cell> cellsB = rb.tables().get(tableId);
    TableGrid gridA = TableGrid.of(tableId, cellsA);
    TableGrid gridB = TableGrid.of(tableId, cellsB);
    List<String> columns = gridA.columns();
    List<String> headers = new ArrayList<>();
    for (String c : columns) {
      headers.add(Charts.words(c) + ", " + nameA);
      headers.add(Charts.words(c) + ", " + nameB);
    }
    List<ComparisonRow> rows = new ArrayList<>();
    for (String row : gridA.rows().keySet()) {
      List<String> values = new ArrayList<>();
      for (String c : columns) {
        values.add(fmt.figure(gridA.value(row, c)));
        values.add(fmt.figure(gridB.value(row, c)));
      }
      rows.add(new ComparisonRow(Charts.words(row), values));
    }
    String measure =
        columns.stream().filter(c -> c.contains("PERCENT")).findFirst().orElse(columns.get(0));
    model.addAttribute("title", TableTitles.of(tableId));
    model.addAttribute("names", List.of(nameA, nameB));
    model.addAttribute("headers", headers);
    model.addAttribute("rows", rows);
    model.addAttribute("measure", Charts.words(measure).toLowerCase(java.util.Locale.ROOT));
    model.addAttribute(
        "chartSvg", Charts.svg(Charts.comparison(tableId, measure, cellsA, nameA, cellsB, nameB)));
    model.addAttribute("comparison", true);
    return "analytics/compare";
  }

  /** The report's tables laid out, and rendered as the page shows them (analytics/figures). */
  private Figures figures(Report report) {
    List<TableView> tables = views(report);
    Context context = new Context(java.util.Locale.UK);
    context.setVariable("tables", tables);
    return new Figures(
        !tables.isEmpty(),
        templates.process("analytics/figures", java.util.Set.of("figures"), context));
  }

  private List<TableView> views(Report report) {
    List<TableView> out = new ArrayList<>();
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      TableGrid grid = TableGrid.of(t.getKey(), t.getValue());
      List<String> columns = grid.columns();
      Map<String, Map<String, String>> rows = grid.rows();
      List<RowView> rowViews = new ArrayList<>();
      for (Map.Entry<String, Map<String, String>> r : rows.entrySet()) {
        List<String> values = new ArrayList<>();
        for (String col : columns) {
          values.add(fmt.figure(r.getValue().getOrDefault(col, "")));
        }
        rowViews.add(new RowView(r.getKey(), Charts.words(r.getKey()), values));
      }
      Charts.Chart chart = Charts.of(t.getKey(), t.getValue());
      out.add(
          new TableView(
              t.getKey(),
              TableTitles.of(t.getKey()),
              columns.stream().map(Charts::words).toList(),
              rowViews,
              chart == null ? null : Charts.svg(chart)));
    }
    return out;
  }

  private List<SectionLink> links(Filters f, boolean suppress, Section chosen) {
    List<SectionLink> links = new ArrayList<>();
    links.add(new SectionLink("", "All the tables", href(f, suppress, null), chosen == null));
    for (Section s : SECTIONS) {
      links.add(new SectionLink(s.code(), s.title(), href(f, suppress, s.code()), s == chosen));
    }
    return links;
  }

  private static String href(Filters f, boolean suppress, String section) {
    UriComponentsBuilder b =
        UriComponentsBuilder.fromPath("/analytics/tables")
            .queryParam("from", f.from())
            .queryParam("to", f.to())
            .queryParam("asAt", f.asAt());
    if (!f.area().isEmpty()) {
      b.queryParam("area", f.area());
    }
    if (suppress) {
      b.queryParam("suppress", "yes");
    }
    if (section != null) {
      b.queryParam("section", section);
    }
    return b.encode().build().toUriString();
  }

  /** England, then the regions, then every local authority ever listed. */
  private List<AreaOption> areas() {
    List<AreaOption> out = new ArrayList<>();
    for (Region r : reference.regions()) {
      out.add(new AreaOption("region:" + r.code(), r.name(), "Regions"));
    }
    for (LocalAuthority a : reference.localAuthorities()) {
      out.add(
          new AreaOption("la:" + a.code(), Fmt.laCodeChoice(a, reference), "Local authorities"));
    }
    return out;
  }

  private String sideName(ReportRequest r) {
    String period;
    if (r.from().getDayOfYear() == 1
        && r.to().getMonthValue() == 12
        && r.to().getDayOfMonth() == 31) {
      period =
          r.from().getYear() == r.to().getYear()
              ? Integer.toString(r.from().getYear())
              : r.from().getYear() + " to " + r.to().getYear();
    } else {
      period = Fmt.dateOf(r.from()) + " to " + Fmt.dateOf(r.to());
    }
    String place = "England";
    if (r.laCode() != null) {
      place = reference.localAuthority(r.laCode()).map(LocalAuthority::name).orElse(r.laCode());
    } else if (r.regionCode() != null) {
      place =
          reference.regions().stream()
              .filter(g -> g.code().equals(r.regionCode()))
              .map(Region::name)
              .findFirst()
              .orElse(r.regionCode());
    }
    return period + ", " + place;
  }

  private Filters filters(String from, String to, String asAt, String area, String la) {
    int lastYear = LocalDate.now(clock).getYear() - 1;
    String chosenArea = area == null ? "" : area.strip();
    if (chosenArea.isEmpty() && !blank(la)) {
      chosenArea = "la:" + la.strip(); // the headline page's link and older bookmarks
    }
    // Absent (the page first opened): the last calendar year, as at today. Given blank: an error.
    return new Filters(
        from == null ? lastYear + "-01-01" : from.strip(),
        to == null ? lastYear + "-12-31" : to.strip(),
        asAt == null ? LocalDate.now(clock).toString() : asAt.strip(),
        chosenArea);
  }

  /** A section by its code; none (all the tables) when not given; an error when unknown. */
  private static Section section(String code, FormErrors errors) {
    if (blank(code)) {
      return null;
    }
    Section chosen =
        SECTIONS.stream().filter(s -> s.code().equals(code.strip())).findFirst().orElse(null);
    if (chosen == null) {
      errors.addLink(
          "section",
          null,
          "Choose a section from the list: "
              + String.join(", ", SECTIONS.stream().map(Section::code).toList())
              + ", or none for all the tables");
    }
    return chosen;
  }

  /** The "for publication" box: ticked (yes) or not sent; anything else is an error. */
  private static boolean forPublication(String suppress, FormErrors errors) {
    if (suppress == null) {
      return false;
    }
    if (!suppress.equals("yes")) {
      errors.add("suppress", "For publication is either ticked (yes) or not sent at all");
      return false;
    }
    return true;
  }

  /** The request the filters ask for, or null with each problem added under its field. */
  private ReportRequest request(Filters f, String suffix, FormErrors errors) {
    LocalDate fromDate =
        AnalyticsController.date(f.from(), "from" + suffix, "The start of the period", errors);
    LocalDate toDate =
        AnalyticsController.date(f.to(), "to" + suffix, "The end of the period", errors);
    LocalDate asAtDate =
        suffix.isEmpty()
            ? AnalyticsController.date(f.asAt(), "asAt", "The as-at date", errors)
            : parseQuietly(f.asAt());
    String region = null;
    String la = null;
    if (f.area().startsWith("region:")) {
      region = f.area().substring("region:".length());
    } else if (f.area().startsWith("la:")) {
      la = f.area().substring("la:".length());
    }
    String code = region != null ? region : la;
    if (!f.area().isEmpty() && (code == null || !AnalyticsController.isAreaCode(code))) {
      errors.add("area" + suffix, "Choose England, a region or a local authority from the list");
    }
    if (fromDate == null || toDate == null || asAtDate == null || errors.has("area" + suffix)) {
      return null;
    }
    return new ReportRequest(fromDate, toDate, asAtDate, region, la);
  }

  private static LocalDate parseQuietly(String s) {
    return s == null ? null : AnalyticsController.filterDate(s);
  }

  private static void problems(InvalidReportException e, String suffix, FormErrors errors) {
    for (InvalidReportException.Problem p : e.problems()) {
      String field =
          switch (p.field()) {
            case "as_at" -> "asAt";
            case "la", "region" -> "area" + suffix;
            default -> p.field() + suffix;
          };
      if (!errors.has(field)) {
        errors.add(field, p.message());
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
