package uk.gov.observatory.library.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain PDF of a heading and paragraphs (A4, Helvetica, lines wrapped to the page): the document
 * the library publishes for a thematic analysis, which has no PDF of its own.
 */
final class SimplePdf {

  private static final float MARGIN = 60;
  private static final float SIZE = 11;
  private static final float LEADING = 16;

  private SimplePdf() {}

  static byte[] of(String title, List<String> paragraphs) {
    try (PDDocument pdf = new PDDocument()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(safe(title));
      info.setProducer("Observatory");
      pdf.setDocumentInformation(info);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      List<Object[]> lines = new ArrayList<>();
      for (String l : wrap(safe(title), bold, 16, width)) {
        lines.add(new Object[] {l, bold, 16f});
      }
      lines.add(new Object[] {"", regular, SIZE});
      for (String p : paragraphs) {
        for (String part : safe(p).split("\n")) {
          for (String l : wrap(part, regular, SIZE, width)) {
            lines.add(new Object[] {l, regular, SIZE});
          }
        }
        lines.add(new Object[] {"", regular, SIZE});
      }
      int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
      for (int start = 0; start < lines.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.beginText();
          content.setLeading(LEADING);
          content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
          for (Object[] line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
            content.setFont((PDType1Font) line[1], (Float) line[2]);
            content.showText((String) line[0]);
            content.newLine();
          }
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> wrap(String text, PDType1Font font, float size, float width)
      throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      String tried = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
        out.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(tried);
      }
    }
    out.add(line.toString());
    return out;
  }

  /** The text in the characters Helvetica (WinAnsi) can show. */
  static String safe(String s) {
    if (s == null) {
      return "";
    }
    String t =
        s.replace('’', '\'')
            .replace('‘', '\'')
            .replace('“', '"')
            .replace('”', '"')
            .replace('−', '-')
            .replace('–', '-')
            .replace('—', '-')
            .replace('\t', ' ')
            .replace("\r", "");
    StringBuilder b = new StringBuilder();
    for (char c : t.toCharArray()) {
      b.append(c == '\n' || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? c : '?');
    }
    return b.toString();
  }
}
