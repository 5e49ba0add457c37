package uk.gov.observatory.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic, valid {@code notifications.csv} and {@code children.csv} (made-up data, fixed
 * seed): {@code notifications} rows, of which every {@code everyNthHasTwo}-th names two children.
 * Column order differs from the export's, to show the import reads any order.
 */
public final class SyntheticCsv {

  static final String[] LAS = {
    "E09000033", "E08000035", "E06000058", "E10000014", "E09000001", "E08000025"
  };

  /**
   * The authority of the i-th notification: mostly the one drawn, but every 17th is
   * Buckinghamshire's, the county (E10000002, ended 31 March 2020) before April 2020 and the
   * unitary authority (E06000060) after, so that the files have an authority that ended.
   */
  static String la(int i, String drawn, LocalDate incident) {
    if (i % 17 != 3) {
      return drawn;
    }
    return incident.isBefore(LocalDate.of(2020, 4, 1)) ? "E10000002" : "E06000060";
  }

  static final String[] DEATH = {
    "SUDI", "SUICIDE", "OVERT_FILICIDE", "EXTREME_NEGLECT", "RELATED_ACCIDENT", "NOT_CLEAR"
  };
  static final String[] HARM = {
    "NONFATAL_PHYSICAL_ABUSE", "NONFATAL_NEGLECT", "CSE", "CRIMINAL_EXPLOITATION", "OTHER_NON_FATAL"
  };
  static final String[] CSC = {
    "NONE", "CHILD_IN_NEED", "CHILD_PROTECTION_PLAN", "LOOKED_AFTER", "EARLY_HELP_CAF"
  };
  static final String[] GENDER = {"MALE", "FEMALE", "NOT_KNOWN"};
  static final String[] ETHNICITY = {"WBRI", "MWBC", "APKN", "BAFR", "", "WOTH"};

  private SyntheticCsv() {}

  /** The rows written, for tests that want to break one. */
  public record Files2(Path notifications, Path children, int notificationRows, int childRows) {}

  public static Files2 write(Path dir, int notifications, int everyNthHasTwo) throws IOException {
    Random random = new Random(20201231L);
    List<String> n = new ArrayList<>();
    List<String> c = new ArrayList<>();
    n.add(
        "notification_ref,notified_date,la_code,incident_date,aware_date,notification_type,death_category,"
            + "harm_category,imd_decile,case_characteristics,domestic_abuse_pattern,csc_involvement,court_order,"
            + "living_arrangement,covid_factors");
    c.add("notification_ref,child_seq,gender,age_years,ethnicity,child_name,date_of_birth");
    LocalDate start = LocalDate.of(2019, 4, 1);
    int childRows = 0;
    for (int i = 1; i <= notifications; i++) {
      String ref = String.format("SYN-%05d", i);
      LocalDate incident = start.plusDays(random.nextInt(1800));
      LocalDate aware = incident.plusDays(random.nextInt(4));
      LocalDate notified = aware.plusDays(random.nextInt(12));
      boolean death = random.nextInt(100) < 40;
      String type = death ? "DEATH" : (random.nextInt(10) == 0 ? "OTHER" : "SERIOUS_HARM");
      boolean da = random.nextBoolean();
      String characteristics =
          da
              ? "DOMESTIC_ABUSE;PARENTAL_ALCOHOL_MISUSE"
              : (random.nextBoolean() ? "" : "NEGLECT_FEATURE");
      n.add(
          String.join(
              ",",
              ref,
              notified.toString(),
              la(i, LAS[random.nextInt(LAS.length)], incident),
              incident.toString(),
              aware.toString(),
              type,
              death ? DEATH[random.nextInt(DEATH.length)] : "",
              death ? "" : HARM[random.nextInt(HARM.length)],
              random.nextInt(3) == 0 ? "" : Integer.toString(1 + random.nextInt(10)),
              characteristics,
              da && random.nextBoolean() ? "FATHER_TO_MOTHER" : "",
              CSC[random.nextInt(CSC.length)],
              random.nextInt(5) == 0 ? "SECTION_20" : "NONE",
              random.nextInt(4) == 0 ? "FOSTER_CARE" : "AT_HOME",
              incident.getYear() == 2020 ? "PARENTAL_FAMILY_STRESSORS;SCHOOL_CLOSURE" : ""));
      int kids = i % everyNthHasTwo == 0 ? 2 : 1;
      for (int k = 1; k <= kids; k++) {
        int age = random.nextInt(18);
        boolean identified = random.nextInt(4) == 0;
        LocalDate dob = incident.minusYears(age).minusDays(random.nextInt(300));
        c.add(
            String.join(
                ",",
                ref,
                Integer.toString(k),
                GENDER[random.nextInt(GENDER.length)],
                Integer.toString(age),
                ETHNICITY[random.nextInt(ETHNICITY.length)],
                identified ? "\"Synthetic, Child " + i + "-" + k + "\"" : "",
                identified ? dob.toString() : ""));
        childRows++;
      }
    }
    Files.createDirectories(dir);
    Path np = dir.resolve("notifications.csv");
    Path cp = dir.resolve("children.csv");
    Files.write(np, n, StandardCharsets.UTF_8);
    Files.write(cp, c, StandardCharsets.UTF_8);
    return new Files2(np, cp, notifications, childRows);
  }
}
