package uk.gov.observatory.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.observatory.access.internal.Hashes;

/**
 * Failed sign-ins with usernames that have no account, counted in memory (per instance) so that
 * such a name is locked out exactly as an account would be: after the same number of failures, for
 * the same time. Without it, an unknown name never met the lockout message and so could be told
 * from a real one. Names are kept as SHA-256 hashes; at most {@value #MAX_NAMES} are remembered,
 * the least recently tried going first, and a name not tried for a day is forgotten.
 */
final class UnknownNames {

  static final int MAX_NAMES = 100_000;
  private static final Duration FORGET_AFTER = Duration.ofDays(1);

  private final int maxFailures;
  private final int maxNames;
  private final Duration lockDuration;

  /** Failures and lock of each name, in order of last try (access order). */
  private final LinkedHashMap<String, Entry> names = new LinkedHashMap<>(1024, 0.75f, true);

  private static final class Entry {
    int failures;
    Instant lockedUntil;
    Instant lastTried;
  }

  UnknownNames(int maxFailures, Duration lockDuration) {
    this(maxFailures, lockDuration, MAX_NAMES);
  }

  UnknownNames(int maxFailures, Duration lockDuration, int maxNames) {
    this.maxNames = maxNames;
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
  }

  /** Whether the name is locked at {@code now}. */
  synchronized boolean locked(String username, Instant now) {
    Entry e = names.get(key(username));
    return e != null && e.lockedUntil != null && now.isBefore(e.lockedUntil);
  }

  /**
   * Counts a failure, as {@code Accounts.failure} does for an account: a lock that has expired
   * starts the count again; reaching the limit locks the name. True when the name is now locked.
   */
  synchronized boolean failure(String username, Instant now) {
    forgetStale(now);
    Entry e = names.computeIfAbsent(key(username), k -> new Entry());
    boolean lockExpired = e.lockedUntil != null && !now.isBefore(e.lockedUntil);
    e.failures = (lockExpired ? 0 : e.failures) + 1;
    e.lastTried = now;
    if (lockExpired) {
      e.lockedUntil = null;
    }
    if (e.failures >= maxFailures) {
      e.lockedUntil = now.plus(lockDuration);
      return true;
    }
    return false;
  }

  synchronized int size() {
    return names.size();
  }

  private void forgetStale(Instant now) {
    Iterator<Map.Entry<String, Entry>> oldestFirst = names.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      Entry e = oldestFirst.next().getValue();
      boolean stale =
          e.lastTried.plus(FORGET_AFTER).isBefore(now)
              && (e.lockedUntil == null || !now.isBefore(e.lockedUntil));
      if (names.size() >= maxNames || stale) {
        oldestFirst.remove();
      } else {
        break;
      }
    }
  }

  private static String key(String username) {
    return Hashes.sha256Hex(username == null ? "" : username);
  }
}
