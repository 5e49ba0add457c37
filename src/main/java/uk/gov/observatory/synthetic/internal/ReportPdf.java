package uk.gov.observatory.synthetic.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Lays a {@link ReviewReport} out on A4 pages in a standard 14 font (Helvetica: nothing embedded,
 * plain text, extractable) and writes it as a PDF: a title page, then the body; every page carries
 * the marker {@link ReviewReport#MARKER} as its header and its footer. The same report gives the
 * same bytes. One instance per thread (it caches word widths).
 */
public final class ReportPdf {

  private static final float MARGIN = 64;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float TOP = PDRectangle.A4.getHeight() - 78;
  private static final float BOTTOM = 72;

  private enum Style {
    TITLE(Standard14Fonts.FontName.HELVETICA_BOLD, 20, 26, 0),
    HEADING(Standard14Fonts.FontName.HELVETICA_BOLD, 13, 18, 0),
    SUBHEADING(Standard14Fonts.FontName.HELVETICA_BOLD, 11, 16, 0),
    BODY(Standard14Fonts.FontName.HELVETICA, 10.5f, 14, 0),
    ITEM(Standard14Fonts.FontName.HELVETICA, 10.5f, 14, 16);

    final Standard14Fonts.FontName font;
    final float size;
    final float leading;
    final float indent;

    Style(Standard14Fonts.FontName font, float size, float leading, float indent) {
      this.font = font;
      this.size = size;
      this.leading = leading;
      this.indent = indent;
    }
  }

  /** A laid-out line: its style, text and extra space above it. */
  private record Line(Style style, String text, float before, float indent) {}

  private final Map<Standard14Fonts.FontName, PDType1Font> fonts = new HashMap<>();
  private final Map<String, Float> widths = new HashMap<>();

  public ReportPdf() {
    for (Style s : Style.values()) {
      fonts.computeIfAbsent(s.font, PDType1Font::new);
    }
  }

  /** How many pages the report takes, title page included. */
  public int pages(ReviewReport report) {
    return 1 + paginate(layout(report)).size();
  }

  /** The report as a PDF. */
  public byte[] write(ReviewReport report) {
    List<List<Line>> pages = paginate(layout(report));
    int total = pages.size() + 1;
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(ascii(report.title));
      info.setSubject(MARKER_SUBJECT);
      info.setKeywords(ascii(String.join("; ", report.keywords)));
      info.setCreator("Observatory synthetic data generator");
      info.setProducer("Observatory");
      Calendar published = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      published.clear();
      published.set(
          report.published.getYear(),
          report.published.getMonthValue() - 1,
          report.published.getDayOfMonth());
      info.setCreationDate(published);
      // A fixed identifier: the same report, the same bytes.
      doc.setDocumentId((long) report.title.hashCode() * 31 + report.published.toEpochDay());

      page(doc, titlePage(report), 1, total);
      for (int i = 0; i < pages.size(); i++) {
        page(doc, pages.get(i), i + 2, total);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String MARKER_SUBJECT =
      "Fictitious: synthetic data written by a computer program, not a real review";

  private List<Line> titlePage(ReviewReport r) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(Style.HEADING, r.titlePage.get(0), 40, 0));
    boolean first = true;
    for (String l : wrap(r.titlePage.get(1), Style.TITLE, WIDTH)) {
      lines.add(new Line(Style.TITLE, l, first ? 60 : 0, 0));
      first = false;
    }
    lines.add(new Line(Style.SUBHEADING, r.titlePage.get(2), 30, 0));
    lines.add(new Line(Style.BODY, r.titlePage.get(3), 20, 0));
    lines.add(new Line(Style.BODY, r.titlePage.get(4), 6, 0));
    first = true;
    for (String l : wrap(r.titlePage.get(5), Style.BODY, WIDTH)) {
      lines.add(new Line(Style.BODY, l, first ? 80 : 0, 0));
      first = false;
    }
    return lines;
  }

  private List<Line> layout(ReviewReport r) {
    List<Line> lines = new ArrayList<>();
    for (ReviewReport.Block b : r.body) {
      Style style =
          switch (b.kind()) {
            case HEADING -> Style.HEADING;
            case SUBHEADING -> Style.SUBHEADING;
            case PARAGRAPH -> Style.BODY;
            case BULLET, NUMBERED -> Style.ITEM;
          };
      float before =
          switch (b.kind()) {
            case HEADING -> 16;
            case SUBHEADING -> 10;
            default -> 6;
          };
      List<String> wrapped = wrap(b.text(), style, WIDTH - style.indent);
      for (int i = 0; i < wrapped.size(); i++) {
        String text = wrapped.get(i);
        float indent = style.indent;
        if (b.kind() == ReviewReport.Kind.BULLET && i == 0) {
          text = "- " + text;
          indent -= width("- ", style);
        }
        lines.add(new Line(style, text, i == 0 ? before : 0, indent));
      }
    }
    return lines;
  }

  private List<List<Line>> paginate(List<Line> lines) {
    List<List<Line>> pages = new ArrayList<>();
    List<Line> page = new ArrayList<>();
    float y = TOP;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      float need = (page.isEmpty() ? 0 : l.before()) + l.style().leading;
      // A heading is not left alone at the foot of a page.
      boolean heading = l.style() == Style.HEADING || l.style() == Style.SUBHEADING;
      if (heading) {
        need += 3 * Style.BODY.leading;
      }
      if (y - need < BOTTOM && !page.isEmpty()) {
        pages.add(page);
        page = new ArrayList<>();
        y = TOP;
      }
      if (page.isEmpty()) {
        page.add(new Line(l.style(), l.text(), 0, l.indent()));
        y -= l.style().leading;
      } else {
        page.add(l);
        y -= l.before() + l.style().leading;
      }
    }
    if (!page.isEmpty()) {
      pages.add(page);
    }
    return pages;
  }

  private void page(PDDocument doc, List<Line> lines, int number, int total) throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      PDType1Font bold = fonts.get(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = fonts.get(Standard14Fonts.FontName.HELVETICA);
      float h = PDRectangle.A4.getHeight();
      text(cs, bold, 8, MARGIN, h - 40, ReviewReport.MARKER);
      text(cs, regular, 8, MARGIN, 36, ReviewReport.MARKER + "    Page " + number + " of " + total);
      float y = TOP;
      for (Line l : lines) {
        y -= l.before();
        text(cs, fonts.get(l.style().font), l.style().size, MARGIN + l.indent(), y, l.text());
        y -= l.style().leading;
      }
    }
  }

  private static void text(
      PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(ascii(s));
    cs.endText();
  }

  private List<String> wrap(String text, Style style, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float used = 0;
    float space = width(" ", style);
    for (String word : ascii(text).split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      float w = width(word, style);
      if (line.length() > 0 && used + space + w > width) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      if (line.length() > 0) {
        line.append(' ');
        used += space;
      }
      line.append(word);
      used += w;
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private float width(String word, Style style) {
    Float w = widths.get(style.font.name() + "|" + word);
    if (w == null) {
      try {
        w = fonts.get(style.font).getStringWidth(word) / 1000f;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      widths.put(style.font.name() + "|" + word, w);
    }
    return w * style.size;
  }

  /** The text in the characters the standard 14 fonts' encoding surely has. */
  static String ascii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u2013', '\u2014' -> b.append('-');
        case '\u2018', '\u2019' -> b.append('\'');
        case '\u201c', '\u201d' -> b.append('"');
        default -> b.append(c >= 32 && c < 127 ? c : '?');
      }
    }
    return b.toString();
  }
}
