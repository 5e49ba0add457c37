package uk.gov.observatory.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A thematic analysis: its question, lead, status, population and coding frame, and (once drawn)
 * how it was drawn.
 *
 * @param draw how the sample was drawn (null until drawn)
 * @param published the day it was published (null until then)
 */
public record Analysis(
    String ref,
    String title,
    String question,
    String lead,
    AnalysisStatus status,
    Population population,
    List<FrameCode> frame,
    DrawRequest draw,
    Instant created,
    LocalDate published) {

  public Analysis {
    frame = frame == null ? List.of() : List.copyOf(frame);
  }
}
