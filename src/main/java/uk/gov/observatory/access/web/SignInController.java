package uk.gov.observatory.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.PasswordCheck;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * Signing in: a username and password (or, when configured, {@link SingleSignOn} in place of the
 * password), then a code from the person's authenticator app (or a one-time recovery code). Only
 * after both is the session signed in; each step gives the session a new id. The pages never say
 * whether an account exists or which of the two was wrong (single sign-on, once the provider has
 * vouched for the person, says only that they have no usable account).
 */
@PageController
class SignInController {

  /** The session attribute holding a username whose password was accepted, awaiting its code. */
  static final String PASSWORD_ACCEPTED = SignInController.class.getName() + ".passwordAccepted";

  /** The session attribute holding a username signed in with a set-up code, and the code. */
  static final String SET_UP_CODE_ACCEPTED = SignInController.class.getName() + ".setUpCode";

  /** The session attribute naming how the first factor was given, for the audit log. */
  static final String FIRST_FACTOR = SignInController.class.getName() + ".firstFactor";

  private final Accounts accounts;
  private final SecurityContextRepository contexts;
  private final RequestCache requests;
  private final Duration idleTimeout;
  private final SingleSignOn singleSignOn;

  public SignInController(
      Accounts accounts,
      SecurityContextRepository contexts,
      RequestCache requests,
      @Value("${observatory.session.idle-timeout:30m}") Duration idleTimeout,
      ObjectProvider<SingleSignOn> singleSignOn) {
    this.accounts = accounts;
    this.idleTimeout = idleTimeout;
    this.contexts = contexts;
    this.requests = requests;
    this.singleSignOn = singleSignOn.getIfAvailable();
  }

  /** The single sign-on provider's name for the sign-in page's button; null when not configured. */
  @ModelAttribute("singleSignOn")
  String singleSignOn() {
    return singleSignOn == null ? null : singleSignOn.name();
  }

  @GetMapping("/sign-in")
  public String signIn(
      @RequestParam(required = false) String ended,
      @RequestParam(name = "not-signed-in", required = false) String notSignedIn,
      @RequestParam(required = false) String sso,
      Model model) {
    FormErrors errors = new FormErrors();
    String message = singleSignOn == null ? null : SingleSignOn.message(sso);
    if (message != null) {
      errors.addLink("sso", null, message);
    }
    model.addAttribute("errors", errors);
    if (ended != null) {
      model.addAttribute("idleMinutes", idleTimeout.toMinutes());
    } else if (notSignedIn != null) {
      // A form sent by someone no longer signed in (signed out in another tab, say).
      model.addAttribute("formNotSaved", true);
    }
    return "access/sign-in/password";
  }

  @PostMapping("/sign-in")
  public String signIn(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      Model model) {
    String user = username.strip().toLowerCase(Locale.ROOT);
    FormErrors errors = new FormErrors();
    if (user.isEmpty()) {
      errors.add("username", "Enter your username");
    }
    if (password.isEmpty()) {
      errors.add("password", "Enter your password");
    }
    if (errors.isAny()) {
      model.addAttribute("errors", errors);
      model.addAttribute("username", username);
      return "access/sign-in/password";
    }
    PasswordCheck check = accounts.verifyPassword(user, password, request.getRemoteAddr());
    if (check == PasswordCheck.SET_UP_CODE) {
      // A one-time set-up code from the administrator: the person chooses a password first.
      HttpSession session = request.getSession();
      request.changeSessionId();
      session.setAttribute(SET_UP_CODE_ACCEPTED, new String[] {user, password});
      return "redirect:/sign-in/new-password";
    }
    if (!check.accepted()) {
      errors.add("username", refusal(check, "Enter a correct username and password"));
      model.addAttribute("errors", errors);
      model.addAttribute("username", username);
      return "access/sign-in/password";
    }
    // A new session id at each step of sign-in (session fixation): here the first.
    HttpSession session = request.getSession();
    request.changeSessionId();
    session.setAttribute(PASSWORD_ACCEPTED, user);
    session.setAttribute(FIRST_FACTOR, "password");
    return accounts.pendingEnrolmentSecret(user).isPresent()
        ? "redirect:/sign-in/set-up"
        : "redirect:/sign-in/code";
  }

  /** After a one-time set-up code: the person chooses their password. */
  @GetMapping("/sign-in/new-password")
  public String newPassword(HttpSession session, Model model) {
    if (session.getAttribute(SET_UP_CODE_ACCEPTED) == null) {
      return "redirect:/sign-in";
    }
    model.addAttribute("errors", new FormErrors());
    return "access/sign-in/new-password";
  }

  @PostMapping("/sign-in/new-password")
  public String newPassword(
      @RequestParam(defaultValue = "") String password,
      @RequestParam(name = "password-again", defaultValue = "") String again,
      HttpServletRequest request,
      Model model) {
    HttpSession session = request.getSession();
    String[] pending = (String[]) session.getAttribute(SET_UP_CODE_ACCEPTED);
    if (pending == null) {
      return "redirect:/sign-in";
    }
    String user = pending[0];
    FormErrors errors = new FormErrors();
    if (password.isEmpty()) {
      errors.add("password", "Enter a new password");
    } else if (again.isEmpty()) {
      errors.add("password-again", "Enter the new password again");
    } else if (!password.equals(again)) {
      errors.add("password-again", "Enter the same password twice");
    } else {
      try {
        accounts.choosePassword(user, pending[1], password);
      } catch (uk.gov.observatory.access.InvalidAccountException e) {
        if (e.problems().contains("the set-up code is no longer valid")) {
          session.removeAttribute(SET_UP_CODE_ACCEPTED);
          errors.addLink(
              "code",
              null,
              "Your set-up code no longer works. Ask your Observatory administrator for a new one");
          model.addAttribute("errors", errors);
          return "access/sign-in/password";
        }
        errors.add("password", Sentences.of(e.problems()));
      }
    }
    if (errors.isAny()) {
      model.addAttribute("errors", errors);
      return "access/sign-in/new-password";
    }
    session.removeAttribute(SET_UP_CODE_ACCEPTED);
    request.changeSessionId();
    session.setAttribute(PASSWORD_ACCEPTED, user);
    session.setAttribute(FIRST_FACTOR, "one-time set-up code and a new password");
    return accounts.pendingEnrolmentSecret(user).isPresent()
        ? "redirect:/sign-in/set-up"
        : "redirect:/sign-in/code";
  }

  /** First sign-in: the QR code (and the secret as text) to set up the authenticator app. */
  @GetMapping("/sign-in/set-up")
  public String setUp(HttpSession session, Model model) {
    String user = (String) session.getAttribute(PASSWORD_ACCEPTED);
    if (user == null) {
      return "redirect:/sign-in";
    }
    return setUpPage(user, new FormErrors(), model);
  }

  @PostMapping("/sign-in/set-up")
  public String setUp(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String user = (String) request.getSession().getAttribute(PASSWORD_ACCEPTED);
    String page = secondFactor(code, false, request, response, model);
    if (user != null && page.equals("access/sign-in/code")) {
      return setUpPage(user, (FormErrors) model.getAttribute("errors"), model);
    }
    return page;
  }

  private String setUpPage(String user, FormErrors errors, Model model) {
    var secret = accounts.pendingEnrolmentSecret(user);
    if (secret.isEmpty()) {
      return "redirect:/sign-in/code";
    }
    model.addAttribute("errors", errors);
    model.addAttribute("qr", accounts.enrolmentQrDataUri(secret.get(), user));
    model.addAttribute("secret", secret.get().replaceAll("(.{4})", "$1 ").strip());
    return "access/sign-in/set-up";
  }

  @GetMapping("/sign-in/code")
  public String code(HttpSession session, Model model) {
    if (session.getAttribute(PASSWORD_ACCEPTED) == null) {
      return "redirect:/sign-in";
    }
    model.addAttribute("errors", new FormErrors());
    return "access/sign-in/code";
  }

  @PostMapping("/sign-in/code")
  public String code(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return secondFactor(code, false, request, response, model);
  }

  @GetMapping("/sign-in/recovery")
  public String recovery(HttpSession session, Model model) {
    if (session.getAttribute(PASSWORD_ACCEPTED) == null) {
      return "redirect:/sign-in";
    }
    model.addAttribute("errors", new FormErrors());
    return "access/sign-in/recovery";
  }

  @PostMapping("/sign-in/recovery")
  public String recovery(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return secondFactor(code, true, request, response, model);
  }

  @GetMapping("/signed-out")
  public String signedOut() {
    return "access/sign-in/signed-out";
  }

  private String secondFactor(
      String code,
      boolean recovery,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    HttpSession session = request.getSession();
    String user = (String) session.getAttribute(PASSWORD_ACCEPTED);
    if (user == null) {
      return "redirect:/sign-in";
    }
    String page = recovery ? "access/sign-in/recovery" : "access/sign-in/code";
    String given = code.replace(" ", "").strip();
    FormErrors errors = new FormErrors();
    if (given.isEmpty()) {
      errors.add("code", recovery ? "Enter a recovery code" : "Enter the code from your app");
      model.addAttribute("errors", errors);
      return page;
    }
    String firstFactor = (String) session.getAttribute(FIRST_FACTOR);
    firstFactor = firstFactor == null ? "password" : firstFactor;
    PasswordCheck check =
        recovery
            ? accounts.useRecoveryCode(user, given, firstFactor, request.getRemoteAddr())
            : accounts.verifyTotp(user, given, firstFactor, request.getRemoteAddr());
    if (!check.accepted()) {
      if (check == PasswordCheck.LOCKED || check == PasswordCheck.DISABLED) {
        session.removeAttribute(PASSWORD_ACCEPTED);
        session.removeAttribute(FIRST_FACTOR);
      }
      errors.add(
          "code",
          refusal(
              check,
              recovery
                  ? "Enter a recovery code you have not used before"
                  : "Enter the current code from your app (codes cannot be used twice)"));
      model.addAttribute("errors", errors);
      return page;
    }
    Account account = accounts.find(user).orElseThrow();
    // A new session id for the signed-in session (session fixation), as after the first step.
    session.removeAttribute(PASSWORD_ACCEPTED);
    session.removeAttribute(FIRST_FACTOR);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, SecurityConfiguration.authorities(account)));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    SavedRequest saved = requests.getRequest(request, response);
    requests.removeRequest(request, response);
    if (saved != null && saved.getRedirectUrl() != null) {
      return "redirect:" + saved.getRedirectUrl();
    }
    return "redirect:" + landing(account);
  }

  /** Where a person lands after signing in: the register, or an administrator's accounts. */
  static String landing(Account account) {
    if (!account.can(uk.gov.observatory.access.Permission.READ_NOTIFICATIONS)
        && account.can(uk.gov.observatory.access.Permission.MANAGE_ACCOUNTS)) {
      return "/accounts";
    }
    return "/notifications";
  }

  private static String refusal(PasswordCheck check, String otherwise) {
    return switch (check) {
      case LOCKED ->
          "There have been too many attempts to sign in. Wait 15 minutes, then try again";
      default -> otherwise;
    };
  }
}
