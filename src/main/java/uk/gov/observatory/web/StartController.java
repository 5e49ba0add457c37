package uk.gov.observatory.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The start page of the service. */
@PageController
public class StartController {

  @GetMapping("/")
  public String start(java.security.Principal principal) {
    // An administrator's work is the accounts: the notify start page is not for them.
    java.util.Set<String> may = SignedIn.permissions(principal);
    if (may.contains("MANAGE_ACCOUNTS") && !may.contains("READ_NOTIFICATIONS")) {
      return "redirect:/accounts";
    }
    return "start";
  }
}
