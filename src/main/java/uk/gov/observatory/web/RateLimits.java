package uk.gov.observatory.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits, per instance, in fixed one-minute windows: sign-in attempts per remote address, and
 * API requests per token (or per address without one). Over the limit: 429 with Retry-After, a
 * problem on the API and the service's error page elsewhere.
 */
class RateLimits extends OncePerRequestFilter {

  private final Clock clock;
  private final int signInPerMinute;
  private final int apiPerMinute;
  private final Map<String, long[]> windows = new ConcurrentHashMap<>();

  RateLimits(Clock clock, int signInPerMinute, int apiPerMinute) {
    this.clock = clock;
    this.signInPerMinute = signInPerMinute;
    this.apiPerMinute = apiPerMinute;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    String key = null;
    int limit = 0;
    if ("POST".equals(request.getMethod()) && path.startsWith("/sign-in")) {
      key = "sign-in:" + request.getRemoteAddr();
      limit = signInPerMinute;
    } else if (path.startsWith("/api/")) {
      String auth = request.getHeader("Authorization");
      key = "api:" + (auth == null ? request.getRemoteAddr() : sha256(auth));
      limit = apiPerMinute;
    }
    if (key != null && !allowed(key, limit)) {
      long minute = clock.millis() / 60_000;
      long retryAfter = Math.max(1, (minute + 1) * 60 - clock.millis() / 1000);
      response.setHeader("Retry-After", Long.toString(retryAfter));
      if (path.startsWith("/api/")) {
        response.setStatus(429);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response
            .getWriter()
            .write(
                "{\"type\":\"urn:observatory:problem:too-many-requests\",\"title\":\"Too many"
                    + " requests\",\"status\":429,\"detail\":\"More than "
                    + limit
                    + " requests a minute: wait "
                    + retryAfter
                    + " seconds and try again.\"}");
      } else {
        response.sendError(429, "Too many attempts: wait a minute and try again");
      }
      return;
    }
    chain.doFilter(request, response);
  }

  /** Counts a request in the current minute's window; false once the limit is passed. */
  boolean allowed(String key, int limit) {
    long minute = clock.millis() / 60_000;
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
    if (windows.size() > 100_000) {
      windows.entrySet().removeIf(e -> e.getValue()[0] != minute);
    }
    return window[1] <= limit;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
