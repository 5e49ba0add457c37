package uk.gov.observatory.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description (served at /api/v1/openapi.json). */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  static final String DESCRIPTION =
      """
      The national register of serious child safeguarding incidents in England, as JSON.
      Field names are those of the data standard (DATA-STANDARD.md section 3), in snake_case.

      Identifying details of children (child_name, date_of_birth) may be submitted and are stored,
      but no response of this API ever includes them.

      Errors are RFC 9457 problem details (application/problem+json) with type, title, status,
      detail and instance; problems about the request's content add an `errors` array with one
      entry per invalid field or parameter: {"field", "value", "reason"}. A child's field is named
      children[n].field, n counted from 1.

      Status codes:
      - 400 Bad Request: the request itself is malformed: the body is not valid JSON, a value has
        the wrong JSON type (e.g. an object where a code is expected), the body has a property the
        standard does not name, a search parameter is invalid or unknown, or the Idempotency-Key
        header is invalid. Problem types urn:observatory:problem:malformed-request and
        urn:observatory:problem:invalid-parameters.
      - 422 Unprocessable Content: the body is a well-formed notification that breaks the data
        standard's rules (urn:observatory:problem:invalid-notification; every broken rule is listed,
        nothing is stored), or an Idempotency-Key is reused with a different body
        (urn:observatory:problem:idempotency-key-reused).
      - 404 for an unknown reference or API path, 405 for a method a path does not support (with
        Allow), 415 for a body that is not application/json, 500 for an unexpected failure (logged;
        the response discloses nothing about it).

      Idempotency: send an Idempotency-Key header with POST to make retries safe; a retry with the
      same key and body returns the first response and stores nothing new.
      """;

  @Bean
  OpenAPI observatoryOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Observatory API").version("v1").description(DESCRIPTION));
  }
}
