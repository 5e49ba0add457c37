package uk.gov.observatory.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made sets of the four CSV files the import reads (DATA-STANDARD.md section 5), written a
 * notification, rapid review or LCSPR at a time, and the cells of a report as text lines for
 * comparison with lines worked out by hand.
 */
final class ReviewFiles {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";

  private final List<String> notifications = new ArrayList<>();
  private final List<String> children = new ArrayList<>();
  private final List<String> reviews = new ArrayList<>();
  private final List<String> lcsprs = new ArrayList<>();

  ReviewFiles() {
    notifications.add(
        "notification_ref,la_code,incident_date,aware_date,notified_date,notification_type,"
            + "death_category,harm_category,imd_decile,case_characteristics,"
            + "domestic_abuse_pattern,csc_involvement,court_order,living_arrangement,covid_factors");
    children.add("notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth");
    reviews.add(
        "notification_ref,received_date,decision,no_lcspr_reason,alternative_methodology,"
            + "panel_view,practice_themes");
    lcsprs.add(
        "lcspr_ref,notification_refs,initiated_date,completed_date,"
            + "panel_notified_of_publication_date,publication_date,publication_status");
  }

  /** A serious harm notification, aware the day before it was notified (incident as given). */
  ReviewFiles notification(String ref, String la, String incident, String notified) {
    LocalDate n = LocalDate.parse(notified);
    LocalDate i = LocalDate.parse(incident);
    LocalDate aware = i.isBefore(n) ? n.minusDays(1) : n;
    notifications.add(
        String.join(
            ",",
            ref,
            la,
            incident,
            aware.toString(),
            notified,
            "SERIOUS_HARM",
            "",
            "NONFATAL_NEGLECT",
            "",
            "",
            "",
            "NONE",
            "NONE",
            "AT_HOME",
            ""));
    children.add(ref + ",1,FEMALE,5,WBRI,,");
    return this;
  }

  /** A notification whose incident was two days before it was notified. */
  ReviewFiles notification(String ref, String la, String notified) {
    return notification(ref, la, LocalDate.parse(notified).minusDays(2).toString(), notified);
  }

  /** A rapid review: received on the date given, or a draft (blank) that is UNDECIDED. */
  ReviewFiles review(String ref, String received, String decision) {
    reviews.add(String.join(",", ref, received, decision, "", "N", "", ""));
    return this;
  }

  ReviewFiles lcspr(
      String ref,
      String notificationRefs,
      String initiated,
      String completed,
      String panelNotified,
      String published,
      String status) {
    lcsprs.add(
        String.join(
            ",", ref, notificationRefs, initiated, completed, panelNotified, published, status));
    return this;
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("notifications.csv"), notifications, StandardCharsets.UTF_8);
    Files.write(dir.resolve("children.csv"), children, StandardCharsets.UTF_8);
    Files.write(dir.resolve("rapid_reviews.csv"), reviews, StandardCharsets.UTF_8);
    Files.write(dir.resolve("lcsprs.csv"), lcsprs, StandardCharsets.UTF_8);
  }

  /**
   * A table's cells as lines {@code ROW,value,value,...}, rows in the table's order, each row's
   * values in the table's column order.
   */
  static List<String> lines(List<Cell> cells) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Cell c : cells) {
      rows.computeIfAbsent(c.rowCode(), r -> new ArrayList<>()).add(c.value());
    }
    List<String> out = new ArrayList<>();
    rows.forEach((row, values) -> out.add(row + "," + String.join(",", values)));
    return out;
  }

  /** The column codes of a table's first row, in order. */
  static List<String> columns(List<Cell> cells) {
    String first = cells.get(0).rowCode();
    return cells.stream().filter(c -> c.rowCode().equals(first)).map(Cell::columnCode).toList();
  }
}
