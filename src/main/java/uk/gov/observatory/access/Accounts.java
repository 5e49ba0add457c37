package uk.gov.observatory.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.internal.AccountRepository;
import uk.gov.observatory.access.internal.Hashes;
import uk.gov.observatory.access.internal.StoredAccount;
import uk.gov.observatory.access.internal.Totp;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Local accounts: passwords (Argon2, through Spring Security's {@link DelegatingPasswordEncoder}),
 * TOTP two-factor with recovery codes, lockout after repeated failures, and personal API tokens.
 * There is no default account and no default password.
 *
 * <p>Lockout: every refused password, TOTP code or recovery code counts as a failure; after {@code
 * observatory.access.lockout.max-failures} (5) the account is locked for {@code
 * observatory.access.lockout.duration} (15 minutes), during which even the right secrets are
 * refused. Only a complete sign-in (an accepted second factor) clears the count, so knowing the
 * password does not allow unlimited guessing of TOTP codes. A username with no account, and a
 * disabled account, get the same answers, the same lockout and the same work (a password hash
 * checked) as an account, so that which names exist cannot be told from the answers or their timing
 * (unknown names are counted in memory, see {@link UnknownNames}).
 */
@Service
public class Accounts {

  /** Usernames: 3 to 64 of a-z, 0-9, dot, underscore and hyphen. */
  public static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

  public static final String TOKEN_PREFIX = "obs_";
  public static final Duration MAX_TOKEN_VALIDITY = Duration.ofDays(365);
  public static final Duration MIN_TOKEN_VALIDITY = Duration.ofHours(1);
  public static final int RECOVERY_CODES = 10;

  private static final Pattern TOKEN = Pattern.compile("obs_[A-Za-z0-9_-]{43}");

  private final AccountRepository repository;
  private final PasswordPolicy policy;
  private final ReferenceData reference;
  private final Clock clock;
  private final AuditLog audit;
  private final int maxFailures;
  private final Duration lockDuration;
  private final PasswordEncoder encoder;
  private final SecureRandom random = new SecureRandom();
  private final String unknownAccountHash;
  private final UnknownNames unknownNames;
  private Duration setUpCodeValidity = Duration.ofDays(7);

  public Accounts(
      AccountRepository repository,
      PasswordPolicy policy,
      ReferenceData reference,
      Clock clock,
      AuditLog audit,
      @Value("${observatory.access.lockout.max-failures:5}") int maxFailures,
      @Value("${observatory.access.lockout.duration:15m}") Duration lockDuration) {
    this.repository = repository;
    this.policy = policy;
    this.reference = reference;
    this.clock = clock;
    this.audit = audit;
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
    this.encoder = passwordEncoder();
    // Checked against when the account does not exist, so the answer takes as long either way.
    this.unknownAccountHash = encoder.encode(Totp.newSecret());
    this.unknownNames = new UnknownNames(maxFailures, lockDuration);
  }

  /** How long a one-time set-up code works ({@code observatory.access.set-up-code.validity}). */
  @Value("${observatory.access.set-up-code.validity:7d}")
  void setUpCodeValidity(Duration validity) {
    this.setUpCodeValidity = validity;
  }

  /** Re-seals the accounts' TOTP secrets under the current key ({@code keys rotate}). */
  @Transactional
  public int resealTotpSecrets() {
    return repository.resealTotpSecrets();
  }

  /** Argon2id for new hashes; bcrypt hashes are still read (and upgraded at the next sign-in). */
  static PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder(
        "argon2",
        Map.of(
            "argon2",
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt",
            new BCryptPasswordEncoder()));
  }

  /**
   * Adds an account and returns its enrolment (TOTP secret, otpauth URI and recovery codes), to be
   * shown once. Every problem with the request is reported together and nothing is stored.
   */
  @Transactional
  public Enrolment add(
      String username, Role role, List<String> laCodes, String partnershipCode, String password) {
    return add(username, role, laCodes, partnershipCode, password, false);
  }

  /**
   * As {@link #add(String, Role, List, String, String)}; with {@code allowEnded}, an authority no
   * longer in operation may be given on purpose (say Northamptonshire, E10000021, for its records
   * before it was split in 2021). An account reaches its authorities through all their codes (see
   * {@link Viewers}), so an ended code that the authority continued under another is not needed.
   */
  @Transactional
  public Enrolment add(
      String username,
      Role role,
      List<String> laCodes,
      String partnershipCode,
      String password,
      boolean allowEnded) {
    List<String> problems = new ArrayList<>();
    List<String> las = laCodes == null ? List.of() : List.copyOf(new LinkedHashSet<>(laCodes));
    if (username == null || !USERNAME.matcher(username).matches()) {
      problems.add(
          "username '"
              + username
              + "' is not allowed: use 3 to 64 characters of a-z, 0-9, '.', '_' and '-'");
    } else if (repository.exists(username)) {
      problems.add("an account named '" + username + "' already exists");
    }
    if (role == null) {
      problems.add("a role is required: one of " + List.of(Role.values()));
    } else {
      scopeProblems(role, las, partnershipCode, allowEnded, problems);
    }
    problems.addAll(policy.problems(username, password));
    if (!problems.isEmpty()) {
      throw new InvalidAccountException(problems);
    }
    Instant now = clock.instant();
    String secret = Totp.newSecret();
    long id;
    try {
      id =
          repository.insert(
              username, role, las, partnershipCode, encoder.encode(password), secret, now);
    } catch (DuplicateKeyException e) {
      throw new InvalidAccountException("an account named '" + username + "' already exists");
    }
    List<String> codes = Totp.newRecoveryCodes(RECOVERY_CODES);
    repository.insertRecoveryCodes(
        id, codes.stream().map(c -> Hashes.sha256Hex(Totp.normaliseRecoveryCode(c))).toList());
    Account account = repository.find(username).orElseThrow();
    return new Enrolment(account, secret, Totp.qrData(secret, username).getUri(), codes);
  }

  /**
   * Starts an existing account afresh (the demo's accounts, each time the demo starts): a new
   * password and a new TOTP secret and recovery codes, returned to be shown once; failures, lock,
   * used codes and API tokens are cleared and the account is enabled. Its role and scope stay.
   */
  @Transactional
  public Enrolment reenrol(String username, String password) {
    Account account = existing(username);
    List<String> problems = policy.problems(username, password);
    if (!problems.isEmpty()) {
      throw new InvalidAccountException(problems);
    }
    String secret = Totp.newSecret();
    repository.resetCredentials(account.id(), encoder.encode(password), secret, clock.instant());
    List<String> codes = Totp.newRecoveryCodes(RECOVERY_CODES);
    repository.insertRecoveryCodes(
        account.id(),
        codes.stream().map(c -> Hashes.sha256Hex(Totp.normaliseRecoveryCode(c))).toList());
    return new Enrolment(
        repository.find(username).orElseThrow(),
        secret,
        Totp.qrData(secret, username).getUri(),
        codes);
  }

  private void scopeProblems(
      Role role,
      List<String> las,
      String partnershipCode,
      boolean allowEnded,
      List<String> problems) {
    LocalDate today = LocalDate.now(clock);
    switch (role.scope()) {
      case LOCAL_AUTHORITIES -> {
        if (las.isEmpty()) {
          problems.add(
              role
                  + " needs at least one local authority: --la CODE (its GSS code, e.g. E09000033)");
        }
        for (String la : las) {
          laProblem(la, today, "--la", allowEnded).ifPresent(problems::add);
        }
        if (partnershipCode != null) {
          problems.add(role + " takes --la, not --partnership");
        }
      }
      case PARTNERSHIP -> {
        if (partnershipCode == null) {
          problems.add(
              role
                  + " needs its partnership: --partnership CODE (by default a partnership's code is"
                  + " its local authority's GSS code, e.g. E09000033)");
        } else {
          laProblem(partnershipCode, today, "--partnership", allowEnded).ifPresent(problems::add);
        }
        if (!las.isEmpty()) {
          problems.add(role + " takes --partnership, not --la");
        }
      }
      case ALL, NONE -> {
        if (!las.isEmpty() || partnershipCode != null) {
          problems.add(
              role + " is not limited to local authorities: leave out --la and --partnership");
        }
      }
    }
  }

  private Optional<String> laProblem(
      String code, LocalDate today, String option, boolean allowEnded) {
    Optional<LocalAuthority> found = reference.localAuthority(code);
    if (found.isEmpty()) {
      return Optional.of(
          option + " " + code + ": not a local authority's GSS code (e.g. E09000033)");
    }
    LocalAuthority la = found.get();
    if (la.inOperationOn(today) || (allowEnded && !today.isBefore(la.operationDate()))) {
      return Optional.empty();
    }
    if (today.isBefore(la.operationDate())) {
      return Optional.of(
          option + " " + code + ": " + la.name() + " starts on " + la.operationDate());
    }
    LocalAuthority current = reference.current(code).orElse(la);
    String continued =
        current.code().equals(code)
            ? ""
            : " (it is now "
                + current.code()
                + ", whose accounts reach "
                + current.name()
                + "'s records under "
                + (reference.codesOf(code).size() == 2 ? "both codes)" : "all its codes)");
    return Optional.of(
        option
            + " "
            + code
            + ": "
            + la.name()
            + " ended on "
            + la.terminationDate()
            + continued
            + "; to give an account an ended authority on purpose, add --allow-ended");
  }

  public Optional<Account> find(String username) {
    return username == null ? Optional.empty() : repository.find(username);
  }

  /**
   * As {@link #find}, with the account's declared interests not withdrawn, read in the same
   * statement: what a signed-in page's request is made by.
   */
  public Optional<AccountHolder> holder(String username) {
    return username == null ? Optional.empty() : repository.findHolder(username);
  }

  /** Every account, by username. */
  public List<Account> list() {
    return repository.list();
  }

  /** Disables an account: it can no longer sign in, and its API tokens are refused. */
  @Transactional
  public Account disable(String username) {
    Account account = existing(username);
    repository.disable(account.id(), clock.instant());
    return repository.find(username).orElseThrow();
  }

  /** Checks a password (the first factor), counting failures towards the lockout. */
  @Transactional
  public PasswordCheck verifyPassword(String username, String password) {
    return verifyPassword(username, password, null);
  }

  /**
   * Checks a password (the first factor), counting failures towards the lockout. A refusal is
   * audited in the same transaction as the count, naming {@code origin} (the caller's address).
   */
  @Transactional
  public PasswordCheck verifyPassword(String username, String password, String origin) {
    Optional<StoredAccount> found =
        username == null ? Optional.empty() : repository.findForUpdate(username);
    Instant now = clock.instant();
    if (found.isEmpty()) {
      // The same answers, lockout and work as for an account, so names cannot be told apart.
      if (unknownNames.locked(username, now)) {
        return refused(username, "password", PasswordCheck.LOCKED, origin, " (no such account)");
      }
      encoder.matches(password == null ? "" : password, unknownAccountHash);
      return unknownNames.failure(username, now)
          ? refused(username, "password", PasswordCheck.LOCKED, origin, " (no such account)")
          : refused(username, "password", PasswordCheck.UNKNOWN_ACCOUNT, origin);
    }
    StoredAccount stored = found.get();
    Account account = stored.account();
    if (account.lockedAt(now)) {
      return refused(username, "password", PasswordCheck.LOCKED, origin);
    }
    boolean matches = password != null && encoder.matches(password, stored.passwordHash());
    if (!account.enabled()) {
      // Counted like any refusal, so a disabled account locks as the others do.
      PasswordCheck counted = failure(account);
      return refused(
          username,
          "password",
          counted == PasswordCheck.LOCKED ? PasswordCheck.LOCKED : PasswordCheck.DISABLED,
          origin);
    }
    if (!matches && setUpCodeMatches(stored, password, now)) {
      return PasswordCheck.SET_UP_CODE;
    }
    if (matches) {
      if (encoder.upgradeEncoding(stored.passwordHash())) {
        repository.updatePasswordHash(account.id(), encoder.encode(password));
      }
      return PasswordCheck.ACCEPTED;
    }
    return refused(username, "password", failure(account), origin);
  }

  /**
   * Checks a TOTP code (the second factor): the code of the current 30-second step, or of the one
   * before or after (clock drift). A code whose step was already used is refused (no replay).
   */
  @Transactional
  public PasswordCheck verifyTotp(String username, String code) {
    return verifyTotp(username, code, null);
  }

  /**
   * Checks a TOTP code (the second factor), completing a sign-in when accepted. The sign-in, or its
   * refusal, is audited in the same transaction as the failure count.
   */
  @Transactional
  public PasswordCheck verifyTotp(String username, String code, String origin) {
    return verifyTotp(username, code, "password", origin);
  }

  /** As {@link #verifyTotp(String, String, String)}, naming how the first factor was given. */
  @Transactional
  public PasswordCheck verifyTotp(String username, String code, String firstFactor, String origin) {
    Optional<StoredAccount> found =
        username == null ? Optional.empty() : repository.findForUpdate(username);
    if (found.isEmpty()) {
      return refused(username, "code", PasswordCheck.UNKNOWN_ACCOUNT, origin);
    }
    StoredAccount stored = found.get();
    Optional<PasswordCheck> barred = barred(stored.account());
    if (barred.isPresent()) {
      return refused(username, "code", barred.get(), origin);
    }
    OptionalLong step = Totp.matchingStep(stored.totpSecret(), code, clock.instant());
    if (step.isPresent() && repository.useTotpStep(stored.account().id(), step.getAsLong())) {
      // A valid code also proves the authenticator app is set up.
      repository.confirmAuthenticator(stored.account().id(), clock.instant());
      return success(stored.account(), firstFactor + " and authenticator code", origin);
    }
    return refused(username, "code", failure(stored.account()), origin);
  }

  /** Accepts a recovery code in place of a TOTP code, once. */
  @Transactional
  public PasswordCheck useRecoveryCode(String username, String code) {
    return useRecoveryCode(username, code, null);
  }

  /** Accepts a recovery code in place of a TOTP code, once; audited like {@link #verifyTotp}. */
  @Transactional
  public PasswordCheck useRecoveryCode(String username, String code, String origin) {
    return useRecoveryCode(username, code, "password", origin);
  }

  /** As {@link #useRecoveryCode(String, String, String)}, naming the first factor. */
  @Transactional
  public PasswordCheck useRecoveryCode(
      String username, String code, String firstFactor, String origin) {
    Optional<StoredAccount> found =
        username == null ? Optional.empty() : repository.findForUpdate(username);
    if (found.isEmpty()) {
      return refused(username, "recovery code", PasswordCheck.UNKNOWN_ACCOUNT, origin);
    }
    StoredAccount stored = found.get();
    Optional<PasswordCheck> barred = barred(stored.account());
    if (barred.isPresent()) {
      return refused(username, "recovery code", barred.get(), origin);
    }
    if (code != null
        && repository.useRecoveryCode(
            stored.account().id(),
            Hashes.sha256Hex(Totp.normaliseRecoveryCode(code)),
            clock.instant())) {
      return success(stored.account(), firstFactor + " and recovery code", origin);
    }
    return refused(username, "recovery code", failure(stored.account()), origin);
  }

  /** Audits a refused sign-in step (in the caller's transaction) and returns its answer. */
  private PasswordCheck refused(String username, String what, PasswordCheck check, String origin) {
    return refused(username, what, check, origin, "");
  }

  private PasswordCheck refused(
      String username, String what, PasswordCheck check, String origin, String note) {
    audit.record(
        new AuditEvent(
            "unverified:" + username,
            AuditAction.SIGN_IN_FAILED,
            "account",
            username,
            null,
            null,
            what + " " + check.name().toLowerCase(Locale.ROOT) + note + from(origin)));
    return check;
  }

  private static String from(String origin) {
    return origin == null ? "" : " from " + origin;
  }

  /** How many of an account's recovery codes are still unused. */
  public int unusedRecoveryCodes(String username) {
    return repository.unusedRecoveryCodes(existing(username).id());
  }

  private Optional<PasswordCheck> barred(Account account) {
    if (!account.enabled()) {
      return Optional.of(PasswordCheck.DISABLED);
    }
    if (account.lockedAt(clock.instant())) {
      return Optional.of(PasswordCheck.LOCKED);
    }
    return Optional.empty();
  }

  private PasswordCheck failure(Account account) {
    Instant now = clock.instant();
    boolean lockExpired = account.lockedUntil() != null && !account.lockedAt(now);
    int failures = (lockExpired ? 0 : account.failedAttempts()) + 1;
    if (failures >= maxFailures) {
      repository.recordFailures(account.id(), failures, now.plus(lockDuration));
      return PasswordCheck.LOCKED;
    }
    repository.recordFailures(account.id(), failures, lockExpired ? null : account.lockedUntil());
    return PasswordCheck.REFUSED;
  }

  private PasswordCheck success(Account account, String factors, String origin) {
    if (account.failedAttempts() != 0 || account.lockedUntil() != null) {
      repository.recordFailures(account.id(), 0, null);
    }
    audit.record(
        new AuditEvent(
            account.username(),
            AuditAction.SIGN_IN_SUCCEEDED,
            "account",
            account.username(),
            null,
            null,
            factors + from(origin)));
    return PasswordCheck.ACCEPTED;
  }

  /**
   * Issues a personal API token for {@code Authorization: Bearer}: {@value #TOKEN_PREFIX} and 32
   * random bytes in base64url. Only its SHA-256 hash is stored, so it is shown once.
   */
  @Transactional
  public IssuedToken issueToken(String username, Duration validity) {
    Account account = existing(username);
    if (!account.enabled()) {
      throw new InvalidAccountException("account '" + username + "' is disabled");
    }
    if (validity == null
        || validity.compareTo(MIN_TOKEN_VALIDITY) < 0
        || validity.compareTo(MAX_TOKEN_VALIDITY) > 0) {
      throw new InvalidAccountException(
          "a token must expire after at least 1 hour and at most 365 days");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = now.plus(validity);
    long id = repository.insertToken(account.id(), Hashes.sha256Hex(token), now, expires);
    return new IssuedToken(id, username, token, expires);
  }

  /**
   * The account an API token belongs to; empty when it is unknown, expired, revoked or disabled.
   */
  public Optional<Account> authenticateToken(String token) {
    return tokenHolder(token).map(AccountHolder::account);
  }

  /**
   * As {@link #authenticateToken}, with the account's declared interests in force, read in the same
   * statement.
   */
  public Optional<AccountHolder> tokenHolder(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return repository.findByTokenHash(Hashes.sha256Hex(token), clock.instant());
  }

  /** Revokes one of an account's tokens by its number; false when it has no such token in force. */
  @Transactional
  public boolean revokeToken(String username, long tokenId) {
    return repository.revokeToken(existing(username).id(), tokenId, clock.instant());
  }

  /** Revokes every token of an account; returns how many were in force. */
  @Transactional
  public int revokeTokens(String username) {
    return repository.revokeTokens(existing(username).id(), clock.instant());
  }

  /** The enrolment QR code (PNG) of an {@code otpauth://} URI, for an authenticator app. */
  public byte[] enrolmentQrPng(String secret, String username) {
    return Totp.qrPng(secret, username);
  }

  /** The enrolment QR code as a {@code data:image/png;base64,...} URI, for a page. */
  /**
   * The TOTP secret of an account whose authenticator is not yet set up (its first sign-in), to
   * show as a QR code; empty once a valid code has been given.
   */
  public Optional<String> pendingEnrolmentSecret(String username) {
    return repository.unconfirmedTotpSecret(username);
  }

  public String enrolmentQrDataUri(String secret, String username) {
    return "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(enrolmentQrPng(secret, username));
  }

  // ---------------------------------------------------------------------------------------------
  // An administrator's work: nothing here reads or changes case data.

  /** Accounts matching a search (see {@link AccountRepository#search}), a page at a time. */
  public AccountSearchResult search(String text, Role role, String laCode, int offset, int limit) {
    java.util.Set<String> codes = laCode == null ? java.util.Set.of() : reference.codesOf(laCode);
    if (laCode != null && codes.isEmpty()) {
      codes = java.util.Set.of(laCode);
    }
    return new AccountSearchResult(
        repository.search(text, role, codes, offset, limit), repository.count(text, role, codes));
  }

  /** An account and how it stands, for an administrator. */
  public Optional<AccountStanding> standing(String username) {
    return find(username)
        .map(
            a -> {
              var s = repository.standing(a.id(), clock.instant());
              return new AccountStanding(
                  a,
                  s.authenticatorSetUp(),
                  s.setUpCodeExpiresAt() != null && s.setUpCodeExpiresAt().isAfter(clock.instant())
                      ? s.setUpCodeExpiresAt()
                      : null,
                  s.disabledAt(),
                  s.tokensInForce(),
                  s.unusedRecoveryCodes());
            });
  }

  /** What a new account's holder needs: the enrolment and a one-time set-up code. */
  public record NewAccount(Enrolment enrolment, SetUpCode setUpCode) {}

  /**
   * Adds an account without a password: the person signs in the first time with the one-time set-up
   * code returned (to be passed on by the administrator) and chooses their own password. Audited as
   * {@code actor}'s.
   */
  @Transactional
  public NewAccount invite(
      String username,
      Role role,
      List<String> laCodes,
      String partnershipCode,
      boolean allowEnded,
      String actor) {
    // The policy is checked against a password nobody will ever type; it always passes.
    Enrolment e = add(username, role, laCodes, partnershipCode, unusablePassword(), allowEnded);
    SetUpCode code = newSetUpCode(e.account());
    audit(
        actor,
        AuditAction.CREATED,
        username,
        "Account added: "
            + role.label()
            + describeScope(e.account())
            + "; one-time set-up code given out, working for "
            + setUpCodeValidity.toDays()
            + " days");
    return new NewAccount(e, code);
  }

  /** Audits an account added with a password (the command line's {@code users add}). */
  public void audited(String actor, Account account) {
    audit(
        actor,
        AuditAction.CREATED,
        account.username(),
        "Account added: " + account.role().label() + describeScope(account));
  }

  /**
   * Resets an account's password: the old password stops working, and a one-time set-up code is
   * returned for the administrator to pass on, with which the person chooses a new one. The lock is
   * cleared. The authenticator stays.
   */
  @Transactional
  public SetUpCode resetPassword(String username, String actor) {
    Account account = existing(username);
    SetUpCode code = newSetUpCode(account);
    audit(
        actor,
        AuditAction.UPDATED,
        username,
        "Password reset: one-time set-up code given out, working for "
            + setUpCodeValidity.toDays()
            + " days");
    return code;
  }

  private SetUpCode newSetUpCode(Account account) {
    String code = newSetUpCodeText();
    Instant expires = clock.instant().plus(setUpCodeValidity);
    repository.setUpCode(
        account.id(),
        Hashes.sha256Hex(Totp.normaliseRecoveryCode(code)),
        expires,
        encoder.encode(unusablePassword()));
    return new SetUpCode(account.username(), code, expires);
  }

  private static final char[] CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  /** Sixteen letters and digits (80 bits) in four groups, such as {@code k7pq-2mhz-...}. */
  private String newSetUpCodeText() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(CODE_LETTERS[random.nextInt(CODE_LETTERS.length)]);
    }
    return b.toString();
  }

  private String unusablePassword() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private boolean setUpCodeMatches(StoredAccount stored, String given, Instant now) {
    return given != null
        && stored.setUpCodeHash() != null
        && stored.setUpCodeExpiresAt() != null
        && now.isBefore(stored.setUpCodeExpiresAt())
        && java.security.MessageDigest.isEqual(
            stored.setUpCodeHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            Hashes.sha256Hex(Totp.normaliseRecoveryCode(given))
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /**
   * The person, signed in with a one-time set-up code in place of a password, chooses their
   * password: the code must still be the account's and working; the password must meet the policy.
   * The code is then used up. Problems are reported together and nothing is changed.
   */
  @Transactional
  public void choosePassword(String username, String setUpCode, String password) {
    StoredAccount stored =
        repository
            .findForUpdate(username)
            .orElseThrow(() -> new InvalidAccountException("the set-up code is no longer valid"));
    Instant now = clock.instant();
    if (!stored.account().enabled()
        || stored.account().lockedAt(now)
        || !setUpCodeMatches(stored, setUpCode, now)) {
      throw new InvalidAccountException("the set-up code is no longer valid");
    }
    List<String> problems = policy.problems(username, password);
    if (!problems.isEmpty()) {
      throw new InvalidAccountException(problems);
    }
    repository.choosePassword(stored.account().id(), encoder.encode(password));
    audit(username, AuditAction.UPDATED, username, "Password chosen with a one-time set-up code");
  }

  /**
   * Resets an account's authenticator: the old app's codes and the recovery codes stop working; the
   * next sign-in, after the password, sets up a new app. Returns the new secret and recovery codes,
   * to be shown once and passed on.
   */
  @Transactional
  public Enrolment resetAuthenticator(String username, String actor) {
    Account account = existing(username);
    String secret = Totp.newSecret();
    List<String> codes = Totp.newRecoveryCodes(RECOVERY_CODES);
    repository.resetAuthenticator(
        account.id(),
        secret,
        codes.stream().map(c -> Hashes.sha256Hex(Totp.normaliseRecoveryCode(c))).toList());
    audit(
        actor,
        AuditAction.UPDATED,
        username,
        "Authenticator reset: the next sign-in sets up a new app; new recovery codes given out");
    return new Enrolment(account, secret, Totp.qrData(secret, username).getUri(), codes);
  }

  /** Clears the lock and the count of failed sign-ins. */
  @Transactional
  public Account unlock(String username, String actor) {
    Account account = existing(username);
    repository.recordFailures(account.id(), 0, null);
    audit(
        actor,
        AuditAction.UPDATED,
        username,
        "Account unlocked (" + account.failedAttempts() + " failed sign-ins cleared)");
    return existing(username);
  }

  /**
   * Disables an account (it can no longer sign in, its API tokens are refused), as {@code actor}:
   * never one's own, nor the last enabled administrator.
   */
  @Transactional
  public Account disable(String username, String actor) {
    Account account = existing(username);
    if (username.equals(actor)) {
      throw new InvalidAccountException("you cannot disable your own account");
    }
    if (!account.enabled()) {
      throw new InvalidAccountException("account '" + username + "' is already disabled");
    }
    if (account.role() == Role.ADMIN && repository.enabledWithRole(Role.ADMIN) <= 1) {
      throw new InvalidAccountException(
          "'" + username + "' is the last enabled administrator: it cannot be disabled");
    }
    repository.disable(account.id(), clock.instant());
    audit(actor, AuditAction.UPDATED, username, "Account disabled");
    return existing(username);
  }

  /** Enables a disabled account again (its lock and failures cleared). */
  @Transactional
  public Account enable(String username, String actor) {
    Account account = existing(username);
    if (account.enabled()) {
      throw new InvalidAccountException("account '" + username + "' is already enabled");
    }
    repository.enable(account.id());
    audit(actor, AuditAction.UPDATED, username, "Account enabled");
    return existing(username);
  }

  /**
   * Changes an account's role and its local authorities or partnership, as {@code actor}: never
   * one's own role, nor the last enabled administrator's. Problems are reported together.
   */
  @Transactional
  public Account change(
      String username,
      Role role,
      List<String> laCodes,
      String partnershipCode,
      boolean allowEnded,
      String actor) {
    Account account = existing(username);
    List<String> problems = new ArrayList<>();
    List<String> las = laCodes == null ? List.of() : List.copyOf(new LinkedHashSet<>(laCodes));
    if (role == null) {
      problems.add("a role is required: one of " + List.of(Role.values()));
    } else {
      scopeProblems(role, las, partnershipCode, allowEnded, problems);
      if (role != account.role() && username.equals(actor)) {
        problems.add("you cannot change your own role");
      } else if (role != Role.ADMIN
          && account.role() == Role.ADMIN
          && account.enabled()
          && repository.enabledWithRole(Role.ADMIN) <= 1) {
        problems.add(
            "'" + username + "' is the last enabled administrator: its role cannot be changed");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAccountException(problems);
    }
    repository.changeRole(account.id(), role, las, partnershipCode);
    Account changed = existing(username);
    audit(
        actor,
        AuditAction.UPDATED,
        username,
        "Role changed from "
            + account.role().label()
            + describeScope(account)
            + " to "
            + role.label()
            + describeScope(changed));
    return changed;
  }

  /** Revokes every API token of an account, as {@code actor}; returns how many were in force. */
  @Transactional
  public int revokeTokens(String username, String actor) {
    int n = repository.revokeTokens(existing(username).id(), clock.instant());
    audit(actor, AuditAction.UPDATED, username, "API tokens revoked (" + n + " in force)");
    return n;
  }

  /** An account's local authorities or partnership in words, with their names. */
  public String describeScope(Account account) {
    return switch (account.role().scope()) {
      case LOCAL_AUTHORITIES -> " (" + String.join(", ", names(account.laCodes())) + ")";
      case PARTNERSHIP -> " (" + String.join(", ", names(List.of(account.partnershipCode()))) + ")";
      case ALL, NONE -> "";
    };
  }

  /** Each code's authority name and code, as "Westminster (E09000033)". */
  public List<String> names(List<String> codes) {
    return codes.stream()
        .map(c -> reference.localAuthority(c).map(la -> la.name() + " (" + c + ")").orElse(c))
        .toList();
  }

  private void audit(String actor, AuditAction action, String username, String details) {
    audit.record(new AuditEvent(actor, action, "account", username, null, null, details));
  }

  private Account existing(String username) {
    return find(username)
        .orElseThrow(() -> new InvalidAccountException("no account named '" + username + "'"));
  }
}
