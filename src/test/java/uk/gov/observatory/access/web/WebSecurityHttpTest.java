package uk.gov.observatory.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/** Sign-in, refusals and the hardening every response carries, over plain HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class WebSecurityHttpTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  long audited(String action, String recordRef) {
    return audit.search(null, recordRef, null, null, 1).items().stream()
        .filter(e -> e.action().equals(action))
        .count();
  }

  static void assertHardened(HttpResponse<String> r, String what) {
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .as(what)
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline"));
    assertThat(r.headers().firstValue("Strict-Transport-Security"))
        .as(what)
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    // Set by the server's valve and by Spring Security alike: still each once.
    for (String header :
        List.of(
            "Content-Security-Policy",
            "Strict-Transport-Security",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy")) {
      assertThat(r.headers().allValues(header)).as(what + ": " + header).hasSize(1);
    }
  }

  @Test
  @DisplayName("every kind of response carries the CSP, HSTS and X-Frame-Options headers")
  void headersOnEveryResponse() throws Exception {
    SignedInHttp anonymous = new SignedInHttp(port);
    for (String path :
        List.of(
            "/",
            "/sign-in",
            "/no-such-page",
            "/notifications",
            "/js/observatory.js",
            "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
            "/api/v1/notifications",
            "/api/v1/openapi.json")) {
      assertHardened(anonymous.get(path), path);
    }
    SignedInHttp signedIn =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "head.secretariat", Role.PANEL_SECRETARIAT));
    for (String path :
        List.of("/notifications", "/notifications/SIN-2020-99999", "/notify/local-authority")) {
      assertHardened(signedIn.get(path), path);
    }
  }

  @Test
  @DisplayName(
      "the session cookie is HttpOnly, Secure and SameSite, and changes at each step of sign-in")
  void cookieFlagsAndSessionFixation() throws Exception {
    SignedInHttp http = new SignedInHttp(port);
    HttpResponse<String> page = http.get("/sign-in");
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax");
    String before = http.session();
    TestAccounts.Person person =
        TestAccounts.create(accounts, "fixation.test", Role.PANEL_SECRETARIAT);
    // The password step: a new session id, and the old one no longer names the session.
    HttpResponse<String> password =
        http.post(
            "/sign-in", Map.of("username", "fixation.test", "password", TestAccounts.PASSWORD));
    assertThat(password.statusCode()).isEqualTo(302);
    String afterPassword = http.session();
    assertThat(afterPassword).isNotNull().isNotEqualTo(before);
    SignedInHttp fixed = new SignedInHttp(port);
    fixed.session(before);
    assertThat(fixed.get("/sign-in/code").headers().firstValue("Location"))
        .as("the id from before the password step does not reach the code page")
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    // The code step (here the first sign-in's set-up): a new session id again.
    String next = URI.create(password.headers().firstValue("Location").orElseThrow()).getPath();
    http.get(next);
    assertThat(http.post(next, Map.of("code", person.code())).statusCode()).isEqualTo(302);
    assertThat(http.session()).isNotEqualTo(afterPassword).isNotEqualTo(before);
    assertThat(http.get("/notifications").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("pages need sign-in: anonymous and forged sessions go to the sign-in page")
  void signInRequired() throws Exception {
    SignedInHttp anonymous = new SignedInHttp(port);
    HttpResponse<String> r = anonymous.get("/notifications");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));

    SignedInHttp forged = new SignedInHttp(port);
    forged.session("0123456789ABCDEF0123456789ABCDEF");
    assertThat(forged.get("/notifications").statusCode()).isEqualTo(302);
    assertThat(new SignedInHttp(port).get("/").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a form POST without its CSRF token is refused and stores nothing")
  void csrf() throws Exception {
    SignedInHttp http =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "csrf.notifier", Role.LA_NOTIFIER, "E09000033"));
    http.get("/notify/local-authority");
    HttpResponse<String> refused =
        http.post("/notify/local-authority", Map.of("laCode", "E09000033"), false);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("Exception");
    HttpResponse<String> accepted =
        http.post("/notify/local-authority", Map.of("laCode", "E09000033"));
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(register.count()).isZero();
  }

  @Test
  @DisplayName(
      "a wrong password, a wrong code and a replayed code are refused, audited, and sign no one in")
  void refusals() throws Exception {
    TestAccounts.Person person = TestAccounts.create(accounts, "careful.member", Role.PANEL_MEMBER);
    SignedInHttp http = new SignedInHttp(port);
    http.get("/sign-in");
    HttpResponse<String> wrong =
        http.post(
            "/sign-in", Map.of("username", "careful.member", "password", "wrong password here"));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("Enter a correct username and password");
    HttpResponse<String> unknown =
        http.post("/sign-in", Map.of("username", "nobody.here", "password", "wrong password here"));
    assertThat(unknown.body()).contains("Enter a correct username and password");
    assertThat(audited("SIGN_IN_FAILED", "careful.member")).isEqualTo(1);
    assertThat(audited("SIGN_IN_FAILED", "nobody.here")).isEqualTo(1);

    http.signIn(person, person.code());
    assertThat(http.get("/notifications").statusCode()).isEqualTo(200);
    assertThat(audited("SIGN_IN_SUCCEEDED", "careful.member")).isEqualTo(1);

    // The same code again, in another session, is refused: codes work once.
    SignedInHttp replay = new SignedInHttp(port);
    replay.get("/sign-in");
    replay.post(
        "/sign-in", Map.of("username", "careful.member", "password", TestAccounts.PASSWORD));
    replay.get("/sign-in/code");
    HttpResponse<String> again = replay.post("/sign-in/code", Map.of("code", person.code()));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("codes cannot be used twice");
    assertThat(replay.get("/notifications").statusCode()).isEqualTo(302);
    assertThat(audited("SIGN_IN_FAILED", "careful.member")).isEqualTo(2);
  }

  @Test
  @DisplayName("after repeated failures the account is locked, even with the right password")
  void lockout() throws Exception {
    TestAccounts.create(accounts, "locked.member", Role.PANEL_MEMBER);
    SignedInHttp http = new SignedInHttp(port);
    http.get("/sign-in");
    for (int i = 0; i < 5; i++) {
      http.post("/sign-in", Map.of("username", "locked.member", "password", "wrong password " + i));
    }
    HttpResponse<String> locked =
        http.post(
            "/sign-in", Map.of("username", "locked.member", "password", TestAccounts.PASSWORD));
    assertThat(locked.body()).contains("too many attempts");
    assertThat(locked.headers().firstValue("Location")).isEmpty();
  }

  @Test
  @DisplayName(
      "an unknown username meets the same answers and the same lockout as a real one, so the two"
          + " cannot be told apart")
  void unknownUsernamesLockToo() throws Exception {
    TestAccounts.create(accounts, "real.member", Role.PANEL_MEMBER);
    List<String> answers = new java.util.ArrayList<>();
    for (String username : List.of("real.member", "made.up.member")) {
      SignedInHttp http = new SignedInHttp(port);
      http.get("/sign-in");
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < 7; i++) {
        HttpResponse<String> r =
            http.post("/sign-in", Map.of("username", username, "password", "wrong password " + i));
        assertThat(r.statusCode()).isEqualTo(200);
        seen.append(
                r.body().contains("too many attempts")
                    ? "locked"
                    : r.body().contains("Enter a correct username and password") ? "wrong" : "?")
            .append(' ');
      }
      answers.add(seen.toString().strip());
    }
    assertThat(answers.get(0)).isEqualTo("wrong wrong wrong wrong locked locked locked");
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
  }

  /** A raw HTTP/1.1 exchange, for requests no HTTP client would send. */
  String raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  @DisplayName(
      "Tomcat's own answers to malformed requests (400, 501, 505) carry the hardening headers and"
          + " a plain page without server details")
  void headersOnTheServersOwnAnswers() throws Exception {
    Map<String, String> requests = new java.util.LinkedHashMap<>();
    requests.put("bad escape in the path", "GET /% HTTP/1.1\r\nHost: localhost\r\n");
    requests.put("control character in the path", "GET /a\u0001 HTTP/1.1\r\nHost: localhost\r\n");
    requests.put("NUL in the path", "GET /%00 HTTP/1.1\r\nHost: localhost\r\n");
    requests.put("bad Host header", "GET / HTTP/1.1\r\nHost: bad host^\r\n");
    requests.put("no Host header", "GET / HTTP/1.1\r\n");
    requests.put("unknown method", "FOO / HTTP/1.1\r\nHost: localhost\r\n");
    requests.put("unknown HTTP version", "GET / HTTP/2.5\r\nHost: localhost\r\n");
    requests.put("encoded dots", "GET /a/%2e%2e/%2e%2e/etc HTTP/1.1\r\nHost: localhost\r\n");
    requests.put("path parameter", "GET /a;b=c/../x HTTP/1.1\r\nHost: localhost\r\n");
    requests.put(
        "header too large (over the 32 KB limit)",
        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000) + "\r\n");
    for (var request : requests.entrySet()) {
      String answer = raw(request.getValue() + "Connection: close\r\n\r\n");
      String what = request.getKey() + ": " + answer.lines().findFirst().orElse("(nothing)");
      int headEnd = answer.indexOf("\r\n\r\n");
      assertThat(headEnd).as(what).isPositive();
      String head = answer.substring(0, headEnd);
      String body = answer.substring(headEnd);
      assertThat(head).as(what).matches("(?s)HTTP/1\\.1 [45]\\d\\d.*");
      assertThat(head)
          .as(what)
          .contains("Content-Security-Policy: " + SecurityConfiguration.CSP)
          .contains("Strict-Transport-Security: max-age=31536000")
          .contains("X-Frame-Options: DENY")
          .contains("X-Content-Type-Options: nosniff")
          .contains("Referrer-Policy: no-referrer");
      for (String header :
          List.of(
              "Content-Security-Policy",
              "Strict-Transport-Security",
              "X-Frame-Options",
              "X-Content-Type-Options",
              "Referrer-Policy")) {
        assertThat(head.split(header + ":", -1)).as(what + ": " + header + " once").hasSize(2);
      }
      assertThat(body)
          .as(what)
          .doesNotContainIgnoringCase("tomcat")
          .doesNotContainIgnoringCase("apache")
          .doesNotContain("Exception")
          .doesNotContain("<style");
    }
  }

  @Test
  @DisplayName(
      "a form sent after signing out goes to the sign-in page, is audited and stores nothing")
  void formAfterSignOut() throws Exception {
    SignedInHttp notifier =
        new SignedInHttp(port)
            .signIn(
                TestAccounts.create(accounts, "leaving.notifier", Role.LA_NOTIFIER, "E09000033"));
    notifier.get("/notify/local-authority");
    HttpResponse<String> out = notifier.post("/sign-out", Map.of());
    assertThat(out.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("JSESSIONID=;").contains("Expires=Thu, 01 Jan 1970"));
    // The browser drops the cookie, as the answer says; the page left open still has its form.
    notifier.session(null);
    String refusals =
        "select count(*) from audit_entry where action = 'ACCESS_REFUSED'"
            + " and details like 'POST /notify/local-authority: sent without a signed-in session%'";
    long refusalsBefore = jdbc.queryForObject(refusals, Long.class);
    HttpResponse<String> stale =
        notifier.post("/notify/local-authority", Map.of("laCode", "E09000033"));
    assertThat(stale.statusCode()).isEqualTo(302);
    assertThat(stale.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?not-signed-in"));
    assertThat(jdbc.queryForObject(refusals, Long.class) - refusalsBefore).isEqualTo(1);
    // Without any token at all, in the new session the refusal began, the same.
    HttpResponse<String> bare =
        notifier.post("/notify/local-authority", Map.of("laCode", "E09000033"), false);
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?not-signed-in"));
    assertThat(jdbc.queryForObject(refusals, Long.class) - refusalsBefore).isEqualTo(2);
    assertThat(register.count()).isZero();
    // The sign-in page says why the person is there, and that what they sent was not kept.
    assertThat(notifier.get("/sign-in?not-signed-in").body())
        .contains("You were not signed in, so what you sent was not saved.");
    assertThat(notifier.get("/sign-in").body()).doesNotContain("what you sent was not saved");
  }

  @Test
  @DisplayName("a notifier's register lists only its authorities; another authority's page is 404")
  void notifierScope() throws Exception {
    var westminster = register.notify(Submissions.death());
    var leeds = register.notify(Submissions.seriousHarm());
    SignedInHttp notifier =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "leeds.notifier", Role.LA_NOTIFIER, "E08000035"));
    HttpResponse<String> list = notifier.get("/notifications");
    assertThat(list.body()).contains(leeds.ref()).doesNotContain(westminster.ref());
    assertThat(notifier.get("/notifications/" + leeds.ref()).statusCode()).isEqualTo(200);
    HttpResponse<String> other = notifier.get("/notifications/" + westminster.ref());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("SUDI").doesNotContain("Westminster");
  }

  @Test
  @DisplayName("an administrator cannot open case pages (403); sign-out ends the session")
  void adminAndSignOut() throws Exception {
    register.notify(Submissions.death());
    SignedInHttp admin =
        new SignedInHttp(port).signIn(TestAccounts.create(accounts, "the.admin", Role.ADMIN));
    assertThat(admin.get("/notifications").statusCode()).isEqualTo(403);
    assertThat(admin.get("/notifications/SIN-2020-00001").statusCode()).isEqualTo(403);
    assertThat(admin.get("/notifications/SIN-2020-00001").body()).doesNotContain("SUDI");

    SignedInHttp member =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "leaving.member", Role.PANEL_MEMBER));
    HttpResponse<String> page = member.get("/notifications");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Sign out");
    HttpResponse<String> out = member.post("/sign-out", Map.of());
    assertThat(out.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/signed-out"));
    assertThat(member.get("/notifications").statusCode()).isEqualTo(302);
  }
}
