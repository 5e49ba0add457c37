package uk.gov.observatory.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in (for the header's sign-out button), or null. */
@ControllerAdvice(basePackages = "uk.gov.observatory.web")
class SignedInAdvice {
  @ModelAttribute("signedInAs")
  String signedInAs(Principal principal) {
    return principal == null ? null : principal.getName();
  }
}
