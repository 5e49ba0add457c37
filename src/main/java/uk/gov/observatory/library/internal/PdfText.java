package uk.gov.observatory.library.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's text, page by page, as PDFBox's text stripper reads it (in reading order, one line of the
 * page a line of text). A PDF whose pages hold no letter at all (a scan) has no text.
 */
public final class PdfText {

  /** What a PDF holds: its pages' text (page 1 first) and whether any page has a letter. */
  public record Extracted(List<String> pages, boolean hasText, String sha256) {

    public Extracted {
      pages = List.copyOf(pages);
    }

    public int pageCount() {
      return pages.size();
    }
  }

  /** Why a file is not a PDF this library can take (a message for the uploader). */
  public static final class NotAPdfException extends Exception {
    public NotAPdfException(String message) {
      super(message);
    }
  }

  private PdfText() {}

  /** Reads the PDF: its text page by page. Throws when it is not a readable PDF. */
  public static Extracted extract(byte[] content) throws NotAPdfException {
    if (content == null || content.length == 0) {
      throw new NotAPdfException("the file is empty: choose the document's PDF");
    }
    if (content.length < 5
        || !new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new NotAPdfException("the file is not a PDF (it does not start with %PDF-)");
    }
    try (PDDocument pdf = Loader.loadPDF(content)) {
      if (pdf.isEncrypted()) {
        throw new NotAPdfException(
            "the PDF is protected by a password or encrypted: upload it without protection");
      }
      int pages = pdf.getNumberOfPages();
      if (pages == 0) {
        throw new NotAPdfException("the PDF has no pages");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      stripper.setSortByPosition(true);
      List<String> texts = new ArrayList<>(pages);
      boolean letters = false;
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        String text = clean(stripper.getText(pdf));
        letters = letters || text.codePoints().anyMatch(Character::isLetter);
        texts.add(text);
      }
      return new Extracted(texts, letters, sha256(content));
    } catch (IOException e) {
      throw new NotAPdfException("the PDF cannot be read (it may be damaged): " + e.getMessage());
    } catch (RuntimeException e) {
      throw new NotAPdfException("the PDF cannot be read (it may be damaged)");
    }
  }

  /**
   * The lines of a page's (or a field's) text that hold something, each with its number as a reader
   * counts them: 1 for the first line with text, blank lines not counted.
   */
  public static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Without the characters PostgreSQL's text cannot hold (NUL) and trailing space. */
  private static String clean(String text) {
    return text.replace("\u0000", "").strip();
  }
}
