package uk.gov.observatory.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Where a signed-in session keeps its sign-in and the page it was going to: shared by the security
 * filter chain and the sign-in pages.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /** Where a person was going when asked to sign in; sign-in takes them there afterwards. */
  @Bean
  RequestCache requestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setMatchingRequestParameterName(null);
    return cache;
  }

  /**
   * The session cookie carries the session's id as it is (a UUID), not Base64-encoded (Spring
   * Session's default): a forged cookie that decodes to bytes PostgreSQL refuses in text (a NUL)
   * would otherwise fail the session lookup with a 500 instead of being an unknown session.
   */
  @Bean
  DefaultCookieSerializerCustomizer plainSessionCookie() {
    return serializer -> serializer.setUseBase64Encoding(false);
  }

  /**
   * A session's row is written when something in it changes, and its last access at most once every
   * {@code observatory.session.touch-interval} (default a minute). Spring Session sets the last
   * access on every request and then updates the row: every page a person opened was a write and a
   * commit, and the requests of one person (pages, a second tab) queued on that row's lock. Here
   * the update leaves the row alone unless the session's id, timeout or person changed or its last
   * access moved on by the interval; attributes are written as before. The cost: an idle session
   * may end up to the interval before its timeout would otherwise end it.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sparingSessionWrites(
      @Value("${observatory.session.touch-interval:60s}") Duration touchInterval) {
    if (touchInterval.isNegative()) {
      throw new IllegalArgumentException(
          "observatory.session.touch-interval must be zero or more, not " + touchInterval);
    }
    String update =
        """
        WITH v (sid, lat, mii, exp, pn, pid) AS (VALUES (?, ?, ?, ?, ?, ?))
        UPDATE %TABLE_NAME% s
        SET SESSION_ID = v.sid, LAST_ACCESS_TIME = v.lat, MAX_INACTIVE_INTERVAL = v.mii,
          EXPIRY_TIME = v.exp, PRINCIPAL_NAME = v.pn
        FROM v
        WHERE s.PRIMARY_ID = v.pid
          AND (s.SESSION_ID <> v.sid OR s.MAX_INACTIVE_INTERVAL <> v.mii
            OR s.PRINCIPAL_NAME IS DISTINCT FROM v.pn OR v.lat - s.LAST_ACCESS_TIME >= {touch})
        """
            .replace("{touch}", Long.toString(touchInterval.toMillis()));
    return sessions -> sessions.setUpdateSessionQuery(update);
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }
}
