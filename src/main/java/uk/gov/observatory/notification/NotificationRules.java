package uk.gov.observatory.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.gov.observatory.calendar.DateInput;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Every rule of DATA-STANDARD.md section 3 for a notification and its children, in one place: the
 * pages, the API and the CSV import all submit through here. Messages say what is wrong and what is
 * allowed, and never repeat an identifying detail.
 */
@Component
public class NotificationRules {

  /** Shown instead of an identifying detail in any message. */
  public static final String WITHHELD = "[identifying detail withheld]";

  /**
   * The day the Panel's notification duty began (the Children and Social Work Act 2017's
   * safeguarding sections and Working Together 2018 in force, 29 June 2018): no serious incident is
   * notified to the Panel from before it. The notify pages refuse an earlier incident date (imports
   * of the register's own history are not checked against it).
   */
  public static final LocalDate NOTIFICATION_DUTY_BEGAN = LocalDate.of(2018, 6, 29);

  /**
   * The period the COVID-19 factors of code list 4.8 apply to: from the first national lockdown
   * (March 2020) to the end of the government's COVID-19 restrictions and free testing (31 March
   * 2022). The notify pages ask about COVID-19 factors only for an incident in it.
   */
  public static final LocalDate COVID_PERIOD_FROM = LocalDate.of(2020, 3, 1);

  /** The last day of the period the COVID-19 factors apply to (see {@link #COVID_PERIOD_FROM}). */
  public static final LocalDate COVID_PERIOD_TO = LocalDate.of(2022, 3, 31);

  /** Whether the COVID-19 factors apply to an incident on this day (unknown day: no). */
  public static boolean covidFactorsApply(LocalDate incidentDate) {
    return incidentDate != null
        && !incidentDate.isBefore(COVID_PERIOD_FROM)
        && !incidentDate.isAfter(COVID_PERIOD_TO);
  }

  /**
   * How long before the notification an incident may be without the notifier confirming the date:
   * an incident more than a year before is asked about ("Is the incident date right?").
   */
  public static final Period CONFIRM_INCIDENT_OLDER_THAN = Period.ofYears(1);

  static final Pattern REF = StandardFields.REFERENCE;
  static final int MAX_NAME_LENGTH = 200;

  private final ReferenceData reference;
  private final Clock clock;

  public NotificationRules(ReferenceData reference, Clock clock) {
    this.reference = reference;
    this.clock = clock;
  }

  /** The outcome: a valid notification, or every broken rule. */
  public record Outcome(Notification notification, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }

    public Notification orThrow() {
      if (!valid()) {
        throw new InvalidNotificationException(violations);
      }
      return notification;
    }
  }

  /**
   * Checks a submission. With {@code refRequired} (an import) the notification_ref must be given;
   * otherwise it must be blank and the register assigns one.
   */
  public Outcome check(NotificationSubmission s, boolean refRequired) {
    Checker c = new Checker();
    LocalDate today = LocalDate.now(clock);

    String ref = trim(s.notificationRef());
    if (refRequired) {
      if (ref == null) {
        c.add("notification_ref", null, "is required");
      } else {
        ref = c.fields.reference("notification_ref", ref, "SIN-2020-00042");
      }
    }

    LocalDate incident = c.fields.pastDate("incident_date", s.incidentDate(), today);
    LocalDate aware = c.fields.pastDate("aware_date", s.awareDate(), today);
    LocalDate notified = c.fields.pastDate("notified_date", s.notifiedDate(), today);
    if (incident != null && aware != null && aware.isBefore(incident)) {
      c.add(
          "aware_date",
          aware.toString(),
          "is before the incident date "
              + incident
              + ": the date the local authority became"
              + " aware must be on or after the incident date");
    }
    if (aware != null && notified != null && notified.isBefore(aware)) {
      c.add(
          "notified_date",
          notified.toString(),
          "is before the date the local authority became aware ("
              + aware
              + "): the notified"
              + " date must be on or after it");
    }

    String laCode = trim(s.laCode());
    if (laCode == null) {
      c.add(
          "la_code", null, "is required: give the GSS code of the local authority, e.g. E09000033");
    } else {
      Optional<LocalAuthority> la = reference.localAuthority(laCode);
      if (la.isEmpty()) {
        c.add(
            "la_code",
            laCode,
            "is not an English upper-tier local authority: give a GSS code from the reference"
                + " list (E06, E08, E09 or E10), e.g. E09000033");
      } else if (incident != null && !la.get().inOperationOn(incident)) {
        LocalAuthority a = la.get();
        String when =
            incident.isBefore(a.operationDate())
                ? "started on " + a.operationDate()
                : "ended on " + a.terminationDate();
        c.add(
            "la_code",
            laCode,
            a.name()
                + " "
                + when
                + ", so it was not in operation on the incident date "
                + incident
                + ": use the local authority in operation on that date");
      }
    }

    String type =
        c.fields.code("notification_type", s.notificationType(), CodeLists.NOTIFICATION_TYPE, true);
    String deathCategory = trim(s.deathCategory());
    String harmCategory = trim(s.harmCategory());
    if ("DEATH".equals(type)) {
      deathCategory =
          c.fields.code(
              "death_category",
              deathCategory,
              CodeLists.DEATH_CATEGORY,
              true,
              " when notification_type is DEATH");
      if (harmCategory != null) {
        c.add(
            "harm_category",
            harmCategory,
            "must be blank when notification_type is DEATH (use death_category)");
      }
    } else if (type != null) {
      harmCategory =
          c.fields.code(
              "harm_category",
              harmCategory,
              CodeLists.HARM_CATEGORY,
              true,
              " when notification_type is " + type);
      if (deathCategory != null) {
        c.add("death_category", deathCategory, "must be blank unless notification_type is DEATH");
      }
    }

    Integer imd =
        c.fields.wholeNumber(
            "imd_decile",
            s.imdDecile(),
            1,
            10,
            false,
            "1 (most deprived 10%) to 10 (least deprived), or blank when not known");

    List<String> characteristics =
        c.fields.codes(
            "case_characteristics", s.caseCharacteristics(), CodeLists.CASE_CHARACTERISTICS);
    String pattern =
        c.fields.code(
            "domestic_abuse_pattern",
            s.domesticAbusePattern(),
            CodeLists.DOMESTIC_ABUSE_PATTERN,
            false);
    if (pattern != null && !characteristics.contains("DOMESTIC_ABUSE")) {
      c.add(
          "domestic_abuse_pattern",
          pattern,
          "is only recorded when case_characteristics include DOMESTIC_ABUSE: leave it blank or"
              + " add DOMESTIC_ABUSE");
    }
    String csc =
        c.fields.code("csc_involvement", s.cscInvolvement(), CodeLists.CSC_INVOLVEMENT, true);
    String court = c.fields.code("court_order", s.courtOrder(), CodeLists.COURT_ORDER, true);
    String living =
        c.fields.code(
            "living_arrangement", s.livingArrangement(), CodeLists.LIVING_ARRANGEMENT, true);
    List<String> covid = c.fields.codes("covid_factors", s.covidFactors(), CodeLists.COVID_FACTORS);

    List<Notification.Child> children = checkChildren(c, s.children(), incident);

    if (!c.violations.isEmpty()) {
      return new Outcome(null, List.copyOf(c.violations));
    }
    return new Outcome(
        new Notification(
            ref,
            laCode,
            incident,
            aware,
            notified,
            type,
            deathCategory,
            harmCategory,
            imd,
            characteristics,
            pattern,
            csc,
            court,
            living,
            covid,
            children),
        List.of());
  }

  private List<Notification.Child> checkChildren(
      Checker c, List<ChildSubmission> given, LocalDate incident) {
    if (given.isEmpty()) {
      c.add(
          "children",
          null,
          "a notification names at least one child: add the child the incident is about");
      return List.of();
    }
    List<Notification.Child> children = new ArrayList<>();
    Set<Integer> seqs = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      ChildSubmission g = given.get(i);
      int before = c.violations.size();
      c.childIndex = i;
      Integer seq;
      if (trim(g.childSeq()) == null) {
        // A child given without a number takes its position in the list.
        seq = i + 1;
      } else {
        seq =
            c.fields.wholeNumber(
                "child_seq",
                g.childSeq(),
                1,
                999,
                true,
                "a whole number from 1, unique within the notification");
      }
      if (seq != null && !seqs.add(seq)) {
        c.add(
            "child_seq",
            g.childSeq() == null || g.childSeq().isBlank()
                ? "(position " + seq + ")"
                : g.childSeq(),
            "is repeated: each child of a notification has its own child_seq");
      }
      String gender = c.fields.code("gender", g.gender(), CodeLists.GENDER, true);
      Integer age =
          c.fields.wholeNumber(
              "age_years",
              g.ageYears(),
              0,
              17,
              true,
              "a whole number of years from 0 to 17 (the age on the incident date)");
      String ethnicity = c.fields.code("ethnicity", g.ethnicity(), CodeLists.ETHNICITY, false);
      String name = trim(g.childName());
      if (name != null && name.length() > MAX_NAME_LENGTH) {
        c.add("child_name", WITHHELD, "is longer than " + MAX_NAME_LENGTH + " characters");
      } else if (name != null && name.chars().anyMatch(Character::isISOControl)) {
        c.add(
            "child_name",
            WITHHELD,
            "contains a control character (such as NUL or a line break): give the name as plain"
                + " text on one line");
      }
      LocalDate dob = null;
      String dobText = trim(g.dateOfBirth());
      if (dobText != null) {
        dob = parseDate(dobText);
        if (dob == null) {
          c.add("date_of_birth", WITHHELD, StandardFields.NOT_A_DATE);
        } else if (incident != null && dob.isAfter(incident)) {
          c.add(
              "date_of_birth",
              WITHHELD,
              "is after the incident date: unborn children are not notified");
        } else if (incident != null && age != null) {
          int ageOnIncident = Period.between(dob, incident).getYears();
          if (ageOnIncident != age) {
            c.add(
                "date_of_birth",
                WITHHELD,
                "gives an age of "
                    + ageOnIncident
                    + " on the incident date, but age_years is "
                    + age
                    + ": correct one of them");
          }
        }
      }
      if (c.violations.size() == before) {
        children.add(new Notification.Child(seq, gender, age, ethnicity, name, dob));
      }
    }
    c.childIndex = null;
    return children;
  }

  static String trim(String s) {
    return StandardFields.trim(s);
  }

  /**
   * A date by {@link DateInput}'s rule (YYYY-MM-DD, ASCII digits, 1900-01-01 to 2100-12-31), or
   * null.
   */
  static LocalDate parseDate(String s) {
    return DateInput.parseOrNull(s);
  }

  /** See {@link StandardFields#isWholeNumber}. */
  static boolean isWholeNumber(String s) {
    return StandardFields.isWholeNumber(s);
  }

  /** Collects violations; child fields carry the current child's position. */
  private final class Checker {
    final List<Violation> violations = new ArrayList<>();
    Integer childIndex;
    final StandardFields fields = new StandardFields(reference, this::add);

    void add(String field, String value, String reason) {
      violations.add(new Violation(childIndex, field, value, reason));
    }
  }
}
