package uk.gov.observatory.notification.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;
import uk.gov.observatory.api.ApiError;
import uk.gov.observatory.api.StrictJson;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;

/**
 * The body of {@code POST /api/v1/notifications}: the fields of DATA-STANDARD.md section 3 by their
 * names there. Every value is taken as text, so the register's rules, not the JSON reader, say what
 * is wrong with it; but the JSON types are kept ({@link StrictJson}): a text field takes only a
 * JSON string, and only imd_decile, child_seq and age_years may also be given as a whole number.
 * Properties the standard does not name are collected, not dropped, so that the request can be
 * refused naming them.
 */
@Schema(
    name = "NotificationSubmission",
    description =
        "A new serious incident notification. Text fields take JSON strings only; imd_decile,"
            + " child_seq and age_years may be given as whole JSON numbers or strings. Text may not"
            + " contain control characters, and arrays may not contain null. The notification_ref"
            + " is assigned by the register. Properties not listed here are refused (400).")
record NotificationRequest(
    @Schema(
            description =
                "GSS code of the upper-tier local authority, in operation on the incident date",
            example = "E09000033",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("la_code")
        String laCode,
    @Schema(
            description = "YYYY-MM-DD, not in the future",
            format = "date",
            example = "2020-06-01",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("incident_date")
        String incidentDate,
    @Schema(
            description = "YYYY-MM-DD, on or after incident_date, not in the future",
            format = "date",
            example = "2020-06-02",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("aware_date")
        String awareDate,
    @Schema(
            description = "YYYY-MM-DD, on or after aware_date, not in the future",
            format = "date",
            example = "2020-06-05",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("notified_date")
        String notifiedDate,
    @Schema(
            description = "DEATH, SERIOUS_HARM or OTHER",
            example = "DEATH",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("notification_type")
        String notificationType,
    @Schema(
            description = "Required when notification_type is DEATH, else blank (list 4.1)",
            example = "SUDI")
        @JsonProperty("death_category")
        String deathCategory,
    @Schema(
            description =
                "Required when notification_type is SERIOUS_HARM or OTHER, else blank (list 4.2)")
        @JsonProperty("harm_category")
        String harmCategory,
    @Schema(description = "1 (most deprived) to 10, optional; a number or a string", example = "3")
        @JsonProperty("imd_decile")
        @JsonDeserialize(using = StrictJson.NumberOrText.class)
        String imdDecile,
    @ArraySchema(
            schema =
                @Schema(
                    description = "A code of list 4.3, each at most once",
                    example = "DOMESTIC_ABUSE"))
        @JsonProperty("case_characteristics")
        List<String> caseCharacteristics,
    @Schema(
            description = "Only with DOMESTIC_ABUSE among case_characteristics (list 4.4)",
            example = "FATHER_TO_MOTHER")
        @JsonProperty("domestic_abuse_pattern")
        String domesticAbusePattern,
    @Schema(
            description = "Highest level of children's social care involvement (list 4.5)",
            example = "CHILD_IN_NEED",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("csc_involvement")
        String cscInvolvement,
    @Schema(description = "List 4.6", example = "NONE", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("court_order")
        String courtOrder,
    @Schema(
            description = "List 4.7",
            example = "AT_HOME",
            requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("living_arrangement")
        String livingArrangement,
    @ArraySchema(
            schema =
                @Schema(description = "A code of list 4.8", example = "PARENTAL_FAMILY_STRESSORS"))
        @JsonProperty("covid_factors")
        List<String> covidFactors,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description = "At least one child",
                    requiredMode = Schema.RequiredMode.REQUIRED),
            minItems = 1)
        @JsonProperty("children")
        List<ChildRequest> children,
    @Schema(hidden = true) @JsonAnySetter Map<String, Object> extraProperties) {

  /** The properties a notification may have, in the standard's order. */
  static final List<String> PROPERTIES =
      List.of(
          "la_code",
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
          "children");

  public NotificationRequest {
    extraProperties = extraProperties == null ? new LinkedHashMap<>() : extraProperties;
  }

  /**
   * Every property the standard does not name, with its path ({@code children[1].x} for a child).
   */
  List<ApiError> unknownPropertyErrors() {
    List<ApiError> errors = new ArrayList<>();
    for (String name : extraProperties.keySet()) {
      errors.add(new ApiError(name, null, unknownReason(name, PROPERTIES)));
    }
    if (children != null) {
      for (int i = 0; i < children.size(); i++) {
        ChildRequest child = children.get(i);
        if (child != null) {
          for (String name : child.extraProperties().keySet()) {
            errors.add(
                new ApiError(
                    "children[" + (i + 1) + "]." + name,
                    null,
                    unknownReason(name, ChildRequest.PROPERTIES)));
          }
        }
      }
    }
    return errors;
  }

  private static String unknownReason(String name, List<String> allowed) {
    if (name.equals("notification_ref")) {
      return "is assigned by the register: leave it out";
    }
    return "is not a property of the data standard: allowed properties are "
        + String.join(", ", allowed);
  }

  NotificationSubmission toSubmission() {
    List<ChildSubmission> childSubmissions = null;
    if (children != null) {
      childSubmissions = new ArrayList<>();
      for (ChildRequest child : children) {
        childSubmissions.add(
            child == null
                ? new ChildSubmission(null, null, null, null, null, null)
                : child.toSubmission());
      }
    }
    return new NotificationSubmission(
        null,
        laCode,
        incidentDate,
        awareDate,
        notifiedDate,
        notificationType,
        deathCategory,
        harmCategory,
        imdDecile,
        texts(caseCharacteristics),
        domesticAbusePattern,
        cscInvolvement,
        courtOrder,
        livingArrangement,
        texts(covidFactors),
        childSubmissions);
  }

  /** A JSON null inside a code list becomes an empty entry, which the rules report. */
  private static List<String> texts(List<String> codes) {
    return codes == null ? null : codes.stream().map(c -> c == null ? "" : c).toList();
  }

  /** A child named in the notification. */
  @Schema(name = "ChildSubmission")
  public record ChildRequest(
      @Schema(
              description =
                  "1..n, unique within the notification; blank means its position in the list",
              example = "1")
          @JsonProperty("child_seq")
          @JsonDeserialize(using = StrictJson.NumberOrText.class)
          String childSeq,
      @Schema(
              description = "MALE, FEMALE, TRANSGENDER or NOT_KNOWN",
              example = "MALE",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @JsonProperty("gender")
          String gender,
      @Schema(
              description =
                  "0 to 17: the age in whole years on the incident date; a number or a string",
              example = "0",
              requiredMode = Schema.RequiredMode.REQUIRED)
          @JsonProperty("age_years")
          @JsonDeserialize(using = StrictJson.NumberOrText.class)
          String ageYears,
      @Schema(description = "List 4.9; blank means not recorded", example = "WBRI")
          @JsonProperty("ethnicity")
          String ethnicity,
      @Schema(description = "Optional, identifying: stored, never returned by this API")
          @JsonProperty("child_name")
          String childName,
      @Schema(
              description = "Optional, identifying: YYYY-MM-DD; stored, never returned by this API",
              format = "date")
          @JsonProperty("date_of_birth")
          String dateOfBirth,
      @Schema(hidden = true) @JsonAnySetter Map<String, Object> extraProperties) {

    static final List<String> PROPERTIES =
        List.of("child_seq", "gender", "age_years", "ethnicity", "child_name", "date_of_birth");

    public ChildRequest {
      extraProperties = extraProperties == null ? new LinkedHashMap<>() : extraProperties;
    }

    ChildSubmission toSubmission() {
      return new ChildSubmission(childSeq, gender, ageYears, ethnicity, childName, dateOfBirth);
    }
  }
}
