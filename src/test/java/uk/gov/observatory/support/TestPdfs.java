package uk.gov.observatory.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDFs with known text on known pages, made with PDFBox for tests (synthetic words only): page 1
 * first, each page its lines from the top (line 1 the first line), one line of text a line of the
 * page as a reader and PDFBox's text stripper see it.
 */
public final class TestPdfs {

  private TestPdfs() {}

  /** A PDF of A4 pages, each holding its lines of text (Helvetica 11, one under another). */
  public static byte[] pages(List<List<String>> pages) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(16);
          content.newLineAtOffset(60, PDRectangle.A4.getHeight() - 70);
          for (String line : lines) {
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      return bytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF of one page per text, each text one line. */
  public static byte[] of(String... pageTexts) {
    return pages(java.util.Arrays.stream(pageTexts).map(List::of).toList());
  }

  /** A "scanned" PDF: each page only a picture (a grey block), no text at all. */
  public static byte[] scanned(int pageCount) {
    try (PDDocument pdf = new PDDocument()) {
      BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 200, 280);
      g.setColor(Color.DARK_GRAY);
      for (int y = 20; y < 260; y += 12) {
        g.fillRect(20, y, 160, 5);
      }
      g.dispose();
      for (int p = 0; p < pageCount; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        PDImageXObject picture = LosslessFactory.createFromImage(pdf, image);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.drawImage(picture, 40, 40, 500, 700);
        }
      }
      return bytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(PDDocument pdf) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.save(out);
    return out.toByteArray();
  }
}
