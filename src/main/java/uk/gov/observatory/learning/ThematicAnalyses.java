package uk.gov.observatory.learning;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import uk.gov.observatory.access.Viewer;

/**
 * Thematic analyses: created and scoped by the secretariat (permission LEAD_ANALYSES), drawn, coded
 * by assigned coders (CODE_CASES), resolved and published. Every change is audited; bad input is
 * refused with an {@link InvalidAnalysisException} naming what is wrong, nothing half-stored.
 */
@Service
public class ThematicAnalyses {

  /** Creates an analysis in SCOPING. */
  public Analysis create(NewAnalysis analysis, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Changes an analysis's title, question, lead or population while it is being scoped. */
  public Analysis update(String ref, NewAnalysis analysis, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** The analysis (throws {@link AnalysisNotFoundException} when there is none to this viewer). */
  public Analysis get(String ref, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /**
   * Every analysis the viewer may see (the lead's: all; a coder's: those they code), newest first.
   */
  public List<Analysis> list(Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** How many notifications a population holds today (shown before anything is drawn). */
  public int count(Population population, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Reads a coding frame CSV ({@code code, value, label, definition}); refuses bad lines. */
  public List<FrameCode> readFrame(Reader csv) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Replaces the coding frame (while no case has been coded). */
  public Analysis frame(String ref, List<FrameCode> frame, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Draws the sample (and control group): once, seeded, frozen; moves the analysis to CODING. */
  public Analysis draw(String ref, DrawRequest request, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** The drawn cases, sample then control, each flagged when it has left its population. */
  public List<AnalysisCase> cases(String ref, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /**
   * Assigns the drawn cases to coders in turn, with {@code doubleCodedPercent}% of them (rounded
   * half up, chosen with {@code seed}) given a second, different coder; never a case of an
   * authority a coder is withdrawn from.
   */
  public List<Assignment> assign(
      String ref, List<String> coders, int doubleCodedPercent, long seed, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Who codes each case (the lead sees all; a coder only their own). */
  public List<Assignment> assignments(String ref, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Records the viewer's values for a case (code → value), replacing their earlier ones. */
  public void code(String ref, String notificationRef, Map<String, String> values, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** The codings the viewer may see: a coder their own (blind), the lead everyone's. */
  public List<Coding> codings(String ref, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Imports codings.csv, all or nothing; returns how many rows were stored. */
  public int importCodings(String ref, Reader csv, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** The double-coded cases and codes where the coders differ, with any resolution. */
  public List<Disagreement> disagreements(String ref, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** A third person (neither coder) resolves a disagreement. */
  public void resolve(
      String ref, String notificationRef, String code, String value, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Imports resolutions (codings.csv's layout, {@code coder} = the resolver), all or nothing. */
  public int importResolutions(String ref, Reader csv, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** The results, all cases and by {@code grouping} (null: all cases only). */
  public AnalysisResults results(String ref, Grouping grouping, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** Moves an analysis on: CODING → ANALYSIS → PUBLISHED (each step checked). */
  public Analysis advance(String ref, AnalysisStatus to, Viewer viewer) {
    throw new UnsupportedOperationException("issue 17: being built");
  }

  /** The analyses published from {@code from} to {@code to} (for the learning briefing). */
  public List<Analysis> published(LocalDate from, LocalDate to) {
    throw new UnsupportedOperationException("issue 17: being built");
  }
}
