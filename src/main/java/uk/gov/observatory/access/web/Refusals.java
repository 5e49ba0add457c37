package uk.gov.observatory.access.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;

/**
 * Puts refused requests on record: a forbidden action (403), a form sent without its CSRF token, a
 * session cookie the server does not know (ended after inactivity, or forged), and a form sent when
 * no one is signed in (after signing out). Records that are not found or out of reach are audited
 * by the register itself.
 */
@Component
class Refusals {

  private final AuditLog audit;

  Refusals(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * Whether the request carried a session cookie that names no live session: the session ended
   * (idle timeout, sign-out elsewhere, a restart) or the cookie was made up.
   */
  static boolean unknownSession(HttpServletRequest request) {
    return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
  }

  /**
   * Whether no one is signed in on the request: no session cookie (after signing out, whose answer
   * deletes it), or the session of someone who has not signed in.
   */
  static boolean notSignedIn() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    return who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken;
  }

  void forbidden(HttpServletRequest request, Exception denied) {
    String why =
        denied instanceof CsrfException
            ? "sent without a valid CSRF token"
            : "not allowed to this account's role";
    record(request, why + " (answered 403)");
  }

  void unknownSession(HttpServletRequest request, String answer) {
    record(request, "session cookie not recognised: ended or forged (" + answer + ")");
  }

  void notSignedIn(HttpServletRequest request, String answer) {
    record(
        request,
        "sent without a signed-in session (signed out, or never signed in) (" + answer + ")");
  }

  private void record(HttpServletRequest request, String details) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    String actor =
        who != null && who.isAuthenticated() && !"anonymousUser".equals(who.getName())
            ? who.getName()
            : Actors.anonymous(request.getRemoteAddr());
    audit.record(
        new AuditEvent(
            actor,
            AuditAction.ACCESS_REFUSED,
            "request",
            null,
            null,
            null,
            request.getMethod() + " " + request.getRequestURI() + ": " + details));
  }
}
