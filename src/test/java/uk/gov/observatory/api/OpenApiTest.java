package uk.gov.observatory.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI description is what client developers generate code from: it must be complete. */
@ApiTest
class OpenApiTest {

  @Autowired MockMvc mvc;

  @Test
  void the_description_is_served_as_json_with_the_three_operations_and_their_problems()
      throws Exception {
    mvc.perform(get("/api/v1/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.info.title").value("Observatory API"))
        .andExpect(jsonPath("$.info.version").value("v1"))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/notifications")))
        .andExpect(jsonPath("$.paths", hasKey("/api/v1/notifications/{ref}")))
        .andExpect(jsonPath("$.paths", not(hasKey("/api/**"))))
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/notifications'].post.requestBody.content['application/json'].schema['$ref']")
                .value("#/components/schemas/NotificationSubmission"))
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/notifications'].post.responses['201'].content['application/json'].schema['$ref']")
                .value("#/components/schemas/Notification"))
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/notifications'].post.responses['422'].content['application/problem+json'].schema['$ref']")
                .value("#/components/schemas/Problem"))
        .andExpect(jsonPath("$.paths['/api/v1/notifications'].post.responses['400']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/notifications'].post.responses['415']").exists())
        .andExpect(
            jsonPath("$.paths['/api/v1/notifications'].get.parameters[*].name", hasItem("la")))
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/notifications'].get.responses['200'].content['application/json'].schema['$ref']")
                .value("#/components/schemas/NotificationPage"))
        .andExpect(jsonPath("$.paths['/api/v1/notifications'].get.responses['400']").exists())
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/notifications/{ref}'].get.responses['404'].content['application/problem+json']")
                .exists())
        .andExpect(
            jsonPath("$.components.schemas.NotificationSubmission.properties", hasKey("la_code")))
        .andExpect(
            jsonPath(
                "$.components.schemas.NotificationSubmission.properties",
                not(hasKey("extraProperties"))))
        .andExpect(
            jsonPath("$.components.schemas.NotificationSubmission.required", hasItem("children")))
        .andExpect(
            jsonPath(
                "$.components.schemas.ChildSubmission.properties", not(hasKey("extraProperties"))))
        .andExpect(jsonPath("$.components.schemas.Notification.properties", hasKey("timeliness")))
        .andExpect(jsonPath("$.info.description", containsString("422 Unprocessable Content")))
        .andExpect(jsonPath("$.info.description", containsString("413 Content Too Large")))
        .andExpect(jsonPath("$.info.description", containsString("415 Unsupported Media Type")))
        .andExpect(jsonPath("$.info.description", containsString("428 Precondition Required")))
        .andExpect(jsonPath("$.info.description", containsString("1900-01-01 to 2100-12-31")))
        .andExpect(jsonPath("$.paths['/api/v1/notifications'].post.responses['413']").exists())
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/notifications/{ref}/rapid-review'].put.responses['428'].content['application/problem+json']")
                .exists())
        .andExpect(
            jsonPath("$.paths['/api/v1/lcsprs/{ref}/transitions'].post.responses['428']").exists())
        .andExpect(jsonPath("$.components.schemas.Child.properties", not(hasKey("child_name"))))
        .andExpect(jsonPath("$.components.schemas.Child.properties", not(hasKey("date_of_birth"))))
        .andExpect(jsonPath("$.components.schemas.Problem.properties", hasKey("errors")));
  }
}
