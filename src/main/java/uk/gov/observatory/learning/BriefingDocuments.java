package uk.gov.observatory.learning;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import uk.gov.observatory.analytics.PublishedReport;
import uk.gov.observatory.web.Fmt;

/**
 * A learning briefing as a document: one XHTML page (the title, the introduction, the quarter's
 * figures, the practice themes, the analyses published and the learning excerpts) and, from it, a
 * tagged PDF that passes PDF/UA-1 (openhtmltopdf with its accessibility tagging and the DejaVu Sans
 * font embedded, as the Panel's report is made).
 */
public final class BriefingDocuments {

  private BriefingDocuments() {}

  static final String FONT = "DejaVu Sans";

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
      body { margin: 0; font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.4; color: #0b0c0c; }
      h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 4mm 0; }
      h2 { font-size: 14pt; margin: 8mm 0 3mm 0; page-break-after: avoid; }
      h3 { font-size: 11pt; margin: 5mm 0 2mm 0; page-break-after: avoid; }
      p { margin: 0 0 5pt 0; }
      .lede { font-size: 12pt; color: #505a5f; margin-bottom: 6mm; }
      blockquote { margin: 0 0 6pt 0; padding: 2pt 0 2pt 8pt; border-left: 3pt solid #b1b4b6; }
      .source { font-size: 8.5pt; color: #505a5f; margin: 0 0 8pt 0; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 8pt 0;
              -fs-table-paginate: paginate; }
      tr { page-break-inside: avoid; }
      caption { text-align: left; font-weight: bold; padding: 0 0 4pt 0; }
      /* In print the heading just above names the table: its caption is for screen readers. */
      @media print { caption { display: none; } }
      th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 3pt; text-align: right;
               vertical-align: top; word-wrap: break-word; }
      thead th { vertical-align: bottom; border-bottom: 2px solid #0b0c0c; font-size: 8.5pt; }
      th.label, th[scope=row], td.words { text-align: left; }
      tr.heading th[scope=row] { padding-top: 7pt; }
      tr.subrow th[scope=row] { padding-left: 12pt; font-weight: normal; }
      tr.row th[scope=row] { font-weight: normal; }
      tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
      .footnotes { font-size: 8.5pt; }
      """;

  /** The briefing as one XHTML page. */
  public static String html(BriefingContent c) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\" xml:lang=\"en-GB\"><head>")
        .append("<meta charset=\"UTF-8\"/>")
        .append("<title>")
        .append(esc(c.title()))
        .append("</title>")
        .append("<meta name=\"subject\" content=\"")
        .append(esc("Learning from rapid reviews and local reviews, " + period(c)))
        .append("\"/>")
        .append("<meta name=\"author\" content=\"Child Safeguarding Practice Review Panel\"/>")
        .append("<style>")
        .append(CSS)
        .append("</style></head><body>");
    h.append("<h1>").append(esc(c.title())).append("</h1>");
    h.append("<p class=\"lede\">What the Child Safeguarding Practice Review Panel learned from")
        .append(" serious incident notifications, rapid reviews and local child safeguarding")
        .append(" practice reviews, ")
        .append(esc(period(c)))
        .append(". Figures as at ")
        .append(esc(Fmt.dateOf(c.asAt())))
        .append(".</p>");
    if (c.introduction() != null && !c.introduction().isBlank()) {
      h.append("<h2>Introduction</h2>").append(paragraphs(c.introduction()));
    }
    h.append("<h2>The quarter in figures</h2>")
        .append("<p>Serious incidents that occurred ")
        .append(esc(period(c)))
        .append(", as notified to the Panel by ")
        .append(esc(Fmt.dateOf(c.asAt())))
        .append(". A count of 1 or 2, or a figure from which one could be worked out, is shown")
        .append(" as c to protect the confidentiality of the children and families.</p>");
    for (PublishedReport.Table t : c.figures()) {
      h.append("<h3>").append(esc(t.title())).append("</h3>").append(table(t));
      if (!t.footnotes().isEmpty()) {
        h.append("<div class=\"footnotes\">");
        for (String f : t.footnotes()) {
          h.append("<p>").append(esc(f)).append("</p>");
        }
        h.append("</div>");
      }
    }
    h.append("<h2>Practice themes</h2>")
        .append("<p>Rapid reviews received ")
        .append(esc(period(c)))
        .append(": ")
        .append(esc(figure(c.reviewsReceived())))
        .append(". The practice themes they found (a review may find several):</p>");
    h.append("<table><caption>Practice themes in the rapid reviews received</caption>")
        .append(
            "<thead><tr><th scope=\"col\" class=\"label\" style=\"width: 75%\">Practice theme</th>")
        .append("<th scope=\"col\" style=\"width: 25%\">Rapid reviews</th></tr></thead><tbody>");
    for (BriefingContent.Theme t : c.themes()) {
      h.append("<tr class=\"row\"><th scope=\"row\">")
          .append(esc(t.label()))
          .append("</th><td>")
          .append(esc(figure(t.count())))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    h.append("<h2>Thematic analyses published</h2>");
    if (c.analyses().isEmpty()) {
      h.append("<p>No thematic analysis was published in the quarter.</p>");
    }
    for (BriefingContent.AnalysisSummary a : c.analyses()) {
      h.append("<h3>").append(esc(a.title())).append("</h3>");
      if (a.question() != null && !a.question().isBlank()) {
        h.append("<p>").append(esc(a.question())).append("</p>");
      }
      if (a.published() != null) {
        h.append("<p class=\"source\">Published ")
            .append(esc(Fmt.dateOf(a.published())))
            .append("</p>");
      }
      if (a.note() != null) {
        h.append("<p>").append(esc(a.note())).append("</p>");
      }
      if (!a.headlines().isEmpty()) {
        h.append("<table><caption>Headline results: ")
            .append(esc(a.title()))
            .append("</caption><thead><tr>")
            .append("<th scope=\"col\" class=\"label\" style=\"width: 25%\">Code</th>")
            .append("<th scope=\"col\" class=\"label\" style=\"width: 25%\">Sample</th>")
            .append("<th scope=\"col\" class=\"label\" style=\"width: 25%\">Control group</th>")
            .append("<th scope=\"col\" class=\"label\" style=\"width: 25%\">Difference</th>")
            .append("</tr></thead><tbody>");
        for (BriefingContent.Headline x : a.headlines()) {
          h.append("<tr class=\"row\"><th scope=\"row\">")
              .append(esc(x.label() + " (" + x.value().toLowerCase(Locale.UK) + ")"))
              .append("</th><td class=\"words\">")
              .append(esc(x.sample()))
              .append("</td><td class=\"words\">")
              .append(esc(blank(x.control())))
              .append("</td><td class=\"words\">")
              .append(esc(blank(x.difference())))
              .append("</td></tr>");
        }
        h.append("</tbody></table>");
      }
    }
    h.append("<h2>Learning from reviews</h2>");
    if (c.excerpts().isEmpty()) {
      h.append("<p>No learning excerpt was chosen for this quarter.</p>");
    }
    for (BriefingContent.ExcerptText e : c.excerpts()) {
      h.append("<blockquote>").append(paragraphs(e.text())).append("</blockquote>");
      h.append("<p class=\"source\">").append(esc(e.source())).append("</p>");
    }
    return h.append("</body></html>\n").toString();
  }

  /** "from 1 April 2020 to 30 June 2020" */
  static String period(BriefingContent c) {
    return "from " + Fmt.dateOf(c.from()) + " to " + Fmt.dateOf(c.to());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? "No control group" : s;
  }

  private static String paragraphs(String text) {
    StringBuilder h = new StringBuilder();
    for (String p : text.strip().split("\\n\\s*\\n")) {
      h.append("<p>").append(esc(p.strip()).replace("\n", "<br/>")).append("</p>");
    }
    return h.toString();
  }

  /** A table of the analytics, laid out as the report prints it. */
  private static String table(PublishedReport.Table t) {
    int n = t.columns().size();
    double labelShare = n == 0 ? 100 : Math.max(40, 100 - n * 20.0);
    double columnShare = n == 0 ? 0 : (100 - labelShare) / n;
    StringBuilder h = new StringBuilder();
    h.append("<table><caption>")
        .append(esc(t.title()))
        .append("</caption><thead><tr>")
        .append("<th scope=\"col\" class=\"label\" style=\"width: ")
        .append(share(labelShare))
        .append("\">")
        .append(esc(rowHeading(t)))
        .append("</th>");
    for (PublishedReport.Column col : t.columns()) {
      h.append("<th scope=\"col\" style=\"width: ")
          .append(share(columnShare))
          .append("\">")
          .append(esc(col.label()))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (PublishedReport.Row row : t.rows()) {
      h.append("<tr class=\"")
          .append(row.kind().name().toLowerCase(Locale.ROOT))
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

  /** The heading over a table's row labels. */
  public static String rowHeading(PublishedReport.Table t) {
    if (t.rowHeading() != null && !t.rowHeading().isBlank()) {
      return t.rowHeading().strip();
    }
    String title = t.title() == null ? "" : t.title().strip();
    return title.isEmpty() ? "" : Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  private static String share(double s) {
    return String.format(Locale.ROOT, "%.1f%%", s);
  }

  /** A figure as printed: whole numbers with thousands separators, symbols as they are. */
  public static String figure(String value) {
    if (value != null && value.matches("-?[0-9]{4,18}")) {
      return Fmt.numberOf(Long.parseLong(value));
    }
    return value == null ? "" : value;
  }

  /** The briefing as a tagged PDF (PDF/UA-1). */
  public static void pdf(BriefingContent c, OutputStream out) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessbility(true);
    builder.useFont(
        () -> font("DejaVuSans.ttf"), FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(
        () -> font("DejaVuSans-Bold.ttf"), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
    builder.withProducer("Observatory");
    builder.withHtmlContent(html(c), null);
    builder.toStream(out);
    builder.run();
  }

  private static InputStream font(String name) {
    InputStream in = BriefingDocuments.class.getResourceAsStream("/fonts/" + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("font not bundled: " + name));
    }
    return in;
  }

  static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
