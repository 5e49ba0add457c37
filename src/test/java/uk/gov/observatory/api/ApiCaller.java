package uk.gov.observatory.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.TestAccounts;

/**
 * The API tests call as a signed-in member of the Panel's secretariat: before each test (after the
 * register, accounts included, is emptied) an account and a personal token are made, and every
 * MockMvc request without its own Authorization header carries that token. A request with the
 * header {@code X-Test-Anonymous} goes without one.
 */
class ApiCaller implements BeforeEachCallback {

  static volatile String token;

  @Override
  public void beforeEach(ExtensionContext context) {
    Accounts accounts = SpringExtension.getApplicationContext(context).getBean(Accounts.class);
    TestAccounts.create(accounts, "api.secretariat", Role.PANEL_SECRETARIAT);
    token = TestAccounts.token(accounts, "api.secretariat");
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Config {
    @Bean
    MockMvcBuilderCustomizer bearerToken() {
      return builder ->
          builder.defaultRequest(
              get("/")
                  .with(
                      request -> {
                        if (request.getHeader("Authorization") == null
                            && request.getHeader("X-Test-Anonymous") == null
                            && token != null) {
                          request.addHeader("Authorization", "Bearer " + token);
                        }
                        return request;
                      }));
    }
  }
}
