package uk.gov.observatory.notification.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.web.DateParts;

/**
 * The answers given so far in the "Notify a serious incident" journey: the session's working copy,
 * saved on the server at every step ({@link NotificationDrafts}, sealed, as JSON of the public
 * fields) so it survives signing out, a restart and another computer, until it is sent, deleted or
 * expires. Every answer is kept as given, so a page can show it back.
 */
class NotificationDraft implements Serializable {

  private static final long serialVersionUID = 1L;

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

  /** The saved draft's id (not part of its content); null until first saved. */
  @com.fasterxml.jackson.annotation.JsonIgnore public String draftId;

  /** When the saved draft will be deleted unless sent (not part of its content). */
  @com.fasterxml.jackson.annotation.JsonIgnore public java.time.Instant deleteAfter;

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

  /** Why the notification is later than 5 working days after the authority became aware. */
  public String lateReason;

  /**
   * The incident date the notifier confirmed as right when it was more than a year before the
   * notification (ISO); the question is asked again when the date changes.
   */
  public String incidentDateConfirmed;

  public String getDraftId() {
    return draftId;
  }

  public java.time.Instant getDeleteAfter() {
    return deleteAfter;
  }

  public String getLateReason() {
    return lateReason;
  }

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
