package uk.gov.observatory.notification.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.api.ApiController;
import uk.gov.observatory.api.ApiError;
import uk.gov.observatory.api.ApiProblems;
import uk.gov.observatory.api.BadRequestException;
import uk.gov.observatory.api.Problem;
import uk.gov.observatory.notification.InvalidNotificationException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationPage;
import uk.gov.observatory.notification.NotificationQueries;
import uk.gov.observatory.notification.NotificationQuery;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/** The register's notifications as JSON: notify, read one, search. */
@ApiController
@RequestMapping(NotificationsController.PATH)
@Tag(name = "Notifications", description = "Serious incident notifications")
class NotificationsController {

  private final Viewers viewers;

  static final String PATH = "/api/v1/notifications";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Set<String> QUERY_PARAMETERS =
      Set.of("la", "type", "from", "to", "sort", "order", "page", "size");

  private final NotificationRegister register;
  private final NotificationQueries queries;
  private final ReferenceData reference;

  public NotificationsController(
      NotificationRegister register,
      NotificationQueries queries,
      ReferenceData reference,
      Viewers viewers) {
    this.viewers = viewers;
    this.register = register;
    this.queries = queries;
    this.reference = reference;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "notify",
      summary = "Notify a serious incident",
      description =
          "Records a new notification and assigns its reference (SIN-YYYY-NNNNN, the year of"
              + " notified_date). Send an Idempotency-Key to make retries safe: a retry with the"
              + " same key and the same body returns the first result (201, same body and Location)"
              + " and stores nothing new; the same key with a different body is refused (422).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = NotificationRequest.class))))
  @ApiResponse(
      responseCode = "201",
      description = "Recorded (or a retry with the same Idempotency-Key and body)",
      headers = {
        @Header(
            name = "Location",
            description = "/api/v1/notifications/{ref}",
            schema = @Schema(type = "string")),
        @Header(
            name = "Idempotent-Replayed",
            description =
                "true when this is the stored result of an earlier request with the same"
                    + " Idempotency-Key",
            schema = @Schema(type = "string", allowableValues = "true"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = NotificationResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description =
          "Malformed JSON, a value of the wrong JSON type,"
              + " a property the standard does not name, or an invalid Idempotency-Key",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The body is larger than 1 MB: refused before it is read, nothing stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not application/json",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "422",
      description =
          "The notification breaks the data standard's rules (one errors entry per invalid field;"
              + " nothing stored), or the Idempotency-Key was already used for a different"
              + " notification",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "500",
      description = "Unexpected failure (nothing about it is disclosed)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  public ResponseEntity<NotificationResponse> notify(
      @RequestBody NotificationRequest body,
      @Parameter(
              in = ParameterIn.HEADER,
              name = IDEMPOTENCY_KEY,
              description =
                  "Any unique text up to 200 characters (e.g. a UUID) chosen by the client for this"
                      + " notification")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          String idempotencyKey,
      HttpServletRequest request) {
    List<ApiError> unknown = body.unknownPropertyErrors();
    if (!unknown.isEmpty()) {
      throw new BadRequestException(
          ApiProblems.MALFORMED_REQUEST,
          "The request body has properties the data standard does not name",
          "Unknown propert"
              + (unknown.size() == 1 ? "y: " : "ies: ")
              + String.join(", ", unknown.stream().map(ApiError::field).toList())
              + ". Allowed properties are "
              + String.join(", ", NotificationRequest.PROPERTIES)
              + "; a child's are "
              + String.join(", ", NotificationRequest.ChildRequest.PROPERTIES)
              + ".",
          unknown);
    }
    if (idempotencyKey != null
        && (idempotencyKey.length() > 200
            || idempotencyKey.chars().anyMatch(Character::isISOControl))) {
      throw new BadRequestException(
          ApiProblems.MALFORMED_REQUEST,
          "The Idempotency-Key header is invalid",
          "The Idempotency-Key header must be at most 200 characters, without control characters.",
          List.of(
              new ApiError(
                  IDEMPOTENCY_KEY,
                  null,
                  "must be at most 200 characters, without control characters")));
    }
    NotificationSubmission submission = body.toSubmission();
    NotificationRegister.Notified notified =
        register.notify(submission, idempotencyKey, viewers.of(request.getUserPrincipal()));
    Notification n = notified.notification();
    URI location =
        UriComponentsBuilder.fromPath(PATH + "/{ref}").buildAndExpand(n.ref()).encode().toUri();
    ResponseEntity.BodyBuilder response = ResponseEntity.created(location);
    if (notified.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.contentType(MediaType.APPLICATION_JSON).body(view(n));
  }

  @GetMapping("/{ref}")
  @Operation(operationId = "getNotification", summary = "One notification by its reference")
  @ApiResponse(
      responseCode = "200",
      description = "The notification",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = NotificationResponse.class)))
  @ApiResponse(
      responseCode = "404",
      description = "The register holds no notification with this reference",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "500",
      description = "Unexpected failure (nothing about it is disclosed)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  public ResponseEntity<NotificationResponse> get(
      @Parameter(description = "The notification's reference", example = "SIN-2020-00042")
          @PathVariable("ref")
          String ref,
      HttpServletRequest request) {
    Notification n =
        register
            .view(ref, viewers.of(request.getUserPrincipal()))
            .orElseThrow(() -> new NotificationNotFoundException(ref));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view(n));
  }

  @GetMapping
  @Operation(
      operationId = "searchNotifications",
      summary = "Search the register",
      description =
          "Filters are optional and combine with AND; from/to bound notified_date (inclusive)."
              + " Unknown parameters are refused so that a misspelt filter is not silently"
              + " ignored.")
  @ApiResponse(
      responseCode = "200",
      description = "One page of matching notifications",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = NotificationListResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description = "One or more invalid parameters (one errors entry each)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "500",
      description = "Unexpected failure (nothing about it is disclosed)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = Problem.class)))
  public ResponseEntity<NotificationListResponse> search(
      @Parameter(description = "GSS code of the local authority", example = "E09000033")
          @RequestParam(name = "la", required = false)
          String la,
      @Parameter(description = "DEATH, SERIOUS_HARM or OTHER")
          @RequestParam(name = "type", required = false)
          String type,
      @Parameter(
              description = "Notified on or after (YYYY-MM-DD)",
              schema = @Schema(type = "string", format = "date"))
          @RequestParam(name = "from", required = false)
          String from,
      @Parameter(
              description = "Notified on or before (YYYY-MM-DD)",
              schema = @Schema(type = "string", format = "date"))
          @RequestParam(name = "to", required = false)
          String to,
      @Parameter(
              description =
                  "notified_date (default), incident_date, notification_ref, la_code or"
                      + " notification_type")
          @RequestParam(name = "sort", required = false)
          String sort,
      @Parameter(description = "asc or desc (default desc when no sort is given, else asc)")
          @RequestParam(name = "order", required = false)
          String order,
      @Parameter(
              description = "Page number from 1 (default 1)",
              schema = @Schema(type = "integer", minimum = "1"))
          @RequestParam(name = "page", required = false)
          String page,
      @Parameter(
              description = "Items per page, 1 to 200 (default 25)",
              schema = @Schema(type = "integer", minimum = "1", maximum = "200"))
          @RequestParam(name = "size", required = false)
          String size,
      @Parameter(hidden = true) @RequestParam Map<String, String> all,
      HttpServletRequest request) {
    List<ApiError> errors = new ArrayList<>();
    all.keySet().stream()
        .filter(name -> !QUERY_PARAMETERS.contains(name))
        .sorted()
        .forEach(
            name ->
                errors.add(
                    new ApiError(
                        name,
                        all.get(name),
                        "is not a parameter of this search: allowed parameters are la, type, from,"
                            + " to, sort, order, page, size")));
    NotificationQuery query = null;
    try {
      query =
          queries.parse(
              new NotificationQueries.Parameters(la, type, from, to, sort, order, page, size));
    } catch (InvalidNotificationException e) {
      e.violations().forEach(v -> errors.add(NotificationProblems.error(v)));
    }
    if (!errors.isEmpty()) {
      throw new BadRequestException(
          ApiProblems.INVALID_PARAMETERS,
          "The search parameters are invalid",
          errors.size()
              + (errors.size() == 1 ? " parameter is" : " parameters are")
              + " invalid: see errors.",
          errors);
    }
    NotificationPage result = register.search(query, viewers.of(request.getUserPrincipal()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            new NotificationListResponse(
                result.items().stream().map(this::view).toList(),
                result.page(),
                result.size(),
                result.total(),
                result.pages()));
  }

  private NotificationResponse view(Notification n) {
    String laName = reference.localAuthority(n.laCode()).map(LocalAuthority::name).orElse(null);
    return NotificationResponse.of(n, laName, register.timeliness(n));
  }
}
