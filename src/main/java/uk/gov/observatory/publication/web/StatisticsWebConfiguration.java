package uk.gov.observatory.publication.web;

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
 * The public statistics pages' filters: the rate limit per client address (before any other work,
 * even security's), and an ETag on every page (a hash of its body) so that a cache or browser can
 * ask again cheaply.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StatisticsWebConfiguration {

  /** The public pages' address patterns (servlet patterns: the list and everything under it). */
  static final String[] PATTERNS = {"/statistics", "/statistics/*"};

  @Bean
  FilterRegistrationBean<PublicRateLimit> statisticsRateLimit(
      Clock clock,
      SharedRateLimits shared,
      @Value("${observatory.rate-limit.statistics-per-minute:120}") int perMinute) {
    FilterRegistrationBean<PublicRateLimit> r =
        new FilterRegistrationBean<>(
            new PublicRateLimit(clock, perMinute, "/statistics", "Published statistics", shared));
    r.addUrlPatterns(PATTERNS);
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return r;
  }

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> statisticsEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> r =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    r.addUrlPatterns(PATTERNS);
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    return r;
  }
}
