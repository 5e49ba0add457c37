package uk.gov.observatory.review.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.ReviewClocks;
import uk.gov.observatory.review.ReviewProblem;
import uk.gov.observatory.review.TimelinessPolicyPeriod;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.PageNotFoundException;

/**
 * The secretariat's timeliness policy periods: named ranges of notified dates with their own rapid
 * review target, such as the 2020 authorised extension. Data, not code.
 */
@PageController
class PolicyPeriodsController {

  /** The longest name a period may have (it is shown in tables and on buttons). */
  static final int MAX_NAME = 100;

  private final ReviewClocks clocks;

  public PolicyPeriodsController(ReviewClocks clocks) {
    this.clocks = clocks;
  }

  @GetMapping("/timeliness-periods")
  public String list(Model model, HttpServletRequest request) {
    model.addAttribute("saved", request.getParameter("saved") != null);
    model.addAttribute("removed", request.getParameter("removed") != null);
    return page(model, new FormErrors(), null, new DateParts(), new DateParts(), null, false);
  }

  private String page(
      Model model,
      FormErrors errors,
      String name,
      DateParts from,
      DateParts to,
      String target,
      boolean extension) {
    model.addAttribute("periods", clocks.policyPeriods());
    if (!model.containsAttribute("saved")) {
      model.addAttribute("saved", false);
      model.addAttribute("removed", false);
    }
    model.addAttribute("errors", errors);
    model.addAttribute("name", name);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("target", target);
    model.addAttribute("extension", extension);
    return "review/timeliness-periods";
  }

  @PostMapping("/timeliness-periods")
  public String add(
      Model model, Principal principal, HttpServletRequest request, HttpServletResponse response) {
    String name = ReviewForm.text(request, "name");
    DateParts fromParts = ReviewForm.date(request, "from");
    DateParts toParts = ReviewForm.date(request, "to");
    String targetText = ReviewForm.text(request, "target");
    boolean extension = "yes".equals(request.getParameter("extension"));
    FormErrors errors = new FormErrors();
    if (name != null && name.length() > MAX_NAME) {
      errors.add("name", "The name must be " + MAX_NAME + " characters or fewer");
    }
    if (!ReviewForm.isTickedOrNot(request.getParameter("extension"))) {
      errors.add("extension", "Authorised extension is either ticked (yes) or not sent at all");
    }
    LocalDate from = ReviewForm.date(fromParts, "from", "The first notified date", errors);
    LocalDate to = ReviewForm.date(toParts, "to", "The last notified date", errors);
    Integer target = null;
    if (targetText != null) {
      // ASCII digits only (Integer.valueOf would read other scripts' digits too)
      if (targetText.matches("[0-9]{1,4}")) {
        target = Integer.valueOf(targetText);
      } else {
        errors.add("target", "The target must be a whole number of working days, like 15");
      }
    }
    if (!errors.isAny()) {
      try {
        clocks.addPolicyPeriod(name, from, to, target, extension, principal.getName());
        return "redirect:/timeliness-periods?saved";
      } catch (InvalidReviewException e) {
        for (ReviewProblem p : e.problems()) {
          String id =
              switch (p.field()) {
                case "from" -> "from-day";
                case "to" -> "to-day";
                default -> p.field();
              };
          errors.add(id, ReviewController.capitalise(p.message()));
          if (id.endsWith("-day")) {
            errors.mark(p.field(), ReviewController.capitalise(p.message()));
          }
        }
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(model, errors, name, fromParts, toParts, targetText, extension);
  }

  /** Removing a period asks first: which period, what it covers, and that it cannot be undone. */
  @GetMapping("/timeliness-periods/{id}/remove")
  public String confirmRemove(@PathVariable long id, Model model) {
    model.addAttribute("period", period(id));
    return "review/timeliness-period-remove";
  }

  /**
   * Removes a period once the secretariat has confirmed it on {@link #confirmRemove}; sent without
   * the confirmation (an old page's button), it goes to the question instead.
   */
  @PostMapping("/timeliness-periods/{id}/delete")
  public String delete(@PathVariable long id, Principal principal, HttpServletRequest request) {
    period(id);
    if (!"yes".equals(request.getParameter("confirm"))) {
      return "redirect:/timeliness-periods/" + id + "/remove";
    }
    if (!clocks.removePolicyPeriod(id, principal.getName())) {
      throw new PageNotFoundException("timeliness policy period " + id);
    }
    return "redirect:/timeliness-periods?removed";
  }

  private TimelinessPolicyPeriod period(long id) {
    return clocks.policyPeriods().stream()
        .filter(p -> p.id() == id)
        .findFirst()
        .orElseThrow(() -> new PageNotFoundException("timeliness policy period " + id));
  }
}
