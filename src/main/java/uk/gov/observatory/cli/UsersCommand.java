package uk.gov.observatory.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Enrolment;
import uk.gov.observatory.access.InvalidAccountException;
import uk.gov.observatory.access.IssuedToken;
import uk.gov.observatory.access.Role;

@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Manages local accounts, their API tokens and Panel members' conflicts of interest.",
      "Adds and lists accounts; disables, enables and unlocks them; resets a password (with a one-time set-up code) or an authenticator app; changes a role; issues and revokes personal API tokens; records Panel members' conflicts of interest. There is no default account and no default password. Each command works while the server runs on the same data folder: it uses the running server's database."
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListAccounts.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.Unlock.class,
      UsersCommand.ResetPassword.class,
      UsersCommand.ResetAuthenticator.class,
      UsersCommand.Change.class,
      UsersCommand.RevokeTokens.class,
      UsersCommand.Token.class,
      UsersCommand.RevokeToken.class,
      UsersCommand.DeclareInterest.class,
      UsersCommand.ListInterests.class,
      UsersCommand.WithdrawInterest.class
    })
class UsersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Runs an account action; a refused request prints its problems and gives exit code 1. */
  /**
   * Runs an action against the application and prints the line it returns; a refused request prints
   * its problems instead and gives exit code 1.
   */
  static int run(
      DatabaseOptions db,
      CommandSpec spec,
      java.util.function.Function<ConfigurableApplicationContext, String> action) {
    try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
      spec.commandLine().getOut().println(action.apply(app));
      return 0;
    } catch (InvalidAccountException e) {
      return refused(spec.commandLine().getErr(), e);
    }
  }

  /** An instant as people read it: "13 December 2026 at 22:11 UTC". */
  static String until(Instant at) {
    return java.time.format.DateTimeFormatter.ofPattern(
            "d MMMM yyyy 'at' HH:mm 'UTC'", java.util.Locale.UK)
        .format(at.atZone(java.time.ZoneOffset.UTC));
  }

  static int refused(PrintWriter err, InvalidAccountException e) {
    for (String problem : e.problems()) {
      err.println("error: " + problem);
    }
    err.println("Nothing was changed.");
    return 1;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds an account.",
        "Either the password is read from standard input (--password-stdin): at least 12 characters, not a common password, not the username; or, with --set-up-code, a one-time set-up code is printed for the person, who signs in with it and chooses their own password. Prints the TOTP secret, its otpauth:// URI and 10 single-use recovery codes once: they are not shown again."
      })
  static class Add implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "3 to 64 of a-z, 0-9, '.', '_', '-'.")
    String username;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "One of: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(
        names = "--la",
        paramLabel = "CODE",
        description = "A local authority's GSS code (LA_NOTIFIER only; at least one; repeatable).")
    List<String> laCodes = new ArrayList<>();

    @Option(
        names = "--partnership",
        paramLabel = "CODE",
        description =
            "The safeguarding partnership (PARTNERSHIP only; by default its local authority's GSS"
                + " code).")
    String partnershipCode;

    @Option(
        names = "--allow-ended",
        description =
            "Allow a local authority no longer in operation for --la or --partnership (say"
                + " Northamptonshire, E10000021, split in 2021). Not needed for a recoded"
                + " authority: an account for Sheffield's E08000039 reaches its records under"
                + " E08000019 too.")
    boolean allowEnded;

    @Option(
        names = "--password-stdin",
        description =
            "Reads the password from standard input (one line). Give this or --set-up-code.")
    boolean passwordStdin;

    @Option(
        names = "--set-up-code",
        description =
            "Prints a one-time set-up code in place of a password: the person signs in with it"
                + " once and chooses their own password.")
    boolean setUpCode;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (passwordStdin == setUpCode) {
        err.println(
            "error: give --password-stdin and type or pipe the password on standard input, or"
                + " give --set-up-code for a one-time code the person signs in with (there is no"
                + " default password, and none is taken on the command line)");
        return 1;
      }
      String password = passwordStdin ? readPassword(err) : null;
      if (passwordStdin && password == null) {
        return 1;
      }
      try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
        Accounts accounts = app.getBean(Accounts.class);
        Enrolment e;
        uk.gov.observatory.access.SetUpCode code = null;
        if (setUpCode) {
          Accounts.NewAccount added =
              accounts.invite(
                  username,
                  role,
                  laCodes,
                  partnershipCode,
                  allowEnded,
                  uk.gov.observatory.audit.Actors.cli());
          e = added.enrolment();
          code = added.setUpCode();
        } else {
          e = accounts.add(username, role, laCodes, partnershipCode, password, allowEnded);
          accounts.audited(uk.gov.observatory.audit.Actors.cli(), e.account());
        }
        out.printf("Account %s created (%s).%n", username, role);
        if (code != null) {
          out.println();
          out.printf(
              "One-time set-up code: %s (works once, until %s). The person signs in with it in"
                  + " place of a password and chooses their own password.%n",
              code.code(), until(code.expiresAt()));
        }
        out.println();
        out.println("Two-factor sign-in: add this account to an authenticator app.");
        out.println("TOTP secret: " + e.totpSecret());
        out.println("otpauth URI: " + e.otpauthUri());
        out.println();
        out.println("Recovery codes (each works once, in place of an authenticator code):");
        for (String recovery : e.recoveryCodes()) {
          out.println("  " + recovery);
        }
        out.println();
        out.println(
            "The secret and the recovery codes are shown this once and will not be shown again:"
                + " give them to the account's holder by a safe route.");
        out.flush();
        return 0;
      } catch (InvalidAccountException e) {
        return refused(err, e);
      }
    }

    /** One line of standard input; at a terminal, asked for twice without echo. */
    private String readPassword(PrintWriter err) throws IOException {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("Password for %s: ", username);
        char[] second = console.readPassword("Password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
          err.println("error: the two passwords differ (or none was given)");
          return null;
        }
        return new String(first);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        err.println("error: no password on standard input (one line is read)");
        return null;
      }
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Lists the accounts with their username, role, scope, and whether each is enabled or locked.")
  static class ListAccounts implements Callable<Integer> {

    @Option(
        names = "--search",
        paramLabel = "TEXT",
        description = "Lists only the accounts whose username contains this text.")
    String search;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        description = "Lists only the accounts with this role, one of: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(
        names = "--la",
        paramLabel = "CODE",
        description =
            "Lists only the accounts of this local authority (its GSS code), as notifier or"
                + " partnership.")
    String la;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
        List<Account> accounts =
            app.getBean(Accounts.class).search(search, role, la, 0, Integer.MAX_VALUE).accounts();
        Instant now = app.getBean(java.time.Clock.class).instant();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"USERNAME", "ROLE", "SCOPE", "ENABLED", "LOCKED"});
        for (Account a : accounts) {
          rows.add(
              new String[] {
                a.username(),
                a.role().name(),
                a.scopeDescription(),
                a.enabled() ? "yes" : "no",
                a.lockedAt(now) ? "until " + a.lockedUntil() : "no"
              });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
          }
        }
        for (String[] row : rows) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < row.length; i++) {
            line.append(
                i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
          }
          out.println(line.toString().stripTrailing());
        }
        if (accounts.isEmpty()) {
          out.println(
              search == null && role == null && la == null
                  ? "(no accounts: add one with 'users add')"
                  : "(no account matches)");
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disables an account: it can no longer sign in and its API tokens are refused.")
  static class Disable implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            app.getBean(Accounts.class).disable(username, uk.gov.observatory.audit.Actors.cli());
            return "Account " + username + " disabled.";
          });
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enables a disabled account again: the person can sign in as before.")
  static class Enable implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            app.getBean(Accounts.class).enable(username, uk.gov.observatory.audit.Actors.cli());
            return "Account " + username + " enabled.";
          });
    }
  }

  @Command(
      name = "unlock",
      mixinStandardHelpOptions = true,
      description =
          "Unlocks an account locked after too many failed sign-ins: the person can sign in"
              + " straight away.")
  static class Unlock implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            app.getBean(Accounts.class).unlock(username, uk.gov.observatory.audit.Actors.cli());
            return "Account " + username + " unlocked.";
          });
    }
  }

  @Command(
      name = "reset-password",
      mixinStandardHelpOptions = true,
      description = {
        "Resets an account's password.",
        "The old password stops working, and a one-time set-up code is printed once for you to give the person by a safe route. They sign in with it in place of a password and choose a new one. Their authenticator app keeps working."
      })
  static class ResetPassword implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            var code =
                app.getBean(Accounts.class)
                    .resetPassword(username, uk.gov.observatory.audit.Actors.cli());
            return String.format(
                "Password of %s reset. One-time set-up code: %s (works once, until %s). It is"
                    + " shown this once and will not be shown again.",
                username, code.code(), until(code.expiresAt()));
          });
    }
  }

  @Command(
      name = "reset-authenticator",
      mixinStandardHelpOptions = true,
      description = {
        "Resets an account's authenticator app.",
        "Codes from the old app and the old recovery codes stop working, and the next sign-in sets up a new app. Prints the new TOTP secret, its otpauth:// URI and 10 new recovery codes once."
      })
  static class ResetAuthenticator implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            Enrolment e =
                app.getBean(Accounts.class)
                    .resetAuthenticator(username, uk.gov.observatory.audit.Actors.cli());
            StringBuilder b = new StringBuilder();
            b.append("Authenticator of ")
                .append(username)
                .append(" reset: the next sign-in sets up a new app.\n");
            b.append("TOTP secret: ").append(e.totpSecret()).append('\n');
            b.append("otpauth URI: ").append(e.otpauthUri()).append('\n');
            b.append("Recovery codes (each works once, in place of an authenticator code):\n");
            for (String c : e.recoveryCodes()) {
              b.append("  ").append(c).append('\n');
            }
            b.append("They are shown this once and will not be shown again.");
            return b.toString();
          });
    }
  }

  @Command(
      name = "change",
      mixinStandardHelpOptions = true,
      description = {
        "Changes an account's role and its local authorities or partnership.",
        "The last enabled administrator keeps the ADMIN role. The change applies at once, even to a person signed in now."
      })
  static class Change implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "The new role, one of: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Option(
        names = "--la",
        paramLabel = "CODE",
        description =
            "A local authority's GSS code (LA_NOTIFIER only; at least one; repeat it for more).")
    List<String> laCodes = new ArrayList<>();

    @Option(
        names = "--partnership",
        paramLabel = "CODE",
        description =
            "The safeguarding partnership (PARTNERSHIP only; by default its local authority's GSS"
                + " code).")
    String partnershipCode;

    @Option(
        names = "--allow-ended",
        description = "Allows a local authority that is no longer in operation.")
    boolean allowEnded;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            Account a =
                app.getBean(Accounts.class)
                    .change(
                        username,
                        role,
                        laCodes,
                        partnershipCode,
                        allowEnded,
                        uk.gov.observatory.audit.Actors.cli());
            return "Account "
                + username
                + " is now "
                + a.role()
                + " ("
                + a.scopeDescription()
                + ").";
          });
    }
  }

  @Command(
      name = "revoke-tokens",
      mixinStandardHelpOptions = true,
      description = "Revokes every personal API token of an account: they stop working at once.")
  static class RevokeTokens implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            int n =
                app.getBean(Accounts.class)
                    .revokeTokens(username, uk.gov.observatory.audit.Actors.cli());
            return "Revoked " + n + " token(s) of " + username + ".";
          });
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = {
        "Issues a personal API token (Authorization: Bearer TOKEN), printed once.",
        "Only its hash is kept. Revoke it with 'users revoke-token'."
      })
  static class Token implements Callable<Integer> {

    static final Pattern VALIDITY = Pattern.compile("(\\d{1,5})([dh])");

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Option(
        names = "--expires",
        paramLabel = "PERIOD",
        defaultValue = "90d",
        description =
            "How long it works: Nd (days) or Nh (hours); at most 365d (default: ${DEFAULT-VALUE}).")
    String expires;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Matcher m = VALIDITY.matcher(expires);
      if (!m.matches()) {
        err.printf(
            "error: --expires %s: give a number of days or hours, such as 90d or 12h%n", expires);
        return 1;
      }
      long n = Long.parseLong(m.group(1));
      Duration validity = m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
      try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
        IssuedToken t = app.getBean(Accounts.class).issueToken(username, validity);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Token %d for %s, expires %s. It is shown this once and will not be shown again:%n",
            t.id(), username, t.expiresAt());
        out.println(t.token());
        out.flush();
        return 0;
      } catch (InvalidAccountException e) {
        return refused(err, e);
      }
    }
  }

  @Command(
      name = "revoke-token",
      mixinStandardHelpOptions = true,
      description = "Revokes an account's API tokens: all of them, or the one numbered --id.")
  static class RevokeToken implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Option(names = "--id", paramLabel = "N", description = "Only the token with this number.")
    Long id;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
        Accounts accounts = app.getBean(Accounts.class);
        if (id != null) {
          if (!accounts.revokeToken(username, id)) {
            spec.commandLine()
                .getErr()
                .printf("error: %s has no token %d in force%n", username, id);
            return 1;
          }
          out.printf("Token %d of %s revoked.%n", id, username);
        } else {
          out.printf(
              "Revoked %d token(s) of %s.%n",
              accounts.revokeTokens(username, uk.gov.observatory.audit.Actors.cli()), username);
        }
        return 0;
      } catch (InvalidAccountException e) {
        return refused(spec.commandLine().getErr(), e);
      }
    }
  }

  @Command(
      name = "declare-interest",
      mixinStandardHelpOptions = true,
      description = {
        "Records a Panel member's conflict of interest.",
        "They are withdrawn from the cases of the local authority whose incident date falls in the period (not listed, 404 on open)."
      })
  static class DeclareInterest implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Option(
        names = "--la",
        required = true,
        paramLabel = "CODE",
        description = "GSS code of the local authority.")
    String la;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "YYYY-MM-DD",
        description = "First incident date covered.")
    java.time.LocalDate from;

    @Option(
        names = "--to",
        paramLabel = "YYYY-MM-DD",
        description = "Last incident date covered (default: open-ended).")
    java.time.LocalDate to;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why the member declares it.")
    String reason;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            var interest =
                app.getBean(uk.gov.observatory.access.Interests.class)
                    .declare(username, la, from, to, reason, uk.gov.observatory.audit.Actors.cli());
            return String.format(
                "Interest %d declared: %s is withdrawn from %s cases from %s%s.",
                interest.id(), username, la, from, to == null ? "" : " to " + to);
          });
    }
  }

  @Command(
      name = "interests",
      mixinStandardHelpOptions = true,
      description = "Lists a Panel member's declared interests in force.")
  static class ListInterests implements Callable<Integer> {

    @Parameters(paramLabel = "USERNAME", description = "The account's username.")
    String username;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
        var out = spec.commandLine().getOut();
        var list = app.getBean(uk.gov.observatory.access.Interests.class).current(username);
        if (list.isEmpty()) {
          out.printf("%s has no declared interests.%n", username);
        }
        for (var i : list) {
          out.printf(
              "%d  %s  %s to %s  %s%n",
              i.id(), i.laCode(), i.from(), i.to() == null ? "(open)" : i.to(), i.reason());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "withdraw-interest",
      mixinStandardHelpOptions = true,
      description = "Withdraws a declaration: the member sees those cases again.")
  static class WithdrawInterest implements Callable<Integer> {

    @Parameters(
        paramLabel = "ID",
        description = "The declaration's number (see 'users interests').")
    long id;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          app -> {
            app.getBean(uk.gov.observatory.access.Interests.class)
                .withdraw(id, uk.gov.observatory.audit.Actors.cli());
            return "Interest " + id + " withdrawn.";
          });
    }
  }
}
