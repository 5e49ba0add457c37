package uk.gov.observatory.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Enrolment;
import uk.gov.observatory.access.Role;

/** Synthetic accounts for tests: made through the real {@link Accounts} service. */
public final class TestAccounts {

  /** A password that passes the policy (test-only, synthetic). */
  public static final String PASSWORD = "amber-lighthouse-orchard-47";

  private TestAccounts() {}

  /** Someone with an account: their username and the authenticator secret they enrolled. */
  public record Person(String username, String secret, List<String> recoveryCodes) {
    /** The authenticator code at an instant, {@code stepsLater} 30-second steps on. */
    public String code(Instant at, int stepsLater) {
      try {
        return new DefaultCodeGenerator().generate(secret, at.getEpochSecond() / 30 + stepsLater);
      } catch (CodeGenerationException e) {
        throw new IllegalStateException(e);
      }
    }

    public String code() {
      return code(TestClock.NOW, 0);
    }
  }

  public static Person create(Accounts accounts, String username, Role role, String... laCodes) {
    Enrolment e =
        accounts.add(
            username,
            role,
            role == Role.PARTNERSHIP ? List.of() : Arrays.asList(laCodes),
            role == Role.PARTNERSHIP ? laCodes[0] : null,
            PASSWORD);
    return new Person(username, e.totpSecret(), e.recoveryCodes());
  }

  /** A personal API token for the account. */
  public static String token(Accounts accounts, String username) {
    return accounts.issueToken(username, Duration.ofDays(30)).token();
  }
}
