package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.IdentifyingDetailsNotAllowedException;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/** A person sees only the records of the local authorities their account reaches. */
@ApiTest
class ScopingTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired uk.gov.observatory.access.Viewers viewers;
  final JsonMapper json = JsonMapper.builder().build();

  String bearer(String username) {
    return "Bearer " + TestAccounts.token(accounts, username);
  }

  JsonNode getJson(String path, String auth, int status) throws Exception {
    MvcResult r =
        mvc.perform(get(path).header("Authorization", auth))
            .andExpect(status().is(status))
            .andReturn();
    return json.readTree(r.getResponse().getContentAsString());
  }

  @Test
  @DisplayName(
      "a notifier sees only its authorities: others' records are 404 like missing ones, and it cannot notify for them")
  void notifierScope() throws Exception {
    Notification westminster = register.notify(Submissions.death()); // E09000033
    Notification leeds = register.notify(Submissions.seriousHarm()); // E08000035
    TestAccounts.create(accounts, "wm.notifier", Role.LA_NOTIFIER, "E09000033");
    String auth = bearer("wm.notifier");

    JsonNode list = getJson("/api/v1/notifications", auth, 200);
    assertThat(list.get("total").asLong()).isEqualTo(1);
    assertThat(list.get("items").get(0).get("notification_ref").asText())
        .isEqualTo(westminster.ref());

    JsonNode outOfScope = getJson("/api/v1/notifications/" + leeds.ref(), auth, 404);
    JsonNode missing = getJson("/api/v1/notifications/SIN-2021-99999", auth, 404);
    assertThat(outOfScope.get("title")).isEqualTo(missing.get("title"));
    assertThat(outOfScope.get("type")).isEqualTo(missing.get("type"));
    assertThat(getJson("/api/v1/notifications?la=E08000035", auth, 200).get("total").asLong())
        .isZero();

    mvc.perform(
            post("/api/v1/notifications")
                .header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Bodies.json(Bodies.seriousHarm())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("la_code"));
    assertThat(register.count()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "names and dates of birth only on an explicit showing, and only to roles that may see them")
  void identifyingDetailsOnlyWithPermission() {
    Notification n = register.notify(Submissions.death());
    TestAccounts.create(accounts, "dfe.inspector", Role.INSPECTOR);
    TestAccounts.create(accounts, "panel.member", Role.PANEL_MEMBER);
    Viewer inspector = viewers.of("dfe.inspector");
    Viewer member = viewers.of("panel.member");
    for (Viewer v : List.of(inspector, member)) {
      assertThat(register.view(n.ref(), v))
          .get()
          .satisfies(seen -> assertThat(seen.children().get(0).childName()).isNull());
    }
    assertThat(register.showIdentifyingDetails(n.ref(), member))
        .get()
        .satisfies(v -> assertThat(v.children().get(0).childName()).isEqualTo("Test Child"));
    assertThatThrownBy(() -> register.showIdentifyingDetails(n.ref(), inspector))
        .isInstanceOf(IdentifyingDetailsNotAllowedException.class);
    TestAccounts.create(accounts, "only.admin", Role.ADMIN);
    assertThat(register.view(n.ref(), viewers.of("only.admin"))).isEmpty();
    assertThat(register.showIdentifyingDetails(n.ref(), viewers.of("only.admin"))).isEmpty();
  }
}
