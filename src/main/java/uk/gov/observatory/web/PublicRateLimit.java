package uk.gov.observatory.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public pages' rate limit (the statistics, the learning library): a token bucket per client
 * address, in memory, one limit per group of pages (each registers its own). Each address may make
 * {@code perMinute} requests a minute, in bursts of up to that many; past it, a plain 429 page with
 * {@code Retry-After} (seconds until a request is allowed again). Nothing is stored about the
 * address beyond its bucket, which is forgotten once full again.
 *
 * <p>A bucket of our own (about forty lines) rather than a library: the rule is this one bucket.
 * The application's limits keep their buckets in PostgreSQL ({@link SharedRateLimits}), shared by
 * every instance on the database; one made without it keeps them in memory (one instance).
 */
public class PublicRateLimit extends OncePerRequestFilter {

  /** How many addresses are remembered before the full buckets are forgotten. */
  static final int PRUNE_AT = 10_000;

  private final Clock clock;
  private final double capacity;
  private final double perMilli;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final String homePath;
  private final String homeName;
  private final SharedRateLimits shared;

  /** The statistics pages' limit: the 429 page links back to the published statistics. */
  public PublicRateLimit(Clock clock, int perMinute) {
    this(clock, perMinute, "/statistics", "Published statistics");
  }

  /**
   * A limit of {@code perMinute} requests a minute per address, whose 429 page links to {@code
   * homePath} (named {@code homeName}, also the page title's service part).
   */
  public PublicRateLimit(Clock clock, int perMinute, String homePath, String homeName) {
    this(clock, perMinute, homePath, homeName, null);
  }

  /**
   * As {@link #PublicRateLimit(Clock, int, String, String)}, the buckets kept in PostgreSQL and
   * shared by every instance on it (by {@code shared}; in memory when null).
   */
  public PublicRateLimit(
      Clock clock, int perMinute, String homePath, String homeName, SharedRateLimits shared) {
    this.shared = shared;
    this.clock = clock;
    this.capacity = Math.max(1, perMinute);
    this.perMilli = this.capacity / 60_000.0;
    this.homePath = homePath;
    this.homeName = homeName;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /** Takes a token for the address; returns 0 when allowed, else the seconds until one is. */
  public long take(String address) {
    long now = clock.millis();
    if (shared != null) {
      return shared.take("public:" + homePath, address, capacity, perMilli, now);
    }
    if (buckets.size() > PRUNE_AT) {
      prune(now);
    }
    Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(capacity, now));
    synchronized (b) {
      b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMilli);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - b.tokens) / perMilli / 1000.0));
    }
  }

  private void prune(long now) {
    for (Iterator<Bucket> i = buckets.values().iterator(); i.hasNext(); ) {
      Bucket b = i.next();
      synchronized (b) {
        if (b.tokens + (now - b.at) * perMilli >= capacity) {
          i.remove();
        }
      }
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long wait = take(request.getRemoteAddr());
    if (wait == 0) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(wait));
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html;charset=UTF-8");
    byte[] body =
        ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Too many requests – "
                + homeName
                + " – Observatory</title></head><body>"
                + "<main><h1>Too many requests</h1><p>You have asked for too many pages in a"
                + " short time. Try again in "
                + wait
                + (wait == 1 ? " second" : " seconds")
                + ".</p><p><a href=\""
                + homePath
                + "\">"
                + homeName
                + "</a></p></main>"
                + "</body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
