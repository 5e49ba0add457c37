package uk.gov.observatory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Permission;

/**
 * Who may reach what. Two filter chains: the JSON API (stateless, {@code Authorization: Bearer}
 * personal tokens, no CSRF) and the pages (session after password and TOTP sign-in, CSRF tokens on
 * every form). Both send the same hardening headers on every response.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /** Pages anyone may see without signing in: the start page, sign-in and static assets. */
  static final String[] PUBLIC_PAGES = {
    "/",
    "/sign-in",
    "/sign-in/**",
    "/signed-out",
    "/assets/**",
    "/webjars/**",
    "/js/**",
    "/observatory.css",
    "/favicon.ico",
    "/error"
  };

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** A permission as a Spring Security authority. */
  static String authority(Permission permission) {
    return "PERM_" + permission.name();
  }

  /** The authorities of an account: its role and each of the role's permissions. */
  public static List<GrantedAuthority> authorities(Account account) {
    List<GrantedAuthority> out = new ArrayList<>();
    out.add(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    if (account.enabled()) {
      account.role().permissions().forEach(p -> out.add(new SimpleGrantedAuthority(authority(p))));
    }
    return out;
  }

  static void hardening(HttpSecurity http) throws Exception {
    http.headers(
        h ->
            h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .httpStrictTransportSecurity(
                    hsts ->
                        hsts.includeSubDomains(true)
                            .maxAgeInSeconds(31_536_000)
                            .requestMatcher(AnyRequestMatcher.INSTANCE))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(
                    r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
  }

  /** Where a person was going when asked to sign in; sign-in takes them there afterwards. */
  @Bean
  RequestCache requestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setMatchingRequestParameterName(null);
    return cache;
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer, ApiAuthProblems problems)
      throws Exception {
    http.securityMatcher("/api/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .addFilterBefore(bearer, BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/notifications", "/api/v1/notifications/**")
                    .hasAuthority(authority(Permission.READ_NOTIFICATIONS))
                    .requestMatchers(HttpMethod.POST, "/api/v1/notifications")
                    .hasAuthority(authority(Permission.NOTIFY))
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    hardening(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http, SecurityContextRepository contexts, RequestCache requests)
      throws Exception {
    http.securityContext(c -> c.securityContextRepository(contexts))
        .requestCache(r -> r.requestCache(requests))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(PUBLIC_PAGES)
                    .permitAll()
                    .requestMatchers("/notify", "/notify/**")
                    .hasAuthority(authority(Permission.NOTIFY))
                    .requestMatchers("/notifications", "/notifications/**")
                    .hasAuthority(authority(Permission.READ_NOTIFICATIONS))
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"))
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            response.sendError(HttpServletResponse.SC_FORBIDDEN)))
        .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/signed-out"));
    hardening(http);
    return http.build();
  }

  /** The API's media type for problems. */
  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
}
