package uk.gov.observatory.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shape of every error response (RFC 9457 {@code application/problem+json}), for the OpenAPI
 * description only: the responses themselves are Spring's {@code ProblemDetail}.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail")
public record Problem(
    @Schema(
            description =
                "A URI naming the kind of problem; about:blank when the HTTP status says it all",
            example = ApiProblems.INVALID_NOTIFICATION)
        String type,
    @Schema(
            description = "A short summary of the kind of problem",
            example = "The notification breaks the data standard's rules")
        String title,
    @Schema(description = "The HTTP status code", example = "422") int status,
    @Schema(
            description = "What went wrong with this request",
            example = "3 fields break the rules: nothing was stored")
        String detail,
    @Schema(description = "The path of the request", example = "/api/v1/notifications")
        String instance,
    @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "One entry per invalid field, parameter or property"
                            + " (validation and malformed-request problems only)"))
        List<ApiError> errors) {}
