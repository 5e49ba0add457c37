package uk.gov.observatory.access.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.AccountHolder;
import uk.gov.observatory.access.Interest;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.protection.IdentifyingDetails;
import uk.gov.observatory.protection.Sealed;

/**
 * The account, account_la, recovery_code and api_token tables (and, with a token's account, its
 * declared interests). Only the accounts service uses it.
 */
@Repository
public class AccountRepository {

  private static final String COLUMNS =
      "a.id, a.username, a.role, a.partnership_code, a.enabled, a.failed_attempts,"
          + " a.locked_until, a.created_at,"
          + " array(select l.la_code from account_la l where l.account_id = a.id order by l.la_code)"
          + " as la_codes";

  /** The TOTP secret is sealed at rest like an identifying detail, with its own column tag. */
  static final String TOTP_SECRET = "account.totp_secret";

  private final JdbcTemplate jdbc;
  private final IdentifyingDetails sealing;
  private final TokenHolders tokenHolders;

  public AccountRepository(
      JdbcTemplate jdbc, IdentifyingDetails sealing, TokenHolders tokenHolders) {
    this.jdbc = jdbc;
    this.sealing = sealing;
    this.tokenHolders = tokenHolders;
  }

  /**
   * Every change to accounts, their local authorities, tokens and recovery codes: the accounts this
   * instance keeps for API tokens are forgotten when it commits.
   */
  private int update(String sql, Object... args) {
    int rows = jdbc.update(sql, args);
    tokenHolders.changed();
    return rows;
  }

  /** Re-seals every TOTP secret not under the current key; returns how many changed. */
  public int resealTotpSecrets() {
    jdbc.execute("lock table account in share row exclusive mode");
    List<Object[]> rows =
        jdbc.query(
            "select id, totp_secret from account",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    int n = 0;
    for (Object[] r : rows) {
      Sealed sealed = Sealed.parse((String) r[1]);
      if (!sealing.isCurrent(sealed)) {
        update(
            "update account set totp_secret = ? where id = ?",
            sealing.reseal(TOTP_SECRET, sealed).text(),
            r[0]);
        n++;
      }
    }
    return n;
  }

  public long insert(
      String username,
      Role role,
      List<String> laCodes,
      String partnershipCode,
      String passwordHash,
      String totpSecret,
      Instant createdAt) {
    Long id =
        jdbc.queryForObject(
            "insert into account (username, role, partnership_code, password_hash, totp_secret,"
                + " created_at) values (?, ?, ?, ?, ?, ?) returning id",
            Long.class,
            username,
            role.name(),
            partnershipCode,
            passwordHash,
            sealing.seal(TOTP_SECRET, totpSecret).text(),
            Timestamp.from(createdAt));
    for (String la : laCodes) {
      update("insert into account_la (account_id, la_code) values (?, ?)", id, la);
    }
    return id;
  }

  /**
   * Gives an account a new password hash and TOTP secret and clears everything that went with the
   * old ones: the used time step, the authenticator's confirmation, failures and lock, recovery
   * codes and API tokens in force; the account is enabled again.
   */
  public void resetCredentials(long id, String passwordHash, String totpSecret, Instant at) {
    update(
        "update account set password_hash = ?, totp_secret = ?, last_totp_step = null,"
            + " authenticator_confirmed_at = null, failed_attempts = 0, locked_until = null,"
            + " enabled = true, disabled_at = null where id = ?",
        passwordHash,
        sealing.seal(TOTP_SECRET, totpSecret).text(),
        id);
    update("delete from recovery_code where account_id = ?", id);
    revokeTokens(id, at);
  }

  public void insertRecoveryCodes(long accountId, List<String> codeHashes) {
    for (String hash : codeHashes) {
      update("insert into recovery_code (account_id, code_hash) values (?, ?)", accountId, hash);
    }
  }

  public boolean exists(String username) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from account where username = ?", Integer.class, username);
    return n != null && n > 0;
  }

  public Optional<Account> find(String username) {
    return jdbc
        .query(
            "select " + COLUMNS + " from account a where a.username = ?",
            (rs, i) -> account(rs),
            username)
        .stream()
        .findFirst();
  }

  /** The account with its secrets, its row locked until the transaction ends. */
  public Optional<StoredAccount> findForUpdate(String username) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + ", a.password_hash, a.totp_secret, a.last_totp_step, a.set_up_code_hash,"
                + " a.set_up_code_expires_at from account a where a.username = ? for update",
            (rs, i) -> {
              Timestamp codeExpires = rs.getTimestamp("set_up_code_expires_at");
              return new StoredAccount(
                  account(rs),
                  rs.getString("password_hash"),
                  sealing.open(TOTP_SECRET, Sealed.parse(rs.getString("totp_secret"))),
                  (Long) rs.getObject("last_totp_step"),
                  rs.getString("set_up_code_hash"),
                  codeExpires == null ? null : codeExpires.toInstant());
            },
            username)
        .stream()
        .findFirst();
  }

  /** The sealed-at-rest TOTP secret, opened, while the authenticator is not yet confirmed. */
  public Optional<String> unconfirmedTotpSecret(String username) {
    return jdbc
        .query(
            "select totp_secret from account where username = ? and authenticator_confirmed_at is"
                + " null and enabled",
            (rs, i) -> sealing.open(TOTP_SECRET, Sealed.parse(rs.getString(1))),
            username)
        .stream()
        .findFirst();
  }

  /** Marks the authenticator as set up (the first time only). */
  public void confirmAuthenticator(long id, Instant at) {
    update(
        "update account set authenticator_confirmed_at = ? where id = ? and"
            + " authenticator_confirmed_at is null",
        Timestamp.from(at),
        id);
  }

  public List<Account> list() {
    return jdbc.query(
        "select " + COLUMNS + " from account a order by a.username", (rs, i) -> account(rs));
  }

  public void disable(long id, Instant at) {
    update(
        "update account set enabled = false, disabled_at = ? where id = ?", Timestamp.from(at), id);
  }

  public void recordFailures(long id, int failedAttempts, Instant lockedUntil) {
    update(
        "update account set failed_attempts = ?, locked_until = ? where id = ?",
        failedAttempts,
        lockedUntil == null ? null : Timestamp.from(lockedUntil),
        id);
  }

  public void updatePasswordHash(long id, String passwordHash) {
    update("update account set password_hash = ? where id = ?", passwordHash, id);
  }

  /** Records the time step of an accepted code; false when that step (or a later one) was used. */
  public boolean useTotpStep(long id, long step) {
    return update(
            "update account set last_totp_step = ? where id = ?"
                + " and (last_totp_step is null or last_totp_step < ?)",
            step,
            id,
            step)
        == 1;
  }

  /** Marks an unused recovery code used; false when there is no such unused code. */
  public boolean useRecoveryCode(long accountId, String codeHash, Instant at) {
    return update(
            "update recovery_code set used_at = ? where account_id = ? and code_hash = ?"
                + " and used_at is null",
            Timestamp.from(at),
            accountId,
            codeHash)
        == 1;
  }

  public int unusedRecoveryCodes(long accountId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from recovery_code where account_id = ? and used_at is null",
            Integer.class,
            accountId);
    return n == null ? 0 : n;
  }

  public long insertToken(long accountId, String tokenHash, Instant createdAt, Instant expiresAt) {
    return jdbc.queryForObject(
        "insert into api_token (account_id, token_hash, created_at, expires_at)"
            + " values (?, ?, ?, ?) returning id",
        Long.class,
        accountId,
        tokenHash,
        Timestamp.from(createdAt),
        Timestamp.from(expiresAt));
  }

  /**
   * An account's columns with its declared interests not withdrawn, as arrays (null when it has
   * none), for {@link #interests}: from {@code account a}, after {@code from}.
   */
  private static final String WITH_INTERESTS =
      "select "
          + COLUMNS
          + ", i.ids, i.la_codes as interest_la_codes, i.froms, i.tos, i.reasons from ";

  private static final String INTERESTS_OF_A =
      " cross join lateral (select array_agg(d.id order by d.id) as ids,"
          + " array_agg(d.la_code order by d.id) as la_codes,"
          + " array_agg(d.valid_from::text order by d.id) as froms,"
          + " array_agg(d.valid_to::text order by d.id) as tos,"
          + " array_agg(d.reason order by d.id) as reasons"
          + " from declared_interest d where d.account_id = a.id and d.withdrawn_at is null) i";

  /**
   * The enabled account holding an unrevoked, unexpired token with this hash: the one kept by
   * {@link TokenHolders} when this instance is told of every change, else read.
   */
  public Optional<AccountHolder> findByTokenHash(String tokenHash, Instant now) {
    return tokenHolders.find(tokenHash, now, hash -> readTokenHolder(hash, now));
  }

  private Optional<TokenHolders.Kept> readTokenHolder(String tokenHash, Instant now) {
    return jdbc
        .query(
            "select t.expires_at as token_expires_at, "
                + WITH_INTERESTS.substring("select ".length())
                + "api_token t join account a on a.id = t.account_id"
                + INTERESTS_OF_A
                + " where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?"
                + " and a.enabled",
            (rs, i) ->
                new TokenHolders.Kept(
                    new AccountHolder(account(rs), interests(rs)),
                    rs.getTimestamp("token_expires_at").toInstant()),
            tokenHash,
            Timestamp.from(now))
        .stream()
        .findFirst();
  }

  /** The account (enabled or not) with its declared interests not withdrawn, in one statement. */
  public Optional<AccountHolder> findHolder(String username) {
    return jdbc
        .query(
            WITH_INTERESTS + "account a" + INTERESTS_OF_A + " where a.username = ?",
            (rs, i) -> new AccountHolder(account(rs), interests(rs)),
            username)
        .stream()
        .findFirst();
  }

  /** The declared interests of a row's arrays (none: null arrays), as Interests.current gives. */
  private static List<Interest> interests(ResultSet rs) throws SQLException {
    Array ids = rs.getArray("ids");
    if (ids == null) {
      return List.of();
    }
    Long[] id = (Long[]) ids.getArray();
    String[] la = (String[]) rs.getArray("interest_la_codes").getArray();
    String[] from = (String[]) rs.getArray("froms").getArray();
    String[] to = (String[]) rs.getArray("tos").getArray();
    String[] reason = (String[]) rs.getArray("reasons").getArray();
    List<Interest> interests = new ArrayList<>();
    for (int k = 0; k < id.length; k++) {
      interests.add(
          new Interest(
              id[k],
              la[k],
              LocalDate.parse(from[k]),
              to[k] == null ? null : LocalDate.parse(to[k]),
              reason[k]));
    }
    return interests;
  }

  /** Revokes one token of an account; false when it has no such unrevoked token. */
  public boolean revokeToken(long accountId, long tokenId, Instant at) {
    return update(
            "update api_token set revoked_at = ? where id = ? and account_id = ?"
                + " and revoked_at is null",
            Timestamp.from(at),
            tokenId,
            accountId)
        == 1;
  }

  /** Revokes every token of an account; returns how many were still in force. */
  public int revokeTokens(long accountId, Instant at) {
    return update(
        "update api_token set revoked_at = ? where account_id = ? and revoked_at is null",
        Timestamp.from(at),
        accountId);
  }

  /**
   * The accounts matching a search, by username, a page at a time: {@code text} within the username
   * (any case), {@code role} exactly, {@code laCodes} among the account's local authorities or its
   * partnership (any of them; null or empty for any).
   */
  public List<Account> search(
      String text, Role role, java.util.Collection<String> laCodes, int offset, int limit) {
    List<Object> args = new ArrayList<>();
    String where = where(text, role, laCodes, args);
    args.add(limit);
    args.add(offset);
    return jdbc.query(
        "select " + COLUMNS + " from account a" + where + " order by a.username limit ? offset ?",
        (rs, i) -> account(rs),
        args.toArray());
  }

  /** How many accounts match a search (see {@link #search}). */
  public int count(String text, Role role, java.util.Collection<String> laCodes) {
    List<Object> args = new ArrayList<>();
    String where = where(text, role, laCodes, args);
    Integer n =
        jdbc.queryForObject(
            "select count(*) from account a" + where, Integer.class, args.toArray());
    return n == null ? 0 : n;
  }

  private static String where(
      String text, Role role, java.util.Collection<String> laCodes, List<Object> args) {
    List<String> conditions = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      conditions.add("strpos(a.username, ?) > 0");
      args.add(text.strip().toLowerCase(java.util.Locale.ROOT));
    }
    if (role != null) {
      conditions.add("a.role = ?");
      args.add(role.name());
    }
    if (laCodes != null && !laCodes.isEmpty()) {
      String[] codes = laCodes.toArray(String[]::new);
      conditions.add(
          "(a.partnership_code = any(?::text[]) or exists (select 1 from account_la l where"
              + " l.account_id = a.id and l.la_code = any(?::text[])))");
      args.add(codes);
      args.add(codes);
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  /** How many enabled accounts have this role. */
  public int enabledWithRole(Role role) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from account where role = ? and enabled", Integer.class, role.name());
    return n == null ? 0 : n;
  }

  /** What an administrator sees of an account beyond its {@link Account}. */
  public record Standing(
      boolean authenticatorSetUp,
      Instant setUpCodeExpiresAt,
      Instant disabledAt,
      int tokensInForce,
      int unusedRecoveryCodes) {}

  public Standing standing(long id, Instant now) {
    return jdbc.queryForObject(
        "select a.authenticator_confirmed_at is not null as set_up, a.set_up_code_expires_at,"
            + " a.disabled_at, (select count(*) from api_token t where t.account_id = a.id and"
            + " t.revoked_at is null and t.expires_at > ?) as tokens, (select count(*) from"
            + " recovery_code r where r.account_id = a.id and r.used_at is null) as codes"
            + " from account a where a.id = ?",
        (rs, i) -> {
          Timestamp code = rs.getTimestamp("set_up_code_expires_at");
          Timestamp disabled = rs.getTimestamp("disabled_at");
          return new Standing(
              rs.getBoolean("set_up"),
              code == null ? null : code.toInstant(),
              disabled == null ? null : disabled.toInstant(),
              rs.getInt("tokens"),
              rs.getInt("codes"));
        },
        Timestamp.from(now),
        id);
  }

  public void enable(long id) {
    update(
        "update account set enabled = true, disabled_at = null, failed_attempts = 0,"
            + " locked_until = null where id = ?",
        id);
  }

  /** Gives an account a one-time set-up code (its hash) and a password no one knows. */
  public void setUpCode(long id, String codeHash, Instant expiresAt, String unusablePasswordHash) {
    update(
        "update account set set_up_code_hash = ?, set_up_code_expires_at = ?, password_hash = ?,"
            + " failed_attempts = 0, locked_until = null where id = ?",
        codeHash,
        Timestamp.from(expiresAt),
        unusablePasswordHash,
        id);
  }

  /** Sets the password chosen with a set-up code, and the code is used up. */
  public void choosePassword(long id, String passwordHash) {
    update(
        "update account set password_hash = ?, set_up_code_hash = null,"
            + " set_up_code_expires_at = null, failed_attempts = 0, locked_until = null"
            + " where id = ?",
        passwordHash,
        id);
  }

  /**
   * A new authenticator secret, not yet confirmed (the next sign-in sets it up), and new recovery
   * codes in place of the old.
   */
  public void resetAuthenticator(long id, String totpSecret, List<String> recoveryCodeHashes) {
    update(
        "update account set totp_secret = ?, last_totp_step = null,"
            + " authenticator_confirmed_at = null where id = ?",
        sealing.seal(TOTP_SECRET, totpSecret).text(),
        id);
    update("delete from recovery_code where account_id = ?", id);
    insertRecoveryCodes(id, recoveryCodeHashes);
  }

  /** A new role and scope. */
  public void changeRole(long id, Role role, List<String> laCodes, String partnershipCode) {
    update(
        "update account set role = ?, partnership_code = ? where id = ?",
        role.name(),
        partnershipCode,
        id);
    update("delete from account_la where account_id = ?", id);
    for (String la : laCodes) {
      update("insert into account_la (account_id, la_code) values (?, ?)", id, la);
    }
  }

  private static Account account(ResultSet rs) throws SQLException {
    Timestamp locked = rs.getTimestamp("locked_until");
    String[] las = (String[]) rs.getArray("la_codes").getArray();
    return new Account(
        rs.getLong("id"),
        rs.getString("username"),
        Role.valueOf(rs.getString("role")),
        new ArrayList<>(Arrays.asList(las)),
        rs.getString("partnership_code"),
        rs.getBoolean("enabled"),
        rs.getInt("failed_attempts"),
        locked == null ? null : locked.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }
}
