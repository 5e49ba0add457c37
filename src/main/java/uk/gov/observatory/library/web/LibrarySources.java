package uk.gov.observatory.library.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisResults;
import uk.gov.observatory.learning.Briefing;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.Group;
import uk.gov.observatory.learning.LearningBriefings;
import uk.gov.observatory.learning.ResultRow;
import uk.gov.observatory.learning.Scale;
import uk.gov.observatory.learning.ThematicAnalyses;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Recommendation;

/**
 * Where the library's documents come from besides an upload: an LCSPR's report (its page links to
 * the add page prefilled from the LCSPR), and the Panel's published thematic analyses and learning
 * briefings, added as drafts by the secretariat with one button (once each: by their source, {@code
 * analysis:REF} and {@code briefing:2020-Q2}). The learning module is not changed: the library
 * reads what it publishes.
 */
@Component
public class LibrarySources {

  private static final Logger log = LoggerFactory.getLogger(LibrarySources.class);

  private final LibraryDocuments documents;
  private final ThematicAnalyses analyses;
  private final LearningBriefings briefings;

  LibrarySources(
      LibraryDocuments documents, ThematicAnalyses analyses, LearningBriefings briefings) {
    this.documents = documents;
    this.analyses = analyses;
    this.briefings = briefings;
  }

  /** The add page's fields for an LCSPR's report, from what the LCSPR records. */
  void prefill(LibraryDocumentForm form, Lcspr l, Viewer viewer) {
    form.type = DocumentType.LCSPR.name();
    form.lcspr = l.ref();
    form.title = "Local child safeguarding practice review " + l.ref();
    LocalDate on = l.publicationDate();
    if (on != null) {
      form.published =
          new uk.gov.observatory.web.DateParts(
              String.valueOf(on.getDayOfMonth()),
              String.valueOf(on.getMonthValue()),
              String.valueOf(on.getYear()));
    }
    if (l.details().scope() != null) {
      form.summary = l.details().scope();
    }
    List<String> recs = new ArrayList<>();
    for (Recommendation r : l.recommendations()) {
      if (r.text() != null && !r.text().isBlank()) {
        recs.add(r.text().strip());
      }
    }
    form.recommendations = String.join("\n\n", recs);
    form.useLcsprReport = l.reportSha256() != null;
  }

  /** The source reference of a briefing: "briefing:2020-Q2". */
  public static String briefingRef(Briefing b) {
    return "briefing:" + b.year() + "-Q" + b.quarter();
  }

  /** The source reference of an analysis: "analysis:COVID-2020". */
  public static String analysisRef(Analysis a) {
    return "analysis:" + a.ref();
  }

  /**
   * Adds each published thematic analysis and learning briefing not yet in the library as a draft
   * (a briefing with its PDF; an analysis with its question and headline results as the summary,
   * and a plain PDF of them). Returns how many were added; running it again adds none.
   */
  public int addPublishedAnalysesAndBriefings(Viewer viewer) {
    Set<String> have = new HashSet<>();
    for (LibraryDocument d : documents.list(viewer)) {
      if (d.sourceRef() != null) {
        have.add(d.details().type() + " " + d.sourceRef());
      }
    }
    int added = 0;
    for (Briefing b : briefings.published()) {
      String ref = briefingRef(b);
      if (have.contains(DocumentType.BRIEFING + " " + ref)) {
        continue;
      }
      DocumentDetails details =
          new DocumentDetails(
              DocumentType.BRIEFING,
              b.title(),
              b.publishedOn(),
              null,
              null,
              List.of(),
              List.of(),
              List.of(),
              List.of("learning briefing"),
              "The National Panel’s learning briefing for "
                  + b.quarterWords()
                  + ": the quarter’s figures, the practice themes the rapid reviews found, the"
                  + " thematic analyses published and learning from rapid reviews and local"
                  + " reviews.",
              b.introduction(),
              null);
      PdfFile pdf = new PdfFile("learning-briefing-" + b.slug() + ".pdf", briefings.frozenPdf(b));
      if (add(new NewDocument(details, null, ref, pdf), viewer)) {
        added++;
      }
    }
    for (Analysis a : analyses.published(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31))) {
      String ref = analysisRef(a);
      if (have.contains(DocumentType.THEMATIC + " " + ref) || a.published() == null) {
        continue;
      }
      String headlines = headlines(a, viewer);
      DocumentDetails details =
          new DocumentDetails(
              DocumentType.THEMATIC,
              a.title(),
              a.published(),
              null,
              null,
              List.of(),
              List.of(),
              List.of(),
              List.of("thematic analysis"),
              a.question(),
              headlines,
              null);
      // an analysis has no PDF of its own: the library's is its question and headline results
      List<String> paragraphs = new ArrayList<>();
      paragraphs.add(
          "A thematic analysis by the Child Safeguarding Practice Review Panel, published "
              + uk.gov.observatory.web.Fmt.dateOf(a.published())
              + ".");
      paragraphs.add("The question: " + a.question());
      if (headlines != null) {
        paragraphs.add(headlines);
      }
      PdfFile pdf =
          new PdfFile(
              "thematic-analysis-" + a.ref().toLowerCase(java.util.Locale.ROOT) + ".pdf",
              SimplePdf.of(a.title(), paragraphs));
      if (add(new NewDocument(details, null, ref, pdf), viewer)) {
        added++;
      }
    }
    return added;
  }

  private boolean add(NewDocument d, Viewer viewer) {
    try {
      documents.add(d, viewer);
      return true;
    } catch (InvalidDocumentException e) {
      // one that cannot be added (say, a title too long) does not stop the others
      log.warn("A published source could not be added to the library: {}", d.sourceRef());
      return false;
    }
  }

  /** "Headline results: Present in 34.9% of 43 cases (95% interval ...): Label", one a line. */
  private String headlines(Analysis a, Viewer viewer) {
    List<String> lines = new ArrayList<>();
    try {
      AnalysisResults results = analyses.results(a.ref(), null, viewer);
      for (FrameCode code : a.frame()) {
        String value = code.scale() == Scale.PRESENCE ? "Y" : "HIGH";
        for (ResultRow r : results.rows()) {
          if (r.code().equals(code.code())
              && r.value().equals(value)
              && r.group() == Group.SAMPLE
              && ResultRow.ALL.equals(r.grouping())) {
            lines.add(
                code.label()
                    + ": "
                    + (code.scale() == Scale.PRESENCE ? "present" : "of high impact")
                    + " in "
                    + pct(r.percent())
                    + "% of "
                    + r.cases()
                    + " cases (95% interval "
                    + pct(r.ciLow())
                    + "% to "
                    + pct(r.ciHigh())
                    + "%).");
          }
        }
      }
    } catch (RuntimeException e) {
      log.warn("The results of analysis {} could not be read for the library", a.ref());
      return null;
    }
    return lines.isEmpty() ? null : "Headline results:\n" + String.join("\n", lines);
  }

  private static String pct(BigDecimal b) {
    return b == null ? "" : b.toPlainString();
  }
}
