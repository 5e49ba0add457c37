package uk.gov.observatory.library.web;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import uk.gov.observatory.web.PublicRateLimit;
import uk.gov.observatory.web.SharedRateLimits;

/**
 * The learning library's public pages' filters, as the statistics pages': the rate limit per client
 * address ({@code observatory.rate-limit.learning-per-minute}, default 120; before any other work,
 * even security's), and an ETag on every page (a hash of its body; the PDF sets its own) so that a
 * cache or browser can ask again cheaply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicLibraryWebConfiguration {

  /** The public pages' address patterns (servlet patterns: the search and everything under it). */
  static final String[] PATTERNS = {"/learning", "/learning/*"};

  @Bean
  FilterRegistrationBean<PublicRateLimit> learningRateLimit(
      Clock clock,
      SharedRateLimits shared,
      @Value("${observatory.rate-limit.learning-per-minute:120}") int perMinute) {
    FilterRegistrationBean<PublicRateLimit> r =
        new FilterRegistrationBean<>(
            new PublicRateLimit(clock, perMinute, "/learning", "Learning library", shared));
    r.addUrlPatterns(PATTERNS);
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return r;
  }

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> learningEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> r =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    r.addUrlPatterns(PATTERNS);
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return r;
  }
}
