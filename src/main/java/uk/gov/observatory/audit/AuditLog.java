package uk.gov.observatory.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.audit.internal.AuditChain;
import uk.gov.observatory.audit.internal.AuditRepository;
import uk.gov.observatory.audit.internal.AuditViewers;

/**
 * The audit log: an append-only, hash-chained record of who signed in, read, changed, imported,
 * exported and reported what. {@link #record} joins the caller's transaction, so an entry commits
 * or rolls back with the change it records; a failure to write it fails the change.
 *
 * <p>An entry is written unsealed (a plain insert: audited requests do not wait for each other) and
 * sealed into the hash chain after its transaction commits, by {@link #seal()}: every second (see
 * {@code AuditSealSchedule}), and before every {@link #verify()}. Until then it is not yet
 * protected by the chain; once sealed, changing, removing or reordering it is caught by {@link
 * #verify()}.
 */
@Service
public class AuditLog {

  /** Page size of {@link #search(String, String, Instant, Instant, int)}. */
  public static final int PAGE_SIZE = 50;

  /** How many entries one sealing transaction seals at most. */
  static final int SEAL_BATCH = 1000;

  /** People a page of {@link #viewersOf(String, int)}. */
  public static final int VIEWERS_PAGE_SIZE = 20;

  private final AuditRepository repository;
  private AuditViewers viewers;
  private final TransactionTemplate tx;
  private final TransactionTemplate sealing;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  public AuditLog(
      AuditRepository repository, PlatformTransactionManager transactions, Clock clock) {
    this.repository = repository;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    this.sealing = new TransactionTemplate(transactions);
    this.sealing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.sealing.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.clock = clock;
  }

  /**
   * Appends an entry, unsealed (see the class comment). Inside a transaction it joins it; outside
   * one it commits on its own. It takes no lock: concurrent callers do not wait for each other.
   */
  public AuditEntry record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    return tx.execute(status -> repository.append(event, () -> Instant.now(clock)));
  }

  /**
   * Records several events at once, in their order, in one statement: as {@link #record} (joining
   * the caller's transaction), for changes made together.
   */
  public void recordAll(List<AuditEvent> events) {
    events.forEach(e -> Objects.requireNonNull(e, "event"));
    if (events.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(status -> repository.appendAll(events, () -> Instant.now(clock)));
  }

  /**
   * Seals every entry committed so far into the chain, waiting for a sealer running elsewhere (in
   * this or another instance) to finish first. Returns how many entries it sealed.
   */
  public long seal() {
    long total = 0;
    while (true) {
      Integer n = sealing.execute(status -> repository.seal(SEAL_BATCH, true));
      if (n == null || n <= 0) {
        return total;
      }
      total += n;
      if (n < SEAL_BATCH) {
        return total;
      }
    }
  }

  /**
   * As {@link #seal()}, but returns at once (with -1) when another sealer is running: for the
   * schedule, where the other sealer will have sealed what this one would have.
   */
  public long sealIfFree() {
    long total = 0;
    while (true) {
      Integer n = sealing.execute(status -> repository.seal(SEAL_BATCH, false));
      if (n == null || n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
      if (n < SEAL_BATCH) {
        return total;
      }
    }
  }

  /**
   * Seals what has been committed, then checks every sealed entry's hash and link in chain order;
   * the first that does not fit is named. Entries committed after the sealing (while verifying) are
   * counted as not yet sealed.
   */
  public AuditVerification verify() {
    seal();
    return readOnly.execute(
        status -> {
          Check check = new Check();
          repository.forEachInOrder(check);
          return new AuditVerification(
              check.count, check.broken, check.reason, repository.unsealedCount());
        });
  }

  /**
   * Entries by person, record and time, newest first. Each filter is optional (null: any); {@code
   * actor} and {@code recordRef} match exactly; {@code from} is inclusive and {@code to} exclusive;
   * {@code page} counts from 1.
   */
  public AuditPage search(String actor, String recordRef, Instant from, Instant to, int page) {
    return search(actor, recordRef, from, to, page, PAGE_SIZE);
  }

  public AuditPage search(
      String actor, String recordRef, Instant from, Instant to, int page, int size) {
    return search(actor, recordRef, null, from, to, page, size);
  }

  /** Entries by person, record, action (its name; null: any) and time, newest first. */
  public AuditPage search(
      String actor, String recordRef, String action, Instant from, Instant to, int page) {
    return search(actor, recordRef, action, from, to, page, PAGE_SIZE);
  }

  public AuditPage search(
      String actor, String recordRef, String action, Instant from, Instant to, int page, int size) {
    if (page < 1 || size < 1 || size > 1000) {
      throw new IllegalArgumentException("page must be 1 or more and size from 1 to 1000");
    }
    AuditRepository.Filter filter =
        new AuditRepository.Filter(
            blankToNull(actor), blankToNull(recordRef), blankToNull(action), from, to);
    return readOnly.execute(
        status ->
            new AuditPage(
                repository.search(filter, (page - 1) * size, size),
                repository.count(filter),
                page,
                size));
  }

  /** Who has viewed a record (views and showings of identifying details), newest first. */
  public List<AuditEntry> viewsOf(String recordRef) {
    return repository.byRecordAndActions(
        recordRef,
        List.of(AuditAction.VIEWED.name(), AuditAction.IDENTIFYING_DETAILS_SHOWN.name()));
  }

  /**
   * Who has viewed a record, one row a person (views, showings of identifying details, the last
   * time), the latest viewer first, {@value #VIEWERS_PAGE_SIZE} people a page; {@code page} counts
   * from 1. Bounded in SQL however often the record was viewed.
   */
  public ViewerPage viewersOf(String recordRef, int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more");
    }
    int size = VIEWERS_PAGE_SIZE;
    return viewers.page(recordRef, (page - 1) * size, size, page);
  }

  @org.springframework.beans.factory.annotation.Autowired
  void setViewers(AuditViewers viewers) {
    this.viewers = viewers;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Walks the chain, remembering the first entry that does not fit. */
  private static final class Check implements java.util.function.Consumer<AuditEntry> {
    long count;
    AuditEntry previous;
    AuditEntry broken;
    String reason;

    @Override
    public void accept(AuditEntry e) {
      if (broken != null) {
        return;
      }
      count++;
      String expected =
          AuditChain.hash(
              e.id(),
              e.recordedAt(),
              e.actor(),
              e.action(),
              e.recordType(),
              e.recordRef(),
              e.before(),
              e.after(),
              e.details(),
              e.previousHash());
      if (!expected.equals(e.entryHash())) {
        broken = e;
        reason =
            "its contents do not match its entry_hash: the entry was altered (or forged)"
                + " after it was written";
      } else if (previous == null && !AuditChain.GENESIS.equals(e.previousHash())) {
        broken = e;
        reason =
            "it is the first entry but its previous_hash is not the genesis hash (64 zeros):"
                + " an entry before it was deleted, or it was altered";
      } else if (previous != null && !previous.entryHash().equals(e.previousHash())) {
        broken = e;
        reason =
            "its previous_hash does not match the entry_hash of entry "
                + previous.id()
                + ": an entry between them was deleted or inserted, the entries were reordered, or this"
                + " entry was altered";
      }
      previous = e;
    }
  }
}
