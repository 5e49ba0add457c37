package uk.gov.observatory.review.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import uk.gov.observatory.review.ReviewNotPermittedException;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.WebErrorAdvice;

/**
 * The review module's own refusal on the pages: a role without the permission for a review action
 * gets 403 and the service's error page saying why (the service audited it). Asked before the
 * pages' general advice ({@link WebErrorAdvice}), which answers the rest.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewPageProblems {

  @ExceptionHandler(ReviewNotPermittedException.class)
  ModelAndView forbidden(ReviewNotPermittedException e) {
    return WebErrorAdvice.refusal(HttpStatus.FORBIDDEN, e.getMessage());
  }
}
