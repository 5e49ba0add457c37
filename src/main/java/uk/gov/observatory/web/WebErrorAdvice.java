package uk.gov.observatory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * GOV.UK-style error pages for the web pages only ({@link PageController}; the API has its own JSON
 * advice): never a stack trace, and the status the problem deserves. A module's own exceptions are
 * answered by its own advice (a review action not permitted, in the review module), which shows its
 * page with {@link #refusal}.
 */
@ControllerAdvice(annotations = PageController.class)
public class WebErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

  @ExceptionHandler(PageNotFoundException.class)
  public ModelAndView notFound(PageNotFoundException e, HttpServletResponse response) {
    return page("error/404", HttpStatus.NOT_FOUND);
  }

  /** A control character in a field: 400, naming the field; nothing was read or stored. */
  @ExceptionHandler(FormInputCheck.RefusedCharacterException.class)
  public ModelAndView refusedCharacter(FormInputCheck.RefusedCharacterException e) {
    ModelAndView mav = page("error/4xx", HttpStatus.BAD_REQUEST);
    mav.addObject("message", e.message());
    return mav;
  }

  /** A field longer than any page takes: 400, naming the field; nothing was read or stored. */
  @ExceptionHandler(FormInputCheck.TooLongException.class)
  public ModelAndView tooLong(FormInputCheck.TooLongException e) {
    ModelAndView mav = page("error/4xx", HttpStatus.BAD_REQUEST);
    mav.addObject("message", e.message());
    return mav;
  }

  /** Text Tomcat could not decode (not UTF-8), met by a controller before the check: 400. */
  @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
  public ModelAndView undecodable(org.apache.tomcat.util.http.InvalidParameterException e) {
    return refusedCharacter(
        new FormInputCheck.RefusedCharacterException(FormInputCheck.undecodable(e), true));
  }

  @ExceptionHandler(Exception.class)
  public ModelAndView other(Exception e) {
    int status;
    if (e instanceof ErrorResponse er) {
      status = er.getStatusCode().value();
    } else if (e instanceof TypeMismatchException
        || e instanceof MissingServletRequestParameterException) {
      status = 400;
    } else {
      status = 500;
    }
    if (status == 404) {
      return page("error/404", HttpStatus.NOT_FOUND);
    }
    if (status == 403) {
      return page("error/403", HttpStatus.FORBIDDEN);
    }
    if (status >= 500) {
      log.error("Unexpected error on a web page", e);
      return page("error/5xx", HttpStatus.valueOf(status));
    }
    return page("error/4xx", HttpStatus.valueOf(status));
  }

  /**
   * The service's page for a refusal (a 4xx status) with what the person is told, for a module's
   * own advice about its own exceptions.
   */
  public static ModelAndView refusal(HttpStatus status, String message) {
    // a 403 says plainly "You do not have access to this page", with what the person can do
    ModelAndView mav = page(status == HttpStatus.FORBIDDEN ? "error/403" : "error/4xx", status);
    mav.addObject("message", message);
    return mav;
  }

  private static ModelAndView page(String view, HttpStatus status) {
    ModelAndView mav = new ModelAndView(view, status);
    mav.addObject("status", status.value());
    // an exception handler's model gets no @ModelAttribute: without these the header of an
    // error page said "Sign in" to a person who is signed in
    Principal principal = signedIn();
    mav.addObject("signedInAs", SignedIn.name(principal));
    mav.addObject("may", SignedIn.permissions(principal));
    return mav;
  }

  /** The signed-in person, or null (as the request's principal: none when anonymous). */
  private static Principal signedIn() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken
        ? null
        : a;
  }
}
