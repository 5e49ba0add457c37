package uk.gov.observatory.notification.web;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.calendar.DateInput;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.web.Fmt;

/**
 * The answers given so far in the "Notify a serious incident" journey, kept in the HTTP session
 * until the notification is sent. Every answer is kept as given, so a page can show it back.
 */
public class NotificationDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A date as typed into a GOV.UK date input. */
  public static class DateParts implements Serializable {
    private static final long serialVersionUID = 1L;
    public String day;
    public String month;
    public String year;

    public DateParts() {}

    public DateParts(String day, String month, String year) {
      this.day = strip(day);
      this.month = strip(month);
      this.year = strip(year);
    }

    public String getDay() {
      return day;
    }

    public String getMonth() {
      return month;
    }

    public String getYear() {
      return year;
    }

    public boolean isBlank() {
      return day == null && month == null && year == null;
    }

    /**
     * The real date these parts give, within the dates any form accepts ({@link DateInput}: 1900 to
     * 2100), or null.
     */
    public LocalDate toDate() {
      LocalDate d = anyDate();
      return DateInput.isAllowed(d) ? d : null;
    }

    /** The real date these parts give, whatever its year, or null. */
    private LocalDate anyDate() {
      if (day == null
          || month == null
          || year == null
          || !year.matches("\\d{4}")
          || !day.matches("\\d{1,2}")
          || !month.matches("\\d{1,2}")) {
        return null;
      }
      try {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      } catch (DateTimeException e) {
        return null;
      }
    }

    /** ISO text for the rules: the date if real, null if blank, otherwise the parts as given. */
    public String toIso() {
      if (isBlank()) {
        return null;
      }
      LocalDate d = toDate();
      if (d != null) {
        return d.toString();
      }
      return nz(year) + "-" + nz(month) + "-" + nz(day);
    }

    /**
     * What is wrong with the parts as a date, naming the field ({@code label}), or null when they
     * are blank (the rules decide if that is allowed) or a real date. The second element is the
     * part to link to: day, month or year.
     */
    public String[] problem(String label) {
      if (isBlank()) {
        return null;
      }
      List<String> missing = new ArrayList<>();
      if (day == null) {
        missing.add("day");
      }
      if (month == null) {
        missing.add("month");
      }
      if (year == null) {
        missing.add("year");
      }
      if (!missing.isEmpty()) {
        return new String[] {
          label + " must include a " + String.join(" and a ", missing), missing.get(0)
        };
      }
      if (year != null && !year.matches("\\d{4}")) {
        return new String[] {
          label + " must be a real date: the year must have 4 numbers, for example 2020", "year"
        };
      }
      if (anyDate() == null) {
        return new String[] {label + " must be a real date, for example 27 3 2020", "day"};
      }
      if (toDate() == null) {
        return new String[] {
          label
              + " must be from "
              + Fmt.dateOf(DateInput.EARLIEST)
              + " to "
              + Fmt.dateOf(DateInput.LATEST),
          "year"
        };
      }
      return null;
    }

    private static String nz(String s) {
      return s == null ? "" : s;
    }
  }

  /** A child as entered on the child details page. */
  public static class ChildDraft implements Serializable {
    private static final long serialVersionUID = 1L;
    public String gender;
    public String ageYears;
    public String ethnicity;
    public String childName;
    public DateParts dateOfBirth = new DateParts();

    public String getGender() {
      return gender;
    }

    public String getAgeYears() {
      return ageYears;
    }

    public String getEthnicity() {
      return ethnicity;
    }

    public String getChildName() {
      return childName;
    }

    public DateParts getDateOfBirth() {
      return dateOfBirth;
    }

    ChildSubmission toSubmission() {
      return new ChildSubmission(null, gender, ageYears, ethnicity, childName, dateOfBirth.toIso());
    }
  }

  public String laCode;
  public DateParts incidentDate = new DateParts();
  public DateParts awareDate = new DateParts();
  public DateParts notifiedDate = new DateParts();
  public String notificationType;
  public String deathCategory;
  public String harmCategory;
  public List<ChildDraft> children = new ArrayList<>();
  public List<String> caseCharacteristics = new ArrayList<>();
  public String domesticAbusePattern;
  public String cscInvolvement;
  public String courtOrder;
  public String livingArrangement;
  public List<String> covidFactors = new ArrayList<>();
  public String imdDecile;

  /** The journey has begun once the first question (the local authority) is answered. */
  public boolean isStarted() {
    return laCode != null;
  }

  public String getLaCode() {
    return laCode;
  }

  public DateParts getIncidentDate() {
    return incidentDate;
  }

  public DateParts getAwareDate() {
    return awareDate;
  }

  public DateParts getNotifiedDate() {
    return notifiedDate;
  }

  public String getNotificationType() {
    return notificationType;
  }

  public String getDeathCategory() {
    return deathCategory;
  }

  public String getHarmCategory() {
    return harmCategory;
  }

  /** The category answer, whichever list it comes from. */
  public String getCategory() {
    return "DEATH".equals(notificationType) ? deathCategory : harmCategory;
  }

  public List<ChildDraft> getChildren() {
    return children;
  }

  public List<String> getCaseCharacteristics() {
    return caseCharacteristics;
  }

  public String getDomesticAbusePattern() {
    return domesticAbusePattern;
  }

  public String getCscInvolvement() {
    return cscInvolvement;
  }

  public String getCourtOrder() {
    return courtOrder;
  }

  public String getLivingArrangement() {
    return livingArrangement;
  }

  public List<String> getCovidFactors() {
    return covidFactors;
  }

  public String getImdDecile() {
    return imdDecile;
  }

  /** The submission these answers make, with {@code children} in place of the draft's own. */
  NotificationSubmission toSubmission(List<ChildDraft> withChildren) {
    return new NotificationSubmission(
        null,
        laCode,
        incidentDate.toIso(),
        awareDate.toIso(),
        notifiedDate.toIso(),
        notificationType,
        "DEATH".equals(notificationType) ? deathCategory : null,
        "DEATH".equals(notificationType) ? null : harmCategory,
        imdDecile,
        caseCharacteristics,
        caseCharacteristics.contains("DOMESTIC_ABUSE") ? domesticAbusePattern : null,
        cscInvolvement,
        courtOrder,
        livingArrangement,
        covidFactors,
        withChildren.stream().map(ChildDraft::toSubmission).toList());
  }

  NotificationSubmission toSubmission() {
    return toSubmission(children);
  }

  static String strip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
