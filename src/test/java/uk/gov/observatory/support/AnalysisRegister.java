package uk.gov.observatory.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.review.StandardCsv;

/**
 * A small register for thematic analyses (made-up data): 20 notifications of April 2020 whose rapid
 * reviews were received from May to August 2020, the first 10 citing COVID-19 factors (parental and
 * family stressors; school closures), the next 10 none; two more received in October (outside that
 * period). Even-numbered ones are Leeds's (E08000035) with an infant, odd ones Westminster's
 * (E09000033) with a 15-year-old; every third a death (SUDI for Leeds, suicide for Westminster),
 * the rest non-fatal physical abuse.
 */
public final class AnalysisRegister {

  public static final String LEEDS = "E08000035";
  public static final String WESTMINSTER = "E09000033";

  private AnalysisRegister() {}

  /** The i-th notification's reference (1 to 22). */
  public static String ref(int i) {
    return String.format("SYN-2020-%05d", i);
  }

  /** The number of a reference made by {@link #ref}. */
  public static int number(String ref) {
    return Integer.parseInt(ref.substring(9));
  }

  /** Whether the i-th notification cites COVID-19 factors. */
  public static boolean citing(int i) {
    return i <= 10;
  }

  /** Writes the files into {@code dir} and imports them; fails the test if they do not import. */
  public static void load(StandardCsv standardCsv, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> n = new ArrayList<>();
    List<String> c = new ArrayList<>();
    List<String> r = new ArrayList<>();
    n.add(
        "notification_ref,la_code,incident_date,aware_date,notified_date,notification_type,"
            + "death_category,harm_category,csc_involvement,court_order,living_arrangement,"
            + "covid_factors");
    c.add("notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth");
    r.add(
        "notification_ref,received_date,decision,no_lcspr_reason,alternative_methodology,"
            + "panel_view,practice_themes");
    for (int i = 1; i <= 22; i++) {
      LocalDate incident = LocalDate.of(2020, 4, 1).plusDays(i);
      LocalDate received =
          i <= 20 ? LocalDate.of(2020, 5, 1).plusDays(5L * i) : LocalDate.of(2020, 10, 5 + i);
      boolean death = i % 3 == 0;
      n.add(
          String.join(
              ",",
              ref(i),
              i % 2 == 0 ? LEEDS : WESTMINSTER,
              incident.toString(),
              incident.toString(),
              incident.plusDays(2).toString(),
              death ? "DEATH" : "SERIOUS_HARM",
              death ? (i % 2 == 0 ? "SUDI" : "SUICIDE") : "",
              death ? "" : "NONFATAL_PHYSICAL_ABUSE",
              "NONE",
              "NONE",
              "AT_HOME",
              citing(i) ? "PARENTAL_FAMILY_STRESSORS;SCHOOL_CLOSURE" : ""));
      c.add(
          String.join(
              ",", ref(i), "1", "FEMALE", Integer.toString(i % 2 == 0 ? 0 : 15), "WBRI", "", ""));
      r.add(
          String.join(
              ",", ref(i), received.toString(), "NO_LCSPR", "NO_NEW_LEARNING", "N", "", ""));
    }
    Files.write(dir.resolve("notifications.csv"), n, StandardCharsets.UTF_8);
    Files.write(dir.resolve("children.csv"), c, StandardCharsets.UTF_8);
    Files.write(dir.resolve("rapid_reviews.csv"), r, StandardCharsets.UTF_8);
    StandardCsv.Imported imported = standardCsv.importFrom(dir, false, ImportProgress.NONE);
    assertThat(imported.problems()).as("the analysis register imports").isEmpty();
  }
}
