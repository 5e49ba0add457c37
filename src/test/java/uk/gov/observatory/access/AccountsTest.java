package uk.gov.observatory.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.internal.AccountRepository;
import uk.gov.observatory.access.internal.Totp;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.support.RegisterTest;

@RegisterTest
class AccountsTest {

  @Autowired uk.gov.observatory.protection.IdentifyingDetails sealing;

  String storedSecret() {
    return sealing.open(
        "account.totp_secret",
        uk.gov.observatory.protection.Sealed.parse(
            jdbc.queryForObject("select totp_secret from account", String.class)));
  }

  static final String GOOD = "copper lantern orbit meadow";

  @Autowired Accounts accounts;
  @Autowired AccountRepository repository;
  @Autowired PasswordPolicy policy;
  @Autowired ReferenceData reference;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired uk.gov.observatory.audit.AuditLog audit;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  /** The service on a clock the test moves (the same database). */
  Accounts accountsAt(MutableClock c) {
    return new Accounts(repository, policy, reference, c, audit, 5, Duration.ofMinutes(15));
  }

  Enrolment notifier(String username) {
    return accounts.add(username, Role.LA_NOTIFIER, List.of("E09000033"), null, GOOD);
  }

  int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName(
      "an account is stored with an Argon2 hash, never the password; weak ones store nothing")
  void passwordsAreHashed() {
    Enrolment e = notifier("jane.notifier");
    assertThat(e.account().role()).isEqualTo(Role.LA_NOTIFIER);
    assertThat(e.account().laCodes()).containsExactly("E09000033");
    String hash =
        jdbc.queryForObject(
            "select password_hash from account where username = 'jane.notifier'", String.class);
    assertThat(hash).startsWith("{argon2}").isNotEqualTo(GOOD).doesNotContain(GOOD);
    assertThat(accounts.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.ACCEPTED);
    assertThat(accounts.verifyPassword("jane.notifier", GOOD + "x"))
        .isEqualTo(PasswordCheck.REFUSED);
    assertThat(accounts.verifyPassword("nobody", GOOD)).isEqualTo(PasswordCheck.UNKNOWN_ACCOUNT);

    assertThatThrownBy(
            () -> accounts.add("short.one", Role.INSPECTOR, List.of(), null, "abcdefghijk"))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("at least 12 characters");
    assertThatThrownBy(
            () -> accounts.add("common.one", Role.INSPECTOR, List.of(), null, "password1234"))
        .hasMessageContaining("common password");
    assertThatThrownBy(
            () ->
                accounts.add(
                    "samename.account", Role.INSPECTOR, List.of(), null, "samename.account"))
        .hasMessageContaining("must not be the username");
    assertThat(count("account")).isEqualTo(1);
    assertThat(count("recovery_code")).isEqualTo(10);
  }

  @Test
  @DisplayName("usernames, roles and their scope are checked; every problem is told at once")
  void scope() {
    assertThatThrownBy(() -> accounts.add("Bad Name", Role.LA_NOTIFIER, List.of(), null, "x"))
        .isInstanceOfSatisfying(
            InvalidAccountException.class,
            ex ->
                assertThat(ex.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).contains("3 to 64 characters"))
                    .anySatisfy(p -> assertThat(p).contains("needs at least one local authority"))
                    .anySatisfy(p -> assertThat(p).contains("at least 12 characters")));
    assertThatThrownBy(
            () -> accounts.add("la.bad", Role.LA_NOTIFIER, List.of("E99999999"), null, GOOD))
        .hasMessageContaining("E99999999: not a local authority's GSS code");
    assertThatThrownBy(() -> accounts.add("ptn", Role.PARTNERSHIP, List.of(), null, GOOD))
        .hasMessageContaining("--partnership CODE");
    assertThatThrownBy(() -> accounts.add("insp", Role.INSPECTOR, List.of("E09000033"), null, GOOD))
        .hasMessageContaining("leave out --la and --partnership");
    assertThat(count("account")).isZero();

    Account partnership =
        accounts.add("leeds.scp", Role.PARTNERSHIP, List.of(), "E08000035", GOOD).account();
    assertThat(partnership.scopeLaCodes()).containsExactly("E08000035");
    assertThat(
            accounts.add("ofsted.one", Role.INSPECTOR, null, null, GOOD).account().scopeLaCodes())
        .isEmpty();
    assertThatThrownBy(() -> accounts.add("leeds.scp", Role.ADMIN, List.of(), null, GOOD))
        .hasMessageContaining("already exists");
    assertThat(accounts.list())
        .extracting(Account::username)
        .containsExactly("leeds.scp", "ofsted.one");
  }

  @Test
  @DisplayName("the RFC 6238 SHA-1 test vectors give the expected codes (last 6 digits)")
  void rfc6238() {
    String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"
    Map<Long, String> vectors =
        Map.of(
            59L, "287082",
            1111111109L, "081804",
            1111111111L, "050471",
            1234567890L, "005924",
            2000000000L, "279037",
            20000000000L, "353130");
    vectors.forEach(
        (t, code) ->
            assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(t))))
                .as("T=" + t)
                .isEqualTo(code));
  }

  @Test
  @DisplayName("a TOTP code of now verifies once; a wrong code and a replayed one are refused")
  void totp() throws Exception {
    Enrolment e = notifier("jane.notifier");
    assertThat(e.totpSecret()).matches("[A-Z2-7]{32}");
    assertThat(e.otpauthUri())
        .startsWith("otpauth://totp/Observatory%3Ajane.notifier?")
        .contains("secret=" + e.totpSecret())
        .contains("issuer=Observatory");
    // Sealed at rest: the stored value is not the secret, and opens to it.
    String stored =
        jdbc.queryForObject(
            "select totp_secret from account where username = 'jane.notifier'", String.class);
    assertThat(stored).startsWith("v1:").doesNotContain(e.totpSecret());
    assertThat(storedSecret()).isEqualTo(e.totpSecret());

    long step = clock.instant().getEpochSecond() / 30;
    String code = new DefaultCodeGenerator().generate(e.totpSecret(), step);
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

    assertThat(accounts.verifyTotp("jane.notifier", wrong)).isEqualTo(PasswordCheck.REFUSED);
    assertThat(accounts.verifyTotp("jane.notifier", "12345")).isEqualTo(PasswordCheck.REFUSED);
    assertThat(accounts.verifyTotp("jane.notifier", code)).isEqualTo(PasswordCheck.ACCEPTED);
    assertThat(accounts.verifyTotp("jane.notifier", code)).isEqualTo(PasswordCheck.REFUSED);
    // The previous step's code is still within the window, but older than the one used: refused.
    String previous = new DefaultCodeGenerator().generate(e.totpSecret(), step - 1);
    assertThat(accounts.verifyTotp("jane.notifier", previous)).isEqualTo(PasswordCheck.REFUSED);
    // The next step's code (a clock a little ahead) is accepted.
    String next = new DefaultCodeGenerator().generate(e.totpSecret(), step + 1);
    assertThat(accounts.verifyTotp("jane.notifier", next)).isEqualTo(PasswordCheck.ACCEPTED);
    String far = new DefaultCodeGenerator().generate(e.totpSecret(), step + 5);
    assertThat(accounts.verifyTotp("jane.notifier", far)).isEqualTo(PasswordCheck.REFUSED);
  }

  @Test
  @DisplayName("a recovery code works once only, and only its hash is stored")
  void recoveryCodes() throws Exception {
    Enrolment e = notifier("jane.notifier");
    assertThat(e.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
    String code = e.recoveryCodes().get(3);
    assertThat(jdbc.queryForList("select code_hash from recovery_code", String.class))
        .hasSize(10)
        .doesNotContain(code)
        .contains(sha256(code.replace("-", "")));
    assertThat(accounts.useRecoveryCode("jane.notifier", code.toUpperCase()))
        .isEqualTo(PasswordCheck.ACCEPTED);
    assertThat(accounts.useRecoveryCode("jane.notifier", code)).isEqualTo(PasswordCheck.REFUSED);
    assertThat(accounts.useRecoveryCode("jane.notifier", "aaaa-bbbb-cccc-dddd"))
        .isEqualTo(PasswordCheck.REFUSED);
    assertThat(accounts.unusedRecoveryCodes("jane.notifier")).isEqualTo(9);
  }

  @Test
  @DisplayName(
      "5 wrong passwords lock the account; the right one is refused until the lock expires")
  void lockout() {
    notifier("jane.notifier");
    MutableClock c = new MutableClock(clock.instant(), clock.getZone());
    Accounts at = accountsAt(c);
    for (int i = 1; i <= 4; i++) {
      assertThat(at.verifyPassword("jane.notifier", "wrong password " + i))
          .isEqualTo(PasswordCheck.REFUSED);
    }
    assertThat(at.verifyPassword("jane.notifier", "wrong password 5"))
        .isEqualTo(PasswordCheck.LOCKED);
    Account locked = at.find("jane.notifier").orElseThrow();
    assertThat(locked.failedAttempts()).isEqualTo(5);
    assertThat(locked.lockedUntil()).isEqualTo(c.instant().plus(Duration.ofMinutes(15)));

    assertThat(at.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.LOCKED);
    c.advance(Duration.ofMinutes(14));
    assertThat(at.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.LOCKED);
    String code = Totp.code(storedSecret(), Totp.step(c.instant()));
    assertThat(at.verifyTotp("jane.notifier", code)).isEqualTo(PasswordCheck.LOCKED);

    c.advance(Duration.ofMinutes(1));
    code = Totp.code(storedSecret(), Totp.step(c.instant()));
    assertThat(at.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.ACCEPTED);
    // After the lock, the count starts again: one failure does not lock it at once.
    assertThat(at.verifyPassword("jane.notifier", "wrong again")).isEqualTo(PasswordCheck.REFUSED);
    // A complete sign-in (second factor accepted) clears the count.
    assertThat(at.verifyTotp("jane.notifier", code)).isEqualTo(PasswordCheck.ACCEPTED);
    assertThat(at.find("jane.notifier").orElseThrow().failedAttempts()).isZero();

    // Wrong TOTP codes count too, so the second factor cannot be guessed without limit.
    for (int i = 0; i < 5; i++) {
      at.verifyTotp("jane.notifier", "000000".equals(code) ? "111111" : "000000");
    }
    assertThat(at.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.LOCKED);
  }

  @Test
  @DisplayName(
      "an unknown username is locked after 5 failures for 15 minutes, exactly like an account,"
          + " and a disabled account likewise")
  void unknownAndDisabledNamesLockLikeAccounts() {
    notifier("jane.notifier");
    accounts.add("gone.inspector", Role.INSPECTOR, List.of(), null, GOOD);
    accounts.disable("gone.inspector");
    MutableClock c = new MutableClock(clock.instant(), clock.getZone());
    Accounts at = accountsAt(c);
    java.util.function.Function<String, List<PasswordCheck>> sixTries =
        username -> {
          List<PasswordCheck> answers = new java.util.ArrayList<>();
          for (int i = 1; i <= 6; i++) {
            answers.add(at.verifyPassword(username, "wrong password " + i, "192.0.2.1"));
          }
          return answers;
        };
    List<PasswordCheck> known = sixTries.apply("jane.notifier");
    List<PasswordCheck> unknown = sixTries.apply("no.such.person");
    List<PasswordCheck> disabled = sixTries.apply("gone.inspector");
    assertThat(known)
        .containsExactly(
            PasswordCheck.REFUSED,
            PasswordCheck.REFUSED,
            PasswordCheck.REFUSED,
            PasswordCheck.REFUSED,
            PasswordCheck.LOCKED,
            PasswordCheck.LOCKED);
    // What the sign-in page shows: "locked" or the same "enter a correct username and password".
    java.util.function.Function<List<PasswordCheck>, List<Boolean>> locked =
        answers -> answers.stream().map(a -> a == PasswordCheck.LOCKED).toList();
    assertThat(locked.apply(unknown)).isEqualTo(locked.apply(known));
    assertThat(locked.apply(disabled)).isEqualTo(locked.apply(known));
    assertThat(audited("SIGN_IN_FAILED", "no.such.person")).isEqualTo(6);

    // Still locked after 14 minutes; after 15 the count starts again, for both.
    c.advance(Duration.ofMinutes(14));
    assertThat(at.verifyPassword("no.such.person", GOOD)).isEqualTo(PasswordCheck.LOCKED);
    assertThat(at.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.LOCKED);
    c.advance(Duration.ofMinutes(1));
    assertThat(at.verifyPassword("no.such.person", GOOD)).isEqualTo(PasswordCheck.UNKNOWN_ACCOUNT);
    assertThat(at.verifyPassword("jane.notifier", GOOD)).isEqualTo(PasswordCheck.ACCEPTED);
    // Other unknown names are not affected.
    assertThat(at.verifyPassword("another.stranger", GOOD))
        .isEqualTo(PasswordCheck.UNKNOWN_ACCOUNT);
  }

  @Test
  @DisplayName("unknown names are remembered within a bound, least recently tried forgotten first")
  void unknownNamesAreBounded() {
    UnknownNames names = new UnknownNames(5, Duration.ofMinutes(15), 100);
    Instant now = clock.instant();
    for (int i = 0; i < 1_000; i++) {
      names.failure("stranger." + i, now);
    }
    assertThat(names.size()).isLessThanOrEqualTo(100);
    for (int i = 0; i < 5; i++) {
      names.failure("stranger.999", now);
    }
    assertThat(names.locked("stranger.999", now)).isTrue();
    assertThat(names.locked("stranger.0", now)).isFalse();
    // A day later, names not tried since are forgotten.
    names.failure("latecomer", now.plus(Duration.ofDays(2)));
    assertThat(names.size()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a token authenticates; only its hash is stored; expired, revoked and disabled are refused")
  void tokens() throws Exception {
    notifier("jane.notifier");
    accounts.add("ofsted.one", Role.INSPECTOR, List.of(), null, GOOD);
    MutableClock c = new MutableClock(clock.instant(), clock.getZone());
    Accounts at = accountsAt(c);

    IssuedToken token = at.issueToken("jane.notifier", Duration.ofDays(90));
    assertThat(token.token()).matches("obs_[A-Za-z0-9_-]{43}");
    assertThat(token.expiresAt()).isEqualTo(c.instant().plus(Duration.ofDays(90)));
    assertThat(at.authenticateToken(token.token()))
        .get()
        .extracting(Account::username)
        .isEqualTo("jane.notifier");
    assertThat(jdbc.queryForList("select token_hash from api_token", String.class))
        .containsExactly(sha256(token.token()));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from api_token t where t::text like ?",
                Integer.class,
                "%" + token.token().substring(4) + "%"))
        .isZero();
    assertThat(at.authenticateToken(token.token() + "x")).isEmpty();
    assertThat(at.authenticateToken("obs_" + "A".repeat(43))).isEmpty();
    assertThat(at.authenticateToken(null)).isEmpty();

    IssuedToken shortLived = at.issueToken("jane.notifier", Duration.ofHours(1));
    assertThat(at.authenticateToken(shortLived.token())).isPresent();
    c.advance(Duration.ofHours(1));
    assertThat(at.authenticateToken(shortLived.token())).as("expired").isEmpty();
    assertThat(at.authenticateToken(token.token())).isPresent();

    assertThat(at.revokeToken("jane.notifier", token.id())).isTrue();
    assertThat(at.authenticateToken(token.token())).as("revoked").isEmpty();
    assertThat(at.revokeToken("jane.notifier", token.id())).isFalse();

    IssuedToken inspector = at.issueToken("ofsted.one", Duration.ofDays(1));
    assertThat(at.authenticateToken(inspector.token())).isPresent();
    at.disable("ofsted.one");
    assertThat(at.authenticateToken(inspector.token())).as("disabled").isEmpty();
    assertThat(at.verifyPassword("ofsted.one", GOOD)).isEqualTo(PasswordCheck.DISABLED);
    assertThatThrownBy(() -> at.issueToken("ofsted.one", Duration.ofDays(1)))
        .hasMessageContaining("disabled");
    assertThatThrownBy(() -> at.issueToken("jane.notifier", Duration.ofDays(366)))
        .hasMessageContaining("at most 365 days");
  }

  @Test
  @DisplayName("the enrolment QR code is a PNG image of the otpauth URI")
  void qrCode() throws Exception {
    Enrolment e = notifier("jane.notifier");
    byte[] png = accounts.enrolmentQrPng(e.totpSecret(), "jane.notifier");
    assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(accounts.enrolmentQrDataUri(e.totpSecret(), "jane.notifier"))
        .startsWith("data:image/png;base64,iVBORw0KGgo");
  }

  long audited(String action, String username) {
    return jdbc.queryForObject(
        "select count(*) from audit_entry where action = ? and record_ref = ?",
        Long.class,
        action,
        username);
  }

  @Test
  @DisplayName(
      "a refused sign-in is audited in the same transaction as its failure count: both or neither")
  void signInAuditSharesTheAttemptsTransaction() {
    notifier("same.tx.person");
    var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    // Rolled back: neither the failure count nor the audit entry is kept.
    tx.executeWithoutResult(
        status -> {
          assertThat(accounts.verifyPassword("same.tx.person", "wrong password", "192.0.2.1"))
              .isEqualTo(PasswordCheck.REFUSED);
          status.setRollbackOnly();
        });
    assertThat(accounts.find("same.tx.person").orElseThrow().failedAttempts()).isZero();
    assertThat(audited("SIGN_IN_FAILED", "same.tx.person")).isZero();
    // Committed: both.
    assertThat(accounts.verifyPassword("same.tx.person", "wrong password", "192.0.2.1"))
        .isEqualTo(PasswordCheck.REFUSED);
    assertThat(accounts.find("same.tx.person").orElseThrow().failedAttempts()).isEqualTo(1);
    assertThat(audited("SIGN_IN_FAILED", "same.tx.person")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select details from audit_entry where record_ref = 'same.tx.person'",
                String.class))
        .isEqualTo("password refused from 192.0.2.1");
    // A completed sign-in (the second factor) is audited as a success.
    String code = Totp.code(storedSecret(), Totp.step(clock.instant()));
    assertThat(accounts.verifyTotp("same.tx.person", code, "192.0.2.1"))
        .isEqualTo(PasswordCheck.ACCEPTED);
    assertThat(audited("SIGN_IN_SUCCEEDED", "same.tx.person")).isEqualTo(1);
  }
}
