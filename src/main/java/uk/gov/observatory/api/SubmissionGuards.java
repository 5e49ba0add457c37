package uk.gov.observatory.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.NotificationRules;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.notification.Violation;

/**
 * Checks the API makes before handing a submission to the register, for input the domain's rules
 * let through but the database refuses (which would otherwise be a 500). Each is a workaround for a
 * gap in {@link NotificationRules}; remove it when the rules cover the case.
 */
@Component
class SubmissionGuards {

  private final NotificationRules rules;

  SubmissionGuards(NotificationRules rules) {
    this.rules = rules;
  }

  /**
   * Text the register cannot store: PostgreSQL refuses the NUL character in text, so a NUL anywhere
   * (the only free-text field is child_name) is a malformed request. Identifying values are not echoed.
   */
  static List<ApiError> nulCharacters(NotificationRequest r) {
    List<ApiError> errors = new ArrayList<>();
    String reason = "contains a NUL character (\\u0000), which is not allowed in text";
    check(errors, "la_code", r.laCode(), reason);
    check(errors, "incident_date", r.incidentDate(), reason);
    check(errors, "aware_date", r.awareDate(), reason);
    check(errors, "notified_date", r.notifiedDate(), reason);
    check(errors, "notification_type", r.notificationType(), reason);
    check(errors, "death_category", r.deathCategory(), reason);
    check(errors, "harm_category", r.harmCategory(), reason);
    check(errors, "imd_decile", r.imdDecile(), reason);
    check(errors, "domestic_abuse_pattern", r.domesticAbusePattern(), reason);
    check(errors, "csc_involvement", r.cscInvolvement(), reason);
    check(errors, "court_order", r.courtOrder(), reason);
    check(errors, "living_arrangement", r.livingArrangement(), reason);
    if (r.caseCharacteristics() != null) {
      r.caseCharacteristics().forEach(c -> check(errors, "case_characteristics", c, reason));
    }
    if (r.covidFactors() != null) {
      r.covidFactors().forEach(c -> check(errors, "covid_factors", c, reason));
    }
    if (r.children() != null) {
      for (int i = 0; i < r.children().size(); i++) {
        NotificationRequest.ChildRequest c = r.children().get(i);
        if (c == null) {
          continue;
        }
        String p = "children[" + (i + 1) + "].";
        check(errors, p + "child_seq", c.childSeq(), reason);
        check(errors, p + "gender", c.gender(), reason);
        check(errors, p + "age_years", c.ageYears(), reason);
        check(errors, p + "ethnicity", c.ethnicity(), reason);
        check(errors, p + "child_name", c.childName(), reason);
        check(errors, p + "date_of_birth", c.dateOfBirth(), reason);
      }
    }
    return errors;
  }

  private static void check(List<ApiError> errors, String field, String value, String reason) {
    if (value != null && value.indexOf('\0') >= 0) {
      errors.add(new ApiError(field, null, reason));
    }
  }

  /**
   * A child with a blank child_seq takes its position in the list as its number, but the rules only
   * look for repeats among the numbers given, so {@code [{child_seq: ""}, {child_seq: "1"}]} passes
   * them and then breaks the child table's primary key. Throws every violation (the rules' and the
   * repeats) when that happens.
   */
  void checkChildSeqs(NotificationSubmission s) {
    List<Violation> repeats = new ArrayList<>();
    Map<Integer, Integer> seen = new HashMap<>();
    List<ChildSubmission> children = s.children();
    for (int i = 0; i < children.size(); i++) {
      String given = children.get(i).childSeq();
      Integer seq;
      if (given == null || given.isBlank()) {
        seq = i + 1;
      } else {
        try {
          seq = Integer.parseInt(given.strip());
        } catch (NumberFormatException e) {
          continue; // the rules report it
        }
      }
      Integer earlier = seen.putIfAbsent(seq, i);
      if (earlier != null && (given == null || given.isBlank() || isBlank(children.get(earlier).childSeq()))) {
        repeats.add(Violation.ofChild(i, "child_seq", given == null || given.isBlank() ? null : given.strip(),
            "is the same child_seq (" + seq + ") as child " + (earlier + 1)
                + " (a blank child_seq means the child's position in the list): give each child its own child_seq"));
      }
    }
    if (repeats.isEmpty()) {
      return;
    }
    List<Violation> all = new ArrayList<>(rules.check(s, false).violations());
    for (Violation v : repeats) {
      if (all.stream().noneMatch(a -> a.path().equals(v.path()))) {
        all.add(v);
      }
    }
    throw new InvalidNotificationException(all);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
