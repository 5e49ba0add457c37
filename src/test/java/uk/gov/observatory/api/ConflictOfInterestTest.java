package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interest;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.InvalidAccountException;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/** A Panel member's declared interest withdraws them from those cases, until withdrawn. */
@ApiTest
class ConflictOfInterestTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;
  final JsonMapper json = JsonMapper.builder().build();

  Notification notify(String la, String incident) {
    return register.notify(Submissions.of(la, "DEATH", LocalDate.parse(incident), 1, 1));
  }

  JsonNode list(String auth) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/notifications?size=50").header("Authorization", auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  @DisplayName(
      "a member withdrawn from Leeds' 2020 cases neither lists nor opens them; others stay; withdrawal restores them")
  void withdrawnFromCases() throws Exception {
    Notification leeds2020 = notify("E08000035", "2020-06-01");
    Notification leeds2021 = notify("E08000035", "2021-06-01");
    Notification westminster2020 = notify("E09000033", "2020-06-01");
    TestAccounts.create(accounts, "conflicted.member", Role.PANEL_MEMBER);
    String auth = "Bearer " + TestAccounts.token(accounts, "conflicted.member");
    assertThat(list(auth).get("total").asLong()).isEqualTo(3);

    Interest interest =
        interests.declare(
            "conflicted.member",
            "E08000035",
            LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 12, 31),
            "Was a Leeds trustee in 2020",
            "test");
    JsonNode after = list(auth);
    assertThat(after.get("total").asLong()).isEqualTo(2);
    assertThat(after.get("items").findValuesAsString("notification_ref"))
        .containsExactlyInAnyOrder(leeds2021.ref(), westminster2020.ref());
    mvc.perform(get("/api/v1/notifications/" + leeds2020.ref()).header("Authorization", auth))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/notifications/" + leeds2021.ref()).header("Authorization", auth))
        .andExpect(status().isOk());

    interests.withdraw(interest.id(), "test");
    assertThat(list(auth).get("total").asLong()).isEqualTo(3);
    mvc.perform(get("/api/v1/notifications/" + leeds2020.ref()).header("Authorization", auth))
        .andExpect(status().isOk());

    assertThat(audit.search(null, String.valueOf(interest.id()), null, null, 1).items())
        .extracting(e -> e.action())
        .containsExactlyInAnyOrder("CREATED", "DELETED");
  }

  @Test
  @DisplayName(
      "a withdrawal from Sheffield covers its notifications under both its codes (E08000019 to"
          + " 30 April 2025, E08000039 since), within the declared dates, and not Barnsley's")
  void withdrawnFromAnAuthorityThroughItsCodes() throws Exception {
    Notification sheffieldBefore = notify("E08000019", "2024-06-01");
    Notification sheffieldSince = notify("E08000039", "2025-06-01");
    Notification barnsleyBefore = notify("E08000016", "2024-06-01");
    TestAccounts.create(accounts, "sheffield.member", Role.PANEL_MEMBER);
    String auth = "Bearer " + TestAccounts.token(accounts, "sheffield.member");

    Interest interest =
        interests.declare(
            "sheffield.member",
            "E08000039",
            LocalDate.of(2024, 1, 1),
            null,
            "Sheffield social worker until 2023",
            "test");
    assertThat(list(auth).get("items").findValuesAsString("notification_ref"))
        .containsExactly(barnsleyBefore.ref());
    for (Notification n : List.of(sheffieldBefore, sheffieldSince)) {
      mvc.perform(get("/api/v1/notifications/" + n.ref()).header("Authorization", auth))
          .andExpect(status().isNotFound());
    }
    interests.withdraw(interest.id(), "test");

    // Declared under the earlier code, from 2025: the later code's case is covered, the 2024 not.
    interests.declare(
        "sheffield.member",
        "E08000019",
        LocalDate.of(2025, 1, 1),
        null,
        "Sheffield trustee from 2025",
        "test");
    assertThat(list(auth).get("items").findValuesAsString("notification_ref"))
        .containsExactlyInAnyOrder(sheffieldBefore.ref(), barnsleyBefore.ref());
    mvc.perform(get("/api/v1/notifications/" + sheffieldSince.ref()).header("Authorization", auth))
        .andExpect(status().isNotFound());
  }

  @Test
  @DisplayName(
      "only Panel members declare interests; bad declarations are refused and store nothing")
  void onlyMembers() {
    TestAccounts.create(accounts, "some.inspector", Role.INSPECTOR);
    TestAccounts.create(accounts, "a.member", Role.PANEL_MEMBER);
    assertThatThrownBy(
            () ->
                interests.declare(
                    "some.inspector", "E08000035", LocalDate.of(2020, 1, 1), null, "x", "test"))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("only a PANEL_MEMBER");
    assertThatThrownBy(
            () ->
                interests.declare(
                    "a.member",
                    "E99999999",
                    LocalDate.of(2020, 2, 1),
                    LocalDate.of(2020, 1, 1),
                    " ",
                    "test"))
        .isInstanceOfSatisfying(
            InvalidAccountException.class, e -> assertThat(e.problems()).hasSize(3));
    assertThat(interests.current("a.member")).isEqualTo(List.of());
  }
}
