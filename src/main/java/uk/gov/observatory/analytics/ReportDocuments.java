package uk.gov.observatory.analytics;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The report as a document: accessible HTML (a table per section, with captions and header cells,
 * after its chart where it has one) and, from the same XHTML, a printable PDF with a page per
 * section (openhtmltopdf, with Batik drawing the SVG charts).
 */
public final class ReportDocuments {

  private ReportDocuments() {}

  /** The report as one XHTML page: a title page, then each table in the report's order. */
  public static String html(Report report) {
    StringBuilder h = new StringBuilder();
    ReportRequest r = report.request();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/>")
        .append("<title>Serious incident notifications: the report's tables</title>")
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
        .append("<h1>Serious incident notifications: the report's tables</h1>")
        .append("<p>Incidents from ")
        .append(esc(uk.gov.observatory.web.Fmt.dateOf(r.from())))
        .append(" to ")
        .append(esc(uk.gov.observatory.web.Fmt.dateOf(r.to())))
        .append(", as at ")
        .append(esc(uk.gov.observatory.web.Fmt.dateOf(r.asAt())))
        .append(", ")
        .append(
            esc(
                r.laCode() != null
                    ? "local authority " + r.laCode()
                    : r.regionCode() != null ? "region " + r.regionCode() : "England"))
        .append(".</p><p>Codes follow REPORT-SPEC.md. In published figures c is a suppressed value")
        .append(" and low a percentage that rounds to 0.0 but is not 0.</p>");
    for (Map.Entry<String, List<Cell>> t : report.tables().entrySet()) {
      TableGrid grid = TableGrid.of(t.getKey(), t.getValue());
      List<String> columns = grid.columns();
      Map<String, Map<String, String>> rows = grid.rows();
      h.append("<section id=\"").append(esc(t.getKey())).append("\">");
      Charts.Chart chart = Charts.of(t.getKey(), t.getValue());
      if (chart != null) {
        h.append("<h2>")
            .append(esc(TableTitles.of(t.getKey())))
            .append("</h2><figure>")
            .append(Charts.svg(chart, 0.6))
            .append("<figcaption>")
            .append(esc(chart.description()))
            .append("</figcaption></figure>");
      }
      h.append("<table><caption>")
          .append(esc(TableTitles.of(t.getKey())))
          .append("</caption><thead><tr><th scope=\"col\">What is counted</th>");
      for (String c : columns) {
        h.append("<th scope=\"col\">").append(esc(c)).append("</th>");
      }
      h.append("</tr></thead><tbody>");
      for (Map.Entry<String, Map<String, String>> row : rows.entrySet()) {
        h.append("<tr><th scope=\"row\">").append(esc(row.getKey())).append("</th>");
        for (String c : columns) {
          h.append("<td>").append(esc(row.getValue().getOrDefault(c, ""))).append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</tbody></table></section>");
    }
    return h.append("</body></html>\n").toString();
  }

  /** The same document as a PDF: a title page, then a page (or more) per table. */
  public static void pdf(Report report, OutputStream out) throws IOException {
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
