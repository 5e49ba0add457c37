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
        Allow), 500 for an unexpected failure (logged; the response discloses nothing about it).
      - 409 Conflict: a change named a version that is no longer the current one (someone else
        changed the record meanwhile): nothing was changed; read it again and redo the change.
      - 413 Content Too Large: the request body is larger than 1 MB (1,048,576 bytes), whether sent
        with a Content-Length or in chunks: it is refused before it is read, nothing is stored.
      - 415 Unsupported Media Type: a body sent with any Content-Type other than application/json
        (or a +json type; charset, if given, utf-8): */*, text/plain, application/yaml and forms are
        refused, and the problem's errors name Content-Type.
      - 428 Precondition Required: a change to an existing rapid review or LCSPR that does not name
        the `version` it started from (urn:observatory:problem:version-required): nothing was
        changed. Every change to an existing record must send the version it read, so that no one
        silently overwrites someone else's work.

      Input rules, for every body and parameter:
      - Text fields take JSON strings only: true, false or a number in a text field is a 400
        ("must be a string"). Only imd_decile, child_seq and age_years may also be whole JSON
        numbers (at most 9 digits). Booleans take only true or false; version only a whole number.
      - Text may not contain control characters (U+0000 to U+001F other than tab, line feed and
        carriage return, nor U+007F to U+009F): a 400 naming the field.
      - Arrays may not contain null: a 400 naming the field and the position (counted from 1).
      - Dates are written YYYY-MM-DD with ASCII digits, from 1900-01-01 to 2100-12-31; numbers
        use ASCII digits 0-9 only.

      Idempotency: send an Idempotency-Key header with POST to make retries safe; a retry with the
      same key and body returns the first response and stores nothing new.
      """;

  @Bean
  OpenAPI observatoryOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Observatory API").version("v1").description(DESCRIPTION));
  }
}
