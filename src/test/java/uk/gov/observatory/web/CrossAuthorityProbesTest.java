package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * 1,000 random probes, by notifiers, partnerships, a Panel member withdrawn from some cases and the
 * secretariat, of every way into the register over real HTTP: the API's records and lists, the
 * register's pages and notification pages, the identifying-details action, the CSV export and the
 * headline report. Each answer is checked against what the test itself knows it seeded: nothing
 * outside a person's reach may be shown, listed, counted or exported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class CrossAuthorityProbesTest {

  static final String[] LAS = {
    "E09000033", "E08000035", "E06000058", "E10000014", "E09000001", "E08000025"
  };
  static final String[] TYPES = {"DEATH", "SERIOUS_HARM", "OTHER"};
  static final Pattern REF_LINK = Pattern.compile("href=\"/notifications/(SIN-\\d{4}-\\d{5})\"");
  static final Pattern CAPTION = Pattern.compile("(\\d+) notifications?</caption>");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired NotificationRegister register;

  final HttpClient http = HttpClient.newHttpClient();
  final JsonMapper json = JsonMapper.builder().build();

  /** A seeded notification as the test remembers it, to work out answers independently. */
  record Seeded(
      String ref, String la, String type, LocalDate incident, LocalDate notified, int children) {}

  /** A person probing: their session, their API token, and what they may reach. */
  record Prober(String name, SignedInHttp pages, String bearer, Predicate<Seeded> reaches) {}

  HttpResponse<String> api(String path, String bearer) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", bearer)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  Prober prober(String name, Role role, Predicate<Seeded> reaches, String... las) throws Exception {
    TestAccounts.Person person = TestAccounts.create(accounts, name, role, las);
    return new Prober(
        name,
        new SignedInHttp(port).signIn(person),
        "Bearer " + TestAccounts.token(accounts, name),
        reaches);
  }

  @Test
  @DisplayName("1,000 random cross-authority probes of API, pages, export and report leak nothing")
  void randomProbes() throws Exception {
    Random random = new Random(20261127L);
    List<Seeded> seeded = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String la = LAS[random.nextInt(LAS.length)];
      String type = TYPES[random.nextInt(TYPES.length)];
      LocalDate incident = LocalDate.of(2019, 4, 1).plusDays(random.nextInt(1200));
      int children = 1 + random.nextInt(3);
      Notification n =
          register.notify(Submissions.of(la, type, incident, random.nextInt(5), children));
      seeded.add(new Seeded(n.ref(), la, type, incident, n.notifiedDate(), children));
    }

    List<Prober> probers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Set<String> scope = new HashSet<>();
      scope.add(LAS[random.nextInt(LAS.length)]);
      if (random.nextBoolean()) {
        scope.add(LAS[random.nextInt(LAS.length)]);
      }
      probers.add(
          prober(
              "probe.notifier." + i,
              Role.LA_NOTIFIER,
              s -> scope.contains(s.la()),
              scope.toArray(String[]::new)));
    }
    for (int i = 0; i < 3; i++) {
      String la = LAS[random.nextInt(LAS.length)];
      probers.add(prober("probe.partnership." + i, Role.PARTNERSHIP, s -> s.la().equals(la), la));
    }
    // A Panel member withdrawn from Leeds cases with an incident from 1 January 2020.
    LocalDate conflictFrom = LocalDate.of(2020, 1, 1);
    Predicate<Seeded> memberReach =
        s -> !(s.la().equals("E08000035") && !s.incident().isBefore(conflictFrom));
    Prober member = prober("probe.member", Role.PANEL_MEMBER, memberReach);
    interests.declare(
        "probe.member", "E08000035", conflictFrom, null, "synthetic conflict", "test");
    probers.add(member);
    probers.add(prober("probe.secretariat", Role.PANEL_SECRETARIAT, s -> true));

    Map<String, Integer> kinds = new HashMap<>();
    List<String> leaks = new ArrayList<>();
    for (int probe = 0; probe < 1000; probe++) {
      Prober who = probers.get(random.nextInt(probers.size()));
      Seeded target = seeded.get(random.nextInt(seeded.size()));
      boolean reached = who.reaches().test(target);
      String la = random.nextInt(3) == 0 ? LAS[random.nextInt(LAS.length)] : null;
      String type = random.nextInt(3) == 0 ? TYPES[random.nextInt(TYPES.length)] : null;
      LocalDate from =
          random.nextBoolean() ? LocalDate.of(2019, 4, 1).plusDays(random.nextInt(800)) : null;
      List<Seeded> expected =
          seeded.stream()
              .filter(who.reaches())
              .filter(s -> la == null || s.la().equals(la))
              .filter(s -> type == null || s.type().equals(type))
              .filter(s -> from == null || !s.notified().isBefore(from))
              .toList();
      String filters =
          (la == null ? "" : "&la=" + la)
              + (type == null ? "" : "&type=" + type)
              + (from == null ? "" : "&from=" + from);
      int kind = random.nextInt(7);
      String what = who.name() + " probe " + probe;
      switch (kind) {
        case 0 -> {
          HttpResponse<String> r = api("/api/v1/notifications/" + target.ref(), who.bearer());
          assertThat(r.statusCode()).as(what).isEqualTo(reached ? 200 : 404);
          if (!reached && (r.body().contains(target.la()) || r.body().contains("children"))) {
            leaks.add(what + ": API 404 names the record");
          }
        }
        case 1 -> {
          int size = 1 + random.nextInt(30);
          int pages = Math.max(1, (expected.size() + size - 1) / size);
          int page = 1 + random.nextInt(pages);
          JsonNode list =
              json.readTree(
                  api(
                          "/api/v1/notifications?size=" + size + "&page=" + page + filters,
                          who.bearer())
                      .body());
          assertThat(list.get("total").asLong()).as(what).isEqualTo(expected.size());
          Set<String> allowed = refs(expected);
          for (JsonNode item : list.get("items")) {
            if (!allowed.contains(item.get("notification_ref").asText())) {
              leaks.add(what + ": API list shows " + item.get("notification_ref").asText());
            }
          }
        }
        case 2 -> {
          HttpResponse<String> r = who.pages().get("/notifications/" + target.ref());
          assertThat(r.statusCode()).as(what).isEqualTo(reached ? 200 : 404);
          if (!reached && r.body().contains(target.ref())) {
            leaks.add(what + ": page 404 names the record");
          }
        }
        case 3 -> {
          HttpResponse<String> r =
              who.pages().get("/notifications?size=200&sort=notification_ref" + filters);
          Matcher caption = CAPTION.matcher(r.body());
          assertThat(caption.find()).as(what).isTrue();
          assertThat(Long.parseLong(caption.group(1))).as(what).isEqualTo(expected.size());
          Set<String> shown = new HashSet<>();
          Matcher m = REF_LINK.matcher(r.body());
          while (m.find()) {
            shown.add(m.group(1));
          }
          assertThat(shown).as(what).isEqualTo(refs(expected));
        }
        case 4 -> {
          HttpResponse<String> r = who.pages().get("/notifications/export.csv?x=1" + filters);
          assertThat(r.statusCode()).as(what).isEqualTo(200);
          Set<String> exported =
              r.body()
                  .lines()
                  .skip(1)
                  .map(l -> l.substring(0, l.indexOf(',')))
                  .collect(Collectors.toSet());
          assertThat(exported).as(what).isEqualTo(refs(expected));
        }
        case 5 -> {
          LocalDate start = LocalDate.of(2019, 4, 1).plusDays(random.nextInt(600));
          LocalDate end = start.plusDays(random.nextInt(700));
          String reportLa = random.nextBoolean() ? LAS[random.nextInt(LAS.length)] : null;
          List<Seeded> counted =
              seeded.stream()
                  .filter(who.reaches())
                  .filter(s -> reportLa == null || s.la().equals(reportLa))
                  .filter(s -> !s.incident().isBefore(start) && !s.incident().isAfter(end))
                  .toList();
          Map<String, String> cells =
              headline(
                  who.pages()
                      .get(
                          "/analytics/headline.csv?from="
                              + start
                              + "&to="
                              + end
                              + (reportLa == null ? "" : "&la=" + reportLa))
                      .body());
          assertThat(cells.get("NOTIFICATIONS")).as(what).isEqualTo("" + counted.size());
          assertThat(cells.get("DEATH"))
              .as(what)
              .isEqualTo("" + counted.stream().filter(s -> s.type().equals("DEATH")).count());
          assertThat(cells.get("CHILDREN"))
              .as(what)
              .isEqualTo("" + counted.stream().mapToInt(Seeded::children).sum());
          assertThat(cells.get("LAS_NOTIFYING"))
              .as(what)
              .isEqualTo("" + counted.stream().map(Seeded::la).distinct().count());
        }
        default -> {
          who.pages().get("/notifications");
          HttpResponse<String> r =
              who.pages().post("/notifications/" + target.ref() + "/identifying-details", Map.of());
          int allowed = who.name().startsWith("probe.partnership") ? 403 : 200;
          assertThat(r.statusCode()).as(what).isEqualTo(reached ? allowed : 404);
          if ((!reached || allowed == 403) && r.body().contains("Synthetic Name")) {
            leaks.add(what + ": identifying details shown");
          }
        }
      }
      kinds.merge("kind " + kind, 1, Integer::sum);
    }
    assertThat(leaks).as("records shown outside the prober's reach").isEmpty();
    // Every way in was probed many times.
    assertThat(kinds).hasSize(7).allSatisfy((k, n) -> assertThat(n).as(k).isGreaterThan(100));
  }

  static Set<String> refs(List<Seeded> seeded) {
    return seeded.stream().map(Seeded::ref).collect(Collectors.toSet());
  }

  /** Table H's tidy CSV as row_code to value. */
  static Map<String, String> headline(String csv) {
    Map<String, String> cells = new HashMap<>();
    csv.lines()
        .skip(1)
        .map(l -> l.split(",", -1))
        .forEach(
            c -> {
              assertThat(c[0]).isEqualTo("H");
              assertThat(c[2]).isEqualTo("COUNT");
              cells.put(c[1], c[3]);
            });
    return cells;
  }
}
