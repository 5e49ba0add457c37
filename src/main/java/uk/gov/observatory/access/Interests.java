package uk.gov.observatory.access;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.internal.TokenHolders;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Conflicts of interest: a Panel member declares an interest in a local authority for a period and
 * is withdrawn from those cases (not listed, 404 on open) until the declaration is withdrawn. Every
 * declaration and withdrawal is audited in the same transaction.
 */
@Service
public class Interests {

  static final String RECORD_TYPE = "declared_interest";

  private final JdbcTemplate jdbc;
  private final TokenHolders tokenHolders;
  private final Accounts accounts;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  public Interests(
      JdbcTemplate jdbc,
      Accounts accounts,
      ReferenceData reference,
      AuditLog audit,
      Clock clock,
      TokenHolders tokenHolders) {
    this.jdbc = jdbc;
    this.tokenHolders = tokenHolders;
    this.accounts = accounts;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
  }

  /** Declares an interest; refuses, storing nothing, when the request is not allowed. */
  @Transactional
  public Interest declare(
      String username, String laCode, LocalDate from, LocalDate to, String reason, String actor) {
    List<String> problems = new ArrayList<>();
    Account account = accounts.find(username).orElse(null);
    if (account == null) {
      problems.add("there is no account named '" + username + "'");
    } else if (account.role() != Role.PANEL_MEMBER) {
      problems.add(
          username
              + " is "
              + account.role()
              + ": only a PANEL_MEMBER declares conflicts of interest");
    }
    if (laCode == null || reference.localAuthority(laCode).isEmpty()) {
      problems.add("'" + laCode + "' is not a local authority's GSS code (e.g. E09000033)");
    }
    if (from == null) {
      problems.add("the interest needs a start date (--from YYYY-MM-DD)");
    } else if (to != null && to.isBefore(from)) {
      problems.add("the end date " + to + " is before the start date " + from);
    }
    if (reason == null || reason.isBlank()) {
      problems.add("give the reason for the declaration (--reason)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidAccountException(problems);
    }
    Long id =
        jdbc.queryForObject(
            "insert into declared_interest (account_id, la_code, valid_from, valid_to, reason,"
                + " declared_at) values (?, ?, ?, ?, ?, ?) returning id",
            Long.class,
            account.id(),
            laCode,
            Date.valueOf(from),
            to == null ? null : Date.valueOf(to),
            reason.strip(),
            Timestamp.from(clock.instant()));
    tokenHolders.changed();
    Interest interest = new Interest(id, laCode, from, to, reason.strip());
    audit.record(
        AuditEvent.of(actor, AuditAction.CREATED, RECORD_TYPE, String.valueOf(id))
            .withAfter(state(username, interest)));
    return interest;
  }

  /** Withdraws a declaration: the member's access to those cases returns. */
  @Transactional
  public void withdraw(long id, String actor) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select a.username, d.la_code, d.valid_from, d.valid_to, d.reason from declared_interest"
                + " d join account a on a.id = d.account_id where d.id = ? and d.withdrawn_at is"
                + " null for update of d",
            id);
    if (rows.isEmpty()) {
      throw new InvalidAccountException("there is no current declaration number " + id);
    }
    Map<String, Object> r = rows.get(0);
    jdbc.update(
        "update declared_interest set withdrawn_at = ? where id = ?",
        Timestamp.from(clock.instant()),
        id);
    tokenHolders.changed();
    Interest before =
        new Interest(
            id,
            (String) r.get("la_code"),
            ((Date) r.get("valid_from")).toLocalDate(),
            r.get("valid_to") == null ? null : ((Date) r.get("valid_to")).toLocalDate(),
            (String) r.get("reason"));
    audit.record(
        AuditEvent.of(actor, AuditAction.DELETED, RECORD_TYPE, String.valueOf(id))
            .withBefore(state((String) r.get("username"), before)));
  }

  /** The declarations in force for an account (withdrawn ones excluded). */
  public List<Interest> current(String username) {
    return jdbc.query(
        "select d.id, d.la_code, d.valid_from, d.valid_to, d.reason from declared_interest d join"
            + " account a on a.id = d.account_id where a.username = ? and d.withdrawn_at is null"
            + " order by d.id",
        (rs, i) ->
            new Interest(
                rs.getLong("id"),
                rs.getString("la_code"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("reason")),
        username);
  }

  private static String state(String username, Interest i) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("username", username);
    m.put("la_code", i.laCode());
    m.put("valid_from", i.from());
    m.put("valid_to", i.to());
    m.put("reason", i.reason());
    return AuditJson.of(m);
  }
}
