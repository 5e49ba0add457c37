package uk.gov.observatory.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.audit.internal.AuditChain;
import uk.gov.observatory.audit.internal.AuditRepository;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationCsv;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.SyntheticCsv;

@RegisterTest
class AuditLogTest {

  @Autowired AuditLog audit;
  @Autowired AuditRepository repository;
  @Autowired NotificationRegister register;
  @Autowired NotificationCsv csv;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;
  @Autowired TransactionTemplate tx;
  @Autowired PlatformTransactionManager transactions;

  @TempDir Path tmp;

  @BeforeEach
  void emptyAuditLog() {
    AuditTables.empty(owner);
  }

  long auditCount() {
    return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
  }

  long notificationCount() {
    return jdbc.queryForObject("select count(*) from notification", Long.class);
  }

  List<Long> ids() {
    return jdbc.queryForList("select id from audit_entry order by id", Long.class);
  }

  /** Five entries: three notifications created, then two views. */
  List<Long> fiveEntries() {
    Notification a = register.notify(Submissions.death(), null, "alice").notification();
    register.notify(Submissions.seriousHarm(), null, "bob");
    register.notify(Submissions.death(), null, "alice");
    register.view(a.ref(), "carol");
    register.view(a.ref(), "alice");
    List<Long> ids = ids();
    assertThat(ids).hasSize(5);
    assertThat(audit.verify().intact()).isTrue();
    return ids;
  }

  @Test
  @DisplayName(
      "verify passes on a fresh database (0 entries) and after notifies, views, an import and an export")
  void freshDatabaseVerifies() throws Exception {
    AuditVerification empty = audit.verify();
    assertThat(empty.intact()).isTrue();
    assertThat(empty.message()).isEqualTo("Audit chain intact: 0 entries");

    Notification n = register.notify(Submissions.death(), null, "alice").notification();
    register.notify(Submissions.seriousHarm(), "key-1", "bob");
    register.notify(Submissions.seriousHarm(), "key-1", "bob"); // a replay stores nothing
    assertThat(register.view(n.ref(), "carol")).isPresent();
    // Nothing read, but the guess is on record as refused.
    assertThat(register.view("SIN-2020-99999", "carol")).isEmpty();
    SyntheticCsv.write(tmp.resolve("in"), 20, 4);
    assertThat(csv.importFrom(tmp.resolve("in"), false, ImportProgress.NONE, "cli:dave").stored())
        .isTrue();
    csv.exportTo(tmp.resolve("out"), true, "cli:dave");

    AuditVerification v = audit.verify();
    assertThat(v.message()).isEqualTo("Audit chain intact: 6 entries");
    List<AuditEntry> all = audit.search(null, null, null, null, 1).items();
    assertThat(all)
        .extracting(AuditEntry::action)
        .containsExactly("EXPORTED", "IMPORTED", "ACCESS_REFUSED", "VIEWED", "CREATED", "CREATED");
    assertThat(all.get(2).recordRef()).isEqualTo("SIN-2020-99999");
    AuditEntry created = all.get(5);
    assertThat(created.actor()).isEqualTo("alice");
    assertThat(created.recordRef()).isEqualTo(n.ref());
    assertThat(created.after())
        .contains("\"notification_ref\":\"" + n.ref() + "\"")
        .contains("\"la_code\":\"E09000033\"")
        .contains("\"age_years\":0");
    assertThat(all.get(1).details())
        .isEqualTo("{\"notifications\":20,\"children\":25,\"replaced\":0,\"replaced_refs\":[]}");
    assertThat(all.get(0).details()).contains("\"identifying\":true");
    // The children's identifying details never reach the audit log.
    String everything =
        String.join(
            "\n", jdbc.queryForList("select audit_entry::text from audit_entry", String.class));
    assertThat(everything)
        .doesNotContain("Test Child")
        .doesNotContain("2020-01-15")
        .doesNotContain("Synthetic")
        .doesNotContain("child_name")
        .doesNotContain("date_of_birth");
    // Linked: each entry names the one before; the first names the genesis hash.
    List<AuditEntry> chain = new ArrayList<>(all);
    java.util.Collections.reverse(chain);
    assertThat(chain.get(0).previousHash()).isEqualTo("0".repeat(64));
    for (int i = 1; i < chain.size(); i++) {
      assertThat(chain.get(i).previousHash()).isEqualTo(chain.get(i - 1).entryHash());
    }
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of("actor", "update audit_entry set actor = 'mallory' where id = ?"),
        Arguments.of("action", "update audit_entry set action = 'UPDATED' where id = ?"),
        Arguments.of(
            "record_ref", "update audit_entry set record_ref = 'SIN-2020-00099' where id = ?"),
        Arguments.of("record_type", "update audit_entry set record_type = 'child' where id = ?"),
        Arguments.of(
            "after_state",
            "update audit_entry set after_state = replace(after_state, 'E09000033', 'E08000035')"
                + " where id = ?"),
        Arguments.of("before_state", "update audit_entry set before_state = '{}' where id = ?"),
        Arguments.of("details", "update audit_entry set details = 'nothing to see' where id = ?"),
        Arguments.of(
            "recorded_at (by one microsecond)",
            "update audit_entry set recorded_at = recorded_at + interval '1 microsecond' where id = ?"),
        Arguments.of(
            "previous_hash", "update audit_entry set previous_hash = repeat('0', 64) where id = ?"),
        Arguments.of(
            "entry_hash", "update audit_entry set entry_hash = upper(entry_hash) where id = ?"),
        Arguments.of(
            "previous_hash and entry_hash copied from another entry",
            "update audit_entry t set previous_hash = o.previous_hash, entry_hash = o.entry_hash"
                + " from audit_entry o where o.id = t.id - 1 and t.id = ?"));
  }

  @ParameterizedTest(name = "changing {0}")
  @MethodSource("tamperings")
  @DisplayName("changing any one column of an entry makes verify fail naming that entry")
  void tamperedColumnIsNamed(String column, String sql) {
    List<Long> ids = fiveEntries();
    long victim = ids.get(2); // a CREATED entry, in the middle of the chain
    assertThat(AuditTables.bypassing(owner, sql, victim)).isEqualTo(1);

    AuditVerification v = audit.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken().id()).isEqualTo(victim);
    assertThat(v.message()).startsWith("Audit chain broken at entry " + victim + " (");
  }

  @Test
  @DisplayName(
      "a deleted entry breaks the chain at the entry after it, which names the entry before the gap")
  void deletedEntry() {
    List<Long> ids = fiveEntries();
    AuditTables.bypassing(owner, "delete from audit_entry where id = ?", ids.get(2));
    AuditVerification v = audit.verify();
    assertThat(v.firstBroken().id()).isEqualTo(ids.get(3));
    assertThat(v.reason()).contains("entry " + ids.get(1)).contains("deleted");
  }

  @Test
  @DisplayName("deleting the first entry is caught: the new first entry does not start the chain")
  void deletedFirstEntry() {
    List<Long> ids = fiveEntries();
    AuditTables.bypassing(owner, "delete from audit_entry where id = ?", ids.get(0));
    AuditVerification v = audit.verify();
    assertThat(v.firstBroken().id()).isEqualTo(ids.get(1));
    assertThat(v.reason()).contains("genesis");
  }

  /**
   * Opens a gap of {@code width} chain positions after position {@code after} (as a forger must to
   * insert an entry there: the sealer leaves none), renumbering the later entries without
   * reordering them.
   */
  void openGap(long after, long width) {
    AuditTables.bypassing(
        owner,
        "update audit_entry set chain_pos = chain_pos + ? where chain_pos > ?",
        width,
        after);
  }

  long chainPos(long id) {
    return jdbc.queryForObject("select chain_pos from audit_entry where id = ?", Long.class, id);
  }

  @Test
  @DisplayName("a forged entry inserted into the chain or added at its end is named")
  void insertedForgedEntry() {
    register.notify(Submissions.death(), null, "alice");
    register.notify(Submissions.death(), null, "alice");
    register.notify(Submissions.death(), null, "alice");
    assertThat(audit.verify().intact()).isTrue();
    List<Long> ids = ids();
    long firstPos = chainPos(ids.get(0));
    // Renumbering the chain without reordering it changes nothing verify relies on.
    openGap(firstPos, 1000);
    assertThat(audit.verify().message()).isEqualTo("Audit chain intact: 3 entries");

    long forged =
        jdbc.queryForObject(
            "select nextval(pg_get_serial_sequence('audit_entry', 'id'))", Long.class);
    String copyOf =
        "insert into audit_entry (id, recorded_at, actor, action, record_type, record_ref,"
            + " before_state, after_state, details, previous_hash, entry_hash, chain_pos)"
            + " overriding system value select ?, recorded_at, 'mallory', 'DELETED', record_type,"
            + " record_ref, null, null, null, previous_hash, entry_hash, ? from audit_entry"
            + " where id = ?";
    AuditTables.bypassing(owner, copyOf, forged, firstPos + 1, ids.get(0));
    AuditVerification middle = audit.verify();
    assertThat(middle.firstBroken().id()).isEqualTo(forged);
    assertThat(middle.message()).contains("at entry " + forged + " (").contains("DELETED");

    AuditTables.bypassing(owner, "delete from audit_entry where id = ?", forged);
    assertThat(audit.verify().intact()).isTrue();
    long end = forged + 5;
    long last = chainPos(ids.get(2));
    AuditTables.bypassing(owner, copyOf, end, last + 1, ids.get(2));
    assertThat(audit.verify().firstBroken().id()).isEqualTo(end);
  }

  @Test
  @DisplayName(
      "a forger who recomputes a valid hash for an inserted entry still breaks the link after it")
  void recomputedForgery() {
    register.notify(Submissions.death(), null, "alice");
    register.notify(Submissions.death(), null, "alice");
    assertThat(audit.verify().intact()).isTrue();
    List<AuditEntry> chain = new ArrayList<>(audit.search(null, null, null, null, 1).items());
    java.util.Collections.reverse(chain);
    AuditEntry first = chain.get(0);
    long firstPos = chainPos(first.id());
    openGap(firstPos, 1);
    long gap =
        jdbc.queryForObject(
            "select nextval(pg_get_serial_sequence('audit_entry', 'id'))", Long.class);
    Instant at = first.recordedAt();
    String hash =
        AuditChain.hash(
            gap, at, "mallory", "DELETED", null, null, null, null, null, first.entryHash());
    AuditTables.bypassing(
        owner,
        "insert into audit_entry (id, recorded_at, actor, action, previous_hash, entry_hash,"
            + " chain_pos) overriding system value values (?, ?, 'mallory', 'DELETED', ?, ?, ?)",
        gap,
        at.atOffset(ZoneOffset.UTC),
        first.entryHash(),
        hash,
        firstPos + 1);
    AuditVerification v = audit.verify();
    assertThat(v.firstBroken().id()).isEqualTo(chain.get(1).id());
    assertThat(v.reason()).contains("entry " + gap);
  }

  @Test
  @DisplayName(
      "two sealed entries swapped in the chain's order are caught at the first moved entry")
  void reorderedEntries() {
    List<Long> ids = fiveEntries();
    long a = ids.get(1);
    long b = ids.get(2);
    long posA = chainPos(a);
    long posB = chainPos(b);
    // Swapped in three steps (chain positions are unique at every moment).
    AuditTables.bypassing(owner, "update audit_entry set chain_pos = -1 where id = ?", a);
    AuditTables.bypassing(owner, "update audit_entry set chain_pos = ? where id = ?", posA, b);
    AuditTables.bypassing(owner, "update audit_entry set chain_pos = ? where id = ?", posB, a);

    AuditVerification v = audit.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstBroken().id()).isEqualTo(b);
    assertThat(v.reason()).contains("entry " + ids.get(0)).contains("reordered");
  }

  @Test
  @DisplayName(
      "a sealed entry that is changed, removed or reordered is caught: after the sealing, as before")
  void tamperingAfterSealingIsCaught() {
    List<Long> ids = fiveEntries();
    // All five were sealed by verify: in the chain, each linked to the one before.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where chain_pos is null", Long.class))
        .isZero();
    AuditTables.bypassing(
        owner, "update audit_entry set actor = 'mallory' where id = ?", ids.get(3));
    assertThat(audit.verify().firstBroken().id()).isEqualTo(ids.get(3));
  }

  @Test
  @DisplayName(
      "an entry is written unsealed without waiting for another transaction's entry, and sealed in"
          + " commit order: one committed late with a lower id is sealed after, none skipped")
  void sealingInCommitOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try {
      // A transaction writes an entry (the lower id) and stays open.
      Future<Long> slow =
          pool.submit(
              () ->
                  tx.execute(
                      status -> {
                        long id =
                            audit
                                .record(
                                    AuditEvent.of("slow", AuditAction.VIEWED, "notification", "A"))
                                .id();
                        written.countDown();
                        try {
                          release.await();
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                        return id;
                      }));
      assertThat(written.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      // Another audited change completes meanwhile (before issue 19 it waited for the first's
      // commit on the audit's append lock).
      Future<AuditEntry> quick =
          pool.submit(
              () -> audit.record(AuditEvent.of("quick", AuditAction.VIEWED, "notification", "B")));
      AuditEntry b = quick.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(b.entryHash()).isNull(); // not sealed yet
      // Only the committed entry is sealed; the open one is not visible, so not skipped either.
      assertThat(audit.verify().message()).isEqualTo("Audit chain intact: 1 entries");
      assertThat(chainPos(b.id())).isEqualTo(1);

      release.countDown();
      long a = slow.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(a).isLessThan(b.id());
      assertThat(
              jdbc.queryForObject(
                  "select chain_pos is null from audit_entry where id = ?", Boolean.class, a))
          .isTrue();
      assertThat(audit.seal()).isEqualTo(1);
      assertThat(chainPos(a)).isEqualTo(2);
      AuditVerification v = audit.verify();
      assertThat(v.message()).isEqualTo("Audit chain intact: 2 entries");
      assertThat(audit.seal()).isZero();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("verify names the entries written after its sealing as not yet sealed")
  void unsealedInMessage() {
    assertThat(new AuditVerification(7, null, null, 2).message())
        .isEqualTo("Audit chain intact: 7 entries (and 2 written since, not yet sealed)");
  }

  @Test
  @DisplayName("the database refuses to update, delete or truncate audit entries")
  void appendOnly() {
    fiveEntries();
    // As the owner: the triggers refuse even those who may change the table (the application's
    // role may not even try: ApplicationRoleTest).
    assertThatThrownBy(() -> owner.jdbc().update("update audit_entry set actor = 'mallory'"))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("audit_entry is append-only: UPDATE refused");
    // Sealed entries cannot be sealed again (their hashes or place in the chain changed).
    assertThatThrownBy(
            () -> owner.jdbc().update("update audit_entry set entry_hash = upper(entry_hash)"))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("audit_entry is append-only: UPDATE refused");
    assertThatThrownBy(
            () -> owner.jdbc().update("update audit_entry set chain_pos = chain_pos + 100"))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("audit_entry is append-only: UPDATE refused");
    assertThatThrownBy(() -> owner.jdbc().update("delete from audit_entry"))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("audit_entry is append-only: DELETE refused");
    assertThatThrownBy(() -> owner.jdbc().execute("truncate audit_entry"))
        .isInstanceOf(DataAccessException.class)
        .hasStackTraceContaining("audit_entry is append-only: TRUNCATE refused");
    assertThat(auditCount()).isEqualTo(5);
    assertThat(jdbc.queryForList("select distinct actor from audit_entry", String.class))
        .doesNotContain("mallory");
    assertThat(audit.verify().intact()).isTrue();
  }

  @Test
  @DisplayName("an audited change and its entry commit or roll back together")
  void sameTransaction() {
    // The caller's transaction rolls back: the entry goes with the notification.
    tx.executeWithoutResult(
        status -> {
          register.notify(Submissions.death(), null, "alice");
          assertThat(auditCount()).isEqualTo(1); // visible inside the transaction
          status.setRollbackOnly();
        });
    assertThat(notificationCount()).isZero();
    assertThat(auditCount()).isZero();

    // The audit cannot be written: the notification is not stored.
    owner
        .jdbc()
        .execute(
            "create function audit_test_refuse() returns trigger language plpgsql as"
                + " $$ begin raise exception 'audit store unavailable'; end $$");
    owner
        .jdbc()
        .execute(
            "create trigger audit_test_refuse before insert on audit_entry"
                + " for each row execute function audit_test_refuse()");
    try {
      assertThatThrownBy(() -> register.notify(Submissions.death(), null, "alice"))
          .hasMessageContaining("audit store unavailable");
      assertThatThrownBy(() -> register.notify(Submissions.death(), "key-9", "alice"))
          .hasMessageContaining("audit store unavailable");
      assertThatThrownBy(
              () -> {
                SyntheticCsv.write(tmp.resolve("in"), 5, 2);
                csv.importFrom(tmp.resolve("in"), false, ImportProgress.NONE, "alice");
              })
          .hasMessageContaining("audit store unavailable");
      assertThat(notificationCount()).isZero();
    } finally {
      owner.jdbc().execute("drop trigger audit_test_refuse on audit_entry");
      owner.jdbc().execute("drop function audit_test_refuse()");
    }
    assertThat(auditCount()).isZero();

    // And when it can be, both are there.
    Notification n = register.notify(Submissions.death(), null, "alice").notification();
    assertThat(notificationCount()).isEqualTo(1);
    assertThat(audit.search(null, n.ref(), null, null, 1).items())
        .singleElement()
        .extracting(AuditEntry::action)
        .isEqualTo("CREATED");
  }

  @Test
  @DisplayName("an export that cannot be audited writes nothing")
  void unauditedExportWritesNothing() {
    register.notify(Submissions.death());
    owner
        .jdbc()
        .execute(
            "create function audit_test_refuse() returns trigger language plpgsql as"
                + " $$ begin raise exception 'audit store unavailable'; end $$");
    owner
        .jdbc()
        .execute(
            "create trigger audit_test_refuse before insert on audit_entry"
                + " for each row execute function audit_test_refuse()");
    try {
      assertThatThrownBy(() -> csv.exportTo(tmp.resolve("out"), true, "alice"))
          .hasMessageContaining("audit store unavailable");
      assertThat(tmp.resolve("out")).doesNotExist();
    } finally {
      owner.jdbc().execute("drop trigger audit_test_refuse on audit_entry");
      owner.jdbc().execute("drop function audit_test_refuse()");
    }
  }

  @Test
  @DisplayName(
      "concurrent appends (4 threads x 25 notifications and 25 views) leave one intact, linear chain")
  void concurrentAppends() throws Exception {
    // Nothing puts these appends in one line any more: the sealer chains them after they commit.
    String viewed = register.notify(Submissions.seriousHarm(), null, "setup").notification().ref();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String actor = "thread-" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    register.notify(Submissions.death(), null, actor);
                    register.view(viewed, actor);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(audit.verify().message()).isEqualTo("Audit chain intact: 201 entries");
    assertThat(
            jdbc.queryForObject(
                "select count(distinct previous_hash) from audit_entry", Long.class))
        .isEqualTo(201);
  }

  @Test
  @DisplayName("search by person, by record and by date, paged newest first; viewsOf a case")
  void searchAndViews() {
    AuditLog monday = at("2026-11-23T09:00:00Z");
    AuditLog tuesday = at("2026-11-24T09:00:00Z");
    AuditLog wednesday = at("2026-11-25T09:00:00Z");
    monday.record(AuditEvent.of("alice", AuditAction.VIEWED, "notification", "SIN-2019-00001"));
    monday.record(AuditEvent.of("bob", AuditAction.CREATED, "notification", "SIN-2019-00002"));
    tuesday.record(AuditEvent.of("alice", AuditAction.VIEWED, "notification", "SIN-2019-00002"));
    tuesday.record(AuditEvent.of("bob", AuditAction.VIEWED, "notification", "SIN-2019-00001"));
    wednesday.record(AuditEvent.of("alice", AuditAction.SIGN_IN_FAILED, null, null));
    wednesday.record(
        AuditEvent.of(
            "carol", AuditAction.IDENTIFYING_DETAILS_SHOWN, "notification", "SIN-2019-00001"));

    AuditPage alice = audit.search("alice", null, null, null, 1);
    assertThat(alice.total()).isEqualTo(3);
    assertThat(alice.items())
        .extracting(AuditEntry::action)
        .containsExactly("SIGN_IN_FAILED", "VIEWED", "VIEWED");
    assertThat(audit.search(null, "SIN-2019-00002", null, null, 1).items())
        .extracting(AuditEntry::actor)
        .containsExactly("alice", "bob");
    AuditPage tuesdayOnly =
        audit.search(
            null,
            null,
            Instant.parse("2026-11-24T00:00:00Z"),
            Instant.parse("2026-11-25T00:00:00Z"),
            1);
    assertThat(tuesdayOnly.items())
        .extracting(e -> e.actor() + " " + e.recordRef())
        .containsExactlyInAnyOrder("alice SIN-2019-00002", "bob SIN-2019-00001");
    assertThat(
            audit
                .search("alice", "SIN-2019-00001", Instant.parse("2026-11-23T00:00:00Z"), null, 1)
                .items())
        .singleElement()
        .extracting(AuditEntry::recordedAt)
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    AuditPage second = audit.search(null, null, null, null, 2, 4);
    assertThat(second.total()).isEqualTo(6);
    assertThat(second.pages()).isEqualTo(2);
    assertThat(second.items()).extracting(AuditEntry::actor).containsExactly("bob", "alice");

    assertThat(audit.viewsOf("SIN-2019-00001"))
        .extracting(e -> e.actor() + " " + e.action())
        .containsExactly("carol IDENTIFYING_DETAILS_SHOWN", "bob VIEWED", "alice VIEWED");
    assertThat(audit.viewsOf("SIN-2019-00003")).isEmpty();

    Notification n = register.notify(Submissions.death(), null, "dave").notification();
    register.view(n.ref(), Actors.anonymous("192.0.2.7"));
    assertThat(audit.viewsOf(n.ref()))
        .singleElement()
        .extracting(AuditEntry::actor)
        .isEqualTo("anonymous@192.0.2.7");
    assertThat(audit.verify().intact()).isTrue();
  }

  private AuditLog at(String instant) {
    return new AuditLog(
        repository, transactions, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  @DisplayName("timestamps are kept to the microsecond, so the hash survives the round trip")
  void microsecondTimestamps() {
    AuditLog odd = at("2026-11-26T12:00:00.123456789Z");
    AuditEntry e = odd.record(AuditEvent.of("alice", AuditAction.REPORTED, null, null));
    assertThat(e.recordedAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00.123456Z"));
    AuditEntry stored = audit.search("alice", null, null, null, 1).items().get(0);
    assertThat(stored).isEqualTo(e);
    assertThat(audit.verify().intact()).isTrue();
  }
}
