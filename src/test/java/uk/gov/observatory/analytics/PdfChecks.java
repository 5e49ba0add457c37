package uk.gov.observatory.analytics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** What tests read from a PDF: veraPDF's PDF/UA-1 verdict, text outside a page, the text itself. */
final class PdfChecks {

  private PdfChecks() {}

  /** The PDF's left and right page margins, 15 mm in points. */
  static final float SIDE_MARGIN = 15 / 25.4f * 72;

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  /**
   * Each rule of veraPDF's PDF/UA-1 profile the PDF fails, once per rule: "clause-test: description
   * (n times; e.g. error message at location)". Empty when the PDF passes.
   */
  static List<String> failedPdfUaRules(byte[] pdf) throws Exception {
    ValidationResult result;
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      result = validator.validate(parser);
    }
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, Integer> times = new LinkedHashMap<>();
    for (TestAssertion a : result.getTestAssertions()) {
      if (a.getStatus() != TestAssertion.Status.FAILED) {
        continue;
      }
      String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
      times.merge(rule, 1, Integer::sum);
      first.putIfAbsent(
          rule,
          a.getMessage()
              + " (e.g. "
              + a.getErrorMessage()
              + " at "
              + (a.getLocation() == null ? "?" : a.getLocation().getContext())
              + ")");
    }
    List<String> failed = new ArrayList<>();
    first.forEach((rule, text) -> failed.add(rule + ": " + text + " x" + times.get(rule)));
    if (failed.isEmpty() && !result.isCompliant()) {
      failed.add("not compliant, with no failed assertion listed");
    }
    return failed;
  }

  /**
   * Every piece of text drawn outside its page's media box or crop box: "page 3: 'word' at (x, y)".
   * Each glyph's box (its position, width and height) must lie inside both boxes.
   */
  static List<String> textOutsidePages(byte[] pdf) throws IOException {
    List<String> outside = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        PDPage page = doc.getPage(p - 1);
        PDRectangle media = page.getMediaBox();
        PDRectangle crop = page.getCropBox();
        if (page.getRotation() != 0) {
          outside.add("page " + p + " is rotated: this check reads unrotated pages only");
        }
        int number = p;
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                  if (t.getUnicode() == null || t.getUnicode().isBlank()) {
                    continue;
                  }
                  // The glyph's box in the page's user space (the pages are not rotated): from its
                  // origin on the baseline, its width to the right and its height above.
                  float left = t.getTextMatrix().getTranslateX();
                  float baseline = t.getTextMatrix().getTranslateY();
                  float right = left + t.getWidth();
                  float top = baseline + t.getHeight();
                  // openhtmltopdf clips what runs into the left and right margins: a glyph there
                  // is in the page's box but not seen.
                  PDRectangle printed =
                      new PDRectangle(
                          media.getLowerLeftX() + SIDE_MARGIN,
                          media.getLowerLeftY(),
                          media.getWidth() - 2 * SIDE_MARGIN,
                          media.getHeight());
                  for (PDRectangle box : List.of(media, crop, printed)) {
                    if (left < box.getLowerLeftX() - 0.5
                        || right > box.getUpperRightX() + 0.5
                        || baseline < box.getLowerLeftY() - 0.5
                        || top > box.getUpperRightY() + 0.5) {
                      outside.add(
                          String.format(
                              "page %d: '%s' of '%s' at (%.1f, %.1f)-(%.1f, %.1f), outside %s",
                              number, t.getUnicode(), text, left, baseline, right, top, box));
                      break;
                    }
                  }
                }
              }
            };
        stripper.setSortByPosition(false);
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        stripper.getText(doc);
      }
    }
    return outside;
  }

  /** The text of every page, in order. */
  static List<String> pages(byte[] pdf) throws IOException {
    List<String> pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc));
      }
    }
    return pages;
  }

  /**
   * What of the report cannot be read in the PDF's text (a table cut off at a page's edge loses its
   * cells: openhtmltopdf does not draw what falls off a page): for every table its caption, its
   * header row, and each row's label with its figures as printed, in order, compared without white
   * space (words wrap inside a cell, and a header repeats where a table continues).
   */
  static List<String> missing(PublishedReport report, byte[] pdf) throws IOException {
    String text = squash(String.join("", pages(pdf)));
    List<String> missing = new ArrayList<>();
    for (PublishedReport.Table t : report.tables()) {
      List<String> expected = new ArrayList<>();
      expected.add(t.caption());
      StringBuilder header = new StringBuilder();
      t.columns().forEach(c -> header.append(c.label()));
      expected.add(header.toString());
      for (PublishedReport.Row row : t.rows()) {
        StringBuilder line = new StringBuilder(row.label());
        row.values().forEach(v -> line.append(ReportDocuments.figure(v)));
        expected.add(line.toString());
      }
      t.footnotes().forEach(expected::add);
      for (String e : expected) {
        if (!text.contains(squash(e))) {
          missing.add(t.caption() + ": " + e);
        }
      }
    }
    return missing;
  }

  static String squash(String s) {
    return s.replaceAll("\\s+", "");
  }

  /** The text alternative of every Figure in the PDF's structure tree, in order. */
  static List<String> figures(byte[] pdf) throws IOException {
    List<String> alts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (Object kid : doc.getDocumentCatalog().getStructureTreeRoot().getKids()) {
        figures(kid, alts);
      }
    }
    return alts;
  }

  private static void figures(Object node, List<String> alts) {
    if (node instanceof PDStructureElement e) {
      if (e.getStructureType().equals("Figure")) {
        alts.add(e.getAlternateDescription() == null ? "" : e.getAlternateDescription());
      }
      for (Object kid : e.getKids()) {
        figures(kid, alts);
      }
    }
  }

  /**
   * A page's text from its top as a person reads it: without the footer's "Page n of m" and the
   * footnotes' numbers, which openhtmltopdf draws before the page's other text.
   */
  static String reading(String page) {
    return page.replaceFirst("Page \\d+ of \\d+\\s*", "")
        .replaceAll("(?m)^\\s*\\d+\\.\\s*$\\R?", "");
  }
}
