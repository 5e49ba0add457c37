package uk.gov.observatory.notification.web;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.protection.IdentifyingDetails;
import uk.gov.observatory.protection.Sealed;

/**
 * Drafts of notifications saved on the server, one row per draft per account: the answers sealed
 * (they may hold children's names and dates of birth), beside what a list of drafts shows (when
 * created and last saved, the authority and the type: never a child's detail). Only its owner
 * reads, continues or deletes a draft; a draft not saved for {@code observatory.notify.draft-days}
 * days (30 unless configured) is deleted. Creation and deletion are audited.
 */
@Component
class NotificationDrafts {

  /** The audit log's record type of a draft. */
  static final String AUDIT_RECORD_TYPE = "notification_draft";

  /** The sealed column, named as associated data so a draft opens only as a draft. */
  static final String CONTENT = "notification_draft.content";

  /** A draft as a list shows it. */
  record Summary(
      String id,
      Instant createdAt,
      Instant savedAt,
      Instant deleteAfter,
      String laCode,
      String notificationType) {
    public String getId() {
      return id;
    }
  }

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultVisibility(
              v ->
                  v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                      .withVisibility(PropertyAccessor.FIELD, Visibility.PUBLIC_ONLY))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final JdbcTemplate jdbc;
  private final IdentifyingDetails identifying;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final Duration keep;

  NotificationDrafts(
      JdbcTemplate jdbc,
      IdentifyingDetails identifying,
      AuditLog audit,
      Clock clock,
      TransactionTemplate tx,
      @Value("${observatory.notify.draft-days:30}") int keepDays) {
    this.jdbc = jdbc;
    this.identifying = identifying;
    this.audit = audit;
    this.clock = clock;
    this.tx = tx;
    this.keep = Duration.ofDays(Math.max(1, keepDays));
  }

  /** How long a draft is kept after it was last saved. */
  Duration keep() {
    return keep;
  }

  /**
   * Saves the draft for its owner: a new row (audited as created) the first time, else the owner's
   * row. A draft id that is not the owner's (or no longer exists) is saved as a new draft.
   */
  void save(String owner, NotificationDraft d) {
    Instant now = Instant.now(clock);
    Instant deleteAfter = now.plus(keep);
    String content = identifying.seal(CONTENT, JSON.writeValueAsString(d)).text();
    tx.executeWithoutResult(
        status -> {
          int updated =
              d.draftId == null
                  ? 0
                  : jdbc.update(
                      "update notification_draft set saved_at = ?, delete_after = ?, la_code = ?,"
                          + " notification_type = ?, content_sealed = ? where id = ? and owner = ?",
                      Timestamp.from(now),
                      Timestamp.from(deleteAfter),
                      d.laCode,
                      d.notificationType,
                      content,
                      UUID.fromString(d.draftId),
                      owner);
          if (updated == 0) {
            UUID id = UUID.randomUUID();
            jdbc.update(
                "insert into notification_draft (id, owner, created_at, saved_at, delete_after,"
                    + " la_code, notification_type, content_sealed) values (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                owner,
                Timestamp.from(now),
                Timestamp.from(now),
                Timestamp.from(deleteAfter),
                d.laCode,
                d.notificationType,
                content);
            audit.record(
                AuditEvent.of(owner, AuditAction.CREATED, AUDIT_RECORD_TYPE, id.toString())
                    .withDetails("draft notification saved on the server"));
            d.draftId = id.toString();
          }
        });
    d.deleteAfter = deleteAfter;
  }

  /** The owner's draft by id; empty when there is none, it is another account's, or it expired. */
  Optional<NotificationDraft> load(String owner, String id) {
    UUID uuid = uuid(id);
    if (uuid == null) {
      return Optional.empty();
    }
    purgeExpired();
    List<NotificationDraft> found =
        jdbc.query(
            "select content_sealed, delete_after from notification_draft where id = ? and owner = ?",
            (rs, i) -> {
              NotificationDraft d =
                  JSON.readValue(
                      identifying.open(CONTENT, Sealed.parse(rs.getString(1))),
                      NotificationDraft.class);
              d.draftId = uuid.toString();
              d.deleteAfter = rs.getTimestamp(2).toInstant();
              return d;
            },
            uuid,
            owner);
    return found.stream().findFirst();
  }

  /** The owner's drafts, the last saved first (expired ones are deleted first). */
  List<Summary> list(String owner) {
    purgeExpired();
    return jdbc.query(
        "select id, created_at, saved_at, delete_after, la_code, notification_type"
            + " from notification_draft where owner = ? order by saved_at desc, id",
        (rs, i) ->
            new Summary(
                rs.getObject(1, UUID.class).toString(),
                rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getString(6)),
        owner);
  }

  /**
   * How many drafts the owner has that are still kept (one statement: the register's link to them
   * counts, it does not delete; expired drafts go when drafts are next read or at the hourly purge,
   * {@link DraftPurgeSchedule}).
   */
  int count(String owner) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from notification_draft where owner = ? and delete_after > ?",
            Integer.class,
            owner,
            Timestamp.from(Instant.now(clock)));
    return n == null ? 0 : n;
  }

  /** The owner's draft's summary, for the page that asks before deleting it. */
  Optional<Summary> summary(String owner, String id) {
    UUID uuid = uuid(id);
    return uuid == null
        ? Optional.empty()
        : list(owner).stream().filter(s -> s.id().equals(uuid.toString())).findFirst();
  }

  /** Deletes the owner's draft (audited with why); false when there is no such draft of theirs. */
  boolean delete(String owner, String id, String why) {
    UUID uuid = uuid(id);
    if (uuid == null) {
      return false;
    }
    Boolean deleted =
        tx.execute(
            status -> {
              int n =
                  jdbc.update(
                      "delete from notification_draft where id = ? and owner = ?", uuid, owner);
              if (n > 0) {
                audit.record(
                    AuditEvent.of(owner, AuditAction.DELETED, AUDIT_RECORD_TYPE, uuid.toString())
                        .withDetails(why));
              }
              return n > 0;
            });
    return Boolean.TRUE.equals(deleted);
  }

  /** Deletes every draft not saved within the time drafts are kept, each audited. */
  int purgeExpired() {
    Instant now = Instant.now(clock);
    Integer n =
        tx.execute(
            status -> {
              List<String[]> expired =
                  jdbc.query(
                      "delete from notification_draft where delete_after <= ? returning id, owner",
                      (rs, i) ->
                          new String[] {rs.getObject(1, UUID.class).toString(), rs.getString(2)},
                      Timestamp.from(now));
              for (String[] e : expired) {
                audit.record(
                    AuditEvent.of(
                            uk.gov.observatory.audit.Actors.SYSTEM,
                            AuditAction.DELETED,
                            AUDIT_RECORD_TYPE,
                            e[0])
                        .withDetails(
                            "draft of "
                                + e[1]
                                + " deleted: not saved for "
                                + keep.toDays()
                                + " days"));
              }
              return expired.size();
            });
    return n == null ? 0 : n;
  }

  private static UUID uuid(String id) {
    if (id == null || id.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
