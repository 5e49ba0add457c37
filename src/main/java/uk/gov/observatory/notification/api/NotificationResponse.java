package uk.gov.observatory.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.Timeliness;

/**
 * A notification as the API shows it: the standard's fields by their names, the local authority's
 * name and the derived timeliness. A child's name and date of birth are identifying details and are
 * never part of it (there is deliberately no field for them here).
 */
@Schema(
    name = "Notification",
    description =
        "A serious incident notification held by the register."
            + " Identifying details of the children (name, date of birth) are never included.")
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "notification_ref",
  "la_code",
  "local_authority_name",
  "incident_date",
  "aware_date",
  "notified_date",
  "notification_type",
  "death_category",
  "harm_category",
  "imd_decile",
  "case_characteristics",
  "domestic_abuse_pattern",
  "csc_involvement",
  "court_order",
  "living_arrangement",
  "covid_factors",
  "children",
  "timeliness"
})
record NotificationResponse(
    @Schema(
            description = "The register's reference, SIN-YYYY-NNNNN for notifications made here",
            example = "SIN-2020-00042")
        @JsonProperty("notification_ref")
        String notificationRef,
    @Schema(example = "E09000033") @JsonProperty("la_code") String laCode,
    @Schema(example = "Westminster") @JsonProperty("local_authority_name")
        String localAuthorityName,
    @JsonProperty("incident_date") LocalDate incidentDate,
    @JsonProperty("aware_date") LocalDate awareDate,
    @JsonProperty("notified_date") LocalDate notifiedDate,
    @Schema(example = "DEATH") @JsonProperty("notification_type") String notificationType,
    @Schema(nullable = true) @JsonProperty("death_category") String deathCategory,
    @Schema(nullable = true) @JsonProperty("harm_category") String harmCategory,
    @Schema(nullable = true, minimum = "1", maximum = "10") @JsonProperty("imd_decile")
        Integer imdDecile,
    @JsonProperty("case_characteristics") List<String> caseCharacteristics,
    @Schema(nullable = true) @JsonProperty("domestic_abuse_pattern") String domesticAbusePattern,
    @JsonProperty("csc_involvement") String cscInvolvement,
    @JsonProperty("court_order") String courtOrder,
    @JsonProperty("living_arrangement") String livingArrangement,
    @JsonProperty("covid_factors") List<String> covidFactors,
    @JsonProperty("children") List<ChildResponse> children,
    @JsonProperty("timeliness") TimelinessResponse timeliness) {

  static NotificationResponse of(Notification n, String localAuthorityName, Timeliness t) {
    return new NotificationResponse(
        n.ref(),
        n.laCode(),
        localAuthorityName,
        n.incidentDate(),
        n.awareDate(),
        n.notifiedDate(),
        n.notificationType(),
        n.deathCategory(),
        n.harmCategory(),
        n.imdDecile(),
        n.caseCharacteristics(),
        n.domesticAbusePattern(),
        n.cscInvolvement(),
        n.courtOrder(),
        n.livingArrangement(),
        n.covidFactors(),
        n.children().stream().map(ChildResponse::of).toList(),
        new TimelinessResponse(
            t.workingDaysToNotify(), t.lateNotification(), t.rapidReviewDueDate()));
  }

  /** A child of a notification, without identifying details. */
  @Schema(
      name = "Child",
      description = "A child named in a notification (identifying details are never included)")
  @JsonPropertyOrder({"child_seq", "gender", "age_years", "ethnicity"})
  public record ChildResponse(
      @Schema(example = "1") @JsonProperty("child_seq") int childSeq,
      @Schema(example = "MALE") @JsonProperty("gender") String gender,
      @Schema(example = "0") @JsonProperty("age_years") int ageYears,
      @Schema(nullable = true, example = "WBRI") @JsonProperty("ethnicity") String ethnicity) {

    static ChildResponse of(Notification.Child c) {
      return new ChildResponse(c.childSeq(), c.gender(), c.ageYears(), c.ethnicity());
    }
  }

  /** Derived, never stored (DATA-STANDARD.md section 1). */
  @Schema(
      name = "Timeliness",
      description = "Derived from the dates and England's working days, never stored")
  @JsonPropertyOrder({"working_days_to_notify", "late_notification", "rapid_review_due_date"})
  public record TimelinessResponse(
      @Schema(description = "Working days d with aware_date < d <= notified_date", example = "3")
          @JsonProperty("working_days_to_notify")
          int workingDaysToNotify,
      @Schema(description = "More than 5 working days to notify") @JsonProperty("late_notification")
          boolean lateNotification,
      @Schema(description = "The 15th working day after notified_date")
          @JsonProperty("rapid_review_due_date")
          LocalDate rapidReviewDueDate) {}
}
