package uk.gov.observatory.library.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.library.LibrarySubscriptions;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The learning library's monthly email, for anyone: subscribing (an address; the answer is the same
 * whether or not it is subscribed already), confirming (the emailed link shows a page with a
 * button: a link scanner that follows the link confirms nothing) and unsubscribing (the emailed
 * link's page with a button, and the same address's POST for a mail program's one-click
 * unsubscribe, RFC 8058). None of these pages is cached; no address is shown back on any page.
 */
@PageController
class PublicSubscriptionsController {

  private final LibrarySubscriptions subscriptions;

  PublicSubscriptionsController(LibrarySubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping("/learning/subscribe")
  public String form(Model model, HttpServletResponse response) {
    noStore(response);
    model.addAttribute("errors", new FormErrors());
    model.addAttribute("email", "");
    return "library/public-subscribe";
  }

  @PostMapping("/learning/subscribe")
  public String subscribe(
      @RequestParam(name = "email", required = false) String email,
      Model model,
      HttpServletResponse response) {
    noStore(response);
    try {
      subscriptions.subscribe(email);
    } catch (LibrarySubscriptions.InvalidEmailException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", new FormErrors().add("email", e.getMessage()));
      String shown = email == null ? "" : email.strip();
      model.addAttribute(
          "email", shown.length() > LibrarySubscriptions.MAX_EMAIL + 20 ? "" : shown);
      return "library/public-subscribe";
    }
    return "redirect:/learning/subscribe/check-your-email";
  }

  @GetMapping("/learning/subscribe/check-your-email")
  public String checkYourEmail(HttpServletResponse response) {
    noStore(response);
    return "library/public-subscribe-sent";
  }

  @GetMapping("/learning/subscribe/confirm")
  public String confirmPage(
      @RequestParam(name = "token", required = false) String token,
      Model model,
      HttpServletResponse response) {
    noStore(response);
    if (!LibrarySubscriptions.validToken(token)) {
      return notWorking(model, response, "confirm");
    }
    model.addAttribute("token", token);
    return "library/public-subscribe-confirm";
  }

  @PostMapping("/learning/subscribe/confirm")
  public String confirm(
      @RequestParam(name = "token", required = false) String token,
      Model model,
      HttpServletResponse response) {
    noStore(response);
    if (!subscriptions.confirm(token)) {
      return notWorking(model, response, "confirm");
    }
    return "library/public-subscribe-confirmed";
  }

  @GetMapping("/learning/unsubscribe/{token}")
  public String unsubscribePage(
      @PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    if (!LibrarySubscriptions.validToken(token)) {
      return notWorking(model, response, "unsubscribe");
    }
    model.addAttribute("token", token);
    return "library/public-unsubscribe";
  }

  /** The page's button, and a mail program's one-click unsubscribe (RFC 8058): the same POST. */
  @PostMapping("/learning/unsubscribe/{token}")
  public String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
    noStore(response);
    if (!subscriptions.unsubscribe(token)) {
      return notWorking(model, response, "unsubscribe");
    }
    return "library/public-unsubscribed";
  }

  /** A link that is not (or no longer) one: 404, saying what to do instead. */
  private static String notWorking(Model model, HttpServletResponse response, String what) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("what", what);
    return "library/public-link-not-working";
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
  }
}
