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
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.TokenHolder;

/**
 * Signs in an API request that carries {@code Authorization: Bearer <personal token>} (the scheme
 * in any case, any spaces before the token), and applies the API's rate limits ({@link
 * RateLimits}): per account once the token is accepted, per remote address otherwise. A token that
 * is unknown, expired, revoked or of a disabled account leaves the request anonymous (so it is
 * refused with 401), counts against its address's budget of refused tokens and is audited through
 * {@link TokenRefusalAudit}; an address over that budget gets 429 before its tokens are looked up.
 * The token itself is never written anywhere.
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
    Optional<TokenHolder> holder = Optional.empty();
    if (token != null) {
      if (limits.tooManyTokenFailures(address)) {
        limits.tooManyApiRequests(
            response,
            "More than "
                + limits.tokenFailuresPerMinute()
                + " refused API tokens a minute from your address");
        return;
      }
      holder = accounts.tokenHolder(token);
      if (holder.isEmpty()) {
        limits.tokenRefused(address);
        refusals.refused(address, request.getMethod(), request.getRequestURI());
      }
    }
    Optional<Account> account = holder.map(TokenHolder::account);
    boolean allowed =
        account.isPresent()
            ? limits.apiAllowedForAccount(account.get().id())
            : limits.apiAllowedForAddress(address);
    if (!allowed) {
      limits.tooManyApiRequests(
          response, "More than " + limits.apiPerMinute() + " requests a minute");
      return;
    }
    if (account.isPresent()) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      UsernamePasswordAuthenticationToken authentication =
          UsernamePasswordAuthenticationToken.authenticated(
              account.get().username(), null, SecurityConfiguration.authorities(account.get()));
      // The account as the token found it, so the request's viewer is not read again.
      authentication.setDetails(holder.get());
      context.setAuthentication(authentication);
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
