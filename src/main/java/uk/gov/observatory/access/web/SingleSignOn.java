package uk.gov.observatory.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;

/**
 * Single sign-on through an OpenID Connect provider, standing in for the password only: the
 * provider's sign-in is never kept as Observatory's. After it, the configured claim names a local
 * account; if that account exists and is enabled, the session holds its username exactly as after a
 * correct password, and the person goes on to the authenticator code (or, at the first sign-in, to
 * setting up the app). Otherwise nothing is kept, the refusal is audited and the sign-in page says
 * single sign-on did not work. Accounts are never made here.
 */
final class SingleSignOn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  /** The client registration's id, in {@code /oauth2/authorization/oidc}. */
  static final String REGISTRATION_ID = "oidc";

  /** Where the sign-in page's button starts single sign-on. */
  static final String START = "/oauth2/authorization/" + REGISTRATION_ID;

  /** How the sign-in page is told why single sign-on did not sign the person in. */
  static final String NO_ACCOUNT = "failed";

  static final String NOT_COMPLETED = "error";

  /** How the first factor is named in the audit log. */
  static final String FIRST_FACTOR = "single sign-on";

  private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

  private final ClientRegistrationRepository registrations;
  private final Accounts accounts;
  private final AuditLog audit;
  private final SecurityContextRepository contexts;
  private final String usernameClaim;
  private final String name;
  private final RedirectStrategy redirects = new DefaultRedirectStrategy();

  SingleSignOn(
      ClientRegistrationRepository registrations,
      Accounts accounts,
      AuditLog audit,
      SecurityContextRepository contexts,
      String usernameClaim,
      String name) {
    this.registrations = registrations;
    this.accounts = accounts;
    this.audit = audit;
    this.contexts = contexts;
    this.usernameClaim = usernameClaim;
    this.name = name;
  }

  /** The provider's name on the sign-in page's button. */
  String name() {
    return name;
  }

  /** The sign-in page's error message for a {@code ?sso=} value, or null for any other value. */
  static String message(String sso) {
    if (NO_ACCOUNT.equals(sso)) {
      return "Single sign-on did not sign you in: there is no Observatory account for you, or it"
          + " is disabled. Ask your administrator.";
    }
    if (NOT_COMPLETED.equals(sso)) {
      return "Single sign-on did not sign you in. Try again, or sign in with your username and"
          + " password.";
    }
    return null;
  }

  /** Sets up {@code http.oauth2Login}: our sign-in page, our handlers, nothing kept. */
  void configure(OAuth2LoginConfigurer<HttpSecurity> login) {
    login
        .loginPage("/sign-in")
        .clientRegistrationRepository(registrations)
        // The provider's tokens are not needed after sign-in: keep none.
        .authorizedClientRepository(new NoAuthorizedClients())
        // The provider's sign-in never becomes the session's sign-in.
        .securityContextRepository(new NullSecurityContextRepository())
        .successHandler(this)
        .failureHandler(this)
        .withObjectPostProcessor(
            new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
              @Override
              public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                // The provider unreachable or misconfigured: the sign-in page, not a 500.
                filter.setAuthenticationFailureHandler(SingleSignOn.this);
                return filter;
              }
            });
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    forget(request, response);
    String user = username(authentication);
    if (user == null) {
      refuse(
          request,
          response,
          "single-sign-on",
          null,
          "single sign-on: no '" + usernameClaim + "' claim",
          NO_ACCOUNT);
      return;
    }
    if (!Accounts.USERNAME.matcher(user).matches()) {
      refuse(
          request,
          response,
          "single-sign-on",
          null,
          "single sign-on: the '" + usernameClaim + "' claim is not an Observatory username",
          NO_ACCOUNT);
      return;
    }
    Optional<Account> account = accounts.find(user);
    if (account.isEmpty() || !account.get().enabled()) {
      refuse(
          request,
          response,
          user,
          user,
          "single sign-on: "
              + (account.isEmpty()
                  ? "no account for '" + user + "'"
                  : "account '" + user + "' is disabled"),
          NO_ACCOUNT);
      return;
    }
    // As after a correct password: a new session id, then the authenticator code.
    HttpSession session = request.getSession();
    request.changeSessionId();
    session.setAttribute(SignInController.PASSWORD_ACCEPTED, user);
    session.setAttribute(SignInController.FIRST_FACTOR, FIRST_FACTOR);
    redirects.sendRedirect(
        request,
        response,
        accounts.pendingEnrolmentSecret(user).isPresent() ? "/sign-in/set-up" : "/sign-in/code");
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    forget(request, response);
    // A provider that cannot be reached is logged where its configuration is read.
    String why =
        exception instanceof OAuth2AuthenticationException oauth
            ? plain(oauth.getError().getErrorCode())
            : "could not start";
    log.warn("Single sign-on did not complete: {}", why);
    refuse(request, response, "single-sign-on", null, "single sign-on: " + why, NOT_COMPLETED);
  }

  /** An OAuth 2.0 error code, which may come from the callback's query string: plain text only. */
  private static String plain(String code) {
    String kept = Objects.toString(code, "unknown").replaceAll("[^A-Za-z0-9_.-]", "?");
    return kept.length() > 64 ? kept.substring(0, 64) : kept;
  }

  /** The local username the configured claim names, lower-cased; null when there is none. */
  private String username(Authentication authentication) {
    if (authentication != null
        && authentication.getPrincipal() instanceof OAuth2User user
        && user.getAttributes().get(usernameClaim) instanceof String value
        && !value.isBlank()) {
      return value.strip().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** Nothing of the provider's sign-in, nor of an earlier sign-in, stays in the session. */
  private void forget(HttpServletRequest request, HttpServletResponse response) {
    SecurityContextHolder.clearContext();
    contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      session.removeAttribute(SignInController.PASSWORD_ACCEPTED);
      session.removeAttribute(SignInController.FIRST_FACTOR);
    }
  }

  private void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      String who,
      String user,
      String what,
      String sso)
      throws IOException {
    audit.record(
        new AuditEvent(
            "unverified:" + who,
            AuditAction.SIGN_IN_FAILED,
            "account",
            user,
            null,
            null,
            what + " from " + request.getRemoteAddr()));
    redirects.sendRedirect(request, response, "/sign-in?sso=" + sso);
  }

  /** Keeps no provider tokens: single sign-on is only the first factor of signing in. */
  private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
        String clientRegistrationId, Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient authorizedClient,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String clientRegistrationId,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
