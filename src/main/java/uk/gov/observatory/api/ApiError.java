package uk.gov.observatory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One entry of a problem's {@code errors} array: a field, the value given and what is wrong. */
@Schema(
    name = "FieldError",
    description = "One invalid field, parameter or property of the request")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(
    @Schema(
            description =
                "The field in the data standard's names; a child's field as"
                    + " children[n].field with n counted from 1",
            example = "children[1].age_years")
        @JsonProperty("field")
        String field,
    @Schema(
            description = "The value given (null when missing; identifying details are withheld)",
            example = "19",
            nullable = true)
        @JsonProperty("value")
        String value,
    @Schema(
            description = "What is wrong and what is allowed",
            example =
                "is out of range: a whole number of years from 0 to 17 (the age on the incident"
                    + " date)")
        @JsonProperty("reason")
        String reason) {}
