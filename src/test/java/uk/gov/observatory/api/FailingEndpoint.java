package uk.gov.observatory.api;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;

/** An API endpoint that fails unexpectedly, to see what a client is told when the server breaks. */
@TestConfiguration(proxyBeanMethods = false)
@Import(FailingEndpoint.Controller.class)
class FailingEndpoint {

  static final String PATH = "/api/v1/test-only/failure";
  static final String SECRET = "internal detail Test Child at row 42";

  @Hidden
  @ApiController
  static class Controller {
    @GetMapping(PATH)
    String fail() {
      throw new IllegalStateException(SECRET);
    }
  }
}
