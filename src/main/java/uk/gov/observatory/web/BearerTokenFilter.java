package uk.gov.observatory.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;

/**
 * Signs in an API request that carries {@code Authorization: Bearer <personal token>}. A token that
 * is unknown, expired, revoked or of a disabled account leaves the request anonymous (so it is
 * refused with 401) and is audited; the token itself is never written anywhere.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final Accounts accounts;
  private final AuditLog audit;

  BearerTokenFilter(Accounts accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      Optional<Account> account =
          accounts.authenticateToken(header.substring(PREFIX.length()).strip());
      if (account.isPresent()) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                account.get().username(), null, SecurityConfiguration.authorities(account.get())));
        SecurityContextHolder.setContext(context);
      } else {
        audit.record(
            new AuditEvent(
                Actors.anonymous(request.getRemoteAddr()),
                AuditAction.SIGN_IN_FAILED,
                "api_token",
                null,
                null,
                null,
                "API token refused (unknown, expired, revoked or of a disabled account) for "
                    + request.getMethod()
                    + " "
                    + request.getRequestURI()));
      }
    }
    chain.doFilter(request, response);
  }
}
