package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The request limits on a real Tomcat, where bodies arrive in chunks and /error is Tomcat's error
 * dispatch target: what MockMvc cannot show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class RequestLimitsHttpTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  void a_chunked_json_body_over_1_mb_is_a_413_problem_and_nothing_is_stored() throws Exception {
    TestAccounts.create(accounts, "limits.secretariat", Role.PANEL_SECRETARIAT);
    String token = TestAccounts.token(accounts, "limits.secretariat");
    String body =
        "{\"la_code\":\"E09000033\",\"children\":[{\"child_name\":\""
            + "A".repeat(RequestLimits.MAX_JSON_BYTES + 100_000)
            + "\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/notifications"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // No length: sent with Transfer-Encoding: chunked.
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body()).contains("larger than 1 MB").doesNotContain("Exception");
    assertThat(register.count()).isZero();
  }

  @Test
  void a_direct_request_for_error_is_the_404_page_or_a_404_problem() throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(uri("/error")).header("Accept", "text/html").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Page not found").doesNotContain("999");
    HttpResponse<String> json =
        http.send(
            HttpRequest.newBuilder(uri("/error")).header("Accept", "*/*").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.body()).contains("\"status\":404").doesNotContain("999");
  }

  @Test
  void a_page_form_over_1_mb_is_the_413_page() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri("/lcsprs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "notificationRefs=" + "A".repeat(RequestLimits.MAX_FORM_BYTES + 100_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("What you sent is too large").doesNotContain("Exception");
  }

  @Test
  void parameters_that_cannot_be_read_are_a_400_not_a_500() throws Exception {
    TestAccounts.create(accounts, "limits.reader", Role.PANEL_SECRETARIAT);
    String token = TestAccounts.token(accounts, "limits.reader");
    // Not UTF-8, an overlong NUL, an empty name, a NUL in a name: the API answers a problem.
    for (String query : java.util.List.of("la=%FF", "la=%C0%80", "=x", "%00=x")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri("/api/v1/notifications?" + query))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(r.body()).as(query).contains("\"status\":400").doesNotContain("Exception");
    }
    // The pages: the service's error page, for a query and for a multipart form without its
    // boundary (signed out: refused before anything reads it, not sent to sign in with a 500).
    for (String query : java.util.List.of("from=%FF", "%C0%80=1", "=x")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri("/notifications?" + query))
                  .header("Accept", "text/html")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // The service's error page, or (where the error page cannot read them either) the plain
      // page that stands for Tomcat's: with the hardening headers and nothing about the server.
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(r.body())
          .as(query)
          .containsAnyOf("problem with your request", "could not accept this request")
          .doesNotContain("Exception", "Tomcat");
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(query).isPresent();
    }
    HttpResponse<String> multipart =
        http.send(
            HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "multipart/form-data")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(multipart.statusCode()).isEqualTo(400);
    assertThat(multipart.body()).doesNotContain("Exception");
    assertThat(register.count()).isZero();
  }
}
