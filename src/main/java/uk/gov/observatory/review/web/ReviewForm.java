package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.NoLcsprReason;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.Regulation11Criterion;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;

/**
 * The rapid review form as typed: every field kept as given, so a refused or conflicting save shows
 * the person's own words again (nothing lost), and parsed into {@link RapidReviewContent}.
 */
class ReviewForm {

  public String agenciesInvolved;
  public String chronology;
  public String immediateActions;
  public String learningIdentified;
  public String disseminationPlan;
  public DateParts disseminationBy = new DateParts();
  public String decision;
  public String noLcsprReason;
  public String decisionRationale;
  public List<String> criteria = new ArrayList<>();
  public boolean alternativeMethodology;
  public String alternativeMethodologyDetail;
  public String ethnicityRecorded;
  public String familyContextRecorded;
  public DateParts signedOffLa = new DateParts();
  public DateParts signedOffHealth = new DateParts();
  public DateParts signedOffPolice = new DateParts();
  public List<String> practiceThemes = new ArrayList<>();
  public String version;

  /** The "another kind of review" box as sent: "yes" when ticked, null when not. */
  private String alternativeMethodologySent;

  /** The form filled from a stored review's content. */
  public static ReviewForm of(RapidReviewContent c, int version) {
    ReviewForm f = new ReviewForm();
    f.agenciesInvolved = c.agenciesInvolved();
    f.chronology = c.chronology();
    f.immediateActions = c.immediateActions();
    f.learningIdentified = c.learningIdentified();
    f.disseminationPlan = c.disseminationPlan();
    f.disseminationBy = parts(c.disseminationBy());
    f.decision = c.decision().name();
    f.noLcsprReason = c.noLcsprReason() == null ? null : c.noLcsprReason().name();
    f.decisionRationale = c.decisionRationale();
    f.criteria = c.criteria().stream().map(Enum::name).sorted().toList();
    f.alternativeMethodology = c.alternativeMethodology();
    f.alternativeMethodologyDetail = c.alternativeMethodologyDetail();
    f.ethnicityRecorded = yesNo(c.ethnicityRecorded());
    f.familyContextRecorded = yesNo(c.familyContextRecorded());
    f.signedOffLa = parts(c.signedOffLocalAuthority());
    f.signedOffHealth = parts(c.signedOffHealth());
    f.signedOffPolice = parts(c.signedOffPolice());
    f.practiceThemes = c.practiceThemes();
    // 0 when starting one: if someone else starts it meanwhile, the save is a conflict.
    f.version = String.valueOf(version);
    return f;
  }

  /** The form as posted. */
  public static ReviewForm from(HttpServletRequest r) {
    ReviewForm f = new ReviewForm();
    f.agenciesInvolved = text(r, "agenciesInvolved");
    f.chronology = text(r, "chronology");
    f.immediateActions = text(r, "immediateActions");
    f.learningIdentified = text(r, "learningIdentified");
    f.disseminationPlan = text(r, "disseminationPlan");
    f.disseminationBy = date(r, "disseminationBy");
    f.decision = text(r, "decision");
    f.noLcsprReason = text(r, "noLcsprReason");
    f.decisionRationale = text(r, "decisionRationale");
    f.criteria = values(r, "criteria");
    f.alternativeMethodologySent = r.getParameter("alternativeMethodology");
    f.alternativeMethodology = "yes".equals(f.alternativeMethodologySent);
    f.alternativeMethodologyDetail = text(r, "alternativeMethodologyDetail");
    f.ethnicityRecorded = text(r, "ethnicityRecorded");
    f.familyContextRecorded = text(r, "familyContextRecorded");
    f.signedOffLa = date(r, "signedOffLa");
    f.signedOffHealth = date(r, "signedOffHealth");
    f.signedOffPolice = date(r, "signedOffPolice");
    f.practiceThemes = values(r, "practiceThemes");
    f.version = text(r, "version");
    return f;
  }

  /** The content, or null with the problems added to {@code errors}. */
  public RapidReviewContent toContent(FormErrors errors) {
    Decision d = null;
    if (decision == null) {
      errors.add("decision", "Select the decision on a local child safeguarding practice review");
    } else {
      d = parse(Decision.class, decision, "decision", "the decision", errors);
    }
    NoLcsprReason reason =
        noLcsprReason == null
            ? null
            : parse(NoLcsprReason.class, noLcsprReason, "noLcsprReason", "the reason", errors);
    Set<Regulation11Criterion> crit = EnumSet.noneOf(Regulation11Criterion.class);
    for (String c : criteria) {
      Regulation11Criterion x =
          parse(Regulation11Criterion.class, c, "criteria", "a criterion", errors);
      if (x != null) {
        crit.add(x);
      }
    }
    if (!isTickedOrNot(alternativeMethodologySent)) {
      errors.add(
          "alternativeMethodology",
          "Another kind of review is either ticked (yes) or not sent at all");
    }
    Boolean ethnicity =
        yesOrNo(ethnicityRecorded, "ethnicityRecorded", "the child’s ethnicity is", errors);
    Boolean familyContext =
        yesOrNo(familyContextRecorded, "familyContextRecorded", "the family context is", errors);
    LocalDate by =
        date(disseminationBy, "disseminationBy", "The date the learning is shared by", errors);
    LocalDate la = date(signedOffLa, "signedOffLa", "The local authority's sign-off date", errors);
    LocalDate health = date(signedOffHealth, "signedOffHealth", "Health's sign-off date", errors);
    LocalDate police =
        date(signedOffPolice, "signedOffPolice", "The police's sign-off date", errors);
    if (errors.isAny()) {
      return null;
    }
    return new RapidReviewContent(
        agenciesInvolved,
        chronology,
        immediateActions,
        learningIdentified,
        disseminationPlan,
        by,
        d,
        reason,
        decisionRationale,
        crit,
        alternativeMethodology,
        alternativeMethodologyDetail,
        ethnicity,
        familyContext,
        la,
        health,
        police,
        practiceThemes);
  }

  /**
   * The version the person started from (0 when starting a review; the form always carries it),
   * null when missing, -1 when not ASCII digits.
   */
  public Integer expectedVersion() {
    return ReviewController.parseVersion(version);
  }

  static LocalDate date(DateParts parts, String prefix, String label, FormErrors errors) {
    String[] problem = parts.problem(label);
    if (problem != null) {
      errors.add(prefix + "-" + problem[1], problem[0]);
      errors.mark(prefix, problem[0]);
      return null;
    }
    return parts.toDate();
  }

  static DateParts date(HttpServletRequest r, String prefix) {
    return new DateParts(
        r.getParameter(prefix + "-day"),
        r.getParameter(prefix + "-month"),
        r.getParameter(prefix + "-year"));
  }

  static DateParts parts(LocalDate d) {
    return d == null
        ? new DateParts()
        : new DateParts(
            String.valueOf(d.getDayOfMonth()),
            String.valueOf(d.getMonthValue()),
            String.valueOf(d.getYear()));
  }

  static String text(HttpServletRequest r, String name) {
    String v = r.getParameter(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static List<String> values(HttpServletRequest r, String name) {
    String[] v = r.getParameterValues(name);
    return v == null ? List.of() : List.of(v);
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, String what, FormErrors errors) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(field, "Select " + what + " from the list");
      return null;
    }
  }

  /** A yes or no answer (radios): null when not answered; an error for anything else. */
  static Boolean yesOrNo(String value, String field, String what, FormErrors errors) {
    if (value == null) {
      return null;
    }
    if (!value.equals("yes") && !value.equals("no")) {
      errors.add(field, "Select yes or no for whether " + what + " recorded");
      return null;
    }
    return value.equals("yes");
  }

  /** Whether a checkbox was sent as the page sends it: "yes" when ticked, nothing when not. */
  static boolean isTickedOrNot(String value) {
    return value == null || value.equals("yes");
  }

  private static String yesNo(Boolean b) {
    return b == null ? null : b ? "yes" : "no";
  }

  public String getAgenciesInvolved() {
    return agenciesInvolved;
  }

  public String getChronology() {
    return chronology;
  }

  public String getImmediateActions() {
    return immediateActions;
  }

  public String getLearningIdentified() {
    return learningIdentified;
  }

  public String getDisseminationPlan() {
    return disseminationPlan;
  }

  public DateParts getDisseminationBy() {
    return disseminationBy;
  }

  public String getDecision() {
    return decision;
  }

  public String getNoLcsprReason() {
    return noLcsprReason;
  }

  public String getDecisionRationale() {
    return decisionRationale;
  }

  public List<String> getCriteria() {
    return criteria;
  }

  public boolean isAlternativeMethodology() {
    return alternativeMethodology;
  }

  public String getAlternativeMethodologyDetail() {
    return alternativeMethodologyDetail;
  }

  public String getEthnicityRecorded() {
    return ethnicityRecorded;
  }

  public String getFamilyContextRecorded() {
    return familyContextRecorded;
  }

  public DateParts getSignedOffLa() {
    return signedOffLa;
  }

  public DateParts getSignedOffHealth() {
    return signedOffHealth;
  }

  public DateParts getSignedOffPolice() {
    return signedOffPolice;
  }

  public List<String> getPracticeThemes() {
    return practiceThemes;
  }

  public String getVersion() {
    return version;
  }
}
