package uk.gov.observatory.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestClock;

/**
 * Without {@code observatory.oidc.issuer-uri} there is no single sign-on at all: no button, no
 * message, no {@code /oauth2} endpoints. (Same context as {@link WebSecurityHttpTest}, so cached.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class SingleSignOnNotConfiguredHttpTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  @DisplayName("no issuer configured: no button, no client registration, no /oauth2 endpoints")
  void nothingWithoutAnIssuer() throws Exception {
    assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
    assertThat(context.getBeanNamesForType(SingleSignOn.class)).isEmpty();
    SignedInHttp anonymous = new SignedInHttp(port);
    var signIn = anonymous.get("/sign-in?sso=failed");
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.body())
        .contains("Sign in")
        .doesNotContain("single sign-on")
        .doesNotContain("/oauth2/authorization")
        .doesNotContain("govuk-error-summary");
    for (String path :
        new String[] {
          "/oauth2/authorization/oidc", "/login/oauth2/code/oidc?code=forged&state=forged"
        }) {
      var r = anonymous.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).as(path).doesNotContain("Exception");
    }
  }
}
