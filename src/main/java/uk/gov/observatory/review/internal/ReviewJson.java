package uk.gov.observatory.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;

/** A rapid review as JSON, for its version history. */
public final class ReviewJson {

  private ReviewJson() {}

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  /** The content of a version written by {@link #of} (unknown codes are left out, never a 500). */
  public static RapidReviewContent contentOf(String json) {
    Map<?, ?> m = JSON.readValue(json, Map.class);
    java.util.Set<uk.gov.observatory.review.Regulation11Criterion> criteria =
        java.util.EnumSet.noneOf(uk.gov.observatory.review.Regulation11Criterion.class);
    for (String c : strings(m.get("criteria"))) {
      criteria.add(uk.gov.observatory.review.Regulation11Criterion.valueOf(c));
    }
    String decision = text(m, "decision");
    String reason = text(m, "no_lcspr_reason");
    return new RapidReviewContent(
        text(m, "agencies_involved"),
        text(m, "chronology"),
        text(m, "immediate_actions"),
        text(m, "learning_identified"),
        text(m, "dissemination_plan"),
        date(m, "dissemination_by"),
        decision == null ? null : uk.gov.observatory.review.Decision.valueOf(decision),
        reason == null ? null : uk.gov.observatory.review.NoLcsprReason.valueOf(reason),
        text(m, "decision_rationale"),
        criteria,
        Boolean.TRUE.equals(m.get("alternative_methodology")),
        text(m, "alternative_methodology_detail"),
        (Boolean) m.get("ethnicity_recorded"),
        (Boolean) m.get("family_context_recorded"),
        date(m, "signed_off_la"),
        date(m, "signed_off_health"),
        date(m, "signed_off_police"),
        strings(m.get("practice_themes")));
  }

  /** The received date a version written by {@link #of} records (null when none). */
  public static java.time.LocalDate receivedDateOf(String json) {
    return date(JSON.readValue(json, Map.class), "received_date");
  }

  private static String text(Map<?, ?> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  private static java.time.LocalDate date(Map<?, ?> m, String key) {
    String v = text(m, key);
    return v == null ? null : java.time.LocalDate.parse(v);
  }

  private static java.util.List<String> strings(Object v) {
    if (!(v instanceof java.util.Collection<?> c)) {
      return java.util.List.of();
    }
    return c.stream().map(String::valueOf).toList();
  }

  public static String of(RapidReview r) {
    RapidReviewContent c = r.content();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("notification_ref", r.notificationRef());
    m.put("status", r.status());
    m.put("version", r.version());
    m.put("received_date", r.receivedDate());
    m.put("decision", c.decision());
    m.put("no_lcspr_reason", c.noLcsprReason());
    m.put("decision_rationale", c.decisionRationale());
    m.put("criteria", c.criteria().stream().map(Enum::name).sorted().toList());
    m.put("alternative_methodology", c.alternativeMethodology());
    m.put("alternative_methodology_detail", c.alternativeMethodologyDetail());
    m.put("agencies_involved", c.agenciesInvolved());
    m.put("chronology", c.chronology());
    m.put("immediate_actions", c.immediateActions());
    m.put("learning_identified", c.learningIdentified());
    m.put("dissemination_plan", c.disseminationPlan());
    m.put("dissemination_by", c.disseminationBy());
    m.put("ethnicity_recorded", c.ethnicityRecorded());
    m.put("family_context_recorded", c.familyContextRecorded());
    m.put("signed_off_la", c.signedOffLocalAuthority());
    m.put("signed_off_health", c.signedOffHealth());
    m.put("signed_off_police", c.signedOffPolice());
    m.put("practice_themes", c.practiceThemes());
    m.put("panel_view", r.panelView());
    m.put("panel_view_reasons", r.panelViewReasons());
    m.put("national_review", r.nationalReview());
    m.put("quality", r.quality());
    return AuditJson.of(m);
  }
}
