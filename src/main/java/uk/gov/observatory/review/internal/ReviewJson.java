package uk.gov.observatory.review.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;

/** A rapid review as JSON, for its version history. */
public final class ReviewJson {

  private ReviewJson() {}

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
