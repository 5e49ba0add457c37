package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.TestAccounts;

@ApiTest
class ApiSecurityTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  long failedSignIns() {
    return audit.search(null, null, null, null, 1).items().stream()
        .filter(e -> e.action().equals(AuditAction.SIGN_IN_FAILED.name()))
        .count();
  }

  @Test
  @DisplayName("without a token the API answers 401 as a problem, with the hardening headers")
  void anonymousIs401() throws Exception {
    mvc.perform(get("/api/v1/notifications").header("X-Test-Anonymous", "yes"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
        .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
        .andExpect(header().string("X-Frame-Options", "DENY"));
  }

  @Test
  @DisplayName("unknown, revoked and expired tokens are 401, each audited without the token")
  void badTokens() throws Exception {
    long before = failedSignIns();
    mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer obs_forged"))
        .andExpect(status().isUnauthorized());

    TestAccounts.create(accounts, "revoked.user", Role.PANEL_SECRETARIAT);
    var issued = accounts.issueToken("revoked.user", Duration.ofDays(1));
    mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + issued.token()))
        .andExpect(status().isOk());
    accounts.revokeToken("revoked.user", issued.id());
    mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + issued.token()))
        .andExpect(status().isUnauthorized());

    TestAccounts.create(accounts, "expired.user", Role.PANEL_SECRETARIAT);
    String expired = TestAccounts.token(accounts, "expired.user");
    jdbc.update(
        "update api_token set created_at = created_at - interval '10 days', expires_at ="
            + " created_at - interval '1 day' where account_id = (select id from account where"
            + " username = 'expired.user')");
    mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + expired))
        .andExpect(status().isUnauthorized());

    assertThat(failedSignIns() - before).isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where details like '%obs_%'", Long.class))
        .isZero();
  }

  @Test
  @DisplayName(
      "the scheme in any case and extra spaces before the token name the same account; a refused"
          + " one is audited without the token")
  void headerSpellings() throws Exception {
    for (String scheme : java.util.List.of("Bearer ", "bearer ", "BEARER ", "Bearer  ")) {
      mvc.perform(get("/api/v1/notifications").header("Authorization", scheme + ApiCaller.token))
          .andExpect(status().isOk());
    }
    long before = failedSignIns();
    mvc.perform(get("/api/v1/notifications").header("Authorization", "bEaReR   obs_forged"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Security-Policy", containsString("default-src")));
    assertThat(failedSignIns() - before).isEqualTo(1);
  }

  @Test
  @DisplayName("an inspector may read but not notify (403), and nothing is stored")
  void inspectorCannotNotify() throws Exception {
    TestAccounts.create(accounts, "ofsted.inspector", Role.INSPECTOR);
    String token = TestAccounts.token(accounts, "ofsted.inspector");
    mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/notifications")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Bodies.json(Bodies.death())))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    assertThat(register.count()).isZero();
  }

  @Test
  @DisplayName("an administrator's token reaches no case data")
  void adminHasNoCaseData() throws Exception {
    TestAccounts.create(accounts, "accounts.admin", Role.ADMIN);
    String token = TestAccounts.token(accounts, "accounts.admin");
    mvc.perform(get("/api/v1/notifications").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
  }

  @Test
  @DisplayName("the OpenAPI description stays public")
  void openApiIsPublic() throws Exception {
    mvc.perform(get("/api/v1/openapi.json").header("X-Test-Anonymous", "yes"))
        .andExpect(status().isOk());
  }
}
