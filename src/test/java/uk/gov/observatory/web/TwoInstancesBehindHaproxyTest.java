package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.support.ChildProcesses;
import uk.gov.observatory.support.ChildProcesses.Child;
import uk.gov.observatory.support.ChildProcesses.Jvm;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;

/**
 * Issue 19, "Done when": two instances behind HAProxy (Debian's /usr/sbin/haproxy, with the
 * repository's deploy/haproxy.cfg), each a JVM of its own started with {@code serve --no-migrate}
 * on one PostgreSQL. A person signs in through the proxy, starts a notification and answers its
 * first page; the instance that answered is killed with SIGKILL ({@code kill -9}); they carry on,
 * through the proxy, on the other: still signed in, their answers still there, the next page taken.
 */
class TwoInstancesBehindHaproxyTest {

  static final String HAPROXY = "/usr/sbin/haproxy";
  static final String LEEDS = "E08000035";
  static final String INSTANCE = "X-Observatory-Instance";

  @TempDir Path tmp;

  @RegisterExtension final ChildProcesses processes = ChildProcesses.killedAtEnd();

  @Test
  void aPersonCarriesOnWhenTheInstanceServingThemIsKilled() throws Exception {
    assertThat(Path.of(HAPROXY))
        .as("HAProxy (Debian package haproxy; .ci/run installs it)")
        .isExecutable();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";

      // Migrated once, and an account made, before the instances start (as deploy/run.sh runs
      // 'migrate' once and 'users add').
      TestAccounts.Person person;
      try (ConfigurableApplicationContext once =
          new SpringApplicationBuilder(ObservatoryApplication.class)
              .web(WebApplicationType.NONE)
              .run(
                  "--spring.datasource.url=" + url,
                  "--spring.datasource.username=postgres",
                  "--observatory.reminders.enabled=false",
                  "--spring.main.log-startup-info=false")) {
        person =
            TestAccounts.create(
                once.getBean(Accounts.class), "haproxy.notifier", Role.LA_NOTIFIER, LEEDS);
      }

      int portA = ChildProcesses.freePort();
      int portB = ChildProcesses.freePort();
      int proxy = ChildProcesses.freePort();
      Map<String, Child> instances = new HashMap<>();
      instances.put("a", serve(url, portA, "a"));
      instances.put("b", serve(url, portB, "b"));
      awaitUp(instances.get("a"), portA);
      awaitUp(instances.get("b"), portB);
      awaitBothBehind(proxy, haproxy(proxy, portA, portB));

      SignedInHttp http = new SignedInHttp(proxy);
      http.signIn(person, person.code(Instant.now(), 0));
      Set<String> served = new HashSet<>();

      // The first answers: the only authority is taken, then the dates.
      HttpResponse<String> start = http.get("/notify/local-authority");
      served.add(start.headers().firstValue(INSTANCE).orElseThrow());
      assertThat(location(start)).endsWith("/notify/dates");
      served.add(http.get("/notify/dates").headers().firstValue(INSTANCE).orElseThrow());
      LocalDate today = LocalDate.now(ObservatoryApplication.ENGLAND);
      LocalDate incident = today.minusDays(3);
      LocalDate aware = today.minusDays(1);
      HttpResponse<String> dates =
          http.post(
              "/notify/dates",
              Map.of(
                  "incidentDate-day", String.valueOf(incident.getDayOfMonth()),
                  "incidentDate-month", String.valueOf(incident.getMonthValue()),
                  "incidentDate-year", String.valueOf(incident.getYear()),
                  "awareDate-day", String.valueOf(aware.getDayOfMonth()),
                  "awareDate-month", String.valueOf(aware.getMonthValue()),
                  "awareDate-year", String.valueOf(aware.getYear())));
      String next = location(dates);
      assertThat(next).endsWith("/notify/type");
      String serving = dates.headers().firstValue(INSTANCE).orElseThrow();
      served.add(serving);
      assertThat(served)
          .as("round robin: both instances answered this one session's requests")
          .containsExactlyInAnyOrder("a", "b");

      // kill -9 the instance that took the answers.
      Child killed = instances.get(serving);
      killed.kill9();
      assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String other = serving.equals("a") ? "b" : "a";

      // Still signed in, on the other instance: the next question, not the sign-in page.
      HttpResponse<String> type = http.get("/notify/type");
      assertThat(type.statusCode()).as(type.body()).isEqualTo(200);
      assertThat(type.headers().firstValue(INSTANCE)).contains(other);
      assertThat(type.body()).contains("name=\"notificationType\"");
      // The answers given on the instance that died are there.
      HttpResponse<String> back = http.get("/notify/dates");
      assertThat(back.statusCode()).isEqualTo(200);
      assertThat(back.body())
          .contains("value=\"" + incident.getDayOfMonth() + "\"")
          .contains("value=\"" + aware.getDayOfMonth() + "\"")
          .contains("value=\"" + incident.getYear() + "\"");
      // And they go on: the next answer is taken (its CSRF token, from the session, holds).
      HttpResponse<String> answered =
          http.post("/notify/type", Map.of("notificationType", "DEATH"));
      assertThat(location(answered)).endsWith("/notify/category");
      assertThat(answered.headers().firstValue(INSTANCE)).contains(other);
      assertThat(http.get("/notify/category").statusCode()).isEqualTo(200);
    }
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return r.headers().firstValue("Location").orElse("");
  }

  /** {@code observatory serve --no-migrate} on the database, in a JVM of its own. */
  private Child serve(String url, int port, String name) throws IOException {
    return processes.start(
        name,
        tmp.resolve(name + ".log"),
        Jvm.server()
            .heap("384m")
            .observatory(
                "serve",
                "--no-migrate",
                "--port",
                Integer.toString(port),
                "--db-url",
                url,
                "--db-user",
                "postgres"));
  }

  /** HAProxy with deploy/haproxy.cfg, in the foreground. */
  private Child haproxy(int proxy, int portA, int portB) throws IOException {
    return processes.start(
        "haproxy",
        tmp.resolve("haproxy.log"),
        List.of(HAPROXY, "-db", "-f", Path.of("deploy/haproxy.cfg").toString()),
        Map.of(
            "OBSERVATORY_PROXY", "127.0.0.1:" + proxy,
            "OBSERVATORY_A", "127.0.0.1:" + portA,
            "OBSERVATORY_B", "127.0.0.1:" + portB));
  }

  private static void awaitUp(Child instance, int port) throws InterruptedException {
    instance.awaitHttp(port, "/", status -> status == 200, Duration.ofSeconds(180));
  }

  /** Until HAProxy's health checks have both instances up (each answers one request). */
  private static void awaitBothBehind(int proxy, Child haproxy) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy + "/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && seen.size() < 2) {
      try {
        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
        r.headers().firstValue(INSTANCE).ifPresent(seen::add);
      } catch (IOException e) {
        // HAProxy not listening yet
      }
      Thread.sleep(200);
    }
    assertThat(seen).as("HAProxy sends to both instances:\n" + haproxy.log()).hasSize(2);
  }
}
