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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Enrolment;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.publication.Edition;
import uk.gov.observatory.publication.Editions;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.synthetic.SyntheticData;
import uk.gov.observatory.web.DemoMode;

/**
 * The demonstration ({@code serve --demo}, property {@code observatory.demo=true}): on an empty
 * register, two generated years of synthetic data (2019 and 2020); and one account per role, each
 * started afresh with a new password, TOTP secret and recovery codes, printed on the console as the
 * last thing the server says and written to {@code DATA_DIR/demo-accounts.txt} (readable by its
 * owner only). Until then the pages say the demonstration is being prepared ({@link DemoMode}).
 * Without the property this bean does not exist, so nothing is loaded and no account is made.
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

  /** The file in the data folder that holds the demo's accounts (owner only). */
  public static final String ACCOUNTS_FILE = "demo-accounts.txt";

  /** The demo accounts' usernames start with this. */
  public static final String PREFIX = "demo.";

  /** An account the demo made, with the secrets to sign in with (synthetic, shown once). */
  public record DemoAccount(
      String username,
      Role role,
      String scope,
      String password,
      String totpSecret,
      String uri,
      List<String> recoveryCodes) {}

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
  private final DemoMode mode;
  private final Editions editions;
  private final DemoLibrary library;
  private final SecureRandom random = new SecureRandom();

  public DemoData(
      StandardCsv csv,
      NotificationRegister register,
      Accounts accounts,
      ReferenceData reference,
      WorkingDayCalendar calendar,
      Clock clock,
      DemoMode mode,
      Editions editions,
      DemoLibrary library) {
    this.csv = csv;
    this.library = library;
    this.editions = editions;
    this.register = register;
    this.accounts = accounts;
    this.reference = reference;
    this.calendar = calendar;
    this.clock = clock;
    this.mode = mode;
  }

  /** The demo's accounts, one per role. */
  public static final List<Seat> SEATS =
      List.of(
          new Seat(PREFIX + "notifier", Role.LA_NOTIFIER, "Leeds City Council's notifier"),
          new Seat(
              PREFIX + "partnership",
              Role.PARTNERSHIP,
              "Leeds safeguarding partnership's business manager"),
          new Seat(PREFIX + "secretariat", Role.PANEL_SECRETARIAT, "the Panel's secretariat"),
          new Seat(PREFIX + "member", Role.PANEL_MEMBER, "a Panel member"),
          new Seat(PREFIX + "inspector", Role.INSPECTOR, "a DfE or Ofsted inspector (read only)"),
          new Seat(PREFIX + "admin", Role.ADMIN, "the administrator (accounts only)"));

  /**
   * A demo account's username, role and who it plays, for a person (scoped roles are for {@link
   * #LA}).
   */
  public record Seat(String username, Role role, String who) {}

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
    mode.preparing("Making the demonstration's accounts", ACCOUNTS_FROM);
    List<DemoAccount> made = new ArrayList<>();
    for (Seat seat : SEATS) {
      made.add(account(seat));
    }
    editions(out);
    library(out);
    print(out, made);
    return new Loaded(held == 0, imported, held, List.copyOf(made));
  }

  /** Who the demonstration's editions are drafted and published by. */
  static final String EDITIONS_BY = PREFIX + "secretariat";

  /**
   * The demonstration's editions, when there are none yet: England's 2020, as at 31 March 2021 (the
   * annual report's as-at date), published; and a 2021 draft as at 31 March 2022.
   */
  private void editions(PrintStream out) {
    if (editions.count() > 0) {
      return;
    }
    mode.preparing("Publishing the demonstration's edition of 2020", ACCOUNTS_FROM);
    try {
      Edition y2020 =
          editions.draft(
              Edition.PeriodKind.YEAR, 2020, null, LocalDate.of(2021, 3, 31), null, EDITIONS_BY);
      Edition published = editions.publish(y2020.id(), EDITIONS_BY);
      editions.draft(
          Edition.PeriodKind.YEAR, 2021, null, LocalDate.of(2022, 3, 31), null, EDITIONS_BY);
      out.printf(
          "Demo: published the edition %s (/statistics/%s); left a draft of 2021.%n",
          published.name(), published.slug());
    } catch (RuntimeException e) {
      // The demonstration still serves its register: say what failed, without stopping it.
      out.printf("Demo: could not publish the demonstration's editions: %s%n", e.getMessage());
    }
  }

  /**
   * The demonstration's learning library, when it is empty: a few published documents and a draft
   * the identifying-details check blocks (see {@link DemoLibrary}).
   */
  private void library(PrintStream out) {
    mode.preparing("Filling the demonstration's learning library", ACCOUNTS_FROM);
    try {
      library.load(out);
    } catch (RuntimeException e) {
      // The demonstration still serves its register: say what failed, without stopping it.
      out.printf("Demo: could not fill the demonstration's learning library: %s%n", e.getMessage());
    }
  }

  /** Shares of the preparation's progress bar: generating, then importing, then the accounts. */
  private static final double IMPORT_FROM = 0.25;

  private static final double ACCOUNTS_FROM = 0.95;

  /** The import's stages (checking and storing three kinds of record). */
  private static final int IMPORT_STAGES = 6;

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
                  (done, total) -> {
                    out.printf("Demo: generated block %d of %d%n", done, total);
                    mode.preparing(
                        "Generating synthetic notifications", IMPORT_FROM * done / total);
                  });
      out.printf(
          "Demo: generated %,d notifications, %,d children, %,d rapid reviews, %,d LCSPRs%n",
          s.notifications(), s.children(), s.rapidReviews(), s.lcsprs());
      StandardCsv.Imported result =
          csv.importFrom(
              dir,
              false,
              new ImportProgress() {
                private int stage = -1;
                private long steps;
                private long total;

                @Override
                public void stage(String description, long total) {
                  out.printf("Demo: %s (%,d)%n", description, total);
                  this.stage++;
                  this.steps = 0;
                  this.total = Math.max(1, total);
                  show(description);
                }

                @Override
                public void step() {
                  steps++;
                  if (steps % 100 == 0) {
                    show(mode.step());
                  }
                }

                private void show(String description) {
                  double within = Math.min(1, (double) steps / total);
                  double share = (ACCOUNTS_FROM - IMPORT_FROM) / IMPORT_STAGES;
                  mode.preparing(
                      description, IMPORT_FROM + share * (Math.min(stage, IMPORT_STAGES) + within));
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

  private DemoAccount account(Seat seat) {
    String username = seat.username();
    Role role = seat.role();
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
        username, role, seat.who(), password, e.totpSecret(), e.otpauthUri(), e.recoveryCodes());
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
    out.println();
    out.print(block(made));
    out.flush();
  }

  /** The accounts as a person reads them, on the console and in the accounts file. */
  static String block(List<DemoAccount> made) {
    String rule = "=".repeat(78);
    StringBuilder b = new StringBuilder();
    b.append(rule).append('\n');
    b.append("DEMO ACCOUNTS (synthetic data only)\n");
    b.append(rule).append('\n');
    b.append("Sign in with a username and its password, then the 6-digit code from an\n");
    b.append("authenticator app set up with the TOTP secret (or: oathtool --totp -b SECRET).\n");
    b.append("Each recovery code signs in once instead of a code. New passwords, secrets and\n");
    b.append("recovery codes are made each time the demonstration starts.\n");
    for (DemoAccount a : made) {
      b.append('\n');
      b.append(String.format("  %-20s %s%n", a.username(), a.scope()));
      b.append(String.format("    password:       %s%n", a.password()));
      b.append(String.format("    TOTP secret:    %s%n", a.totpSecret()));
      List<String> codes = a.recoveryCodes();
      for (int i = 0; i < codes.size(); i += 5) {
        b.append(i == 0 ? "    recovery codes: " : "                    ");
        b.append(String.join(" ", codes.subList(i, Math.min(codes.size(), i + 5)))).append('\n');
      }
      b.append(String.format("    otpauth URI:    %s%n", a.uri()));
    }
    b.append(rule).append('\n');
    return b.toString();
  }

  /**
   * Loads the demonstration, writes its accounts to {@code file} (readable and writable by its
   * owner only), opens the pages and says, as the last line, where to sign in.
   */
  public Loaded start(PrintStream out, Path file, String address) {
    Loaded loaded = load(out);
    writeAccounts(file, loaded.accounts());
    mode.ready();
    out.println();
    out.printf(
        "Observatory is ready: open %s and sign in with an account above.%n"
            + "The accounts are also in %s (readable only by you).%n",
        address, file.toAbsolutePath().normalize());
    out.flush();
    return loaded;
  }

  private static void writeAccounts(Path file, List<DemoAccount> made) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Files.deleteIfExists(file);
      java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly =
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
      try {
        Files.createFile(
            file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(ownerOnly));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, block(made));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demonstration's accounts to " + file, e);
    }
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
        Clock clock,
        DemoMode mode,
        Editions editions,
        uk.gov.observatory.library.LibraryDocuments documents,
        uk.gov.observatory.review.Lcsprs lcsprs) {
      return new DemoData(
          csv,
          register,
          accounts,
          reference,
          calendar,
          clock,
          mode,
          editions,
          new DemoLibrary(documents, lcsprs, register));
    }

    /**
     * Loads once the server is up and every other start-up step has said its piece, so the accounts
     * and the "ready" line are the last lines printed; unless {@code
     * observatory.demo.load-at-start=false} (tests load it themselves).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnProperty(
        name = PROPERTY + ".load-at-start",
        havingValue = "true",
        matchIfMissing = true)
    ApplicationListener<ApplicationReadyEvent> demoLoader(DemoData demo, Environment env) {
      return event -> {
        Path dataDir = Path.of(env.getProperty("observatory.data-dir", "./data"));
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        demo.start(System.out, dataDir.resolve(ACCOUNTS_FILE), "http://localhost:" + port + "/");
      };
    }
  }
}
