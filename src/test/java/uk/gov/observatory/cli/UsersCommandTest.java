package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.PasswordCheck;
import uk.gov.observatory.support.ChildProcesses;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;

/** The users command, run as a person runs it, on an embedded database in a folder of its own. */
class UsersCommandTest {

  static final String GOOD = "copper lantern orbit meadow";

  @TempDir Path tmp;
  String savedUrl;
  InputStream savedIn;

  record Run(int code, String out, String err) {}

  Run run(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ObservatoryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void embeddedDatabaseInItsOwnFolder() {
    System.setProperty("observatory.database.ephemeral", "false");
    savedUrl = System.clearProperty("spring.datasource.url");
    savedIn = System.in;
  }

  @AfterEach
  void restore() {
    System.setIn(savedIn);
    System.clearProperty("observatory.database.ephemeral");
    if (savedUrl != null) {
      System.setProperty("spring.datasource.url", savedUrl);
    }
  }

  @Test
  @DisplayName(
      "users add/list/token/disable: the password only on stdin, secrets shown once, refusals store nothing")
  void users() {
    String data = tmp.resolve("data").toString();

    Run noStdin =
        run(
            "",
            "users",
            "add",
            "jane.notifier",
            "--role",
            "LA_NOTIFIER",
            "--la",
            "E09000033",
            "--data-dir",
            data);
    assertThat(noStdin.code()).isEqualTo(1);
    assertThat(noStdin.err()).contains("--password-stdin").contains("no default password");

    Run added =
        run(
            GOOD + "\n",
            "users",
            "add",
            "jane.notifier",
            "--role",
            "la_notifier",
            "--la",
            "E09000033",
            "--la",
            "E08000035",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out())
        .startsWith("Account jane.notifier created (LA_NOTIFIER).")
        .containsPattern("TOTP secret: [A-Z2-7]{32}")
        .contains("otpauth://totp/Observatory%3Ajane.notifier?")
        .contains("will not be shown again")
        .doesNotContain(GOOD);
    Matcher secret = Pattern.compile("TOTP secret: ([A-Z2-7]{32})").matcher(added.out());
    assertThat(secret.find()).isTrue();
    assertThat(added.out().split(secret.group(1), -1))
        .as("the secret is printed in two places only: itself and the URI")
        .hasSize(3);
    assertThat(
            Pattern.compile(
                    "^  [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$", Pattern.MULTILINE)
                .matcher(added.out())
                .results()
                .count())
        .isEqualTo(10);

    Run weak =
        run(
            "password1234\n",
            "users",
            "add",
            "weak.one",
            "--role",
            "INSPECTOR",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(weak.code()).isEqualTo(1);
    assertThat(weak.err()).contains("common password").contains("Nothing was changed.");
    assertThat(weak.out()).doesNotContain("created");

    Run noLa =
        run(
            GOOD + "\n",
            "users",
            "add",
            "no.la",
            "--role",
            "LA_NOTIFIER",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(noLa.code()).isEqualTo(1);
    assertThat(noLa.err()).contains("needs at least one local authority: --la CODE");

    Run unknownLa =
        run(
            GOOD + "\n",
            "users",
            "add",
            "bad.la",
            "--role",
            "LA_NOTIFIER",
            "--la",
            "E99999999",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(unknownLa.code()).isEqualTo(1);
    assertThat(unknownLa.err()).contains("--la E99999999: not a local authority's GSS code");

    Run badRole =
        run(
            GOOD + "\n",
            "users",
            "add",
            "x.y.z",
            "--role",
            "KING",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(badRole.code()).isNotZero();
    assertThat(badRole.err()).contains("KING");

    Run token = run("", "users", "token", "jane.notifier", "--expires", "30d", "--data-dir", data);
    assertThat(token.code()).as(token.err()).isZero();
    assertThat(token.out()).contains("will not be shown again");
    Matcher t =
        Pattern.compile("^(obs_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE).matcher(token.out());
    assertThat(t.find()).as(token.out()).isTrue();
    Run tooLong =
        run("", "users", "token", "jane.notifier", "--expires", "400d", "--data-dir", data);
    assertThat(tooLong.code()).isEqualTo(1);
    assertThat(tooLong.err()).contains("at most 365 days");

    DatabaseOptions db = new DatabaseOptions();
    db.dataDir = Path.of(data);
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      Accounts accounts = app.getBean(Accounts.class);
      assertThat(accounts.authenticateToken(t.group(1)))
          .get()
          .extracting(a -> a.username())
          .isEqualTo("jane.notifier");
      assertThat(accounts.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.ACCEPTED);
    }

    Run disabled = run("", "users", "disable", "jane.notifier", "--data-dir", data);
    assertThat(disabled.code()).as(disabled.err()).isZero();
    assertThat(disabled.out()).contains("Account jane.notifier disabled.");
    Run unknown = run("", "users", "disable", "nobody", "--data-dir", data);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no account named 'nobody'");

    Run list = run("", "users", "list", "--data-dir", data);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out().lines().toList())
        .hasSize(2)
        .satisfies(l -> assertThat(l.get(0)).matches("USERNAME +ROLE +SCOPE +ENABLED +LOCKED"))
        .satisfies(
            l ->
                assertThat(l.get(1))
                    .matches("jane\\.notifier +LA_NOTIFIER +E08000035, E09000033 +no +no"));

    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      assertThat(app.getBean(Accounts.class).authenticateToken(t.group(1)))
          .as("disabled")
          .isEmpty();
    }
  }

  @Test
  @DisplayName(
      "users add --la with an ended authority is refused, naming its current code and the"
          + " --allow-ended flag; with the flag the account is made")
  void endedAuthorityOnlyWhenAskedExplicitly() {
    String data = tmp.resolve("data").toString();

    Run refused =
        run(
            GOOD + "\n",
            "users",
            "add",
            "sheffield.archive",
            "--role",
            "LA_NOTIFIER",
            "--la",
            "E08000019",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains("--la E08000019: Sheffield ended on 2025-04-30")
        .contains("E08000039")
        .contains("--allow-ended")
        .contains("Nothing was changed.");
    assertThat(refused.out()).doesNotContain("created");

    Run added =
        run(
            GOOD + "\n",
            "users",
            "add",
            "sheffield.archive",
            "--role",
            "LA_NOTIFIER",
            "--la",
            "E08000019",
            "--allow-ended",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).startsWith("Account sheffield.archive created (LA_NOTIFIER).");

    Run list = run("", "users", "list", "--data-dir", data);
    assertThat(list.out()).containsPattern("sheffield\\.archive +LA_NOTIFIER +E08000019 ");
    assertThat(run("", "users", "add", "--help").out()).contains("--allow-ended");
  }

  @Test
  @DisplayName("users and each of its subcommands explain themselves with --help")
  void help() {
    for (String sub : new String[] {"add", "list", "disable", "token", "revoke-token"}) {
      Run help = run("", "users", sub, "--help");
      assertThat(help.code()).isZero();
      assertThat(help.out()).contains("Usage: observatory users " + sub).contains("--data-dir");
    }
    assertThat(run("", "users", "add", "--help").out())
        .contains("--password-stdin")
        .contains("LA_NOTIFIER, PARTNERSHIP, PANEL_SECRETARIAT")
        .contains("PANEL_MEMBER, INSPECTOR, ADMIN");
    assertThat(run("", "users").code()).isEqualTo(2);
  }

  // ---------------------------------------------------------------------------------------------
  // While the server runs

  @RegisterExtension final ChildProcesses servers = ChildProcesses.stoppedAtEnd();

  /** {@code observatory serve} in a JVM of its own (as a person runs it), on the folder. */
  ChildProcesses.Child serve(int port, Path data) throws Exception {
    ChildProcesses.Child server =
        servers.start(
            "serve",
            tmp.resolve("serve.log"),
            ChildProcesses.Jvm.server()
                .property("observatory.database.ephemeral", "false")
                .property("spring.datasource.url", "")
                .observatory(
                    "serve", "--port", Integer.toString(port), "--data-dir", data.toString()));
    server.awaitHttp(port, "/sign-in", status -> status == 200, Duration.ofSeconds(240));
    return server;
  }

  static String setUpCode(String out) {
    Matcher m =
        Pattern.compile("One-time set-up code: ([a-z0-9]{4}(?:-[a-z0-9]{4}){3})").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName(
      "while the server runs on the data folder, users add/list/unlock/reset-password/change work"
          + " on its database and the running server sees each change at once")
  void whileTheServerRuns() throws Exception {
    Path data = tmp.resolve("data");
    int port = ChildProcesses.freePort();
    serve(port, data);
    assertThat(Files.getPosixFilePermissions(data.resolve("database-port")))
        .as("only the owner can read where the database listens")
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    Run added =
        run(
            "",
            "users",
            "add",
            "jane.notifier",
            "--role",
            "LA_NOTIFIER",
            "--la",
            "E09000033",
            "--set-up-code",
            "--data-dir",
            data.toString());
    assertThat(added.code()).as(added.err()).isZero();
    String code = setUpCode(added.out());
    Matcher secret = Pattern.compile("TOTP secret: ([A-Z2-7]{32})").matcher(added.out());
    assertThat(secret.find()).isTrue();
    TestAccounts.Person jane = new TestAccounts.Person("jane.notifier", secret.group(1), List.of());

    // The running server knows the account at once: the person signs in with the set-up code,
    // chooses a password and sets up the authenticator app.
    SignedInHttp web = new SignedInHttp(port);
    web.get("/sign-in");
    HttpResponse<String> withCode =
        web.post("/sign-in", Map.of("username", "jane.notifier", "password", code));
    assertThat(withCode.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in/new-password"));
    web.get("/sign-in/new-password");
    HttpResponse<String> chosen =
        web.post("/sign-in/new-password", Map.of("password", GOOD, "password-again", GOOD));
    assertThat(chosen.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in/set-up"));
    web.get("/sign-in/set-up");
    HttpResponse<String> in =
        web.post("/sign-in/set-up", Map.of("code", jane.code(Instant.now(), 0)));
    assertThat(in.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/notifications"));

    // Locked by five wrong passwords on the server; unlocked from the command line.
    SignedInHttp guesser = new SignedInHttp(port);
    guesser.get("/sign-in");
    for (int i = 0; i < 5; i++) {
      guesser.post("/sign-in", Map.of("username", "jane.notifier", "password", "wrong " + i));
    }
    Run locked = run("", "users", "list", "--data-dir", data.toString());
    assertThat(locked.out())
        .containsPattern("jane\\.notifier +LA_NOTIFIER +E09000033 +yes +until ");
    HttpResponse<String> refused =
        guesser.post("/sign-in", Map.of("username", "jane.notifier", "password", GOOD));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("too many attempts");
    Run unlocked = run("", "users", "unlock", "jane.notifier", "--data-dir", data.toString());
    assertThat(unlocked.code()).as(unlocked.err()).isZero();
    assertThat(unlocked.out()).contains("Account jane.notifier unlocked.");
    HttpResponse<String> again =
        guesser.post("/sign-in", Map.of("username", "jane.notifier", "password", GOOD));
    assertThat(again.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in/code"));

    // A password reset: the old password stops working, the new code leads to a new password.
    Run reset = run("", "users", "reset-password", "jane.notifier", "--data-dir", data.toString());
    assertThat(reset.code()).as(reset.err()).isZero();
    String newCode = setUpCode(reset.out());
    SignedInHttp later = new SignedInHttp(port);
    later.get("/sign-in");
    assertThat(
            later
                .post("/sign-in", Map.of("username", "jane.notifier", "password", GOOD))
                .statusCode())
        .as("the old password no longer works")
        .isEqualTo(200);
    assertThat(
            later
                .post("/sign-in", Map.of("username", "jane.notifier", "password", newCode))
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in/new-password"));

    // A new role, seen by the server's list of accounts.
    Run changed =
        run(
            "",
            "users",
            "change",
            "jane.notifier",
            "--role",
            "PARTNERSHIP",
            "--partnership",
            "E09000033",
            "--data-dir",
            data.toString());
    assertThat(changed.code()).as(changed.err()).isZero();
    assertThat(changed.out()).contains("Account jane.notifier is now PARTNERSHIP");
    Run list = run("", "users", "list", "--data-dir", data.toString());
    assertThat(list.out()).containsPattern("jane\\.notifier +PARTNERSHIP +partnership E09000033");
  }

  @Test
  @DisplayName(
      "users disable/enable/reset-authenticator/revoke-tokens, each audited; the last"
          + " administrator cannot be disabled; every --help is whole sentences")
  void theOtherActions() {
    String data = tmp.resolve("data").toString();
    Run admin =
        run(
            GOOD + "\n",
            "users",
            "add",
            "only.admin",
            "--role",
            "ADMIN",
            "--password-stdin",
            "--data-dir",
            data);
    assertThat(admin.code()).as(admin.err()).isZero();
    Run lastAdmin = run("", "users", "disable", "only.admin", "--data-dir", data);
    assertThat(lastAdmin.code()).isEqualTo(1);
    assertThat(lastAdmin.err()).contains("last enabled administrator").contains("Nothing was");
    Run demote =
        run("", "users", "change", "only.admin", "--role", "INSPECTOR", "--data-dir", data);
    assertThat(demote.code()).isEqualTo(1);
    assertThat(demote.err()).contains("last enabled administrator");

    run(
        GOOD + "\n",
        "users",
        "add",
        "ann.inspector",
        "--role",
        "INSPECTOR",
        "--password-stdin",
        "--data-dir",
        data);
    run("", "users", "token", "ann.inspector", "--data-dir", data);
    assertThat(run("", "users", "disable", "ann.inspector", "--data-dir", data).out())
        .contains("Account ann.inspector disabled.");
    assertThat(run("", "users", "enable", "ann.inspector", "--data-dir", data).out())
        .contains("Account ann.inspector enabled.");
    Run authenticator =
        run("", "users", "reset-authenticator", "ann.inspector", "--data-dir", data);
    assertThat(authenticator.out())
        .contains("the next sign-in sets up a new app")
        .containsPattern("TOTP secret: [A-Z2-7]{32}");
    assertThat(run("", "users", "revoke-tokens", "ann.inspector", "--data-dir", data).out())
        .contains("Revoked 1 token(s) of ann.inspector.");

    DatabaseOptions db = new DatabaseOptions();
    db.dataDir = Path.of(data);
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      Accounts accounts = app.getBean(Accounts.class);
      assertThat(accounts.pendingEnrolmentSecret("ann.inspector")).isPresent();
      var details =
          app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
              .queryForList(
                  "select details from audit_entry where record_type = 'account' and record_ref"
                      + " = 'ann.inspector' and actor like 'cli:%' order by id",
                  String.class);
      assertThat(details)
          .anySatisfy(d -> assertThat(d).startsWith("Account added: Inspector"))
          .anySatisfy(d -> assertThat(d).isEqualTo("Account disabled"))
          .anySatisfy(d -> assertThat(d).isEqualTo("Account enabled"))
          .anySatisfy(d -> assertThat(d).startsWith("Authenticator reset"))
          .anySatisfy(d -> assertThat(d).startsWith("API tokens revoked (1"));
    }

    for (String sub :
        List.of(
            "list",
            "add",
            "disable",
            "enable",
            "unlock",
            "reset-password",
            "reset-authenticator",
            "change",
            "revoke-tokens")) {
      Run help = run("", "users", sub, "--help");
      assertThat(help.code()).isZero();
      String description =
          help.out()
              .lines()
              .skip(1)
              .dropWhile(l -> l.startsWith(" ")) // the usage line's continuation
              .takeWhile(l -> !l.isBlank() && !l.startsWith(" "))
              .reduce("", (a, b) -> a + " " + b)
              .strip();
      assertThat(description).as("users " + sub + " --help").isNotEmpty().endsWith(".");
    }
    assertThat(run("", "users", "--help").out().replaceAll("\\s+", " "))
        .contains("works while the server runs")
        .contains("reset-password")
        .contains("unlock");
  }
}
