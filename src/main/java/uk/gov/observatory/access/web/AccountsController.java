package uk.gov.observatory.access.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.AccountSearchResult;
import uk.gov.observatory.access.AccountStanding;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Enrolment;
import uk.gov.observatory.access.InvalidAccountException;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.SetUpCode;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The administrator's pages: find accounts, add one, and each action on an account (disable,
 * enable, unlock, reset the password or the authenticator, change the role, revoke API tokens),
 * each on a page of its own with a confirmation. Every action is audited by the accounts service;
 * nothing here reaches case data. Only MANAGE_ACCOUNTS reaches these pages (see {@link
 * SecurityConfiguration#ACCOUNT_PAGES}).
 */
@PageController
class AccountsController {

  static final int PAGE_SIZE = 25;

  private static final Pattern GSS = Pattern.compile("[EeWw]\\d{8}");

  private final Accounts accounts;
  private final ReferenceData reference;
  private final Clock clock;

  AccountsController(Accounts accounts, ReferenceData reference, Clock clock) {
    this.accounts = accounts;
    this.reference = reference;
    this.clock = clock;
  }

  /** One action on an account: its path, the button's words and what the page says. */
  record Action(String path, String title, String button, String explanation, boolean warning) {}

  static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put(
        "unlock",
        new Action(
            "unlock",
            "Unlock this account",
            "Unlock the account",
            "The count of failed sign-ins is cleared and the person can sign in straight away with"
                + " their password and authenticator app.",
            false));
    ACTIONS.put(
        "reset-password",
        new Action(
            "reset-password",
            "Reset this account's password",
            "Reset the password",
            "Their current password stops working now. You will get a one-time set-up code to give"
                + " them: they sign in with it in place of a password and choose a new password."
                + " Their authenticator app keeps working.",
            true));
    ACTIONS.put(
        "reset-authenticator",
        new Action(
            "reset-authenticator",
            "Reset this account's authenticator app",
            "Reset the authenticator app",
            "Codes from their current app and their recovery codes stop working now. The next"
                + " time they sign in with their password, they set up a new app. You will get new"
                + " recovery codes to give them.",
            true));
    ACTIONS.put(
        "disable",
        new Action(
            "disable",
            "Disable this account",
            "Disable the account",
            "The person is signed out at once and can no longer sign in, and their API tokens are refused. You can enable the"
                + " account again later.",
            true));
    ACTIONS.put(
        "enable",
        new Action(
            "enable",
            "Enable this account",
            "Enable the account",
            "The person can sign in again with their password and authenticator app.",
            false));
    ACTIONS.put(
        "revoke-tokens",
        new Action(
            "revoke-tokens",
            "Revoke this account's API tokens",
            "Revoke the API tokens",
            "Every personal API token of this account stops working now. This cannot be undone:"
                + " the person would need new tokens.",
            true));
  }

  // -------------------------------------------------------------------------------------------
  // Find accounts

  @GetMapping("/accounts")
  String list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String la,
      @RequestParam(defaultValue = "1") String page,
      Model model) {
    FormErrors errors = new FormErrors();
    Role chosenRole = null;
    if (!role.isBlank()) {
      chosenRole = roleOf(role);
      if (chosenRole == null) {
        errors.add("role", "Select a role from the list");
      }
    }
    String laCode = null;
    if (!la.isBlank()) {
      Optional<LocalAuthority> found = authority(la.strip());
      if (found.isEmpty()) {
        errors.add(
            "la",
            "Enter a local authority's name or GSS code, for example Westminster or E09000033");
      } else {
        laCode = found.get().code();
      }
    }
    int pageNumber = 1;
    if (!page.matches("[1-9]\\d{0,5}")) {
      errors.add("page", "The page number must be a whole number, 1 or more");
    } else {
      pageNumber = Integer.parseInt(page);
    }
    AccountSearchResult found =
        errors.isAny()
            ? new AccountSearchResult(List.of(), 0)
            : accounts.search(q, chosenRole, laCode, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
    int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("errors", errors);
    model.addAttribute("q", q);
    model.addAttribute("role", role);
    model.addAttribute("la", la);
    model.addAttribute("roles", Role.values());
    model.addAttribute("rows", found.accounts().stream().map(this::row).toList());
    model.addAttribute("total", found.total());
    model.addAttribute("page", pageNumber);
    model.addAttribute("pages", pages);
    model.addAttribute("first", found.total() == 0 ? 0 : (pageNumber - 1) * PAGE_SIZE + 1);
    model.addAttribute(
        "last", Math.min(found.total(), (pageNumber - 1) * PAGE_SIZE + found.accounts().size()));
    model.addAttribute("searched", !q.isBlank() || !role.isBlank() || !la.isBlank());
    model.addAttribute("pageLinks", pageLinks(q, role, la, pageNumber, pages));
    model.addAttribute("prevHref", href(q, role, la, pageNumber - 1));
    model.addAttribute("nextHref", href(q, role, la, pageNumber + 1));
    model.addAttribute("authorityNames", authorityNames());
    return "access/admin/accounts";
  }

  /** A row of the accounts table. */
  record Row(String username, String role, String scope, String status, String statusColour) {}

  private Row row(Account a) {
    String[] status = status(a);
    return new Row(a.username(), a.role().label(), scope(a), status[0], status[1]);
  }

  /** The account's status in words and its tag's colour. */
  private String[] status(Account a) {
    if (!a.enabled()) {
      return new String[] {"Disabled", "govuk-tag--grey"};
    }
    if (a.lockedAt(clock.instant())) {
      return new String[] {"Locked", "govuk-tag--red"};
    }
    return new String[] {"Active", "govuk-tag--green"};
  }

  private String scope(Account a) {
    return switch (a.role().scope()) {
      case LOCAL_AUTHORITIES -> String.join(", ", accounts.names(a.laCodes()));
      case PARTNERSHIP -> String.join(", ", accounts.names(List.of(a.partnershipCode())));
      case ALL -> "All local authorities";
      case NONE -> "No case data";
    };
  }

  /** A link of the pagination: its number (or null for "…"), address and whether current. */
  record PageLink(Integer number, String href, boolean current) {}

  private static List<PageLink> pageLinks(String q, String role, String la, int page, int pages) {
    List<PageLink> links = new ArrayList<>();
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
        links.add(new PageLink(n, href(q, role, la, n), n == page));
      } else if (links.isEmpty() || links.get(links.size() - 1).number() != null) {
        links.add(new PageLink(null, null, false));
      }
    }
    return links;
  }

  static String href(String q, String role, String la, int page) {
    return org.springframework.web.util.UriComponentsBuilder.fromPath("/accounts")
        .queryParam("q", q)
        .queryParam("role", role)
        .queryParam("la", la)
        .queryParam("page", page)
        .encode()
        .build()
        .toUriString();
  }

  // -------------------------------------------------------------------------------------------
  // One account

  @GetMapping("/accounts/{username}")
  String account(@PathVariable String username, Model model, Principal principal) {
    AccountStanding s = standing(username);
    model.addAttribute("s", s);
    model.addAttribute("a", s.account());
    model.addAttribute("scope", scope(s.account()));
    String[] status = status(s.account());
    model.addAttribute("status", status[0]);
    model.addAttribute("statusColour", status[1]);
    model.addAttribute("locked", s.account().lockedAt(clock.instant()));
    model.addAttribute("self", s.account().username().equals(principal.getName()));
    return "access/admin/account";
  }

  @GetMapping(
      "/accounts/{username}/{action:unlock|reset-password|reset-authenticator|disable|enable|revoke-tokens}")
  String confirm(
      @PathVariable String username, @PathVariable String action, Model model, Principal p) {
    AccountStanding s = standing(username);
    FormErrors errors = new FormErrors();
    if (action.equals("disable") && username.equals(p.getName())) {
      // Said before the button is offered, not after it is pressed.
      errors.addLink(
          "action", null, "You cannot disable your own account: ask another administrator");
      model.addAttribute("refused", true);
    }
    return confirmPage(s, ACTIONS.get(action), errors, model);
  }

  private String confirmPage(AccountStanding s, Action action, FormErrors errors, Model model) {
    model.addAttribute("s", s);
    model.addAttribute("a", s.account());
    model.addAttribute("scope", scope(s.account()));
    model.addAttribute("action", action);
    model.addAttribute("errors", errors);
    return "access/admin/confirm";
  }

  @PostMapping(
      "/accounts/{username}/{action:unlock|reset-password|reset-authenticator|disable|enable|revoke-tokens}")
  String act(
      @PathVariable String username,
      @PathVariable String action,
      Model model,
      Principal principal,
      RedirectAttributes redirect) {
    AccountStanding s = standing(username);
    String actor = principal.getName();
    try {
      switch (action) {
        case "unlock" -> {
          accounts.unlock(username, actor);
          redirect.addFlashAttribute("success", "The account " + username + " is unlocked");
        }
        case "disable" -> {
          accounts.disable(username, actor);
          redirect.addFlashAttribute("success", "The account " + username + " is disabled");
        }
        case "enable" -> {
          accounts.enable(username, actor);
          redirect.addFlashAttribute("success", "The account " + username + " is enabled");
        }
        case "revoke-tokens" -> {
          int n = accounts.revokeTokens(username, actor);
          redirect.addFlashAttribute(
              "success",
              n == 1
                  ? "1 API token of " + username + " is revoked"
                  : n + " API tokens of " + username + " are revoked");
        }
        case "reset-password" -> {
          SetUpCode code = accounts.resetPassword(username, actor);
          model.addAttribute("a", s.account());
          model.addAttribute("code", code);
          model.addAttribute("reset", true);
          return "access/admin/set-up-code";
        }
        case "reset-authenticator" -> {
          Enrolment e = accounts.resetAuthenticator(username, actor);
          model.addAttribute("a", s.account());
          model.addAttribute("enrolment", e);
          model.addAttribute("qr", accounts.enrolmentQrDataUri(e.totpSecret(), username));
          model.addAttribute("secret", spaced(e.totpSecret()));
          return "access/admin/authenticator-reset";
        }
        default -> throw new PageNotFoundException("action " + action);
      }
    } catch (InvalidAccountException e) {
      FormErrors errors = new FormErrors();
      errors.addLink("action", null, Sentences.of(e.problems()));
      model.addAttribute("refused", true);
      return confirmPage(s, ACTIONS.get(action), errors, model);
    }
    return "redirect:/accounts/" + username;
  }

  // -------------------------------------------------------------------------------------------
  // Add an account

  @GetMapping("/accounts/new")
  String addForm(Model model) {
    model.addAttribute("errors", new FormErrors());
    model.addAttribute("username", "");
    model.addAttribute("role", "");
    model.addAttribute("authorities", "");
    return addPage(model);
  }

  private String addPage(Model model) {
    model.addAttribute("roles", Role.values());
    model.addAttribute("authorityNames", authorityNames());
    return "access/admin/new";
  }

  @PostMapping("/accounts/new")
  String add(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String authorities,
      Principal principal,
      Model model) {
    FormErrors errors = new FormErrors();
    String user = username.strip();
    if (user.isEmpty()) {
      errors.add("username", "Enter a username");
    } else if (!Accounts.USERNAME.matcher(user).matches()) {
      errors.add(
          "username",
          "A username must be 3 to 64 characters: lower-case letters a to z, digits 0 to 9, full"
              + " stops, underscores and hyphens, for example jane.smith");
    } else if (accounts.find(user).isPresent()) {
      errors.add("username", "There is already an account called " + user + ": choose another");
    }
    Scope scope = scope(role, authorities, errors);
    if (!errors.isAny()) {
      try {
        Accounts.NewAccount added =
            accounts.invite(
                user, scope.role(), scope.las(), scope.partnership(), false, principal.getName());
        Enrolment e = added.enrolment();
        model.addAttribute("a", e.account());
        model.addAttribute("code", added.setUpCode());
        model.addAttribute("enrolment", e);
        model.addAttribute("qr", accounts.enrolmentQrDataUri(e.totpSecret(), user));
        model.addAttribute("secret", spaced(e.totpSecret()));
        model.addAttribute("added", true);
        model.addAttribute("scope", scope(e.account()));
        return "access/admin/set-up-code";
      } catch (InvalidAccountException e) {
        errors.addLink("username", "#username", Sentences.of(e.problems()));
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("username", username);
    model.addAttribute("role", role);
    model.addAttribute("authorities", authorities);
    return addPage(model);
  }

  // -------------------------------------------------------------------------------------------
  // Change the role, authorities or partnership

  @GetMapping("/accounts/{username}/change")
  String changeForm(@PathVariable String username, Model model) {
    AccountStanding s = standing(username);
    Account a = s.account();
    model.addAttribute("errors", new FormErrors());
    model.addAttribute("role", a.role().name());
    List<String> codes =
        a.role().scope() == Role.Scope.PARTNERSHIP ? List.of(a.partnershipCode()) : a.laCodes();
    model.addAttribute(
        "authorities",
        String.join(
            ", ",
            codes.stream()
                .map(c -> reference.localAuthority(c).map(LocalAuthority::name).orElse(c))
                .toList()));
    return changePage(s, model);
  }

  private String changePage(AccountStanding s, Model model) {
    model.addAttribute("a", s.account());
    model.addAttribute("roles", Role.values());
    model.addAttribute("authorityNames", authorityNames());
    return "access/admin/change";
  }

  @PostMapping("/accounts/{username}/change")
  String change(
      @PathVariable String username,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String authorities,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    AccountStanding s = standing(username);
    FormErrors errors = new FormErrors();
    Scope scope = scope(role, authorities, errors);
    if (!errors.isAny()) {
      if (username.equals(principal.getName()) && scope.role() != s.account().role()) {
        errors.add("role", "You cannot change your own role: ask another administrator");
      } else {
        try {
          Account changed =
              accounts.change(
                  username,
                  scope.role(),
                  scope.las(),
                  scope.partnership(),
                  false,
                  principal.getName());
          redirect.addFlashAttribute(
              "success",
              "The account "
                  + username
                  + " is now "
                  + changed.role().label()
                  + accounts.describeScope(changed));
          return "redirect:/accounts/" + username;
        } catch (InvalidAccountException e) {
          errors.add("role", Sentences.of(e.problems()));
        }
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("role", role);
    model.addAttribute("authorities", authorities);
    return changePage(s, model);
  }

  // -------------------------------------------------------------------------------------------

  /** A role and the authorities it is limited to, as read from a form. */
  record Scope(Role role, List<String> las, String partnership) {}

  /** Reads the role and the authorities, adding an error for each problem. */
  private Scope scope(String roleName, String authorities, FormErrors errors) {
    Role role = roleOf(roleName);
    if (role == null) {
      errors.add("role", "Select a role");
      return new Scope(null, List.of(), null);
    }
    List<String> codes = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    for (String part : authorities.split("[,;\\n]")) {
      String name = part.strip();
      if (name.isEmpty()) {
        continue;
      }
      Optional<LocalAuthority> la = authority(name);
      if (la.isEmpty()) {
        errors.add(
            "authorities",
            "“"
                + name
                + "” is not a local authority: enter each authority's name or GSS code, for"
                + " example Westminster or E09000033");
        continue;
      }
      if (!la.get().inOperationOn(today)) {
        errors.add(
            "authorities",
            la.get().name()
                + " ("
                + la.get().code()
                + ") is no longer in operation: enter the authority as it is now"
                + reference
                    .current(la.get().code())
                    .filter(c -> !c.code().equals(la.get().code()))
                    .map(c -> ", " + c.name() + " (" + c.code() + ")")
                    .orElse(""));
        continue;
      }
      if (!codes.contains(la.get().code())) {
        codes.add(la.get().code());
      }
    }
    if (errors.has("authorities")) {
      return new Scope(role, List.of(), null);
    }
    switch (role.scope()) {
      case LOCAL_AUTHORITIES -> {
        if (codes.isEmpty()) {
          errors.add(
              "authorities", "Enter the local authorities a local authority notifier notifies for");
        }
        return new Scope(role, codes, null);
      }
      case PARTNERSHIP -> {
        if (codes.isEmpty()) {
          errors.add("authorities", "Enter the safeguarding partnership's local authority");
        } else if (codes.size() > 1) {
          errors.add(
              "authorities",
              "A safeguarding partnership account has one local authority: enter only one");
        }
        return new Scope(role, List.of(), codes.isEmpty() ? null : codes.get(0));
      }
      default -> {
        if (!codes.isEmpty()) {
          errors.add(
              "authorities",
              "Leave local authorities empty: "
                  + role.label().toLowerCase(Locale.ROOT)
                  + " is not limited to local authorities");
        }
        return new Scope(role, List.of(), null);
      }
    }
  }

  private static Role roleOf(String name) {
    for (Role r : Role.values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  /** A local authority by its GSS code or its name (any case). */
  private Optional<LocalAuthority> authority(String text) {
    if (GSS.matcher(text).matches()) {
      return reference.localAuthority(text.toUpperCase(Locale.ROOT));
    }
    String wanted = text.toLowerCase(Locale.ROOT);
    LocalDate today = LocalDate.now(clock);
    Optional<LocalAuthority> current =
        reference.authorities().stream()
            .filter(la -> la.name().toLowerCase(Locale.ROOT).equals(wanted))
            .filter(la -> la.inOperationOn(today))
            .findFirst();
    return current.isPresent()
        ? current
        : reference.localAuthorities().stream()
            .filter(la -> la.name().toLowerCase(Locale.ROOT).equals(wanted))
            .findFirst();
  }

  /** The names of the authorities in operation, for the fields' suggestions. */
  private List<String> authorityNames() {
    LocalDate today = LocalDate.now(clock);
    return reference.localAuthoritiesInOperationOn(today).stream()
        .map(LocalAuthority::name)
        .toList();
  }

  private AccountStanding standing(String username) {
    return accounts
        .standing(username)
        .orElseThrow(() -> new PageNotFoundException("account " + username));
  }

  static String spaced(String secret) {
    return secret.replaceAll("(.{4})", "$1 ").strip();
  }
}
