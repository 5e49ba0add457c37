package uk.gov.observatory.access.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.observatory.web.SharedRateLimits;

/**
 * Rate limits in fixed one-minute windows, counted in PostgreSQL ({@link SharedRateLimits}) and so
 * shared by every instance on the database (one made without it counts in memory, per instance).
 * Over a limit the answer is 429 with Retry-After: a problem on the API and the service's error
 * page elsewhere.
 *
 * <ul>
 *   <li>Sign-in attempts (every POST under {@code /sign-in}) per remote address: checked here, as a
 *       servlet filter before the security filters.
 *   <li>API requests per account once its token is accepted (however the header is spelt, and
 *       whichever of the account's tokens it is), and per remote address for requests without a
 *       token or with a refused one: checked by {@link BearerTokenFilter}.
 *   <li>Refused API tokens per remote address: once an address is over it, every request from it
 *       that carries a token is refused, whether the token is good or not.
 * </ul>
 *
 * <p>In memory, memory is bounded: at most {@value #MAX_KEYS} windows are kept; past that, windows
 * of earlier minutes are dropped, and if the current minute alone fills the table, keys it has no
 * room for share one window per kind (so a flood from very many addresses is limited as if from
 * one).
 */
class RateLimits extends OncePerRequestFilter {

  static final int MAX_KEYS = 100_000;

  /** The prefix of these limits' kinds in the shared tables. */
  static final String KIND = "access:";

  private final Clock clock;
  private final int signInPerMinute;
  private final int apiPerMinute;
  private final int tokenFailuresPerMinute;
  private final int maxKeys;
  private final Map<String, long[]> windows = new ConcurrentHashMap<>();
  private final SharedRateLimits shared;
  private final int leaseSize;
  private final Map<String, Map<Long, Lease>> leases = new ConcurrentHashMap<>();

  RateLimits(Clock clock, int signInPerMinute, int apiPerMinute, int tokenFailuresPerMinute) {
    this(clock, signInPerMinute, apiPerMinute, tokenFailuresPerMinute, MAX_KEYS, null);
  }

  /** Limits counted in PostgreSQL, shared by every instance on it. */
  RateLimits(
      Clock clock,
      int signInPerMinute,
      int apiPerMinute,
      int tokenFailuresPerMinute,
      SharedRateLimits shared) {
    this(clock, signInPerMinute, apiPerMinute, tokenFailuresPerMinute, MAX_KEYS, shared);
  }

  RateLimits(
      Clock clock, int signInPerMinute, int apiPerMinute, int tokenFailuresPerMinute, int maxKeys) {
    this(clock, signInPerMinute, apiPerMinute, tokenFailuresPerMinute, maxKeys, null);
  }

  private RateLimits(
      Clock clock,
      int signInPerMinute,
      int apiPerMinute,
      int tokenFailuresPerMinute,
      int maxKeys,
      SharedRateLimits shared) {
    this.shared = shared;
    this.maxKeys = maxKeys;
    this.clock = clock;
    this.signInPerMinute = signInPerMinute;
    this.apiPerMinute = apiPerMinute;
    this.tokenFailuresPerMinute = tokenFailuresPerMinute;
    this.leaseSize = leaseSize(apiPerMinute);
  }

  /**
   * How many requests of an account a lease counts at once: a 64th of the limit, from 1 (every
   * request asks the database, as for a small limit) to 64.
   */
  static int leaseSize(int apiPerMinute) {
    return Math.max(1, Math.min(64, apiPerMinute / 64));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("POST".equals(request.getMethod())
        && request.getRequestURI().startsWith("/sign-in")
        && !allowed("sign-in", request.getRemoteAddr(), signInPerMinute)) {
      response.setHeader("Retry-After", Long.toString(retryAfter()));
      response.sendError(429, "Too many attempts: wait a minute and try again");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Counts an API request of an account (by its id); false once the account is over the limit. */
  boolean apiAllowedForAccount(long accountId) {
    return allowed("api-account", Long.toString(accountId), apiPerMinute);
  }

  /** What the limits say of an API request whose token was accepted. */
  enum TokenRequest {
    ALLOWED,
    /** Its address is over its budget of refused tokens: not counted. */
    TOO_MANY_TOKEN_FAILURES,
    TOO_MANY_REQUESTS
  }

  /**
   * Counts an API request of an account (by its id) whose token was accepted from {@code address},
   * unless the address is over its budget of refused tokens. Shared, in leases: the first request
   * of an account from an address in a minute counts {@link #leaseSize} requests at once in one
   * statement (checking the address's budget in it), and the next ones from that address are
   * allowed here without a statement until the lease is spent. A lease is never more than what is
   * left of the limit, so every instance together allows at most the limit; a lease an instance
   * does not spend is counted all the same (so a client spread over instances may be refused up to
   * a lease's worth early). A token refused here from an address ends that address's leases on this
   * instance; a lease is only held by an address that has already shown one of the account's
   * tokens, so an address that goes over its budget on another instance learns nothing from it.
   */
  TokenRequest apiForAccount(String address, long accountId) {
    if (shared != null) {
      long minute = minute();
      Map<Long, Lease> ofAddress = leases.get(address);
      Lease lease = ofAddress == null ? null : ofAddress.get(accountId);
      if (lease != null && lease.minute == minute && lease.left.getAndDecrement() > 0) {
        return TokenRequest.ALLOWED;
      }
      int hits =
          shared.hitUnlessFull(
              KIND + "token-failures",
              address,
              tokenFailuresPerMinute,
              KIND + "api-account",
              Long.toString(accountId),
              minute,
              leaseSize);
      if (hits < 0) {
        return TokenRequest.TOO_MANY_TOKEN_FAILURES;
      }
      int granted = Math.min(leaseSize, apiPerMinute - (hits - leaseSize));
      if (granted <= 0) {
        return TokenRequest.TOO_MANY_REQUESTS;
      }
      if (granted > 1) {
        keepLease(address, accountId, new Lease(minute, granted - 1));
      }
      return TokenRequest.ALLOWED;
    }
    if (tooManyTokenFailures(address)) {
      return TokenRequest.TOO_MANY_TOKEN_FAILURES;
    }
    return apiAllowedForAccount(accountId) ? TokenRequest.ALLOWED : TokenRequest.TOO_MANY_REQUESTS;
  }

  /** Requests of an account from an address allowed without asking the database again. */
  private record Lease(long minute, AtomicInteger left) {
    Lease(long minute, int left) {
      this(minute, new AtomicInteger(left));
    }
  }

  private void keepLease(String address, long accountId, Lease lease) {
    if (leases.size() >= maxKeys && !leases.containsKey(address)) {
      long minute = lease.minute();
      leases.values().removeIf(m -> m.values().stream().allMatch(l -> l.minute() != minute));
      if (leases.size() >= maxKeys) {
        return; // no room: the lease is not kept (it stays counted), so fewer are allowed
      }
    }
    leases.computeIfAbsent(address, a -> new ConcurrentHashMap<>()).put(accountId, lease);
  }

  /** Counts an API request without an accepted token; false once its address is over the limit. */
  boolean apiAllowedForAddress(String address) {
    return allowed("api-address", address, apiPerMinute);
  }

  /** Whether an address has had as many refused API tokens this minute as it may. */
  boolean tooManyTokenFailures(String address) {
    if (shared != null) {
      return shared.hits(KIND + "token-failures", address, minute()) >= tokenFailuresPerMinute;
    }
    long[] window = windows.get(key("token-failures", address));
    if (window == null && windows.size() >= maxKeys) {
      window = windows.get(key("token-failures", "(others)"));
    }
    return window != null && window[0] == minute() && window[1] >= tokenFailuresPerMinute;
  }

  /** Counts a refused API token against its address, and ends the address's leases here. */
  void tokenRefused(String address) {
    leases.remove(address);
    allowed("token-failures", address, tokenFailuresPerMinute);
  }

  int apiPerMinute() {
    return apiPerMinute;
  }

  int tokenFailuresPerMinute() {
    return tokenFailuresPerMinute;
  }

  /** How many windows are kept. */
  int size() {
    return windows.size();
  }

  /** Forgets every window (tests only: the test clock never leaves its minute). */
  void forget() {
    if (shared != null) {
      for (String kind : List.of("sign-in", "api-account", "api-address", "token-failures")) {
        shared.forget(KIND + kind);
      }
    }
    windows.clear();
    leases.clear();
  }

  /** Seconds until the current window ends. */
  long retryAfter() {
    long millis = clock.millis();
    return Math.max(1, (millis / 60_000 + 1) * 60 - millis / 1000);
  }

  /** Answers an API request over a limit: 429, Retry-After and a problem saying what to do. */
  void tooManyApiRequests(HttpServletResponse response, String what) throws IOException {
    long retryAfter = retryAfter();
    response.setHeader("Retry-After", Long.toString(retryAfter));
    response.setStatus(429);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"urn:observatory:problem:too-many-requests\",\"title\":\"Too many"
                + " requests\",\"status\":429,\"detail\":\""
                + what
                + ": wait "
                + retryAfter
                + " seconds and try again.\"}");
  }

  private long minute() {
    return clock.millis() / 60_000;
  }

  private static String key(String kind, String who) {
    return kind + ":" + who;
  }

  /** Counts a request in the current minute's window; false once the limit is passed. */
  boolean allowed(String kind, String who, int limit) {
    long minute = minute();
    if (shared != null) {
      return shared.hit(KIND + kind, who, minute) <= limit;
    }
    String key = key(kind, who);
    if (windows.size() >= maxKeys && !windows.containsKey(key)) {
      windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
      if (windows.size() >= maxKeys) {
        // No room: every key without a window of its own shares one for its kind.
        key = key(kind, "(others)");
      }
    }
    long[] window =
        windows.compute(
            key,
            (k, w) -> {
              if (w == null || w[0] != minute) {
                return new long[] {minute, 1};
              }
              w[1]++;
              return w;
            });
    return window[1] <= limit;
  }
}
