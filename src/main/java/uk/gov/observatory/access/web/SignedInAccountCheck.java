package uk.gov.observatory.access.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.AccountHolder;
import uk.gov.observatory.access.Accounts;

/**
 * An administrator's change reaches people already signed in, at their next page: a disabled (or
 * removed) account's session ends there and then, and a changed role or scope replaces the
 * session's permissions. Not a bean (the servlet container would run it outside the chain): added
 * to the pages' chain by {@link SecurityConfiguration}.
 *
 * <p>The account is read with its declared interests ({@link AccountHolder}, one statement), and
 * the request's authentication carries them as its details for this request only (never saved in
 * the session), so the page's {@link uk.gov.observatory.access.Viewer} is made without reading the
 * account and its interests again.
 */
class SignedInAccountCheck extends OncePerRequestFilter {

  private final Accounts accounts;
  private final SecurityContextRepository contexts;

  SignedInAccountCheck(Accounts accounts, SecurityContextRepository contexts) {
    this.accounts = accounts;
    this.contexts = contexts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a instanceof UsernamePasswordAuthenticationToken && a.isAuthenticated()) {
      Optional<AccountHolder> holder = accounts.holder(a.getName());
      Optional<Account> account = holder.map(AccountHolder::account);
      if (account.isEmpty() || !account.get().enabled()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        response.sendRedirect("/sign-in");
        return;
      }
      var now = SecurityConfiguration.authorities(account.get());
      if (!new HashSet<>(now).equals(new HashSet<GrantedAuthority>(a.getAuthorities()))) {
        SecurityContext saved = SecurityContextHolder.createEmptyContext();
        saved.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, now));
        contexts.saveContext(saved, request, response);
      }
      // This request's own context: the same sign-in, with the account as just read.
      UsernamePasswordAuthenticationToken forThisRequest =
          UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, now);
      forThisRequest.setDetails(holder.get());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(forThisRequest);
      SecurityContextHolder.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
