package uk.gov.observatory.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.support.Submissions;

/** JSON request bodies for the API, built from the synthetic submissions of the test support. */
public final class Bodies {
  private Bodies() {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A valid death notification in Westminster (with a child's name and date of birth). */
  public static Map<String, Object> death() {
    return of(Submissions.death());
  }

  /** A valid serious harm notification in Leeds with two children. */
  static Map<String, Object> seriousHarm() {
    return of(Submissions.seriousHarm());
  }

  static Map<String, Object> of(NotificationSubmission s) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("la_code", s.laCode());
    body.put("incident_date", s.incidentDate());
    body.put("aware_date", s.awareDate());
    body.put("notified_date", s.notifiedDate());
    body.put("notification_type", s.notificationType());
    body.put("death_category", s.deathCategory());
    body.put("harm_category", s.harmCategory());
    body.put("imd_decile", s.imdDecile());
    body.put("case_characteristics", new ArrayList<>(s.caseCharacteristics()));
    body.put("domestic_abuse_pattern", s.domesticAbusePattern());
    body.put("csc_involvement", s.cscInvolvement());
    body.put("court_order", s.courtOrder());
    body.put("living_arrangement", s.livingArrangement());
    body.put("covid_factors", new ArrayList<>(s.covidFactors()));
    List<Map<String, Object>> children = new ArrayList<>();
    for (ChildSubmission c : s.children()) {
      Map<String, Object> child = new LinkedHashMap<>();
      child.put("child_seq", c.childSeq());
      child.put("gender", c.gender());
      child.put("age_years", c.ageYears());
      child.put("ethnicity", c.ethnicity());
      child.put("child_name", c.childName());
      child.put("date_of_birth", c.dateOfBirth());
      children.add(child);
    }
    body.put("children", children);
    return body;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> child(Map<String, Object> body, int index) {
    return ((List<Map<String, Object>>) body.get("children")).get(index);
  }

  static String json(Object body) {
    return JSON.writeValueAsString(body);
  }
}
