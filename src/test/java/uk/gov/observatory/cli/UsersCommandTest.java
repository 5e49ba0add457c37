package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.PasswordCheck;

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
}
