package uk.gov.observatory.analytics;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The report as a document: accessible HTML (a table per section, with captions and header cells,
 * after its chart where it has one) and, from the same XHTML, a printable PDF with a page per
 * section (openhtmltopdf, with Batik drawing the SVG charts).
 */
public final class ReportDocuments {

  private ReportDocuments() {}

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

  /** The published report as one XHTML page: a title page, then each table with its text. */
  public static String html(PublishedReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/>")
        .append("<title>")
        .append(esc(report.title()))
        .append("</title>")
        .append("<style>")
        .append("@page { size: A4; margin: 20mm 15mm; }")
        .append("body { font-family: sans-serif; font-size: 10pt; color: #0b0c0c; }")
        .append("section { page-break-before: always; }")
        .append("table { border-collapse: collapse; width: 100%; }")
        .append("caption { text-align: left; font-weight: bold; font-size: 13pt; padding: 4pt 0; }")
        .append("th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 4pt; text-align: right; }")
        .append("th[scope=row] { text-align: left; }")
        .append("h2 { font-size: 14pt; margin: 0 0 6pt 0; }")
        .append("figure { margin: 0 0 10pt 0; }")
        .append("figcaption { font-size: 8pt; color: #505a5f; }")
        .append("</style></head><body>")
        .append("<h1>")
        .append(esc(report.title()))
        .append("</h1>")
        .append("<p>Incidents from ")
        .append(esc(uk.gov.observatory.web.Fmt.dateOf(report.from())))
        .append(" to ")
        .append(esc(uk.gov.observatory.web.Fmt.dateOf(report.to())))
        .append(", as at ")
        .append(esc(uk.gov.observatory.web.Fmt.dateOf(report.asAt())))
        .append(", ")
        .append(esc(report.area()))
        .append(".</p><p>In published figures c is a suppressed value")
        .append(" and low a percentage that rounds to 0.0 but is not 0.</p>");
    for (PublishedReport.Table t : report.tables()) {
      h.append("<section>");
      h.append("<h2>").append(esc(t.caption())).append("</h2>");
      if (t.paragraph() != null && !t.paragraph().isBlank()) {
        h.append("<p>").append(esc(t.paragraph())).append("</p>");
      }
      if (t.chart() != null) {
        h.append("<figure>")
            .append(Charts.svg(t.chart(), 0.6))
            .append("<figcaption>")
            .append(esc(t.chart().description()))
            .append("</figcaption></figure>");
      }
      h.append("<table><caption>")
          .append(esc(t.caption()))
          .append("</caption><thead><tr><th scope=\"col\">What is counted</th>");
      for (PublishedReport.Column c : t.columns()) {
        h.append("<th scope=\"col\">").append(esc(c.label())).append("</th>");
      }
      h.append("</tr></thead><tbody>");
      for (PublishedReport.Row row : t.rows()) {
        h.append("<tr><th scope=\"row\">").append(esc(row.label())).append("</th>");
        for (String v : row.values()) {
          h.append("<td>").append(esc(v)).append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</tbody></table>");
      for (String f : t.footnotes()) {
        h.append("<p>").append(esc(f)).append("</p>");
      }
      h.append("</section>");
    }
    return h.append("</body></html>\n").toString();
  }

  /** The same document as a PDF: a title page, then a page (or more) per table. */
  public static void pdf(Report report, OutputStream out) throws IOException {
    pdf(AnnualReportLayout.lay(report, null, areaWords(report.request())), out);
  }

  /** The published report as a PDF: a title page, then a page (or more) per table. */
  public static void pdf(PublishedReport report, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useSVGDrawer(new BatikSVGDrawer());
    builder.withHtmlContent(html(report), null);
    builder.toStream(out);
    builder.run();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
