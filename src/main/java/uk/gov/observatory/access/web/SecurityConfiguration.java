package uk.gov.observatory.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.web.SignedIn;

/**
 * Who may reach what. Two filter chains: the JSON API (stateless, {@code Authorization: Bearer}
 * personal tokens, no CSRF) and the pages (session after password and TOTP sign-in, CSRF tokens on
 * every form). Both send the same hardening headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  /**
   * Pages anyone may see without signing in: the start page, sign-in (with single sign-on's start
   * and return, which exist only when it is configured), the footer's pages and static assets.
   */
  static final String[] PUBLIC_PAGES = {
    "/",
    "/sign-in",
    "/sign-in/**",
    "/oauth2/**",
    "/login/oauth2/**",
    "/signed-out",
    "/assets/**",
    "/webjars/**",
    "/js/**",
    "/observatory.css",
    "/favicon.ico",
    "/error",
    // the footer's pages: accessibility statement, privacy notice, cookies and contact
    "/accessibility",
    "/privacy",
    "/cookies",
    "/contact"
  };

  /** The notify journey: needs NOTIFY. */
  static final String[] NOTIFY_PAGES = {"/notify", "/notify/**"};

  /** The register and its notifications: need READ_NOTIFICATIONS. */
  static final String[] REGISTER_PAGES = {"/notifications", "/notifications/**"};

  /** Analytics: need READ_NOTIFICATIONS, and count only what the reader may see. */
  static final String[] ANALYTICS_PAGES = {"/analytics", "/analytics/**"};

  /** Local reviews and the worklists: need READ_CASES (the services check finer permissions). */
  static final String[] CASE_PAGES = {"/lcsprs", "/lcsprs/**", "/worklist"};

  /** Reading local reviews (GET only): READ_CASES or READ_LCSPRS (an inspector). */
  static final String[] LCSPR_READ_PAGES = {"/lcsprs", "/lcsprs/*", "/lcsprs/*/report.pdf"};

  /** The timeliness policy periods: need MANAGE_CASES (the secretariat). */
  static final String[] POLICY_PAGES = {"/timeliness-periods", "/timeliness-periods/**"};

  /** The administrator's account pages: need MANAGE_ACCOUNTS. */
  static final String[] ACCOUNT_PAGES = {"/accounts", "/accounts/**"};

  /**
   * The public statistics pages (published editions and their files): anyone, without signing in,
   * on a chain of their own that keeps no session and sets no cookie.
   */
  static final String[] STATISTICS_PAGES = {"/statistics", "/statistics/**"};

  /** The secretariat's editions of the report: need PUBLISH_STATISTICS. */
  static final String[] EDITION_PAGES = {"/editions", "/editions/**"};

  /**
   * Thematic analyses: LEAD_ANALYSES (the secretariat) or CODE_CASES (coders); the pages check the
   * lead's own actions and the service a coder's reach (only the analyses and cases they code).
   */
  static final String[] ANALYSIS_PAGES = {"/analyses", "/analyses/**"};

  /** The secretariat's quarterly learning briefings (drafts): need LEAD_ANALYSES. */
  static final String[] BRIEFING_PAGES = {"/briefings", "/briefings/**"};

  /**
   * The learning library's public pages (search, documents, their PDFs, the feed, subscribing):
   * anyone, without signing in, on a chain of their own that keeps no session and sets no cookie.
   */
  static final String[] LEARNING_PAGES = {"/learning", "/learning/**"};

  /** What the public may send to the learning library: subscribing and unsubscribing. */
  static final String[] LEARNING_FORMS = {
    "/learning/subscribe", "/learning/subscribe/**", "/learning/unsubscribe/**"
  };

  /**
   * Managing the learning library: MANAGE_LIBRARY (the secretariat) or SUBMIT_REVIEWS (a
   * partnership, for its LCSPRs' reports: the service checks which documents).
   */
  static final String[] LIBRARY_PAGES = {"/library", "/library/**"};

  /** The audit log's search: needs READ_AUDIT. */
  static final String[] AUDIT_PAGES = {"/audit"};

  /** The API's reads (READ_NOTIFICATIONS), its notify (NOTIFY) and everything else under it. */
  static final String[] API_READS = {"/api/v1/notifications", "/api/v1/notifications/**"};

  /** The API's reviews, timelines and worklists: need READ_CASES (services check the rest). */
  static final String[] API_CASES = {
    "/api/v1/notifications/*/rapid-review",
    "/api/v1/notifications/*/rapid-review/**",
    "/api/v1/notifications/*/timeline",
    "/api/v1/lcsprs",
    "/api/v1/lcsprs/**",
    "/api/v1/worklist"
  };

  /**
   * The API's thematic analyses: need LEAD_ANALYSES or CODE_CASES (the service checks the rest).
   */
  static final String[] API_ANALYSES = {"/api/v1/analyses", "/api/v1/analyses/**"};

  static final String API_NOTIFY = "/api/v1/notifications";
  static final String API_DESCRIPTION = "/api/v1/openapi.json";
  static final String API_OTHER = "/api/**";

  /**
   * Every path pattern with an access rule of its own. A test checks that each controller mapping
   * falls under one of them, so no endpoint is reachable by a catch-all rule alone.
   */
  static java.util.List<String> ruledPatterns() {
    java.util.List<String> all = new ArrayList<>();
    all.addAll(java.util.List.of(PUBLIC_PAGES));
    all.addAll(java.util.List.of(NOTIFY_PAGES));
    all.addAll(java.util.List.of(REGISTER_PAGES));
    all.addAll(java.util.List.of(AUDIT_PAGES));
    all.addAll(java.util.List.of(ANALYTICS_PAGES));
    all.addAll(java.util.List.of(CASE_PAGES));
    all.addAll(java.util.List.of(POLICY_PAGES));
    all.addAll(java.util.List.of(ACCOUNT_PAGES));
    all.addAll(java.util.List.of(STATISTICS_PAGES));
    all.addAll(java.util.List.of(EDITION_PAGES));
    all.addAll(java.util.List.of(ANALYSIS_PAGES));
    all.addAll(java.util.List.of(BRIEFING_PAGES));
    all.addAll(java.util.List.of(LEARNING_PAGES));
    all.addAll(java.util.List.of(LIBRARY_PAGES));
    all.addAll(java.util.List.of(API_READS));
    all.addAll(java.util.List.of(API_CASES));
    all.addAll(java.util.List.of(API_ANALYSES));
    all.add(API_NOTIFY);
    all.add(API_DESCRIPTION);
    all.add(API_OTHER);
    all.add("/sign-out");
    return all;
  }

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** A permission as a Spring Security authority. */
  static String authority(Permission permission) {
    return SignedIn.PERMISSION + permission.name();
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

  /**
   * The rate limits (see {@link RateLimits}); the API's are applied by {@link BearerTokenFilter}.
   */
  @Bean
  RateLimits rateLimits(
      java.time.Clock clock,
      @Value("${observatory.rate-limit.sign-in-per-minute:20}") int signIn,
      @Value("${observatory.rate-limit.api-per-minute:600}") int api,
      @Value("${observatory.rate-limit.api-token-failures-per-minute:20}") int tokenFailures,
      uk.gov.observatory.web.SharedRateLimits shared) {
    return new RateLimits(clock, signIn, api, tokenFailures, shared);
  }

  /** The sign-in limit runs before the security filters, so floods are cut off before any work. */
  @Bean
  FilterRegistrationBean<RateLimits> rateLimitsFilter(RateLimits limits) {
    FilterRegistrationBean<RateLimits> registration = new FilterRegistrationBean<>(limits);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * The public statistics pages: read only (GET and HEAD), for anyone. Stateless (see {@link
   * #publicPages}); the controller says how long each answer may be kept (published editions never
   * change).
   */
  @Bean
  @Order(0)
  SecurityFilterChain statistics(HttpSecurity http) throws Exception {
    return publicPages(http, STATISTICS_PAGES, new String[0]);
  }

  /**
   * The learning library's public pages: anyone reads them (GET and HEAD) and may subscribe or
   * unsubscribe (POST to those forms only, without a CSRF token: there is no session to ride on,
   * and subscribing is confirmed by email). Stateless as the statistics pages.
   */
  @Bean
  @Order(0)
  SecurityFilterChain learning(HttpSecurity http) throws Exception {
    return publicPages(http, LEARNING_PAGES, LEARNING_FORMS);
  }

  /**
   * A chain of public pages: GET and HEAD for anyone, POST to {@code forms} only, everything else
   * refused. Stateless: no session is read or made, no sign-in is kept, no CSRF token, no request
   * saved for after a sign-in; so no response sets a cookie, and caches may keep the answers (the
   * controllers say for how long).
   */
  private static SecurityFilterChain publicPages(HttpSecurity http, String[] pages, String[] forms)
      throws Exception {
    http.securityMatcher(pages)
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            c ->
                c.securityContextRepository(
                    new org.springframework.security.web.context
                        .RequestAttributeSecurityContextRepository()))
        .requestCache(c -> c.disable())
        .authorizeHttpRequests(
            a -> {
              a.requestMatchers(HttpMethod.GET, pages)
                  .permitAll()
                  .requestMatchers(HttpMethod.HEAD, pages)
                  .permitAll();
              if (forms.length > 0) {
                a.requestMatchers(HttpMethod.POST, forms).permitAll();
              }
              a.anyRequest().denyAll();
            });
    hardening(http);
    http.headers(h -> h.cacheControl(c -> c.disable()));
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      Accounts accounts,
      RateLimits limits,
      TokenRefusalAudit tokenRefusals,
      ApiAuthProblems problems,
      Refusals refusals)
      throws Exception {
    // Not a bean: as a bean the servlet container would also run it outside this chain.
    BearerTokenFilter bearer = new BearerTokenFilter(accounts, limits, tokenRefusals);
    http.securityMatcher("/api/**")
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .addFilterBefore(bearer, BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
                    .permitAll()
                    .requestMatchers(API_CASES)
                    .hasAuthority(authority(Permission.READ_CASES))
                    .requestMatchers(API_ANALYSES)
                    .hasAnyAuthority(
                        authority(Permission.LEAD_ANALYSES), authority(Permission.CODE_CASES))
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/notifications", "/api/v1/notifications/**")
                    .hasAuthority(authority(Permission.READ_NOTIFICATIONS))
                    .requestMatchers(HttpMethod.POST, "/api/v1/notifications")
                    .hasAuthority(authority(Permission.NOTIFY))
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(problems)
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          refusals.forbidden(request, denied);
                          problems.handle(request, response, denied);
                        }));
    hardening(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      SecurityContextRepository contexts,
      RequestCache requests,
      Refusals refusals,
      ObjectProvider<SingleSignOn> singleSignOn,
      Accounts accounts)
      throws Exception {
    LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/sign-in");
    http.securityContext(c -> c.securityContextRepository(contexts))
        // A disabled account's session ends at its next page; a changed role applies at once.
        .addFilterAfter(
            new SignedInAccountCheck(accounts, contexts),
            org.springframework.security.web.context.SecurityContextHolderFilter.class)
        .requestCache(r -> r.requestCache(requests))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(PUBLIC_PAGES)
                    .permitAll()
                    .requestMatchers(NOTIFY_PAGES)
                    .hasAuthority(authority(Permission.NOTIFY))
                    .requestMatchers(REGISTER_PAGES)
                    .hasAuthority(authority(Permission.READ_NOTIFICATIONS))
                    .requestMatchers(ANALYTICS_PAGES)
                    .hasAuthority(authority(Permission.READ_NOTIFICATIONS))
                    .requestMatchers(AUDIT_PAGES)
                    .hasAuthority(authority(Permission.READ_AUDIT))
                    .requestMatchers(HttpMethod.GET, LCSPR_READ_PAGES)
                    .hasAnyAuthority(
                        authority(Permission.READ_CASES), authority(Permission.READ_LCSPRS))
                    .requestMatchers(CASE_PAGES)
                    .hasAuthority(authority(Permission.READ_CASES))
                    .requestMatchers(POLICY_PAGES)
                    .hasAuthority(authority(Permission.MANAGE_CASES))
                    .requestMatchers(ACCOUNT_PAGES)
                    .hasAuthority(authority(Permission.MANAGE_ACCOUNTS))
                    .requestMatchers(EDITION_PAGES)
                    .hasAuthority(authority(Permission.PUBLISH_STATISTICS))
                    .requestMatchers(ANALYSIS_PAGES)
                    .hasAnyAuthority(
                        authority(Permission.LEAD_ANALYSES), authority(Permission.CODE_CASES))
                    .requestMatchers(BRIEFING_PAGES)
                    .hasAuthority(authority(Permission.LEAD_ANALYSES))
                    .requestMatchers(LIBRARY_PAGES)
                    .hasAnyAuthority(
                        authority(Permission.MANAGE_LIBRARY), authority(Permission.SUBMIT_REVIEWS))
                    .requestMatchers("/sign-out")
                    .authenticated()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, unauthenticated) -> {
                          if (Refusals.unknownSession(request)) {
                            // Most often the session ended after inactivity: say so.
                            refusals.unknownSession(request, "asked to sign in again");
                            response.sendRedirect("/sign-in?ended");
                          } else {
                            signIn.commence(request, response, unauthenticated);
                          }
                        })
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          if (denied instanceof CsrfException && Refusals.unknownSession(request)) {
                            // A form sent after the session ended: its token died with it.
                            refusals.unknownSession(
                                request, "form refused, asked to sign in again");
                            response.sendRedirect("/sign-in?ended");
                            return;
                          }
                          if (denied instanceof CsrfException && Refusals.notSignedIn()) {
                            // A form sent after signing out (the cookie went with the session),
                            // or by someone not signed in: nothing to act on; sign in again.
                            refusals.notSignedIn(request, "form refused, asked to sign in");
                            response.sendRedirect("/sign-in?not-signed-in");
                            return;
                          }
                          refusals.forbidden(request, denied);
                          response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        }))
        .logout(
            l ->
                l.logoutUrl("/sign-out")
                    .logoutSuccessUrl("/signed-out")
                    .deleteCookies("JSESSIONID"));
    // Single sign-on, when configured, in place of the password only (see SingleSignOn).
    SingleSignOn sso = singleSignOn.getIfAvailable();
    if (sso != null) {
      http.oauth2Login(sso::configure);
    }
    hardening(http);
    return http.build();
  }

  /** The API's media type for problems. */
  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
}
