package uk.gov.observatory.web;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

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

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }
}
