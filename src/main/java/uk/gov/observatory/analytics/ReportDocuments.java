package uk.gov.observatory.analytics;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import uk.gov.observatory.web.Fmt;

/**
 * The report as a document: one XHTML page (a cover, a contents page, notes on the figures, then
 * each table with its paragraph, chart and footnotes) and, from the same XHTML, a tagged PDF that
 * passes PDF/UA-1 (openhtmltopdf with its accessibility tagging, the DejaVu Sans font embedded,
 * Batik drawing the SVG charts as figures with their text alternatives).
 *
 * <p>Every table stays within its page: a table with more than {@value #PORTRAIT_COLUMNS} columns
 * of figures is printed on a landscape page, columns have fixed widths and words wrap, a long table
 * repeats its header row on the next page, and a row is never split across two pages.
 */
public final class ReportDocuments {

  private ReportDocuments() {}

  /** The most columns of figures a table may have and still be printed on a portrait page. */
  static final int PORTRAIT_COLUMNS = 5;

  /** The font the PDF embeds (PDF/UA needs every font embedded), as CSS names it. */
  static final String FONT = "DejaVu Sans";

  /** The report as one XHTML page: a title page, then each table in the report's order. */
  public static String html(Report report) {
    return html(AnnualReportLayout.lay(report, null, areaWords(report.request())));
  }

  /** Where a request covers, in words. */
  static String areaWords(ReportRequest r) {
    return r.laCode() != null
        ? "local authority " + r.laCode()
        : r.regionCode() != null ? "region " + r.regionCode() : "England";
  }

  private static final String CSS =
      """
      @page {
        size: A4;
        margin: 18mm 15mm 20mm 15mm;
        @bottom-center {
          content: "Page " counter(page) " of " counter(pages);
          font-family: 'DejaVu Sans'; font-size: 8pt; color: #505a5f;
        }
      }
      @page wide {
        size: A4 landscape;
        margin: 15mm 15mm 18mm 15mm;
        @bottom-center {
          content: "Page " counter(page) " of " counter(pages);
          font-family: 'DejaVu Sans'; font-size: 8pt; color: #505a5f;
        }
      }
      body { margin: 0; font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.35; color: #0b0c0c; }
      h1 { font-size: 24pt; line-height: 1.2; margin: 60mm 0 10mm 0; }
      h2 { font-size: 14pt; margin: 0 0 6pt 0; }
      p { margin: 0 0 6pt 0; }
      .cover p { font-size: 13pt; margin: 0 0 5pt 0; }
      .cover .area { font-size: 16pt; font-weight: bold; margin-bottom: 10mm; }
      section, nav { page-break-before: always; }
      section.wide { page: wide; width: 267mm; }
      nav ol { list-style: none; padding: 0; margin: 0; }
      nav li { margin: 0 0 5pt 0; }
      nav a { color: #0b0c0c; text-decoration: none; }
      nav a::after { content: "  (page " target-counter(attr(href), page) ")"; color: #505a5f; }
      .figure { margin: 4pt 0 10pt 0; page-break-inside: avoid; }
      .figure img { width: 100%; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed;
              -fs-table-paginate: paginate; margin: 0 0 8pt 0; }
      tr { page-break-inside: avoid; }
      caption { text-align: left; font-weight: bold; padding: 0 0 4pt 0; }
      /* In print the section's heading, just above, names the table: its caption is for screens. */
      @media print { caption { display: none; } }
      th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 3pt; text-align: right;
               vertical-align: top; word-wrap: break-word; }
      thead th { vertical-align: bottom; border-bottom: 2px solid #0b0c0c; font-size: 8.5pt; }
      th.label, th[scope=row] { text-align: left; }
      table.many th, table.many td { font-size: 7.5pt; padding: 2pt 2pt; }
      tr.heading th[scope=row] { padding-top: 7pt; }
      tr.subrow th[scope=row] { padding-left: 12pt; font-weight: normal; }
      tr.row th[scope=row] { font-weight: normal; }
      tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
      .footnotes { font-size: 8.5pt; color: #0b0c0c; }
      .footnotes ol { margin: 0; padding-left: 14pt; }
      .footnotes li { margin: 0 0 3pt 0; }
      """;

  /** The published report as one XHTML page: a cover, contents, notes, then each table. */
  public static String html(PublishedReport report) {
    List<PublishedReport.Table> tables = report.tables();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\" xml:lang=\"en-GB\"><head>")
        .append("<meta charset=\"UTF-8\"/>")
        .append("<title>")
        .append(esc(fullTitle(report)))
        .append("</title>")
        .append("<meta name=\"subject\" content=\"")
        .append(esc(period(report)))
        .append("\"/>")
        .append("<meta name=\"author\" content=\"Child Safeguarding Practice Review Panel\"/>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>");
    // The cover: title, area, period, as-at date and comparator, in words.
    h.append("<div class=\"cover\"><h1>")
        .append(esc(report.title()))
        .append("</h1><p class=\"area\">")
        .append(esc(report.area()))
        .append("</p><p>")
        .append(esc(period(report)))
        .append("</p><p>Figures as at ")
        .append(esc(date(report.asAt())))
        .append("</p>");
    if (report.comparatorPeriod() != null && !report.comparatorPeriod().isBlank()) {
      h.append("<p>Compared with ").append(esc(report.comparatorPeriod())).append("</p>");
    }
    h.append("</div>");
    // Contents: each section with the page it starts on.
    h.append("<nav><h2>Contents</h2><ol>").append(contentsEntry("notes", "About these figures"));
    for (int i = 0; i < tables.size(); i++) {
      h.append(contentsEntry(anchor(tables.get(i), i), tables.get(i).caption()));
    }
    if (!report.revisions().isEmpty()) {
      h.append(contentsEntry("revisions", "Revisions since the last edition"));
    }
    h.append("</ol></nav>");
    h.append(notes(report));
    for (int i = 0; i < tables.size(); i++) {
      h.append(section(tables.get(i), anchor(tables.get(i), i)));
    }
    if (!report.revisions().isEmpty()) {
      h.append(revisions(report.revisions()));
    }
    return h.append("</body></html>\n").toString();
  }

  /** The title with the area and period, as the PDF's document title. */
  static String fullTitle(PublishedReport report) {
    return report.title() + ", " + report.area() + ", " + period(report);
  }

  /** The period in words: "Incidents from 1 January 2020 to 31 December 2020". */
  static String period(PublishedReport report) {
    return "Incidents from " + date(report.from()) + " to " + date(report.to());
  }

  private static String date(LocalDate d) {
    return d == null ? "" : Fmt.dateOf(d);
  }

  /** A section's id: the table's id where it is a safe one, else its place in the report. */
  private static String anchor(PublishedReport.Table t, int index) {
    return t.id() != null && t.id().matches("[A-Za-z][A-Za-z0-9_-]*") ? t.id() : "table-" + index;
  }

  private static String contentsEntry(String id, String words) {
    return "<li><a href=\"#" + id + "\" title=\"" + esc(words) + "\">" + esc(words) + "</a></li>";
  }

  /** What the symbols mean and how the figures are written, said once for the whole report. */
  private static String notes(PublishedReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<section id=\"notes\"><h2>About these figures</h2>")
        .append("<p>")
        .append(esc(report.title()))
        .append(" for ")
        .append(esc(report.area()))
        .append(" counts the serious incidents notified to the Panel that occurred from ")
        .append(esc(date(report.from())))
        .append(" to ")
        .append(esc(date(report.to())))
        .append(", as recorded on ")
        .append(esc(date(report.asAt())))
        .append(". Figures recorded later are not included.</p>");
    if (report.comparatorPeriod() != null && !report.comparatorPeriod().isBlank()) {
      h.append("<p>Where a table has a comparator column, it gives the same figures for ")
          .append(esc(report.comparatorPeriod()))
          .append(".</p>");
    }
    h.append("<p>Percentages are rounded to one decimal place, so they may not add up to 100.")
        .append(" Numbers of 1,000 or more are written with a comma.</p>")
        .append("<table class=\"symbols\"><thead><tr>")
        .append("<th scope=\"col\" class=\"label\" style=\"width: 15%\">Symbol</th>")
        .append("<th scope=\"col\" class=\"label\">What it means in a table</th>")
        .append("</tr></thead><tbody>")
        .append(
            symbol(
                "c",
                "a figure not shown to protect the confidentiality of the children and families:"
                    + " a count of 1 or 2, or a figure from which one could be worked out"))
        .append(symbol("low", "a percentage that rounds to 0.0 but is not zero"))
        .append(symbol("z", "not applicable"))
        .append(symbol("x", "not available"))
        .append("</tbody></table><p>A blank cell means there is no figure for it, for example a")
        .append(" percentage of a total.</p></section>");
    return h.toString();
  }

  private static String symbol(String symbol, String meaning) {
    return "<tr class=\"row\"><th scope=\"row\">"
        + esc(symbol)
        + "</th><td style=\"text-align: left\">"
        + esc(meaning)
        + "</td></tr>";
  }

  /** A table's section: its heading, paragraph, chart, the table itself and its footnotes. */
  private static String section(PublishedReport.Table t, String id) {
    boolean wide = t.columns().size() > PORTRAIT_COLUMNS;
    StringBuilder h = new StringBuilder();
    h.append("<section id=\"")
        .append(id)
        .append("\"")
        .append(wide ? " class=\"wide\"" : "")
        .append("><h2>")
        .append(esc(t.caption()))
        .append("</h2>");
    if (t.paragraph() != null && !t.paragraph().isBlank()) {
      for (String p : t.paragraph().strip().split("\\n\\s*\\n")) {
        h.append("<p>").append(esc(p.strip())).append("</p>");
      }
    }
    if (t.chart() != null) {
      h.append(figure(t.chart(), wide));
    }
    h.append(table(t));
    if (!t.footnotes().isEmpty()) {
      h.append("<div class=\"footnotes\"><p>Notes</p><ol>");
      for (String f : t.footnotes()) {
        h.append("<li>").append(esc(f)).append("</li>");
      }
      h.append("</ol></div>");
    }
    return h.append("</section>").toString();
  }

  /**
   * The chart, drawn as SVG, as an image with the chart's description as its text alternative (a
   * figure in the tagged PDF). The same figures are in the table below it.
   */
  private static String figure(Charts.Chart chart, boolean wide) {
    String svg = Charts.svg(chart, 1.0);
    String alt =
        chart.title() + ". " + chart.description() + " The figures are in the table below.";
    // openhtmltopdf draws an inline svg element as a replaced element; the alt attribute gives its
    // text alternative in the tagged PDF (a Figure with Alt).
    String withAlt = svg.replaceFirst("<svg ", "<svg alt=\"" + esc(alt) + "\" ");
    return "<div class=\"figure\""
        + (wide ? " style=\"width: 70%\"" : "")
        + ">"
        + withAlt
        + "</div>";
  }

  /** The table: a header row of column labels, then a row for each row, row labels as headers. */
  private static String table(PublishedReport.Table t) {
    int n = t.columns().size();
    boolean wide = n > PORTRAIT_COLUMNS;
    // The row labels take a quarter of a landscape page, a third of a portrait one; the figures'
    // columns share the rest.
    double labelShare = n == 0 ? 100 : wide ? 24 : Math.max(34, 100 - n * 16.0);
    double columnShare = n == 0 ? 0 : (100 - labelShare) / n;
    StringBuilder h = new StringBuilder();
    h.append("<table")
        .append(n > 10 ? " class=\"many\"" : "")
        .append("><caption>")
        .append(esc(t.caption()))
        .append("</caption><thead><tr>");
    h.append("<th scope=\"col\" class=\"label\" style=\"width: ")
        .append(percent(labelShare))
        .append("\">")
        .append(esc(rowLabelsHeading(t)))
        .append("</th>");
    for (PublishedReport.Column c : t.columns()) {
      h.append("<th scope=\"col\" style=\"width: ")
          .append(percent(columnShare))
          .append("\">")
          .append(esc(c.label()))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (PublishedReport.Row row : t.rows()) {
      h.append("<tr class=\"")
          .append(row.kind().name().toLowerCase(java.util.Locale.ROOT))
          .append("\"><th scope=\"row\">")
          .append(esc(row.label()))
          .append("</th>");
      for (int i = 0; i < n; i++) {
        String v = i < row.values().size() ? row.values().get(i) : "";
        h.append("<td>").append(esc(figure(v))).append("</td>");
      }
      h.append("</tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  /**
   * The heading over the row labels: the table's title, which names what its rows are ("Category of
   * death", "Case characteristics"), with a capital.
   */
  static String rowLabelsHeading(PublishedReport.Table t) {
    if (t.rowHeading() != null && !t.rowHeading().isBlank()) {
      return t.rowHeading().strip(); // the report's own: "Working days range", "Ethnic group"
    }
    String title = t.title() == null ? "" : t.title().strip();
    return title.isEmpty() ? "" : Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  private static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", share);
  }

  /** A figure as printed: whole numbers with thousands separators, symbols as they are. */
  static String figure(String value) {
    if (value != null && value.matches("-?[0-9]{4,18}")) {
      return Fmt.numberOf(Long.parseLong(value));
    }
    return value == null ? "" : value;
  }

  /** What changed since the last published edition, as a table. */
  private static String revisions(List<PublishedReport.Revision> revisions) {
    StringBuilder h = new StringBuilder();
    h.append("<section id=\"revisions\"><h2>Revisions since the last edition</h2>")
        .append("<p>These figures have changed since the last published edition for the same")
        .append(" period and area, because records were added or corrected.</p>")
        .append("<table><thead><tr>")
        .append("<th scope=\"col\" class=\"label\" style=\"width: 28%\">Table</th>")
        .append("<th scope=\"col\" class=\"label\" style=\"width: 24%\">Row</th>")
        .append("<th scope=\"col\" class=\"label\" style=\"width: 24%\">Column</th>")
        .append("<th scope=\"col\" style=\"width: 12%\">Before</th>")
        .append("<th scope=\"col\" style=\"width: 12%\">Now</th></tr></thead><tbody>");
    for (PublishedReport.Revision r : revisions) {
      h.append("<tr class=\"row\"><th scope=\"row\">")
          .append(esc(r.table()))
          .append("</th><td style=\"text-align: left\">")
          .append(esc(r.row()))
          .append("</td><td style=\"text-align: left\">")
          .append(esc(r.column()))
          .append("</td><td>")
          .append(esc(figure(r.before())))
          .append("</td><td>")
          .append(esc(figure(r.after())))
          .append("</td></tr>");
    }
    return h.append("</tbody></table></section>").toString();
  }

  /** The same document as a PDF: a title page, then a page (or more) per table. */
  public static void pdf(Report report, OutputStream out) throws IOException {
    pdf(AnnualReportLayout.lay(report, null, areaWords(report.request())), out);
  }

  /**
   * The published report as a tagged PDF (PDF/UA-1): a cover, contents, notes, then a page (or
   * more) per table, landscape where a table is wide.
   */
  public static void pdf(PublishedReport report, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessbility(true);
    builder.useFont(
        () -> font("DejaVuSans.ttf"), FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(
        () -> font("DejaVuSans-Bold.ttf"), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
    builder.useSVGDrawer(new BatikSVGDrawer());
    builder.withProducer("Observatory");
    builder.withHtmlContent(html(report), null);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      PDDocument pdf = renderer.createPDFKeepOpen();
      describeLinks(pdf);
      pdf.save(out);
      pdf.close();
    }
  }

  /**
   * Gives each link its words as its Contents (PDF/UA-1 7.18.5: a link annotation has an alternate
   * description; openhtmltopdf gives its structure element one, not the annotation): the words
   * printed inside the link's rectangle, which are the contents entry it goes to.
   */
  static void describeLinks(PDDocument pdf) throws IOException {
    for (PDPage page : pdf.getPages()) {
      List<PDAnnotationLink> links = new ArrayList<>();
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link
            && (link.getContents() == null || link.getContents().isBlank())) {
          links.add(link);
        }
      }
      if (links.isEmpty()) {
        continue;
      }
      PDFTextStripperByArea stripper = new PDFTextStripperByArea();
      float height = page.getMediaBox().getHeight();
      for (int i = 0; i < links.size(); i++) {
        PDRectangle r = links.get(i).getRectangle();
        stripper.addRegion(
            Integer.toString(i),
            new Rectangle2D.Float(
                r.getLowerLeftX(), height - r.getUpperRightY(), r.getWidth(), r.getHeight()));
      }
      stripper.extractRegions(page);
      for (int i = 0; i < links.size(); i++) {
        String words =
            stripper.getTextForRegion(Integer.toString(i)).strip().replaceAll("\\s+", " ");
        links.get(i).setContents(words.isEmpty() ? "Link" : "Go to " + words);
      }
    }
  }

  private static InputStream font(String name) {
    InputStream in = ReportDocuments.class.getResourceAsStream("/fonts/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("font not bundled: " + name));
    }
    return in;
  }

  private static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
