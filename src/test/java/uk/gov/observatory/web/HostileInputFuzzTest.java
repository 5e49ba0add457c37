package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Issue 13, item 7: thousands of generated hostile requests across the API and the pages' forms and
 * filters, over real HTTP, signed in as the roles that write (the Panel's secretariat, a
 * partnership, a local authority's notifier), with a fixed seed. For every answer: no 5xx, no stack
 * trace in the body, and a refused request (4xx) stores nothing: the register's tables (their row
 * counts and newest row versions, so that an update shows as well as an insert; the audit log,
 * which records refusals, apart) are the same after it as before.
 *
 * <p>Every failure is collected, not only the first, grouped by endpoint, status and cause (for a
 * 5xx the server's own exception, caught by a test filter), with the first examples of each and the
 * seed. Replay a run with {@code -Dfuzz.seed=N}; change its length with {@code -Dfuzz.requests=N}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestClock.class, HostileInputFuzzTest.ServerErrors.class})
@ExtendWith(EmptyRegister.class)
class HostileInputFuzzTest {

  static final long SEED = Long.getLong("fuzz.seed", 13_2026_1206L);
  static final int REQUESTS = Integer.getInteger("fuzz.requests", 2200);
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static final long SLOW_MILLIS = 5_000;
  static final int EXAMPLES = 3;

  /** What a stack trace or a database error leaves in a body. */
  static final List<String> MARKERS =
      List.of("Exception", "at uk.gov", "at org.", "\tat ", "org.postgresql", "SQLState");

  /**
   * The register's tables: a refused request changes none of their rows. Not audit_entry (it
   * records refusals), nor the accounts' tables (a refused sign-in counts a failure), nor the
   * report's read model (made from these).
   */
  static final List<String> REGISTER_TABLES =
      List.of(
          "notification",
          "child",
          "idempotency_key",
          "notification_ref_counter",
          "rapid_review",
          "rapid_review_version",
          "challenge",
          "challenge_message",
          "lcspr",
          "lcspr_notification",
          "lcspr_recommendation",
          "case_event",
          "outbox_email",
          "yearly_report",
          "declared_interest",
          "timeliness_policy_period",
          "partnership_contact");

  static final String SNAPSHOT_SQL =
      "select concat_ws(';', "
          + String.join(
              ", ",
              REGISTER_TABLES.stream()
                  .map(
                      t ->
                          "(select '"
                              + t
                              + "=' || count(*) || ':' || coalesce(max(x.xmin::text::bigint), 0)"
                              + " from "
                              + t
                              + " x)")
                  .toList())
          + ")";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  // ---------------------------------------------------------------------------------------------
  // The server's own exception behind a 5xx, caught by a filter in front of everything.

  @TestConfiguration(proxyBeanMethods = false)
  static class ServerErrors {
    static final Map<String, String> BY_REQUEST = new ConcurrentHashMap<>();

    @Bean
    FilterRegistrationBean<Filter> fuzzServerErrors() {
      Filter filter =
          (request, response, chain) -> {
            String id = ((HttpServletRequest) request).getHeader("X-Fuzz-Id");
            try {
              chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException | Error e) {
              if (id != null) {
                BY_REQUEST.putIfAbsent(id, describe(e));
              }
              throw e;
            } finally {
              if (id != null) {
                for (String name : Collections.list(request.getAttributeNames())) {
                  if (request.getAttribute(name) instanceof Throwable t) {
                    BY_REQUEST.putIfAbsent(id, describe(t));
                    break;
                  }
                }
              }
            }
          };
      FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(filter);
      bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
      bean.addUrlPatterns("/*");
      return bean;
    }

    /** The root cause's class, its SQLState, and the first frame of our own code. */
    static String describe(Throwable t) {
      Throwable root = t;
      String sqlState = null;
      for (Throwable c = t; c != null; c = c.getCause()) {
        root = c;
        if (c instanceof java.sql.SQLException s && s.getSQLState() != null) {
          sqlState = s.getSQLState();
        }
        if (c.getCause() == c) {
          break;
        }
      }
      String frame = ourFrame(root);
      if (frame == null) {
        frame = ourFrame(t);
      }
      return root.getClass().getSimpleName()
          + (sqlState == null ? "" : " SQLState " + sqlState)
          + (frame == null ? "" : " at " + frame)
          + (root == t ? "" : " (thrown as " + t.getClass().getSimpleName() + ")")
          + "|"
          + firstLine(root.getMessage());
    }

    static String ourFrame(Throwable t) {
      for (StackTraceElement e : t.getStackTrace()) {
        if (e.getClassName().startsWith("uk.gov.observatory")) {
          return e.getClassName().substring("uk.gov.observatory.".length())
              + "."
              + e.getMethodName()
              + ":"
              + e.getLineNumber();
        }
      }
      return null;
    }

    static String firstLine(String message) {
      if (message == null) {
        return "";
      }
      String line = message.lines().findFirst().orElse("");
      return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Who calls, and what there is to call on.

  /** A signed-in person: their pages session and their API token. */
  final class Caller {
    final String name;
    final Role role;
    final String[] las;
    String token;
    SignedInHttp pages;
    int signIns;

    Caller(String name, Role role, String... las) throws Exception {
      this.name = name;
      this.role = role;
      this.las = las;
      signIn();
    }

    /**
     * Signs in as a new account of the same role and scope (an authenticator code is accepted once,
     * and the test clock never moves on).
     */
    void signIn() throws Exception {
      String username = signIns == 0 ? name : name + "." + signIns;
      TestAccounts.Person person = TestAccounts.create(accounts, username, role, las);
      token = TestAccounts.token(accounts, username);
      pages = new SignedInHttp(port).signIn(person);
      pages.get("/notifications"); // a page with a form: the session's CSRF token
      signIns++;
    }
  }

  Caller secretariat;
  Caller partnership;
  Caller notifier;

  /** Westminster notifications the partnership reaches; a Leeds one it does not. */
  final List<String> refs = new ArrayList<>();

  String leeds;
  String reviewed; // a rapid review in draft
  String submitted; // a submitted rapid review
  String viewed; // a submitted rapid review with the Panel's view, and an LCSPR
  String lcspr;
  long challengeId;

  /** One hostile request, as generated. */
  static final class Probe {
    String endpoint;
    String method;
    String target;
    Caller who;
    boolean api;
    String contentType;
    byte[] body;
    List<String[]> form; // name, already-encoded value (the CSRF token is added when sent)
    boolean csrf = true;
    boolean bearer = true;
    SignedInHttp anonymous; // signed out: a fresh session, primed as {@link #prime} says
    String prime;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> mutations = new ArrayList<>();

    Probe(String endpoint, String method, String target, Caller who, boolean api) {
      this.endpoint = endpoint;
      this.method = method;
      this.target = target;
      this.who = who;
      this.api = api;
    }

    Probe mutation(String m) {
      mutations.add(m);
      return this;
    }

    @Override
    public String toString() {
      return method
          + " "
          + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
          + (who == null ? " (signed out)" : " as " + who.name)
          + " "
          + mutations;
    }
  }

  /** The failures, by endpoint, status and cause. */
  final Map<String, List<String>> failures = new TreeMap<>();

  final Map<String, Integer> failureCounts = new TreeMap<>();
  final Map<String, Integer> byStatus = new TreeMap<>();
  final Map<String, Long> millisByEndpoint = new TreeMap<>();
  long snapshotMillis;
  final List<String> slow = new ArrayList<>();
  int requests;
  int unsendable;

  void fail(String key, int n, Probe p, String detail) {
    failureCounts.merge(key, 1, Integer::sum);
    List<String> examples = failures.computeIfAbsent(key, k -> new ArrayList<>());
    if (examples.size() < EXAMPLES) {
      examples.add("#" + n + " " + p + (detail == null ? "" : " -> " + detail));
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName(
      "2,200 generated hostile requests across the API and the forms: no 5xx, no stack trace,"
          + " nothing stored from a refused request")
  void hostileRequests() throws Exception {
    long started = System.nanoTime();
    seed();
    Random random = new Random(SEED);
    String before = snapshot();
    for (int n = 1; requests < REQUESTS; n++) {
      Probe p = generate(random);
      if (n % 200 == 0) {
        refreshRefs();
      }
      HttpResponse<String> r;
      long t0 = System.nanoTime();
      String id = "fuzz-" + n;
      try {
        r = send(p, id);
        requests++;
      } catch (IllegalArgumentException e) {
        // The JDK's client refuses to send it (a header value it will not write): not a request.
        unsendable++;
        continue;
      } catch (java.net.http.HttpTimeoutException e) {
        requests++;
        fail(p.endpoint + " -> no answer in " + TIMEOUT.toSeconds() + " s", n, p, null);
        before = snapshot();
        continue;
      } catch (IOException e) {
        requests++;
        fail(p.endpoint + " -> connection closed: " + e.getClass().getSimpleName(), n, p, null);
        before = snapshot();
        continue;
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      millisByEndpoint.merge(p.endpoint, millis, Long::sum);
      int status = r.statusCode();
      byStatus.merge(status / 100 + "xx", 1, Integer::sum);
      String body = r.body() == null ? "" : r.body();
      String cause = ServerErrors.BY_REQUEST.remove(id);
      if (status >= 500) {
        String why = cause == null ? "no exception seen by the test filter" : cause.split("\\|")[0];
        fail(
            p.endpoint + " -> " + status + " " + why,
            n,
            p,
            cause == null ? excerpt(body) : cause.substring(cause.indexOf('|') + 1));
      }
      for (String marker : MARKERS) {
        if (body.contains(marker)) {
          fail(
              p.endpoint + " -> " + status + " body shows a stack trace (" + escape(marker) + ")",
              n,
              p,
              excerptAround(body, marker));
          break;
        }
      }
      if (millis > SLOW_MILLIS && slow.size() < 10) {
        // Not a failure (a loaded machine is slow too), but worth a look.
        slow.add(millis + " ms: #" + n + " " + p + " -> " + status);
      }
      long s0 = System.nanoTime();
      String after = snapshot();
      snapshotMillis += (System.nanoTime() - s0) / 1_000_000;
      if (status >= 400 && status < 500 && !after.equals(before)) {
        fail(
            p.endpoint + " -> " + status + " refused, yet stored: " + changed(before, after),
            n,
            p,
            excerpt(body));
      }
      before = after;
      if (!p.api && p.who != null && lostSession(r)) {
        HttpResponse<String> check = p.who.pages.get("/notifications");
        if (check.statusCode() != 200) {
          p.who.signIn();
        }
        before = snapshot();
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    String summary =
        "Hostile input fuzz: "
            + requests
            + " requests ("
            + unsendable
            + " not sendable by the JDK client) in "
            + seconds
            + " s, seed "
            + SEED
            + ", answers "
            + byStatus
            + ", sign-ins again "
            + (secretariat.signIns + partnership.signIns + notifier.signIns - 3);
    System.out.println(summary);
    System.out.println("Snapshots took " + snapshotMillis + " ms; slowest endpoints (ms in all):");
    millisByEndpoint.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> System.out.println("  " + e.getValue() + " " + e.getKey()));
    slow.forEach(x -> System.out.println("Slow (over " + SLOW_MILLIS + " ms): " + escape(x)));
    StringBuilder report = new StringBuilder();
    if (!failures.isEmpty()) {
      int total = failureCounts.values().stream().mapToInt(Integer::intValue).sum();
      report
          .append(total)
          .append(" failures in ")
          .append(failures.size())
          .append(" groups (seed ")
          .append(SEED)
          .append("; replay with -Dfuzz.seed=")
          .append(SEED)
          .append(" -Dfuzz.requests=")
          .append(REQUESTS)
          .append(")\n");
      for (Map.Entry<String, List<String>> g : failures.entrySet()) {
        report
            .append("- [")
            .append(failureCounts.get(g.getKey()))
            .append("] ")
            .append(g.getKey())
            .append('\n');
        for (String e : g.getValue()) {
          report.append("    e.g. ").append(escape(e)).append('\n');
        }
      }
      System.out.println(report);
    }
    assertThat(requests).isEqualTo(REQUESTS);
    assertThat(failures).as(summary + "\n" + report).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // The register before the fuzz: cases in every state, made through the API as people make them.

  void seed() throws Exception {
    secretariat = new Caller("fuzz.secretariat", Role.PANEL_SECRETARIAT);
    partnership = new Caller("fuzz.partnership", Role.PARTNERSHIP, "E09000033");
    notifier = new Caller("fuzz.notifier", Role.LA_NOTIFIER, "E09000033");
    TestAccounts.create(accounts, "fuzz.victim", Role.LA_NOTIFIER, "E09000033");
    for (int i = 0; i < 4; i++) {
      // Notified Wednesday 4 November 2026.
      refs.add(
          register
              .notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 11, 2), 2, 1))
              .ref());
    }
    refs.add(register.notify(Submissions.death()).ref());
    leeds =
        register
            .notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2026, 11, 2), 2, 2))
            .ref();
    reviewed = refs.get(0);
    submitted = refs.get(1);
    viewed = refs.get(2);
    for (String ref : List.of(reviewed, submitted, viewed)) {
      expectOk(
          apiCall(
              secretariat,
              "PUT",
              "/api/v1/notifications/" + ref + "/rapid-review",
              json(rapidReviewBody(null))));
    }
    for (String ref : List.of(submitted, viewed)) {
      expectOk(
          apiCall(
              secretariat,
              "POST",
              "/api/v1/notifications/" + ref + "/rapid-review/submission",
              "{\"version\":1,\"date\":\"2026-11-24\"}"));
    }
    expectOk(
        apiCall(
            secretariat,
            "POST",
            "/api/v1/notifications/" + viewed + "/rapid-review/panel-view",
            "{\"version\":2,\"view\":\"AGREE\",\"reasons\":\"Synthetic reasons.\"}"));
    HttpResponse<String> l =
        apiCall(
            secretariat,
            "POST",
            "/api/v1/lcsprs",
            "{\"notification_refs\":[\"" + viewed + "\"],\"initiated_date\":\"2026-11-25\"}");
    expectOk(l);
    lcspr = jdbc.queryForObject("select lcspr_ref from lcspr", String.class);
    HttpResponse<String> c =
        secretariat.pages.post(
            "/notifications/" + submitted + "/challenges",
            Map.of("question", "A synthetic question?"));
    assertThat(c.statusCode()).as("seeding a challenge: " + c.body()).isEqualTo(302);
    challengeId = jdbc.queryForObject("select max(id) from challenge", Long.class);
  }

  HttpResponse<String> apiCall(Caller who, String method, String path, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + who.token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void expectOk(HttpResponse<String> r) {
    assertThat(r.statusCode())
        .as("seeding: " + r.request().method() + " " + r.uri() + " " + r.body())
        .isBetween(200, 299);
  }

  void refreshRefs() {
    List<String> all =
        jdbc.queryForList(
            "select notification_ref from notification order by notification_ref desc limit 12",
            String.class);
    for (String r : all) {
      if (!refs.contains(r) && !r.equals(leeds)) {
        refs.add(r);
      }
    }
  }

  String snapshot() {
    return jdbc.queryForObject(SNAPSHOT_SQL, String.class);
  }

  static String changed(String before, String after) {
    List<String> b = Arrays.asList(before.split(";"));
    List<String> a = Arrays.asList(after.split(";"));
    List<String> tables = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!a.get(i).equals(b.get(i))) {
        String[] was = b.get(i).split("[=:]");
        String[] now = a.get(i).split("[=:]");
        tables.add(
            was[0] + (was[1].equals(now[1]) ? " (changed)" : " (" + was[1] + "->" + now[1] + ")"));
      }
    }
    return String.join(", ", tables);
  }

  static boolean lostSession(HttpResponse<String> r) {
    return r.statusCode() == 302
        && r.headers().firstValue("Location").orElse("").matches("(?:https?://[^/]+)?/sign-in.*");
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  SignedInHttp codeStep;
  int codeStepUses;

  HttpResponse<String> send(Probe p, String id) throws Exception {
    if ("password".equals(p.prime)) {
      // One session at the code step serves several probes (a password check is slow on purpose).
      if (codeStep == null || codeStepUses++ >= 15) {
        codeStep = new SignedInHttp(port);
        codeStep.get("/sign-in");
        codeStep.post(
            "/sign-in", Map.of("username", "fuzz.victim", "password", TestAccounts.PASSWORD));
        codeStep.get("/sign-in/code");
        codeStepUses = 0;
      }
      p.anonymous = codeStep;
    } else if (p.anonymous != null) {
      p.anonymous.get("/sign-in");
    }
    SignedInHttp pages = p.api ? null : p.who != null ? p.who.pages : p.anonymous;
    HttpRequest.Builder b;
    if (pages != null) {
      b = pages.builder(p.target);
    } else {
      b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + p.target));
    }
    b.timeout(TIMEOUT).header("X-Fuzz-Id", id);
    if (p.api && p.who != null && p.bearer) {
      b.header("Authorization", "Bearer " + p.who.token);
    }
    if (!p.api && !p.headers.containsKey("Accept")) {
      b.header("Accept", "text/html");
    }
    byte[] body = p.body;
    if (p.form != null) {
      List<String[]> fields = new ArrayList<>(p.form);
      String token = pages == null ? null : pages.csrf();
      boolean urlEncoded =
          p.contentType != null && p.contentType.startsWith("application/x-www-form-urlencoded");
      if (p.csrf && token != null) {
        if (urlEncoded) {
          fields.add(new String[] {"_csrf", enc(token)});
        } else {
          b.header("X-CSRF-TOKEN", token);
        }
      }
      if (body == null) {
        StringBuilder s = new StringBuilder();
        for (String[] f : fields) {
          if (!s.isEmpty()) {
            s.append('&');
          }
          s.append(f[0]);
          if (f[1] != null) {
            s.append('=').append(f[1]);
          }
        }
        body = s.toString().getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    if (p.contentType != null) {
      b.header("Content-Type", p.contentType);
    }
    p.headers.forEach(b::header);
    b.method(
        p.method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (pages != null) {
      return pages.send(b);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile values

  /** Text a person should never be able to store, or that a parser might choke on. */
  static final String[] HOSTILE_TEXT = {
    "",
    " ",
    "a\u0000b",
    "\u0000",
    "\u0001\u0002\u001f",
    "text\u007f",
    "next\u0085line",
    "line\r\nbreak",
    "\t",
    "<script>alert(1)</script>",
    "'; drop table notification; --",
    "%00",
    "../../etc/passwd",
    "=HYPERLINK(\"http://x\",\"y\")",
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "\uD83D\uDE00 emoji",
    "\uFFFD",
    "\uFEFFbom",
    "\u202Eright-to-left",
    "\u0663",
    "\uFF13",
    "\uFF11\uFF12",
    "\u0661\u0662",
    "999999999999999999999999999999",
    "-1",
    "0",
    "1e308",
    "NaN",
    "Infinity",
    "true",
    "null",
    "+999999999-12-31",
    "-999999999-01-01",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "26/11/2026",
    "${7*7}",
    "#{7*7}",
    "[[${7*7}]]",
    "{{7*7}}",
    "\\",
    "\"",
    "&amp;&lt;",
    "E09000033\u0000",
    "SUDI ",
    "sudi",
    "UNKNOWN_CODE",
  };

  static String hostileText(Random r) {
    int k = r.nextInt(HOSTILE_TEXT.length + 4);
    if (k < HOSTILE_TEXT.length) {
      return HOSTILE_TEXT[k];
    }
    return switch (k - HOSTILE_TEXT.length) {
      case 0 -> "x".repeat(10_000 + r.nextInt(100_000));
      case 1 -> "\u00e9".repeat(5_000 + r.nextInt(50_000));
      case 2 -> "a\u0000".repeat(1 + r.nextInt(50));
      default -> "word ".repeat(1 + r.nextInt(2_000));
    };
  }

  static final String[] HOSTILE_DATES = {
    "+999999999-12-31",
    "-999999999-01-01",
    "0001-01-01",
    "9999-12-31",
    "0000-01-01",
    "2026-13-01",
    "2026-02-30",
    "2026-1-1",
    "20261126",
    "2026-11-26T00:00:00Z",
    "\u0662\u0660\u0662\u0666-\u0661\u0661-\u0662\u0666",
    "\uFF12\uFF10\uFF12\uFF16-\uFF11\uFF11-\uFF12\uFF16",
    "2026-11-26\u0000",
    " 2026-11-26 ",
    "99999-01-01",
    "-0001-01-01",
    "2026-11-27",
    "1900-01-01",
    "",
  };

  static final String[] HOSTILE_NUMBERS = {
    "-1",
    "0",
    "1",
    "2147483648",
    "99999999999999999999",
    "1e3",
    "1.5",
    "\u0663",
    "\uFF13",
    " 1",
    "0x10",
    "+1",
    "-0",
    "",
    "NaN",
  };

  static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** A JSON fragment to put where a value goes: every type but the declared one, and worse. */
  static Object hostileJson(Random r) {
    return switch (r.nextInt(26)) {
      case 0 -> null;
      case 1 -> Boolean.TRUE;
      case 2 -> Boolean.FALSE;
      case 3 -> 0;
      case 4 -> -1;
      case 5 -> new Raw("1e308");
      case 6 -> new Raw("1e+400");
      case 7 -> new Raw("-1e400");
      case 8 -> new Raw("123456789012345678901234567890");
      case 9 -> 1.5;
      case 10 -> new Raw("2147483648");
      case 11 -> List.of();
      case 12 -> Arrays.asList((Object) null);
      case 13 -> new LinkedHashMap<>();
      case 14 -> Map.of("a", 1);
      case 15 -> new Raw("\"a\u0000b\""); // a raw control character: not JSON
      case 16 -> new Raw("\"\\ud800\""); // a lone surrogate
      case 17 -> pick(r, HOSTILE_DATES);
      case 18 -> new Raw("[[[[[[[[[[1]]]]]]]]]]");
      case 19 -> Arrays.asList("A", null, "B");
      case 20 -> new Raw("-0");
      case 21 -> new Raw("1E2");
      default -> hostileText(r);
    };
  }

  /** A JSON value written as is. */
  record Raw(String json) {}

  static String json(Object v) {
    StringBuilder b = new StringBuilder();
    write(b, v);
    return b.toString();
  }

  static void write(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Raw raw) {
      b.append(raw.json());
    } else if (v instanceof String s) {
      b.append('"');
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> b.append("\\\"");
          case '\\' -> b.append("\\\\");
          default -> {
            if (c < 0x20) {
              b.append(String.format("\\u%04x", (int) c));
            } else {
              b.append(c);
            }
          }
        }
      }
      b.append('"');
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        write(b, String.valueOf(e.getKey()));
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(b, l.get(i));
      }
      b.append(']');
    } else {
      b.append(v);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Percent-encoded bytes that are not UTF-8, or encode what UTF-8 must not. */
  static final String[] BAD_UTF8 = {
    "%FF", "%C3%28", "%C0%80", "%ED%A0%80", "%F8%88%80%80%80", "%E2%82"
  };

  static final byte[][] BAD_UTF8_BYTES = {
    {(byte) 0xFF},
    {(byte) 0xC3, 0x28},
    {(byte) 0xC0, (byte) 0x80},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
  };

  // ---------------------------------------------------------------------------------------------
  // Generating

  Probe generate(Random r) {
    int k = r.nextInt(100);
    if (k < 12) {
      return apiNotify(r);
    } else if (k < 22) {
      return apiRapidReview(r);
    } else if (k < 26) {
      return apiStep(r, "submission");
    } else if (k < 30) {
      return apiStep(r, "panel-view");
    } else if (k < 34) {
      return apiNewLcspr(r);
    } else if (k < 39) {
      return apiTransition(r);
    } else if (k < 45) {
      return apiList(r);
    } else if (k < 49) {
      return apiGet(r);
    } else if (k < 59) {
      return notifyJourney(r);
    } else if (k < 67) {
      return reviewForms(r);
    } else if (k < 74) {
      return lcsprForms(r);
    } else if (k < 80) {
      return registerFilters(r);
    } else if (k < 86) {
      return analyticsFilters(r);
    } else if (k < 89) {
      return auditAndWorklist(r);
    } else if (k < 92) {
      return signIn(r);
    } else if (k < 96) {
      return otherForms(r);
    } else {
      return oddRequests(r);
    }
  }

  /** A notification reference: mostly one that exists, sometimes one that cannot. */
  String ref(Random r, Probe p) {
    int k = r.nextInt(20);
    if (k == 0) {
      p.mutation("ref out of reach");
      return leeds;
    }
    if (k == 1) {
      String bad =
          pick(
              r,
              new String[] {
                "SIN-2026-99999",
                "sin-2026-00001",
                "SIN-2026-00001%00",
                "%E2%80%AE",
                "a".repeat(5000),
                "..%2F..%2Fetc",
                "%2e%2e",
                "%FF",
                "SIN-2026-0000%EF%BC%91",
                "%20",
                "SIN-2026-00001;x=1",
                "'%20or%201=1",
              });
      p.mutation("hostile ref");
      return bad;
    }
    return pick(r, refs);
  }

  String lcsprRef(Random r, Probe p) {
    if (r.nextInt(10) == 0) {
      p.mutation("hostile LCSPR ref");
      return pick(r, new String[] {"L-999", "%00", "a".repeat(3000), "%FF", "..%2F"});
    }
    return lcspr;
  }

  Integer version(String sql, String key) {
    List<Integer> v = jdbc.queryForList(sql, Integer.class, key);
    return v.isEmpty() ? 1 : v.get(0);
  }

  Integer reviewVersion(String ref) {
    return version("select version from rapid_review where notification_ref = ?", ref);
  }

  Integer lcsprVersion(String ref) {
    return version("select version from lcspr where lcspr_ref = ?", ref);
  }

  static Map<String, Object> notificationBody() {
    return uk.gov.observatory.api.Bodies.death();
  }

  static Map<String, Object> rapidReviewBody(Integer version) {
    Map<String, Object> b = new LinkedHashMap<>();
    if (version != null) {
      b.put("version", version);
    }
    b.put("agencies_involved", "Synthetic agencies.");
    b.put("chronology", "A synthetic chronology.");
    b.put("immediate_actions", "Synthetic actions.");
    b.put("learning_identified", "Synthetic learning.");
    b.put("dissemination_plan", "A synthetic plan.");
    b.put("dissemination_by", "2026-12-31");
    b.put("decision", "LCSPR");
    b.put("decision_rationale", "A synthetic rationale.");
    b.put("criteria", new ArrayList<Object>(List.of("IMPROVEMENTS_NEEDED")));
    b.put("alternative_methodology", false);
    b.put("ethnicity_recorded", true);
    b.put("family_context_recorded", true);
    b.put("signed_off_la", "2026-11-20");
    b.put("signed_off_health", "2026-11-20");
    b.put("signed_off_police", "2026-11-20");
    b.put("practice_themes", new ArrayList<Object>(List.of("CHILD_DAILY_LIFE")));
    return b;
  }

  static final String[] CONTENT_TYPES = {
    null,
    "*/*",
    "application/yaml",
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/xml",
    "application/json;charset=ISO-8859-1",
    "application/json; charset=utf-16",
    "application/json;charset=nonsense",
    "application/problem+json",
    "application/merge-patch+json",
    "multipart/form-data",
    "garbage",
    "application/json, text/plain",
    "APPLICATION/JSON",
    "application/json;;",
    "text/json",
    "application/*",
  };

  /**
   * A JSON request from a valid template: 1 to 3 mutations of its fields, or of the whole body, its
   * content type or its headers.
   */
  Probe jsonProbe(Random r, Probe p, Map<String, Object> template, List<String> versionFields) {
    Map<String, Object> body = new LinkedHashMap<>(template);
    p.contentType = "application/json";
    String whole = null;
    byte[] bytes = null;
    int count = 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      int k = r.nextInt(20);
      List<String> keys = new ArrayList<>(body.keySet());
      if (k < 6 && !keys.isEmpty()) {
        String key = pick(r, keys);
        Object value = hostileJson(r);
        body.put(key, value);
        p.mutation(key + "=" + describe(value));
      } else if (k < 7 && !keys.isEmpty()) {
        String key = pick(r, keys);
        body.remove(key);
        p.mutation("no " + key);
      } else if (k < 8) {
        String key =
            pick(
                r,
                new String[] {"unknown", "id", "version ", "VERSION", "__proto__", "la code", ""});
        body.put(key, hostileJson(r));
        p.mutation("unknown field '" + key + "'");
      } else if (k < 9) {
        // nulls and worse in arrays
        for (String key : keys) {
          if (body.get(key) instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l);
            copy.add(r.nextInt(copy.size() + 1), r.nextBoolean() ? null : hostileJson(r));
            body.put(key, copy);
            p.mutation(key + " with a null/odd element");
            break;
          }
        }
      } else if (k < 11) {
        if (!versionFields.isEmpty()) {
          String vf = versionFields.get(0);
          Object v =
              switch (r.nextInt(8)) {
                case 0 -> null;
                case 1 -> 0;
                case 2 -> -1;
                case 3 -> "1";
                case 4 -> 1.5;
                case 5 -> new Raw("1e400");
                case 6 -> 999_999;
                default -> Boolean.TRUE;
              };
          if (r.nextBoolean()) {
            body.remove(vf);
            p.mutation("no version");
          } else {
            body.put(vf, v);
            p.mutation("version=" + describe(v));
          }
        }
      } else if (k < 13) {
        int w = r.nextInt(16);
        String valid = json(body);
        switch (w) {
          case 0 -> whole = "";
          case 1 -> whole = "null";
          case 2 -> whole = "[]";
          case 3 -> whole = "{";
          case 4 -> whole = "\"text\"";
          case 5 -> whole = "123";
          case 6 -> whole = valid + " {}";
          case 7 -> whole = "/* comment */" + valid;
          case 8 -> whole = "\uFEFF" + valid;
          case 9 -> whole = "[".repeat(20_000) + "]".repeat(20_000);
          case 10 -> whole = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
          case 11 -> whole = valid.replaceFirst("\\{", "{\"decision\":\"NO_LCSPR\",\"la_code\":1,");
          case 12 -> whole = valid.substring(0, valid.length() / 2);
          case 13 -> {
            List<Object> huge = new ArrayList<>();
            for (int j = 0; j < 10_000; j++) {
              huge.add("CHILD_DAILY_LIFE");
            }
            body.put(pick(r, keys.isEmpty() ? List.of("x") : keys), huge);
            whole = json(body);
          }
          case 14 -> whole = valid.replace(",", ",\n\t ");
          default -> whole = "{\"a\":\"" + "x".repeat(1_000_000 + r.nextInt(1_000_000)) + "\"}";
        }
        p.mutation("whole body #" + w);
      } else if (k < 14) {
        // Bytes that are not UTF-8 inside a string value.
        String valid = json(body);
        int at = valid.indexOf("\":\"");
        byte[] bad = BAD_UTF8_BYTES[r.nextInt(BAD_UTF8_BYTES.length)];
        byte[] head = valid.substring(0, Math.max(0, at + 3)).getBytes(StandardCharsets.UTF_8);
        byte[] tail = valid.substring(Math.max(0, at + 3)).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(bad);
        out.writeBytes(tail);
        bytes = out.toByteArray();
        p.mutation("invalid UTF-8 in a string");
      } else if (k < 15) {
        String valid = json(body);
        if (r.nextBoolean()) {
          bytes = valid.getBytes(StandardCharsets.UTF_16);
          p.mutation("body in UTF-16");
        } else {
          bytes =
              (valid.replace("Synthetic", "Synth\u00e9tic")).getBytes(StandardCharsets.ISO_8859_1);
          p.mutation("body in Latin-1");
        }
      } else if (k < 18) {
        p.contentType = pick(r, CONTENT_TYPES);
        p.mutation("Content-Type " + p.contentType);
      } else if (k < 19) {
        String accept =
            pick(
                r,
                new String[] {
                  "application/xml", "text/html", "*/*", "application/yaml", "garbage/;;", ""
                });
        p.headers.put("Accept", accept);
        p.mutation("Accept " + accept);
      } else {
        String key =
            pick(
                r,
                new String[] {
                  "k".repeat(10_000), " ", "a,b", "\u00e9t\u00e9", "\u4e2d", "x\u0000", "-1"
                });
        p.headers.put("Idempotency-Key", key);
        p.mutation("Idempotency-Key " + describe(key));
      }
    }
    if (bytes == null) {
      bytes = (whole != null ? whole : json(body)).getBytes(StandardCharsets.UTF_8);
    }
    p.body = bytes;
    if (r.nextInt(150) == 0) {
      p.bearer = false;
      p.headers.put(
          "Authorization",
          pick(r, new String[] {"Bearer ", "Bearer x", "Basic Zm9vOmJhcg==", "bearer"}));
      p.mutation("bad Authorization");
    }
    return p;
  }

  static String describe(Object v) {
    String s = v instanceof Raw raw ? raw.json() : v instanceof String str ? json(str) : json(v);
    return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
  }

  Probe apiNotify(Random r) {
    Caller who = r.nextBoolean() ? secretariat : notifier;
    Probe p = new Probe("POST /api/v1/notifications", "POST", "/api/v1/notifications", who, true);
    Map<String, Object> body = notificationBody();
    if (r.nextInt(4) == 0) {
      // Hostile values inside the child.
      @SuppressWarnings("unchecked")
      Map<String, Object> child =
          new LinkedHashMap<>((Map<String, Object>) ((List<?>) body.get("children")).get(0));
      String key = pick(r, new ArrayList<>(child.keySet()));
      Object v = hostileJson(r);
      child.put(key, v);
      body.put("children", new ArrayList<Object>(List.of(child)));
      p.mutation("children[0]." + key + "=" + describe(v));
    }
    return jsonProbe(r, p, body, List.of());
  }

  Probe apiRapidReview(Random r) {
    Caller who = r.nextBoolean() ? secretariat : partnership;
    Probe p = new Probe("PUT /api/v1/notifications/{ref}/rapid-review", "PUT", null, who, true);
    String ref = ref(r, p);
    p.target = "/api/v1/notifications/" + ref + "/rapid-review";
    Integer v = reviewVersion(ref);
    if (r.nextInt(5) == 0) {
      v = Math.max(0, v - 1);
      p.mutation("stale version " + v);
    }
    return jsonProbe(r, p, rapidReviewBody(v), List.of("version"));
  }

  Probe apiStep(Random r, String step) {
    Caller who =
        step.equals("panel-view") ? secretariat : (r.nextBoolean() ? secretariat : partnership);
    Probe p =
        new Probe("POST /api/v1/notifications/{ref}/rapid-review/" + step, "POST", null, who, true);
    String ref = ref(r, p);
    p.target = "/api/v1/notifications/" + ref + "/rapid-review/" + step;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", reviewVersion(ref));
    if (step.equals("submission")) {
      body.put("date", "2026-11-24");
    } else {
      body.put("view", r.nextBoolean() ? "AGREE" : "DISAGREE");
      body.put("reasons", "Synthetic reasons.");
    }
    return jsonProbe(r, p, body, List.of("version"));
  }

  Probe apiNewLcspr(Random r) {
    Probe p = new Probe("POST /api/v1/lcsprs", "POST", "/api/v1/lcsprs", secretariat, true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("notification_refs", new ArrayList<Object>(List.of(ref(r, p))));
    body.put("initiated_date", "2026-11-25");
    return jsonProbe(r, p, body, List.of());
  }

  Probe apiTransition(Random r) {
    Probe p = new Probe("POST /api/v1/lcsprs/{ref}/transitions", "POST", null, secretariat, true);
    String ref = lcsprRef(r, p);
    p.target = "/api/v1/lcsprs/" + ref + "/transitions";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", lcsprVersion(ref));
    String to =
        pick(
            r,
            new String[] {
              "COMPLETED",
              "PUBLICATION_NOTIFIED",
              "PUBLISHED",
              "NOT_PUBLISHING",
              "INTENDS_TO_PUBLISH",
              "NOT_DECIDED"
            });
    body.put("to", to);
    body.put("date", "2026-11-26");
    if (to.equals("NOT_PUBLISHING")) {
      body.put("reasons", "Synthetic reasons.");
    }
    if (to.equals("PUBLISHED")) {
      body.put("public_url", "https://example.org/synthetic.pdf");
    }
    return jsonProbe(r, p, body, List.of("version"));
  }

  /** A query string: valid parameters, some hostile; repeated, unknown or malformed ones. */
  /** Valid values of the filters, for the parameters a query does not make hostile. */
  static final Map<String, String> VALID =
      Map.ofEntries(
          Map.entry("la", "E09000033"),
          Map.entry("type", "DEATH"),
          Map.entry("from", "2026-01-01"),
          Map.entry("to", "2026-11-26"),
          Map.entry("page", "1"),
          Map.entry("size", "20"),
          Map.entry("asAt", "2026-11-26"),
          Map.entry("area", "E92000001"),
          Map.entry("section", "children"),
          Map.entry("format", "csv"),
          Map.entry("table", "T1"),
          Map.entry("from2", "2025-01-01"),
          Map.entry("to2", "2025-12-31"),
          Map.entry("area2", "E09000033"),
          Map.entry("suppress", "no"),
          Map.entry("sort", "notified"),
          Map.entry("order", "desc"));

  static String query(Random r, Map<String, Function<Random, String>> params, Probe p) {
    List<String> parts = new ArrayList<>();
    List<String> names = new ArrayList<>(params.keySet());
    List<String> hostile = new ArrayList<>();
    for (int i = 0, m = 1 + r.nextInt(2); i < m && !names.isEmpty(); i++) {
      hostile.add(pick(r, names));
    }
    for (Map.Entry<String, Function<Random, String>> e : params.entrySet()) {
      if (hostile.contains(e.getKey())) {
        String v = r.nextInt(3) > 0 ? e.getValue().apply(r) : pick(r, HOSTILE_TEXT);
        parts.add(e.getKey() + "=" + enc(v));
        p.mutation(e.getKey() + "=" + describe(v));
      } else if (VALID.containsKey(e.getKey()) && r.nextBoolean()) {
        parts.add(e.getKey() + "=" + enc(VALID.get(e.getKey())));
      }
    }
    switch (r.nextInt(12)) {
      case 0 -> {
        parts.add("unknown=1");
        p.mutation("unknown parameter");
      }
      case 1 -> {
        if (!parts.isEmpty()) {
          parts.add(parts.get(0).split("=")[0] + "=" + enc(pick(r, HOSTILE_DATES)));
          p.mutation("repeated parameter");
        }
      }
      case 2 -> {
        String bad = pick(r, BAD_UTF8);
        String name = params.isEmpty() ? "x" : pick(r, new ArrayList<>(params.keySet()));
        parts.add(name + "=" + bad);
        p.mutation(name + " not UTF-8 " + bad);
      }
      case 3 -> {
        parts.add(pick(r, new String[] {"=x", "&&&", "from", "%00=%00", "page", "%26=%3D"}));
        p.mutation("malformed query");
      }
      default -> {}
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  static Function<Random, String> dates() {
    return r -> pick(r, HOSTILE_DATES);
  }

  static Function<Random, String> numbers() {
    return r -> pick(r, HOSTILE_NUMBERS);
  }

  static Function<Random, String> codes(String... valid) {
    return r ->
        r.nextBoolean()
            ? pick(r, valid)
            : pick(
                r,
                new String[] {"E99999999", "e09000033", "DEAD", "E09000033,E08000035", "\u0000"});
  }

  Probe apiList(Random r) {
    Caller who = pick(r, List.of(secretariat, partnership, notifier));
    Probe p = new Probe("GET /api/v1/notifications", "GET", null, who, true);
    Map<String, Function<Random, String>> params = new LinkedHashMap<>();
    params.put("la", codes("E09000033", "E08000035"));
    params.put("type", codes("DEATH", "SERIOUS_HARM", "OTHER"));
    params.put("from", dates());
    params.put("to", dates());
    params.put("page", numbers());
    params.put("size", numbers());
    p.target = "/api/v1/notifications" + query(r, params, p);
    return p;
  }

  Probe apiGet(Random r) {
    Caller who = pick(r, List.of(secretariat, partnership, notifier));
    int k = r.nextInt(60) == 0 ? 6 : r.nextInt(6);
    Probe p = new Probe(null, "GET", null, who, true);
    switch (k) {
      case 0 -> {
        p.endpoint = "GET /api/v1/notifications/{ref}";
        p.target = "/api/v1/notifications/" + ref(r, p);
      }
      case 1 -> {
        p.endpoint = "GET /api/v1/notifications/{ref}/rapid-review";
        p.target = "/api/v1/notifications/" + ref(r, p) + "/rapid-review";
      }
      case 2 -> {
        p.endpoint = "GET /api/v1/notifications/{ref}/timeline";
        p.target = "/api/v1/notifications/" + ref(r, p) + "/timeline";
      }
      case 3 -> {
        p.endpoint = "GET /api/v1/lcsprs";
        p.target = "/api/v1/lcsprs" + query(r, Map.of("page", numbers()), p);
      }
      case 4 -> {
        p.endpoint = "GET /api/v1/lcsprs/{ref}";
        p.target = "/api/v1/lcsprs/" + lcsprRef(r, p);
      }
      case 5 -> {
        p.endpoint = "GET /api/v1/worklist";
        p.target = "/api/v1/worklist" + query(r, Map.of("asAt", dates()), p);
      }
      default -> {
        p.endpoint = "GET /api/v1/openapi.json";
        p.target = "/api/v1/openapi.json";
      }
    }
    if (r.nextInt(4) == 0) {
      String accept =
          pick(r, new String[] {"application/xml", "text/html", "application/yaml", "*/*", "x"});
      p.headers.put("Accept", accept);
      p.mutation("Accept " + accept);
    }
    return p;
  }

  // Forms

  /**
   * A form POST from valid fields: hostile values, fields missing, repeated or unknown, bytes that
   * are not UTF-8, no CSRF token, or another content type.
   */
  Probe formProbe(Random r, Probe p, Map<String, String> valid) {
    List<String[]> fields = new ArrayList<>();
    valid.forEach((k, v) -> fields.add(new String[] {k, enc(v)}));
    p.contentType = "application/x-www-form-urlencoded";
    int count = 1 + r.nextInt(3);
    for (int i = 0; i < count; i++) {
      int k = r.nextInt(20);
      if (k < 9 && !fields.isEmpty()) {
        String[] f = pick(r, fields);
        String name = f[0];
        String v =
            name.endsWith("-day") || name.endsWith("-month") || name.endsWith("-year")
                ? (r.nextBoolean() ? pick(r, HOSTILE_NUMBERS) : hostileText(r))
                : hostileText(r);
        f[1] = enc(v);
        p.mutation(name + "=" + describe(v));
      } else if (k < 11 && !fields.isEmpty()) {
        String[] f = pick(r, fields);
        fields.remove(f);
        p.mutation("no " + f[0]);
      } else if (k < 12 && !fields.isEmpty()) {
        String[] f = pick(r, fields);
        fields.add(new String[] {f[0], enc(hostileText(r))});
        p.mutation(f[0] + " twice");
      } else if (k < 13) {
        String name = pick(r, new String[] {"unknown", "version", "ref", "laCode", "role", ""});
        fields.add(new String[] {name, enc(hostileText(r))});
        p.mutation("extra field '" + name + "'");
      } else if (k < 15 && !fields.isEmpty()) {
        String[] f = pick(r, fields);
        String bad = pick(r, BAD_UTF8);
        f[1] = f[1] + bad;
        p.mutation(f[0] + " not UTF-8 " + bad);
      } else if (k < 16) {
        p.csrf = false;
        p.mutation("no CSRF token");
      } else if (k < 17) {
        String ct =
            pick(
                r,
                new String[] {
                  null,
                  "multipart/form-data",
                  "application/json",
                  "text/plain",
                  "*/*",
                  "application/x-www-form-urlencoded;charset=ISO-8859-1",
                  "application/x-www-form-urlencoded;charset=nonsense"
                });
        p.contentType = ct;
        p.mutation("Content-Type " + ct);
      } else if (k < 18) {
        for (int j = 0; j < 3000; j++) {
          fields.add(new String[] {"p" + j, "1"});
        }
        p.mutation("3,000 parameters");
      } else if (k < 19 && !fields.isEmpty()) {
        String[] f = pick(r, fields);
        f[1] = "%";
        p.mutation(f[0] + " broken percent-encoding");
      } else {
        p.mutation("as given");
      }
    }
    p.form = fields;
    return p;
  }

  static Map<String, String> date(String prefix, LocalDate d) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(prefix + "-day", String.valueOf(d.getDayOfMonth()));
    m.put(prefix + "-month", String.valueOf(d.getMonthValue()));
    m.put(prefix + "-year", String.valueOf(d.getYear()));
    return m;
  }

  Probe notifyJourney(Random r) {
    Caller who = r.nextBoolean() ? notifier : secretariat;
    int k = r.nextInt(13);
    Map<String, String> f = new LinkedHashMap<>();
    String path;
    switch (k) {
      case 0 -> {
        path = "/notify/local-authority";
        f.put("laCode", "E09000033");
      }
      case 1 -> {
        path = "/notify/dates";
        f.putAll(date("incidentDate", LocalDate.of(2026, 11, 20)));
        f.putAll(date("awareDate", LocalDate.of(2026, 11, 21)));
        f.putAll(date("notifiedDate", LocalDate.of(2026, 11, 23)));
      }
      case 2 -> {
        path = "/notify/type";
        f.put("notificationType", "DEATH");
      }
      case 3 -> {
        path = "/notify/category";
        f.put("category", "SUDI");
      }
      case 4, 5 -> {
        path =
            k == 4
                ? "/notify/child"
                : "/notify/child/"
                    + pick(r, new String[] {"1", "2", "0", "-1", "99999999999", "abc", "%00"});
        f.put("gender", "MALE");
        f.put("ageYears", "3");
        f.put("ethnicity", "WBRI");
        f.put("childName", "Synthetic Child");
        f.putAll(date("dateOfBirth", LocalDate.of(2023, 5, 1)));
      }
      case 6 -> {
        path =
            "/notify/child/"
                + pick(r, new String[] {"1", "2", "0", "-1", "99999999999", "x"})
                + "/remove";
      }
      case 7 -> {
        path = "/notify/children";
        f.put("addAnother", "no");
      }
      case 8 -> {
        path = "/notify/characteristics";
        f.put("caseCharacteristics", "DOMESTIC_ABUSE");
        f.put("domesticAbusePattern", "FATHER_TO_MOTHER");
      }
      case 9 -> {
        path = "/notify/service";
        f.put("cscInvolvement", "NONE");
        f.put("courtOrder", "NONE");
        f.put("livingArrangement", "AT_HOME");
      }
      case 10 -> {
        path = "/notify/other-factors";
        f.put("covidFactors", "SCHOOL_CLOSURE");
        f.put("imdDecile", "3");
      }
      case 11 -> {
        path = "/notify/check";
      }
      default -> {
        // The steps' pages, with a hostile "change" flag.
        String step =
            pick(
                r,
                new String[] {
                  "local-authority",
                  "dates",
                  "type",
                  "category",
                  "child",
                  "children",
                  "characteristics",
                  "service",
                  "other-factors",
                  "check"
                });
        Probe p = new Probe("GET /notify/{step}", "GET", null, who, false);
        String v = pick(r, new String[] {"true", "false", "yes", "\u0000", "1", "truee", ""});
        p.target = "/notify/" + step + "?change=" + enc(v);
        p.mutation("change=" + describe(v));
        return p;
      }
    }
    if (r.nextInt(3) == 0) {
      f.put("change", pick(r, new String[] {"true", "maybe", "\u0000"}));
    }
    String endpoint = "POST " + path.replaceAll("/child/[^/]+", "/child/{n}");
    return formProbe(r, new Probe(endpoint, "POST", path, who, false), f);
  }

  Probe reviewForms(Random r) {
    int k = r.nextInt(8);
    Caller who = k >= 2 && k <= 5 ? secretariat : (r.nextBoolean() ? partnership : secretariat);
    Probe p = new Probe(null, "POST", null, who, false);
    String ref = ref(r, p);
    Map<String, String> f = new LinkedHashMap<>();
    switch (k) {
      case 0 -> {
        p.endpoint = "POST /notifications/{ref}/rapid-review";
        p.target = "/notifications/" + ref + "/rapid-review";
        f.put("version", String.valueOf(reviewVersion(ref)));
        f.put("agenciesInvolved", "Synthetic agencies.");
        f.put("chronology", "A synthetic chronology.");
        f.put("immediateActions", "Synthetic actions.");
        f.put("learningIdentified", "Synthetic learning.");
        f.put("disseminationPlan", "A synthetic plan.");
        f.putAll(date("disseminationBy", LocalDate.of(2026, 12, 31)));
        f.put("decision", "LCSPR");
        f.put("decisionRationale", "A synthetic rationale.");
        f.put("criteria", "IMPROVEMENTS_NEEDED");
        f.put("alternativeMethodology", "no");
        f.put("ethnicityRecorded", "yes");
        f.put("familyContextRecorded", "yes");
        f.putAll(date("signedOffLa", LocalDate.of(2026, 11, 20)));
        f.putAll(date("signedOffHealth", LocalDate.of(2026, 11, 20)));
        f.putAll(date("signedOffPolice", LocalDate.of(2026, 11, 20)));
        f.put("practiceThemes", "CHILD_DAILY_LIFE");
      }
      case 1 -> {
        p.endpoint = "POST /notifications/{ref}/rapid-review/submit";
        p.target = "/notifications/" + ref + "/rapid-review/submit";
        f.put("version", String.valueOf(reviewVersion(ref)));
        f.putAll(date("receivedDate", LocalDate.of(2026, 11, 24)));
      }
      case 2 -> {
        p.endpoint = "POST /notifications/{ref}/panel-view";
        p.target = "/notifications/" + ref + "/panel-view";
        f.put("version", String.valueOf(reviewVersion(ref)));
        f.put("view", "DISAGREE");
        f.put("reasons", "Synthetic reasons.");
      }
      case 3 -> {
        p.endpoint = "POST /notifications/{ref}/quality";
        p.target = "/notifications/" + ref + "/quality";
        for (String c :
            List.of("IMMEDIATE_LEARNING", "DISSEMINATION_PLAN", "DECISION_RATIONALE", "ANALYSIS")) {
          f.put("quality-" + c, String.valueOf(r.nextInt(3)));
        }
      }
      case 4 -> {
        p.endpoint = "POST /notifications/{ref}/national-review";
        p.target = "/notifications/" + ref + "/national-review";
        f.put("consider", "yes");
      }
      case 5 -> {
        p.endpoint = "POST /notifications/{ref}/challenges";
        p.target = "/notifications/" + ref + "/challenges";
        f.put("question", "A synthetic question?");
      }
      case 6 -> {
        p.endpoint = "POST /notifications/{ref}/challenges/{id}/replies";
        String id =
            r.nextInt(4) == 0
                ? pick(r, new String[] {"abc", "-1", "99999999999999999999", "1%00", "0"})
                : String.valueOf(challengeId);
        p.target = "/notifications/" + submitted + "/challenges/" + id + "/replies";
        f.put("body", "A synthetic reply.");
        f.put("close", "no");
      }
      default -> {
        p.endpoint = "POST /notifications/{ref}/identifying-details";
        p.target = "/notifications/" + ref + "/identifying-details";
      }
    }
    return formProbe(r, p, f);
  }

  Probe lcsprForms(Random r) {
    int k = r.nextInt(9);
    Probe p = new Probe(null, "POST", null, secretariat, false);
    String ref = lcsprRef(r, p);
    String base = "/lcsprs/" + ref;
    Map<String, String> f = new LinkedHashMap<>();
    f.put("version", String.valueOf(lcsprVersion(ref)));
    switch (k) {
      case 0 -> {
        p.endpoint = "POST /lcsprs";
        p.target = "/lcsprs";
        f.remove("version");
        f.put("notifications", ref(r, p));
        f.putAll(date("initiated", LocalDate.of(2026, 11, 25)));
      }
      case 1 -> {
        p.endpoint = "POST /lcsprs/{ref}/complete";
        p.target = base + "/complete";
        f.putAll(date("completed", LocalDate.of(2026, 11, 26)));
      }
      case 2 -> {
        p.endpoint = "POST /lcsprs/{ref}/notify-publication";
        p.target = base + "/notify-publication";
        f.putAll(date("noticed", LocalDate.of(2026, 11, 26)));
      }
      case 3 -> {
        p.endpoint = "POST /lcsprs/{ref}/publish";
        p.target = base + "/publish";
        f.putAll(date("published", LocalDate.of(2026, 11, 26)));
        f.put("publicUrl", "https://example.org/synthetic.pdf");
      }
      case 4 -> {
        p.endpoint = "POST /lcsprs/{ref}/not-publishing";
        p.target = base + "/not-publishing";
        f.put("reason", "Synthetic reasons.");
      }
      case 5 -> {
        p.endpoint = "POST /lcsprs/{ref}/intention";
        p.target = base + "/intention";
        f.put("intention", "INTENDS_TO_PUBLISH");
      }
      case 6 -> {
        p.endpoint = "POST /lcsprs/{ref}/details";
        p.target = base + "/details";
        for (String field :
            List.of(
                "scope",
                "reviewQuestions",
                "methodology",
                "familyInvolvement",
                "practitionerInvolvement",
                "disseminationPlan")) {
          f.put(field, "Synthetic " + field + ".");
        }
      }
      case 7 -> {
        p.endpoint = "POST /lcsprs/{ref}/recommendations";
        p.target = base + "/recommendations";
        f.put("text", "A synthetic recommendation.");
        f.put("owner", "Synthetic owner");
        f.putAll(date("due", LocalDate.of(2027, 3, 31)));
        f.put("smart", "specific");
      }
      default -> {
        return upload(r, p, base);
      }
    }
    return formProbe(r, p, f);
  }

  /** The LCSPR's report: a multipart upload of something that is not a PDF, or nothing. */
  Probe upload(Random r, Probe p, String base) {
    p.endpoint = "POST /lcsprs/{ref}/report";
    p.target = base + "/report";
    String boundary = "fuzz" + r.nextInt(1_000_000);
    byte[] file =
        switch (r.nextInt(5)) {
          case 0 -> new byte[0];
          case 1 -> "%PDF-1.4\n\u0000garbage".getBytes(StandardCharsets.ISO_8859_1);
          case 2 -> "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8);
          case 3 -> {
            byte[] big = new byte[3_000_000];
            r.nextBytes(big);
            yield big;
          }
          default -> "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        };
    String name =
        pick(
            r,
            new String[] {
              "report.pdf", "../../x.pdf", "\u0000.pdf", "r\u00e9port.pdf", "a".repeat(2000)
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String token = p.who.pages.csrf();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + token
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"report\"; filename=\""
            + name
            + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(
        ("\r\n--" + boundary + (r.nextInt(6) == 0 ? "" : "--") + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    p.body = out.toByteArray();
    p.contentType = "multipart/form-data; boundary=" + boundary;
    p.mutation("upload of " + file.length + " bytes named " + describe(name));
    return p;
  }

  Probe registerFilters(Random r) {
    Caller who = pick(r, List.of(secretariat, partnership, notifier));
    boolean csv = r.nextInt(3) == 0;
    Probe p =
        new Probe(
            csv ? "GET /notifications/export.csv" : "GET /notifications", "GET", null, who, false);
    Map<String, Function<Random, String>> params = new LinkedHashMap<>();
    params.put("la", codes("E09000033", "E08000035"));
    params.put("type", codes("DEATH", "SERIOUS_HARM", "OTHER"));
    params.put("from", dates());
    params.put("to", dates());
    params.put(
        "sort", rr -> pick(rr, new String[] {"notified", "ref", "la", "x", "notified;drop", ""}));
    params.put("order", rr -> pick(rr, new String[] {"asc", "desc", "sideways", "\u0000"}));
    if (!csv) {
      params.put("page", numbers());
      params.put("size", numbers());
    }
    p.target = (csv ? "/notifications/export.csv" : "/notifications") + query(r, params, p);
    return p;
  }

  Probe analyticsFilters(Random r) {
    Caller who = r.nextInt(3) == 0 ? partnership : secretariat;
    int k = r.nextInt(5);
    Map<String, Function<Random, String>> params = new LinkedHashMap<>();
    params.put("from", dates());
    params.put("to", dates());
    Function<Random, String> area =
        rr ->
            pick(
                rr,
                new String[] {
                  "E92000001", "E12000007", "E09000033", "E99999999", "x", "\u0000", ""
                });
    String path;
    switch (k) {
      case 0, 1 -> {
        path = k == 0 ? "/analytics" : "/analytics/headline.csv";
        params.put("la", codes("E09000033", "E08000035"));
      }
      case 2 -> {
        path = "/analytics/tables";
        params.put("asAt", dates());
        params.put("area", area);
        params.put("la", codes("E09000033"));
        params.put("suppress", rr -> pick(rr, new String[] {"yes", "no", "\u0000"}));
        params.put(
            "section",
            rr ->
                pick(
                    rr,
                    new String[] {
                      "children",
                      "incidents",
                      "families",
                      "timeliness",
                      "decisions",
                      "lcsprs",
                      "authorities",
                      "x"
                    }));
      }
      case 3 -> {
        path = "/analytics/download";
        params.put(
            "format",
            rr ->
                pick(
                    rr,
                    new String[] {
                      "csv", "ods", "xlsx", "pdf", "opendata", "opendata-meta", "exe", ""
                    }));
        params.put("asAt", dates());
        params.put("area", area);
        params.put("section", rr -> pick(rr, new String[] {"children", "timeliness", "x"}));
      }
      default -> {
        path = "/analytics/compare";
        params.put("table", rr -> pick(rr, new String[] {"T1", "H", "T4A", "X9", "\u0000", ""}));
        params.put("area", area);
        params.put("from2", dates());
        params.put("to2", dates());
        params.put("area2", area);
        params.put("asAt", dates());
        params.put("suppress", rr -> pick(rr, new String[] {"yes", "no"}));
      }
    }
    Probe p = new Probe("GET " + path, "GET", null, who, false);
    p.target = path + query(r, params, p);
    return p;
  }

  Probe auditAndWorklist(Random r) {
    if (r.nextBoolean()) {
      Probe p = new Probe("GET /audit", "GET", null, secretariat, false);
      Map<String, Function<Random, String>> params = new LinkedHashMap<>();
      params.put("person", rr -> hostileText(rr));
      params.put("record", rr -> hostileText(rr));
      params.put("from", dates());
      params.put("to", dates());
      params.put("page", numbers());
      p.target = "/audit" + query(r, params, p);
      return p;
    }
    Caller who = pick(r, List.of(secretariat, partnership, notifier));
    Probe p = new Probe("GET /worklist", "GET", null, who, false);
    p.target = "/worklist" + query(r, Map.of("asAt", dates(), "page", numbers()), p);
    return p;
  }

  Probe signIn(Random r) {
    int k = r.nextInt(4);
    Probe p;
    Map<String, String> f = new LinkedHashMap<>();
    switch (k) {
      case 0, 1 -> {
        p = new Probe("POST /sign-in", "POST", "/sign-in", null, false);
        f.put("username", r.nextBoolean() ? "fuzz.victim" : hostileText(r));
        f.put("password", r.nextBoolean() ? "wrong-password-entirely" : hostileText(r));
      }
      case 2 -> {
        p = new Probe("POST /sign-in/code", "POST", "/sign-in/code", null, false);
        f.put(
            "code",
            pick(
                r,
                new String[] {
                  "000000",
                  "\u0663\u0663\u0663\u0663\u0663\u0663",
                  "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16",
                  "1234567",
                  "-12345",
                  "",
                  "12345\u0000"
                }));
      }
      default -> {
        p = new Probe("POST /sign-in/recovery", "POST", "/sign-in/recovery", null, false);
        f.put("code", hostileText(r));
      }
    }
    // Signed out: a fresh session, whose sign-in page gave it a CSRF token (and, for the code,
    // the password step passed first).
    p.anonymous = k == 2 ? null : new SignedInHttp(port);
    p.prime = k == 2 ? "password" : "page";
    return formProbe(r, p, f);
  }

  Probe otherForms(Random r) {
    Probe p =
        new Probe("POST /timeliness-periods", "POST", "/timeliness-periods", secretariat, false);
    if (r.nextInt(3) == 0) {
      p.endpoint = "POST /timeliness-periods/{id}/delete";
      String id =
          pick(r, new String[] {"abc", "-1", "99999999999999999999", "1%00", "0", "999999"});
      p.target = "/timeliness-periods/" + id + "/delete";
      return formProbe(r, p, new LinkedHashMap<>());
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", "Synthetic period");
    f.putAll(date("from", LocalDate.of(2030, 1, 1)));
    f.putAll(date("to", LocalDate.of(2030, 12, 31)));
    f.put("target", pick(r, new String[] {"15", "0", "-5", "99999999999", "\u0663", "1e3"}));
    f.put("extension", "no");
    return formProbe(r, p, f);
  }

  Probe oddRequests(Random r) {
    Caller who = pick(r, List.of(secretariat, partnership, notifier));
    int k = r.nextInt(6);
    Probe p;
    switch (k) {
      case 0 -> {
        p =
            new Probe(
                "GET /api/v1/{unknown}",
                "GET",
                "/api/v1/"
                    + pick(
                        r,
                        new String[] {
                          "x", "notifications/x/y/z", "%00", "..%2F..%2F", "a".repeat(4000)
                        }),
                who,
                true);
      }
      case 1 -> {
        p =
            new Probe(
                "DELETE/PATCH /api/v1/...",
                pick(r, new String[] {"DELETE", "PATCH", "OPTIONS"}),
                "/api/v1/notifications/" + pick(r, refs),
                who,
                true);
        p.body = "{}".getBytes(StandardCharsets.UTF_8);
        p.contentType = "application/json";
      }
      case 2 -> {
        p = new Probe("GET /error", "GET", "/error", who, false);
      }
      case 3 -> {
        p =
            new Probe(
                "GET /notifications/{ref}",
                "GET",
                "/notifications/"
                    + pick(
                        r,
                        new String[] {
                          "%00", "%FF", "a".repeat(3000), refs.get(0) + "%0d%0aX:1", "..%2F..%2F"
                        }),
                who,
                false);
      }
      case 4 -> {
        p =
            new Probe(
                "GET /lcsprs/{ref}",
                "GET",
                "/lcsprs/" + pick(r, new String[] {"%00", "%FF", "L-1%0A", lcspr}),
                who,
                false);
      }
      default -> {
        p =
            new Probe(
                "POST /api/v1/notifications (signed out)",
                "POST",
                "/api/v1/notifications",
                null,
                true);
        p.body = json(notificationBody()).getBytes(StandardCharsets.UTF_8);
        p.contentType = "application/json";
      }
    }
    p.mutation("odd request");
    return p;
  }

  // ---------------------------------------------------------------------------------------------

  static String excerpt(String body) {
    String s =
        body.replaceAll("(?s)<head>.*?</head>", "")
            .replaceAll("<[^>]+>", " ")
            .replaceAll("\\s+", " ")
            .strip();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  static String excerptAround(String body, String marker) {
    int at = body.indexOf(marker);
    return body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 120));
  }

  /** Control characters made visible, so the report stays one line an example. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.length() > 600 ? b.substring(0, 600) + "…" : b.toString();
  }
}
