package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.notification.NotificationSubmission.ChildSubmission;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

/** A person sees only the records of the local authorities their account reaches. */
@ApiTest
class ScopingTest {

  static final String[] LAS = {
    "E09000033", "E08000035", "E06000058", "E10000014", "E09000001", "E08000025"
  };
  static final String[] TYPES = {"DEATH", "SERIOUS_HARM", "OTHER"};

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired uk.gov.observatory.access.Viewers viewers;
  final JsonMapper json = JsonMapper.builder().build();

  /** A seeded notification as the test remembers it, to work out answers independently. */
  record Seeded(String ref, String la, String type, LocalDate notified) {}

  static NotificationSubmission submission(
      String la, String type, LocalDate incident, int notifiedAfter) {
    boolean death = type.equals("DEATH");
    return new NotificationSubmission(
        null,
        la,
        incident.toString(),
        incident.toString(),
        incident.plusDays(notifiedAfter).toString(),
        type,
        death ? "SUDI" : null,
        death ? null : "NONFATAL_NEGLECT",
        null,
        List.of(),
        null,
        "NONE",
        "NONE",
        "AT_HOME",
        List.of(),
        List.of(new ChildSubmission("1", "FEMALE", "3", null, "Synthetic Name", null)));
  }

  List<Seeded> seed(Random random, int n) {
    List<Seeded> seeded = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String la = LAS[random.nextInt(LAS.length)];
      String type = TYPES[random.nextInt(TYPES.length)];
      LocalDate incident = LocalDate.of(2019, 4, 1).plusDays(random.nextInt(1200));
      Notification stored = register.notify(submission(la, type, incident, random.nextInt(5)));
      seeded.add(new Seeded(stored.ref(), la, type, stored.notifiedDate()));
    }
    return seeded;
  }

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

  @Test
  @DisplayName("1,000 random cross-authority probes of the API's lists and records leak nothing")
  void randomProbes() throws Exception {
    Random random = new Random(20260427L);
    List<Seeded> seeded = seed(random, 80);

    // Viewers: notifiers of one or two authorities, partnerships, and the secretariat.
    List<String> names = new ArrayList<>();
    Map<String, Set<String>> scopes = new java.util.HashMap<>();
    Map<String, String> auths = new java.util.HashMap<>();
    for (int i = 0; i < 6; i++) {
      Set<String> scope = new HashSet<>();
      scope.add(LAS[random.nextInt(LAS.length)]);
      if (random.nextBoolean()) {
        scope.add(LAS[random.nextInt(LAS.length)]);
      }
      String name = "notifier." + i;
      TestAccounts.create(accounts, name, Role.LA_NOTIFIER, scope.toArray(String[]::new));
      names.add(name);
      scopes.put(name, scope);
    }
    for (int i = 0; i < 3; i++) {
      String la = LAS[random.nextInt(LAS.length)];
      String name = "partnership." + i;
      TestAccounts.create(accounts, name, Role.PARTNERSHIP, la);
      names.add(name);
      scopes.put(name, Set.of(la));
    }
    TestAccounts.create(accounts, "the.secretariat", Role.PANEL_SECRETARIAT);
    names.add("the.secretariat");
    scopes.put("the.secretariat", Set.of(LAS));
    for (String name : names) {
      auths.put(name, bearer(name));
    }

    int leaks = 0;
    for (int probe = 0; probe < 1000; probe++) {
      String name = names.get(random.nextInt(names.size()));
      Set<String> scope = scopes.get(name);
      String auth = auths.get(name);
      if (random.nextBoolean()) {
        Seeded target = seeded.get(random.nextInt(seeded.size()));
        int expected = scope.contains(target.la()) ? 200 : 404;
        JsonNode body = getJson("/api/v1/notifications/" + target.ref(), auth, expected);
        // A 404 names only the path asked for, never anything of the record.
        if (expected == 404 && (body.has("la_code") || body.has("children"))) {
          leaks++;
        }
      } else {
        String la = random.nextInt(3) == 0 ? LAS[random.nextInt(LAS.length)] : null;
        String type = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : null;
        LocalDate from =
            random.nextBoolean() ? LocalDate.of(2019, 4, 1).plusDays(random.nextInt(800)) : null;
        int size = 1 + random.nextInt(30);
        long expectedTotal =
            seeded.stream()
                .filter(s -> scope.contains(s.la()))
                .filter(s -> la == null || s.la().equals(la))
                .filter(s -> type == null || s.type().equals(type))
                .filter(s -> from == null || !s.notified().isBefore(from))
                .count();
        int pages = (int) Math.max(1, (expectedTotal + size - 1) / size);
        int page = 1 + random.nextInt(pages);
        StringBuilder q = new StringBuilder("/api/v1/notifications?size=" + size + "&page=" + page);
        if (la != null) q.append("&la=").append(la);
        if (type != null) q.append("&type=").append(type);
        if (from != null) q.append("&from=").append(from);
        JsonNode list = getJson(q.toString(), auth, 200);
        assertThat(list.get("total").asLong())
            .as("probe %d total for %s: %s", probe, name, q)
            .isEqualTo(expectedTotal);
        for (JsonNode item : list.get("items")) {
          if (!scope.contains(item.get("la_code").asText())) {
            leaks++;
          }
        }
      }
    }
    assertThat(leaks).as("records shown outside the viewer's authorities").isZero();
  }
}
