package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestClock;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "observatory.rate-limit.sign-in-per-minute=3",
      "observatory.rate-limit.api-per-minute=5"
    })
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class RateLimitTest {

  @LocalServerPort int port;

  @Test
  @DisplayName(
      "sign-in attempts and API requests over the limit are refused with 429 and Retry-After")
  void limits() throws Exception {
    SignedInHttp http = new SignedInHttp(port);
    http.get("/sign-in");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          http.post("/sign-in", Map.of("username", "someone", "password", "guess number " + i));
      assertThat(r.statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited =
        http.post("/sign-in", Map.of("username", "someone", "password", "guess number 4"));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).doesNotContain("Exception");

    int refused = 0;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r =
          http.send(http.builder("/api/v1/notifications").header("Authorization", "Bearer obs_x"));
      if (r.statusCode() == 429) {
        refused++;
        assertThat(r.body()).contains("\"status\":429");
      } else {
        assertThat(r.statusCode()).isEqualTo(401);
      }
    }
    assertThat(refused).isEqualTo(3);
  }
}
