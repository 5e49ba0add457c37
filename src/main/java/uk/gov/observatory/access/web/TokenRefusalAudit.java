package uk.gov.observatory.access.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;

/**
 * Puts refused API tokens on record without letting a flood of made-up tokens flood the audit log.
 * In each minute, the first {@code observatory.rate-limit.audited-token-refusals-per-minute} (5)
 * refusals from an address are audited one by one ({@code SIGN_IN_FAILED}, record type {@code
 * api_token}); the rest are only counted, and once the minute is over they are written as one
 * entry: "N further API token refusals from ADDRESS in the minute from ...". At most {@value
 * #MAX_ADDRESSES} addresses are counted a minute; refusals from addresses past that are counted
 * together and written as one entry too. So a minute adds at most (5 + 1) entries an address, for
 * at most {@value #MAX_ADDRESSES} addresses, plus one; and memory is bounded likewise.
 *
 * <p>The counts of a minute are written by the first refusal after it, or by a background check
 * every 20 seconds, or when the service stops. The token itself is never written anywhere.
 */
@Component
class TokenRefusalAudit implements DisposableBean {

  static final int MAX_ADDRESSES = 10_000;

  private static final Logger log = LoggerFactory.getLogger(TokenRefusalAudit.class);

  private final AuditLog audit;
  private final Clock clock;
  private final int individually;
  private final int maxAddresses;
  private final ScheduledExecutorService flusher;

  // Guarded by this.
  private long minute = Long.MIN_VALUE;
  private final Map<String, Integer> counts = new HashMap<>();
  private long othersCount;

  @Autowired
  TokenRefusalAudit(
      AuditLog audit,
      Clock clock,
      @Value("${observatory.rate-limit.audited-token-refusals-per-minute:5}") int individually) {
    this(audit, clock, individually, MAX_ADDRESSES, true);
  }

  /** As above; {@code background} false for tests, which call {@link #flush()} themselves. */
  TokenRefusalAudit(
      AuditLog audit, Clock clock, int individually, int maxAddresses, boolean background) {
    this.maxAddresses = maxAddresses;
    this.audit = audit;
    this.clock = clock;
    this.individually = individually;
    if (background) {
      this.flusher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "token-refusal-audit");
                t.setDaemon(true);
                return t;
              });
      this.flusher.scheduleWithFixedDelay(this::flushQuietly, 20, 20, TimeUnit.SECONDS);
    } else {
      this.flusher = null;
    }
  }

  /** A refused token from {@code address}, asking for {@code method} {@code path}. */
  void refused(String address, String method, String path) {
    String from = address == null ? "unknown" : address;
    List<AuditEvent> earlier;
    boolean alone;
    synchronized (this) {
      earlier = takeEndedMinute(false);
      Integer count = counts.get(from);
      if (count == null && counts.size() >= maxAddresses) {
        othersCount++;
        alone = false;
      } else {
        int n = count == null ? 1 : count + 1;
        counts.put(from, n);
        alone = n <= individually;
      }
    }
    earlier.forEach(audit::record);
    if (alone) {
      audit.record(
          new AuditEvent(
              Actors.anonymous(from),
              AuditAction.SIGN_IN_FAILED,
              "api_token",
              null,
              null,
              null,
              "API token refused (unknown, expired, revoked or of a disabled account) for "
                  + method
                  + " "
                  + path));
    }
  }

  /** Forgets the counts without writing them (tests only: the test clock never moves). */
  synchronized void forget() {
    counts.clear();
    othersCount = 0;
  }

  /** Writes the counts of a minute that has ended. */
  void flush() {
    List<AuditEvent> ended;
    synchronized (this) {
      ended = takeEndedMinute(false);
    }
    ended.forEach(audit::record);
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("Could not write the count of refused API tokens to the audit log", e);
    }
  }

  @Override
  public void destroy() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    List<AuditEvent> last;
    synchronized (this) {
      last = takeEndedMinute(true);
    }
    try {
      last.forEach(audit::record);
    } catch (RuntimeException e) {
      log.warn("Could not write the count of refused API tokens to the audit log", e);
    }
  }

  /**
   * The aggregated entries of the minute being counted, if it has ended (or {@code anyway}), and
   * starts counting the current minute.
   */
  private List<AuditEvent> takeEndedMinute(boolean anyway) {
    long now = Math.floorDiv(clock.millis(), 60_000L);
    if (now == minute && !anyway) {
      return List.of();
    }
    List<AuditEvent> out = new ArrayList<>();
    String when =
        counts.isEmpty() && othersCount == 0 ? "" : Instant.ofEpochSecond(minute * 60).toString();
    counts.forEach(
        (address, n) -> {
          if (n > individually) {
            out.add(
                new AuditEvent(
                    Actors.anonymous(address),
                    AuditAction.SIGN_IN_FAILED,
                    "api_token",
                    null,
                    null,
                    null,
                    (n - individually)
                        + " further API token refusals from "
                        + address
                        + " in the minute from "
                        + when));
          }
        });
    if (othersCount > 0) {
      out.add(
          new AuditEvent(
              Actors.anonymous("other addresses"),
              AuditAction.SIGN_IN_FAILED,
              "api_token",
              null,
              null,
              null,
              othersCount
                  + " API token refusals from further addresses (more than "
                  + maxAddresses
                  + " addresses refused) in the minute from "
                  + when));
    }
    counts.clear();
    othersCount = 0;
    minute = now;
    return out;
  }
}
