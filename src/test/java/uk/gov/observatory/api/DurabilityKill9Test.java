package uk.gov.observatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.audit.internal.AuditChain;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.ChildProcesses;
import uk.gov.observatory.support.ChildProcesses.Child;
import uk.gov.observatory.support.ChildProcesses.Jvm;

/**
 * Issue 19, "Done when": 8 clients POST notifications with Idempotency-Keys, the server is killed
 * with {@code kill -9} mid-run and started again: every notification acknowledged with 201 is
 * there, and retrying every key sent (acknowledged or not) creates no duplicate. The server is a
 * child JVM ({@code observatory serve}) on a PostgreSQL this test starts (zonky), used as an
 * external database, so the kill takes only the application. Clients run for {@value #RUN_SECONDS}
 * s before the kill (the issue says 30: shorter to keep the suite quick; set
 * -Ddurability.seconds=30 for the full run).
 */
class DurabilityKill9Test {

  static final int RUN_SECONDS = 12;
  static final int CLIENTS = 8;
  static final Pattern REF =
      Pattern.compile("\"notification_ref\"\\s*:\\s*\"(SIN-[0-9]{4}-[0-9]+)\"");

  @TempDir Path tmp;

  @RegisterExtension final ChildProcesses children = ChildProcesses.stoppedAtEnd();

  EmbeddedPostgres postgres;

  @AfterEach
  void stopEverything() throws Exception {
    children.close(); // the servers first, while their database is there
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * {@code observatory serve --port P} in a new JVM against the test's PostgreSQL, once it answers.
   */
  Child serve(int port, String name) throws Exception {
    Child server =
        children.start(
            name,
            tmp.resolve(name + ".log"),
            Jvm.server()
                .property("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"))
                .property("spring.datasource.username", "postgres")
                .property("spring.datasource.password", "")
                // The tests' configuration (on the classpath) turns the sealer off: a server seals.
                .property("observatory.audit.sealing.enabled", "true")
                .observatory("serve", "--port", Integer.toString(port)));
    server.awaitHttp(port, "/sign-in", status -> status < 500, Duration.ofSeconds(180));
    return server;
  }

  /** A secretariat account and a personal API token for it, straight into the database. */
  static String apiToken(JdbcTemplate db) {
    long account =
        db.queryForObject(
            "insert into account (username, role, password_hash, totp_secret, created_at)"
                + " values ('durability.api', 'PANEL_SECRETARIAT', 'not-a-password',"
                + " 'not-a-secret', now()) returning id",
            Long.class);
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = "obs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    db.update(
        "insert into api_token (account_id, token_hash, created_at, expires_at)"
            + " values (?, encode(sha256(convert_to(?, 'UTF8')), 'hex'), now(),"
            + " now() + interval '1 day')",
        account,
        token);
    return token;
  }

  static HttpRequest post(int port, String token, String key, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notifications"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static String ref(String body) {
    Matcher m = REF.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  @Test
  @DisplayName(
      "8 clients POST with Idempotency-Keys, serve is killed with kill -9 mid-run and restarted:"
          + " every 201 is stored, and retrying every key creates no duplicate")
  void everyAcknowledgedNotificationSurvivesKill9() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());

    int port = ChildProcesses.freePort();
    Child first = serve(port, "first");
    String token = apiToken(db);
    String body = Bodies.json(Bodies.death());
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    // Every key sent, and the reference of those answered 201.
    List<String> sent = new ArrayList<>();
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> sentQueue = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  String key = "durability-" + client + "-" + i;
                  sentQueue.add(key);
                  try {
                    HttpResponse<String> r =
                        http.send(
                            post(port, token, key, body), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                      acknowledged.put(key, ref(r.body()));
                    } else {
                      unexpected.add(key + " " + r.statusCode() + " " + r.body());
                    }
                  } catch (IOException e) {
                    // The server was killed under this request: no answer, so not acknowledged.
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              }));
    }
    int seconds = Integer.getInteger("durability.seconds", RUN_SECONDS);
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    int beforeKill = acknowledged.size();
    first.kill9(); // mid-run: requests are in flight
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);
    Thread.sleep(500); // the clients' requests after the kill are refused
    stop.set(true);
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
    clients.shutdownNow();
    sent.addAll(sentQueue);
    assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
    assertThat(beforeKill).as("notifications acknowledged before the kill").isGreaterThan(CLIENTS);

    int again = ChildProcesses.freePort();
    serve(again, "second");

    // Every acknowledged notification is there, under the key it was acknowledged for.
    Map<String, String> stored = new HashMap<>();
    db.query(
        "select idempotency_key, notification_ref from idempotency_key",
        rs -> {
          stored.put(rs.getString(1), rs.getString(2));
        });
    assertThat(stored).containsAllEntriesOf(acknowledged);
    long notifications = db.queryForObject("select count(*) from notification", Long.class);
    assertThat(notifications).isEqualTo(stored.size());

    System.out.printf(
        "DurabilityKill9Test: %d keys sent in %d s, %d acknowledged 201, %d stored at the kill%n",
        sent.size(), seconds, acknowledged.size(), stored.size());

    // Retrying every key sent: the stored ones answer with their first reference; the others
    // (the server died before their commit) are stored now, once.
    ExecutorService retries = Executors.newFixedThreadPool(CLIENTS);
    Map<String, String> retried = new ConcurrentHashMap<>();
    List<Future<?>> retrying = new ArrayList<>();
    for (String key : sent) {
      retrying.add(
          retries.submit(
              () -> {
                HttpResponse<String> r =
                    http.send(post(again, token, key, body), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(key + ": " + r.body()).isIn(200, 201);
                retried.put(key, ref(r.body()));
                return null;
              }));
    }
    for (Future<?> f : retrying) {
      f.get(120, TimeUnit.SECONDS);
    }
    retries.shutdownNow();
    for (Map.Entry<String, String> e : stored.entrySet()) {
      assertThat(retried.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(db.queryForObject("select count(*) from notification", Long.class))
        .as("one notification per key sent, none twice")
        .isEqualTo(sent.size());
    assertThat(
            db.queryForObject(
                "select count(distinct notification_ref) from idempotency_key", Long.class))
        .isEqualTo(sent.size());
    assertThat(
            db.queryForObject(
                "select count(*) from audit_entry where action = 'CREATED' and record_type = ?",
                Long.class,
                NotificationRegister.AUDIT_RECORD_TYPE))
        .as("one CREATED audit entry per notification")
        .isEqualTo(sent.size());

    // The restarted server's sealer chains what the killed one left unsealed: the chain is whole.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (db.queryForObject("select count(*) from audit_entry where chain_pos is null", Long.class)
            > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(
            db.queryForObject(
                "select count(*) from audit_entry where chain_pos is null", Long.class))
        .isZero();
    String[] previous = {AuditChain.GENESIS};
    long[] checked = {0};
    db.query(
        "select id, recorded_at, actor, action, record_type, record_ref, before_state,"
            + " after_state, details, previous_hash, entry_hash from audit_entry order by chain_pos",
        rs -> {
          Instant at = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
          String hash =
              AuditChain.hash(
                  rs.getLong("id"),
                  at,
                  rs.getString("actor"),
                  rs.getString("action"),
                  rs.getString("record_type"),
                  rs.getString("record_ref"),
                  rs.getString("before_state"),
                  rs.getString("after_state"),
                  rs.getString("details"),
                  previous[0]);
          assertThat(rs.getString("previous_hash")).isEqualTo(previous[0]);
          assertThat(rs.getString("entry_hash")).isEqualTo(hash);
          previous[0] = hash;
          checked[0]++;
        });
    assertThat(checked[0]).isGreaterThanOrEqualTo(sent.size());
  }
}
