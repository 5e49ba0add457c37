package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Enrolment;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * The demonstration ({@code serve --demo}, property {@code observatory.demo=true}): on an empty
 * register, two generated years of synthetic data (2019 and 2020); and one account per role, each
 * started afresh with a new password and TOTP secret printed on the console. Without the property
 * this bean does not exist, so nothing is loaded and no account is made.
 */
public class DemoData {

  /** The property that turns the demonstration on. */
  public static final String PROPERTY = "observatory.demo";

  /** The years loaded. */
  public static final List<Integer> YEARS = List.of(2019, 2020);

  /** The generator's seed (the same as {@code generate}'s default). */
  public static final long SEED = 1;

  /** Leeds: the local authority of the demo notifier and partnership. */
  public static final String LA = "E08000035";

  /** The demo accounts' usernames start with this. */
  public static final String PREFIX = "demo.";

  /** An account the demo made, with the secrets to sign in with (synthetic, shown once). */
  public record DemoAccount(
      String username, Role role, String scope, String password, String totpSecret, String uri) {}

  /** What the demo did: notifications imported (0 when the register already held some). */
  public record Loaded(
      boolean imported, long notifications, long held, List<DemoAccount> accounts) {}

  private static final char[] PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private final StandardCsv csv;
  private final NotificationRegister register;
  private final Accounts accounts;
  private final ReferenceData reference;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DemoData(
      StandardCsv csv,
      NotificationRegister register,
      Accounts accounts,
      ReferenceData reference,
      WorkingDayCalendar calendar,
      Clock clock) {
    this.csv = csv;
    this.register = register;
    this.accounts = accounts;
    this.reference = reference;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The demo's accounts, one per role. */
  public static final List<Seat> SEATS =
      List.of(
          new Seat(PREFIX + "notifier", Role.LA_NOTIFIER),
          new Seat(PREFIX + "partnership", Role.PARTNERSHIP),
          new Seat(PREFIX + "secretariat", Role.PANEL_SECRETARIAT),
          new Seat(PREFIX + "member", Role.PANEL_MEMBER),
          new Seat(PREFIX + "inspector", Role.INSPECTOR),
          new Seat(PREFIX + "admin", Role.ADMIN));

  /** A demo account's username and role (scoped roles are for {@link #LA}). */
  public record Seat(String username, Role role) {}

  /**
   * Loads the years when the register holds no notifications, then creates (or starts afresh) the
   * demo accounts. Tells {@code out} a line per step and prints the accounts' secrets once.
   */
  public Loaded load(PrintStream out) {
    long held = register.count();
    long imported = 0;
    if (held == 0) {
      imported = importYears(out);
    } else {
      out.printf("Demo: the register already holds %,d notifications: nothing imported.%n", held);
    }
    List<DemoAccount> made = new ArrayList<>();
    for (Seat seat : SEATS) {
      made.add(account(seat.username(), seat.role()));
    }
    print(out, made);
    return new Loaded(held == 0, imported, held, List.copyOf(made));
  }

  private long importYears(PrintStream out) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("observatory-demo-");
      out.printf(
          "Demo: generating synthetic notifications for %s (seed %d) in %s%n", YEARS, SEED, dir);
      SyntheticData.Summary s =
          new SyntheticData(reference, calendar)
              .generate(
                  YEARS,
                  1.0,
                  SEED,
                  true,
                  LocalDate.now(clock),
                  dir,
                  (done, total) -> out.printf("Demo: generated block %d of %d%n", done, total));
      out.printf(
          "Demo: generated %,d notifications, %,d children, %,d rapid reviews, %,d LCSPRs%n",
          s.notifications(), s.children(), s.rapidReviews(), s.lcsprs());
      StandardCsv.Imported result =
          csv.importFrom(
              dir,
              false,
              new ImportProgress() {
                @Override
                public void stage(String description, long total) {
                  out.printf("Demo: %s (%,d)%n", description, total);
                }
              },
              "demo");
      if (!result.stored()) {
        for (ImportProblem p : result.problems()) {
          out.println(p);
        }
        throw new IllegalStateException(
            "the demo's synthetic data was refused on import: "
                + result.problems().size()
                + " error(s)");
      }
      out.printf(
          "Demo: imported %,d notifications with %,d children, %,d rapid reviews and %,d LCSPRs.%n",
          result.notifications(), result.children(), result.rapidReviews(), result.lcsprs());
      return result.notifications();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's synthetic data", e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind does no harm.
    }
  }

  private DemoAccount account(String username, Role role) {
    String password = password();
    Enrolment e;
    if (accounts.find(username).isPresent()) {
      e = accounts.reenrol(username, password);
    } else {
      List<String> las = role == Role.LA_NOTIFIER ? List.of(LA) : List.of();
      String partnership = role == Role.PARTNERSHIP ? LA : null;
      e = accounts.add(username, role, las, partnership, password);
    }
    return new DemoAccount(
        username, role, e.account().scopeDescription(), password, e.totpSecret(), e.otpauthUri());
  }

  /** 24 random characters in four groups (about 120 bits), easy to copy. */
  private String password() {
    StringBuilder s = new StringBuilder("demo");
    for (int i = 0; i < 24; i++) {
      if (i % 6 == 0) {
        s.append('-');
      }
      s.append(PASSWORD_CHARS[random.nextInt(PASSWORD_CHARS.length)]);
    }
    return s.toString();
  }

  private static void print(PrintStream out, List<DemoAccount> made) {
    String rule = "=".repeat(78);
    out.println();
    out.println(rule);
    out.println("DEMO ACCOUNTS (synthetic data only)");
    out.println(rule);
    out.println("Sign in at /sign-in with the password, then a code from an authenticator app set");
    out.println("up with the TOTP secret (or: oathtool --totp -b SECRET). New passwords and");
    out.println("secrets are made each time the demo starts; they are not shown again.");
    for (DemoAccount a : made) {
      out.println();
      out.printf("  %-20s %s (%s)%n", a.username(), a.role(), a.scope());
      out.printf("    password:    %s%n", a.password());
      out.printf("    TOTP secret: %s%n", a.totpSecret());
      out.printf("    otpauth URI: %s%n", a.uri());
    }
    out.println(rule);
    out.println();
    out.flush();
  }

  /** Makes the demo's bean, and loads it at start-up, only when the demonstration is on. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = PROPERTY, havingValue = "true")
  static class DemoConfiguration {

    @Bean
    DemoData demoData(
        StandardCsv csv,
        NotificationRegister register,
        Accounts accounts,
        ReferenceData reference,
        WorkingDayCalendar calendar,
        Clock clock) {
      return new DemoData(csv, register, accounts, reference, calendar, clock);
    }

    /** Loads at start-up unless {@code observatory.demo.load-at-start=false} (tests load it). */
    @Bean
    @ConditionalOnProperty(
        name = PROPERTY + ".load-at-start",
        havingValue = "true",
        matchIfMissing = true)
    ApplicationRunner demoLoader(DemoData demo) {
      return (ApplicationArguments args) -> demo.load(System.out);
    }
  }
}
