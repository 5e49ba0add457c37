package uk.gov.observatory.notification.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a register search. */
@Schema(
    name = "NotificationPage",
    description = "One page of the notifications that match the filters")
@JsonPropertyOrder({"items", "page", "size", "total", "pages"})
record NotificationListResponse(
    @JsonProperty("items") List<NotificationResponse> items,
    @Schema(description = "This page, counted from 1", example = "1") @JsonProperty("page")
        int page,
    @Schema(description = "Items per page", example = "25") @JsonProperty("size") int size,
    @Schema(description = "How many notifications match the filters", example = "42")
        @JsonProperty("total")
        long total,
    @Schema(description = "How many pages there are (at least 1)", example = "2")
        @JsonProperty("pages")
        int pages) {}
