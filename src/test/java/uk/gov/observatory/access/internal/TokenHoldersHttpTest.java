package uk.gov.observatory.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.AccountHolder;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The accounts of accepted API tokens are kept by each instance ({@link TokenHolders}), and
 * forgotten when accounts change: here by this instance at once, elsewhere (another instance, the
 * command line: here, SQL on another connection, which no code of this instance sees) by V34's
 * notification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class TokenHoldersHttpTest {

  /** How long a change made elsewhere may take to be heard of, at most, in these tests. */
  static final Duration HEARD_WITHIN = Duration.ofSeconds(5);

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;
  @Autowired TokenHolders holders;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void listening() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!holders.listening() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(holders.listening()).as("the instance listens for changes to accounts").isTrue();
  }

  /**
   * Waits until the notifications of changes already made (this test's own accounts and tokens too)
   * have been heard: nothing forgotten for 300 ms.
   */
  void quiet() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long seen = holders.forgotten();
    long since = System.nanoTime();
    while (System.nanoTime() < until) {
      Thread.sleep(20);
      if (holders.forgotten() != seen) {
        seen = holders.forgotten();
        since = System.nanoTime();
      } else if (System.nanoTime() - since > Duration.ofMillis(300).toNanos()) {
        return;
      }
    }
  }

  int get(String token, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Asks until the answer is {@code status}; how long it took. */
  Duration until(int status, String token, String path) throws Exception {
    long start = System.nanoTime();
    long until = start + Duration.ofSeconds(20).toNanos();
    int got;
    while ((got = get(token, path)) != status && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(got).as(path).isEqualTo(status);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  long accountId(String username) {
    return jdbc.queryForObject("select id from account where username = ?", Long.class, username);
  }

  @Test
  @DisplayName(
      "a token's account is read once and kept; an interest declared, an interest withdrawn, an"
          + " account disabled and a token revoked in the database by another instance are heard"
          + " of within seconds")
  void changesElsewhereAreHeardOf() throws Exception {
    String leeds = register.notify(Submissions.seriousHarm()).ref();
    TestAccounts.create(accounts, "kept.member", Role.PANEL_MEMBER);
    String token = TestAccounts.token(accounts, "kept.member");
    long id = accountId("kept.member");
    String path = "/api/v1/notifications/" + leeds;

    quiet();
    assertThat(get(token, path)).isEqualTo(200);
    assertThat(holders.size()).as("kept").isEqualTo(1);
    assertThat(get(token, path)).isEqualTo(200);

    jdbc.update(
        "insert into declared_interest (account_id, la_code, valid_from, reason, declared_at)"
            + " values (?, 'E08000035', date '2019-01-01', 'synthetic', now())",
        id);
    assertThat(until(404, token, path)).isLessThan(HEARD_WITHIN);
    assertThat(get(token, "/api/v1/notifications")).isEqualTo(200);

    jdbc.update("update declared_interest set withdrawn_at = now() where account_id = ?", id);
    assertThat(until(200, token, path)).isLessThan(HEARD_WITHIN);

    jdbc.update("update account set enabled = false where id = ?", id);
    assertThat(until(401, token, path)).isLessThan(HEARD_WITHIN);
    jdbc.update("update account set enabled = true where id = ?", id);
    assertThat(until(200, token, path)).isLessThan(HEARD_WITHIN);

    jdbc.update("update api_token set revoked_at = now() where account_id = ?", id);
    assertThat(until(401, token, path)).isLessThan(HEARD_WITHIN);
    assertThat(holders.size()).isZero();
  }

  @Test
  @DisplayName(
      "a change made on this instance applies to the very next request: revoked, disabled, an"
          + " interest declared")
  void changesHereApplyAtOnce() throws Exception {
    String leeds = register.notify(Submissions.seriousHarm()).ref();
    TestAccounts.create(accounts, "here.member", Role.PANEL_MEMBER);
    String token = TestAccounts.token(accounts, "here.member");
    String other = TestAccounts.token(accounts, "here.member");
    String path = "/api/v1/notifications/" + leeds;
    assertThat(get(token, path)).isEqualTo(200);
    assertThat(get(other, path)).isEqualTo(200);

    long interest =
        interests
            .declare(
                "here.member", "E08000035", LocalDate.of(2019, 1, 1), null, "synthetic", "admin")
            .id();
    assertThat(get(token, path)).isEqualTo(404);
    interests.withdraw(interest, "admin");
    assertThat(get(token, path)).isEqualTo(200);

    accounts.revokeTokens("here.member");
    assertThat(get(token, path)).isEqualTo(401);
    assertThat(get(other, path)).isEqualTo(401);

    TestAccounts.create(accounts, "here.inspector", Role.INSPECTOR);
    String inspector = TestAccounts.token(accounts, "here.inspector");
    assertThat(get(inspector, "/api/v1/notifications")).isEqualTo(200);
    accounts.disable("here.inspector");
    assertThat(get(inspector, "/api/v1/notifications")).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "a token's account is read once and kept, read again after a change and at the token's"
          + " expiry, forgotten when the listening connection is lost, which is made again")
  void keptOnlyWhileListening() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    java.time.Instant now = java.time.Instant.parse("2026-01-10T12:00:00Z");
    TokenHolders.Kept account =
        new TokenHolders.Kept(
            new AccountHolder(
                new Account(1, "someone", Role.INSPECTOR, List.of(), null, true, 0, null, now),
                List.of()),
            java.time.Instant.parse("2026-01-10T13:00:00Z"));
    java.util.function.Function<String, Optional<TokenHolders.Kept>> read =
        hash -> {
          reads.incrementAndGet();
          return Optional.of(account);
        };
    quiet();
    holders.changed();
    holders.find("hash-one", now, read);
    holders.find("hash-one", now, read);
    assertThat(reads).as("read once, then kept").hasValue(1);
    holders.find("hash-two", now, read);
    assertThat(reads).hasValue(2);

    holders.changed();
    holders.find("hash-one", now, read);
    assertThat(reads).as("read again after a change").hasValue(3);

    // At the token's expiry it is read again (and the database refuses it).
    holders.find(
        "hash-one", java.time.Instant.parse("2026-01-10T13:00:00Z"), h -> Optional.empty());
    assertThat(holders.find("hash-one", now, h -> Optional.empty())).isEmpty();

    // The listening connection is lost: nothing is kept until it listens again.
    holders.find("hash-one", now, read);
    assertThat(holders.size()).isEqualTo(1);
    jdbc.queryForList(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?",
        TokenHolders.APPLICATION_NAME);
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (holders.size() > 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(holders.size()).as("forgotten when the connection is lost").isZero();
    until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!holders.listening() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(holders.listening()).as("listening again").isTrue();

    // Heard of again: a change made elsewhere still reaches it.
    TestAccounts.create(accounts, "again.inspector", Role.INSPECTOR);
    String token = TestAccounts.token(accounts, "again.inspector");
    assertThat(get(token, "/api/v1/notifications")).isEqualTo(200);
    jdbc.update(
        "update api_token set revoked_at = now() where account_id = ?",
        accountId("again.inspector"));
    assertThat(until(401, token, "/api/v1/notifications")).isLessThan(HEARD_WITHIN);
  }
}
