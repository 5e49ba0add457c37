package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
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

  final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (Process p : processes) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

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

      int portA = freePort();
      int portB = freePort();
      int proxy = freePort();
      Map<String, Process> instances = new HashMap<>();
      instances.put("a", serve(url, portA, "a"));
      instances.put("b", serve(url, portB, "b"));
      awaitUp(instances.get("a"), portA, "a");
      awaitUp(instances.get("b"), portB, "b");
      haproxy(proxy, portA, portB);
      awaitBothBehind(proxy);

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
      Process killed = instances.get(serving);
      killed.destroyForcibly();
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

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@code observatory serve --no-migrate} on the database, in a JVM of its own. */
  private Process serve(String url, int port, String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-Dlogging.level.root=WARN",
            "-cp",
            System.getProperty("java.class.path"),
            "uk.gov.observatory.cli.ObservatoryCommand",
            "serve",
            "--no-migrate",
            "--port",
            Integer.toString(port),
            "--db-url",
            url,
            "--db-user",
            "postgres");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(name + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** HAProxy with deploy/haproxy.cfg, in the foreground. */
  private void haproxy(int proxy, int portA, int portB) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(HAPROXY, "-db", "-f", Path.of("deploy/haproxy.cfg").toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("haproxy.log").toFile());
    pb.environment().put("OBSERVATORY_PROXY", "127.0.0.1:" + proxy);
    pb.environment().put("OBSERVATORY_A", "127.0.0.1:" + portA);
    pb.environment().put("OBSERVATORY_B", "127.0.0.1:" + portB);
    processes.add(pb.start());
  }

  private void awaitUp(Process p, int port, String name) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError(name + " exited (" + p.exitValue() + "):\n" + log(name));
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " did not answer within 180 s:\n" + log(name));
  }

  /** Until HAProxy's health checks have both instances up (each answers one request). */
  private void awaitBothBehind(int proxy) throws Exception {
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
    assertThat(seen).as("HAProxy sends to both instances:\n" + log("haproxy")).hasSize(2);
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
