package uk.gov.observatory.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "observatory.rate-limit.sign-in-per-minute=3",
      "observatory.rate-limit.api-per-minute=5",
      "observatory.rate-limit.api-token-failures-per-minute=4",
      "observatory.rate-limit.audited-token-refusals-per-minute=2"
    })
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class RateLimitTest {

  @LocalServerPort int port;
  @Autowired RateLimits limits;
  @Autowired TokenRefusalAudit tokenRefusals;
  @Autowired Accounts accounts;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired uk.gov.observatory.web.SharedRateLimits shared;

  @BeforeEach
  void freshMinute() {
    // The test clock never leaves its minute: each test starts with no requests counted.
    limits.forget();
    tokenRefusals.forget();
  }

  HttpResponse<String> api(SignedInHttp http, String authorization) throws Exception {
    var request = http.builder("/api/v1/notifications");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request);
  }

  long tokenRefusalEntries() {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where action = 'SIGN_IN_FAILED'"
            + " and record_type = 'api_token'",
        Long.class);
  }

  @Test
  @DisplayName(
      "sign-in attempts and API requests over the limit are refused with 429 and Retry-After")
  void limits() throws Exception {
    SignedInHttp http = new SignedInHttp(port);
    http.get("/sign-in");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          http.post("/sign-in", Map.of("username", "someone", "password", "guess number " + i));
      assertThat(r.statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited =
        http.post("/sign-in", Map.of("username", "someone", "password", "guess number 4"));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).doesNotContain("Exception");
    WebSecurityHttpTest.assertHardened(limited, "sign-in over the limit");

    int refused = 0;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> r = api(http, null);
      if (r.statusCode() == 429) {
        refused++;
        assertThat(r.body()).contains("\"status\":429").contains("More than 5 requests a minute");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      } else {
        assertThat(r.statusCode()).isEqualTo(401);
      }
    }
    assertThat(refused).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "the API limit follows the account, not the header's spelling: 'bearer', 'BEARER', two"
          + " spaces and another of its tokens are all refused once it is spent")
  void apiLimitFollowsTheAccount() throws Exception {
    TestAccounts.create(accounts, "busy.secretariat", Role.PANEL_SECRETARIAT);
    String token = TestAccounts.token(accounts, "busy.secretariat");
    String another = TestAccounts.token(accounts, "busy.secretariat");
    SignedInHttp http = new SignedInHttp(port);
    for (int i = 0; i < 5; i++) {
      assertThat(api(http, "Bearer " + token).statusCode()).isEqualTo(200);
    }
    for (String spelling :
        List.of(
            "Bearer " + token,
            "bearer " + token,
            "BEARER " + token,
            "Bearer  " + token,
            "bEaReR   " + token + " ",
            "Bearer " + another)) {
      HttpResponse<String> r = api(http, spelling);
      assertThat(r.statusCode()).as(spelling.replace(token, "TOKEN")).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(r.body()).contains("More than 5 requests a minute");
    }
    // Another account at the same address has its own allowance.
    TestAccounts.create(accounts, "quiet.inspector", Role.INSPECTOR);
    String quiet = TestAccounts.token(accounts, "quiet.inspector");
    assertThat(api(http, "Bearer " + quiet).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "made-up tokens are limited per address (429 whatever the token) and only the first few"
          + " are audited one by one")
  void madeUpTokensAreLimited() throws Exception {
    TestAccounts.create(accounts, "honest.member", Role.PANEL_MEMBER);
    String honest = TestAccounts.token(accounts, "honest.member");
    long before = tokenRefusalEntries();
    SignedInHttp http = new SignedInHttp(port);
    int unauthorized = 0;
    int limited = 0;
    for (int i = 0; i < 40; i++) {
      String scheme = List.of("Bearer ", "bearer ", "BEARER  ").get(i % 3);
      HttpResponse<String> r = api(http, scheme + "obs_madeup" + i);
      if (r.statusCode() == 401) {
        unauthorized++;
      } else {
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).contains("More than 4 refused API tokens a minute from your address");
        WebSecurityHttpTest.assertHardened(r, "refused tokens over the limit");
        limited++;
      }
    }
    assertThat(unauthorized).isEqualTo(4);
    assertThat(limited).isEqualTo(36);
    // Over the budget, even a good token from that address waits.
    assertThat(api(http, "Bearer " + honest).statusCode()).isEqualTo(429);
    // Two refusals audited one by one (the other two are counted, written once the minute ends).
    assertThat(tokenRefusalEntries() - before).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where details like '%obs_madeup%'", Long.class))
        .isZero();
  }

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  @DisplayName(
      "refusals past the first few of a minute are written as one entry per address when the"
          + " minute ends; addresses past the cap share one entry")
  void refusalAuditIsAggregated() {
    MovingClock clock = new MovingClock(Instant.parse("2026-11-26T12:00:10Z"));
    TokenRefusalAudit refusals = new TokenRefusalAudit(audit, clock, 3, 2, false);
    long before = tokenRefusalEntries();
    long lastId = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    for (int i = 0; i < 700; i++) {
      refusals.refused("192.0.2.7", "GET", "/api/v1/notifications");
    }
    refusals.refused("192.0.2.8", "GET", "/api/v1/notifications");
    for (int i = 0; i < 50; i++) {
      refusals.refused("198.51.100." + i, "GET", "/api/v1/notifications");
    }
    // 3 for 192.0.2.7, 1 for 192.0.2.8; past two addresses, none one by one.
    assertThat(tokenRefusalEntries() - before).isEqualTo(4);
    refusals.flush();
    assertThat(tokenRefusalEntries() - before).as("the minute has not ended").isEqualTo(4);

    clock.now = clock.now.plus(Duration.ofMinutes(1));
    refusals.flush();
    assertThat(tokenRefusalEntries() - before).isEqualTo(6);
    assertThat(
            jdbc.queryForList(
                "select details from audit_entry where record_type = 'api_token'"
                    + " and details like '%in the minute from%' and id > ? order by id",
                String.class, lastId))
        .containsExactlyInAnyOrder(
            "697 further API token refusals from 192.0.2.7 in the minute from"
                + " 2026-11-26T12:00:00Z",
            "50 API token refusals from further addresses (more than 2 addresses refused) in the"
                + " minute from 2026-11-26T12:00:00Z");
    refusals.flush();
    assertThat(tokenRefusalEntries() - before).as("written once").isEqualTo(6);
  }

  @Test
  @DisplayName("the rate limits keep a bounded number of windows, however many addresses")
  void windowsAreBounded() {
    MovingClock clock = new MovingClock(TestClock.NOW);
    RateLimits bounded = new RateLimits(clock, 3, 5, 4, 100);
    for (int i = 0; i < 1_000; i++) {
      bounded.apiAllowedForAddress("2001:db8::" + Integer.toHexString(i));
    }
    assertThat(bounded.size()).isLessThanOrEqualTo(101);
    // Addresses with no room of their own share one window: still limited.
    assertThat(bounded.apiAllowedForAddress("2001:db8::ffff")).isFalse();
    // A new minute makes room again.
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(bounded.apiAllowedForAddress("2001:db8::ffff")).isTrue();
    assertThat(bounded.size()).isLessThanOrEqualTo(101);
  }

  @Test
  @DisplayName("two instances on one database share each limit: counted in PostgreSQL")
  void limitsAreSharedByInstances() {
    MovingClock clock = new MovingClock(TestClock.NOW);
    RateLimits a = new RateLimits(clock, 3, 5, 4, shared);
    RateLimits b = new RateLimits(clock, 3, 5, 4, shared);
    a.forget();
    for (int i = 0; i < 5; i++) {
      assertThat((i % 2 == 0 ? a : b).apiAllowedForAddress("198.51.100.7")).as("" + i).isTrue();
    }
    assertThat(a.apiAllowedForAddress("198.51.100.7")).isFalse();
    assertThat(b.apiAllowedForAddress("198.51.100.7")).isFalse();
    assertThat(b.apiAllowedForAccount(42)).isTrue();
    // Refused tokens counted on one instance close the address on the other.
    for (int i = 0; i < 4; i++) {
      a.tokenRefused("198.51.100.8");
    }
    assertThat(b.tooManyTokenFailures("198.51.100.8")).isTrue();
    assertThat(b.tooManyTokenFailures("198.51.100.9")).isFalse();
    // A good token from that address is refused too, and its account's request is not counted.
    assertThat(b.apiForAccount("198.51.100.8", 43))
        .isEqualTo(RateLimits.TokenRequest.TOO_MANY_TOKEN_FAILURES);
    for (int i = 0; i < 5; i++) {
      assertThat((i % 2 == 0 ? a : b).apiForAccount("198.51.100.9", 43))
          .as("" + i)
          .isEqualTo(RateLimits.TokenRequest.ALLOWED);
    }
    assertThat(a.apiForAccount("198.51.100.9", 43))
        .isEqualTo(RateLimits.TokenRequest.TOO_MANY_REQUESTS);
    // A new minute, a new window, on both.
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(b.apiAllowedForAddress("198.51.100.7")).isTrue();
    assertThat(a.tooManyTokenFailures("198.51.100.8")).isFalse();
  }

  int windowHits(String kind, String who) {
    return jdbc
        .queryForList(
            "select hits from rate_limit_window where kind = ? and who = ?",
            Integer.class,
            RateLimits.KIND + kind,
            who)
        .stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  @Test
  @DisplayName(
      "an account's API requests are counted in leases: one statement for a lease's worth, never"
          + " more than the limit on two instances together, and a refused token ends its"
          + " address's leases")
  void apiRequestsAreCountedInLeases() {
    MovingClock clock = new MovingClock(TestClock.NOW);
    // 640 a minute: leases of 10 (a 64th)
    RateLimits a = new RateLimits(clock, 3, 640, 4, shared);
    RateLimits b = new RateLimits(clock, 3, 640, 4, shared);
    a.forget();
    b.forget();
    assertThat(RateLimits.leaseSize(640)).isEqualTo(10);
    assertThat(RateLimits.leaseSize(5)).isEqualTo(1);
    assertThat(RateLimits.leaseSize(100_000)).isEqualTo(64);

    // One request takes a lease of 10; the next 9 are allowed without counting again.
    assertThat(a.apiForAccount("203.0.113.1", 77)).isEqualTo(RateLimits.TokenRequest.ALLOWED);
    assertThat(windowHits("api-account", "77")).isEqualTo(10);
    for (int i = 0; i < 9; i++) {
      assertThat(a.apiForAccount("203.0.113.1", 77)).isEqualTo(RateLimits.TokenRequest.ALLOWED);
    }
    assertThat(windowHits("api-account", "77")).as("still one lease").isEqualTo(10);
    assertThat(a.apiForAccount("203.0.113.1", 77)).isEqualTo(RateLimits.TokenRequest.ALLOWED);
    assertThat(windowHits("api-account", "77")).as("a second lease").isEqualTo(20);

    // Two instances, two addresses, one account: together never more than 640 in the minute.
    int allowed = 11;
    for (int i = 0; i < 1_000; i++) {
      RateLimits instance = i % 3 == 0 ? b : a;
      String address = i % 2 == 0 ? "203.0.113.1" : "203.0.113.2";
      if (instance.apiForAccount(address, 77) == RateLimits.TokenRequest.ALLOWED) {
        allowed++;
      }
    }
    // Leases not spent are counted all the same: one an instance and address (4), 9 at most each.
    assertThat(allowed).isBetween(640 - 4 * 9, 640);
    assertThat(b.apiForAccount("203.0.113.3", 77))
        .isEqualTo(RateLimits.TokenRequest.TOO_MANY_REQUESTS);

    // A lease ends when a token is refused from its address on this instance.
    assertThat(a.apiForAccount("203.0.113.9", 78)).isEqualTo(RateLimits.TokenRequest.ALLOWED);
    for (int i = 0; i < 4; i++) {
      a.tokenRefused("203.0.113.9");
    }
    assertThat(a.apiForAccount("203.0.113.9", 78))
        .as("the address is over its budget of refused tokens: its lease is gone")
        .isEqualTo(RateLimits.TokenRequest.TOO_MANY_TOKEN_FAILURES);
    assertThat(b.apiForAccount("203.0.113.9", 78))
        .isEqualTo(RateLimits.TokenRequest.TOO_MANY_TOKEN_FAILURES);

    // A new minute: new leases.
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(b.apiForAccount("203.0.113.3", 77)).isEqualTo(RateLimits.TokenRequest.ALLOWED);
  }
}
