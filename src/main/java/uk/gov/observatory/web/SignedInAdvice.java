package uk.gov.observatory.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in (for the header's sign-out button), or null. */
/*
 * Spring Boot's error controller too: a page it shows (413 and others sent with sendError) to a
 * signed-in person has the menu and "Sign out", not "Sign in".
 */
@ControllerAdvice(
    annotations = PageController.class,
    assignableTypes = org.springframework.boot.webmvc.error.ErrorController.class)
class SignedInAdvice {
  @ModelAttribute("signedInAs")
  String signedInAs(Principal principal) {
    return SignedIn.name(principal);
  }

  /** The signed-in person's permissions by name (for the menu): empty when not signed in. */
  @ModelAttribute("may")
  java.util.Set<String> may(Principal principal) {
    return SignedIn.permissions(principal);
  }
}
