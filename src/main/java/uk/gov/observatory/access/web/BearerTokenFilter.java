package uk.gov.observatory.access.web;

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
import uk.gov.observatory.access.AccountHolder;
import uk.gov.observatory.access.Accounts;

/**
 * Signs in an API request that carries {@code Authorization: Bearer <personal token>} (the scheme
 * in any case, any spaces before the token), and applies the API's rate limits ({@link
 * RateLimits}): per account once the token is accepted, per remote address otherwise. A token that
 * is unknown, expired, revoked or of a disabled account leaves the request anonymous (so it is
 * refused with 401), counts against its address's budget of refused tokens and is audited through
 * {@link TokenRefusalAudit}; an address over that budget gets 429 whatever its token, good or not
 * (so it learns nothing of it). A good token's account is counted in the same statement that checks
 * its address's budget. The token itself is never written anywhere.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private static final String PREFIX = "Bearer ";

  private final Accounts accounts;
  private final RateLimits limits;
  private final TokenRefusalAudit refusals;

  BearerTokenFilter(Accounts accounts, RateLimits limits, TokenRefusalAudit refusals) {
    this.accounts = accounts;
    this.limits = limits;
    this.refusals = refusals;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true;
  }

  /** The token of a Bearer Authorization header, or null when the request has none. */
  static String bearerToken(String header) {
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    return header.substring(PREFIX.length()).strip();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    String token = bearerToken(request.getHeader("Authorization"));
    Optional<AccountHolder> holder = token == null ? Optional.empty() : accounts.tokenHolder(token);
    if (holder.isPresent()) {
      switch (limits.apiForAccount(address, holder.get().account().id())) {
        case TOO_MANY_TOKEN_FAILURES -> {
          tooManyTokenFailures(response);
          return;
        }
        case TOO_MANY_REQUESTS -> {
          tooManyRequests(response);
          return;
        }
        case ALLOWED -> {}
      }
    } else {
      if (token != null) {
        if (limits.tooManyTokenFailures(address)) {
          tooManyTokenFailures(response);
          return;
        }
        limits.tokenRefused(address);
        refusals.refused(address, request.getMethod(), request.getRequestURI());
      }
      if (!limits.apiAllowedForAddress(address)) {
        tooManyRequests(response);
        return;
      }
    }
    if (holder.isPresent()) {
      Account account = holder.get().account();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      UsernamePasswordAuthenticationToken authentication =
          UsernamePasswordAuthenticationToken.authenticated(
              account.username(), null, SecurityConfiguration.authorities(account));
      // The account as the token found it, with its interests: the request's viewer reads nothing
      // again.
      authentication.setDetails(holder.get());
      context.setAuthentication(authentication);
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }

  private void tooManyTokenFailures(HttpServletResponse response) throws IOException {
    limits.tooManyApiRequests(
        response,
        "More than "
            + limits.tokenFailuresPerMinute()
            + " refused API tokens a minute from your address");
  }

  private void tooManyRequests(HttpServletResponse response) throws IOException {
    limits.tooManyApiRequests(
        response, "More than " + limits.apiPerMinute() + " requests a minute");
  }
}
