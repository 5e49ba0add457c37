package uk.gov.observatory.notification.web;

import static uk.gov.observatory.notification.web.NotifyJourney.CHECK;
import static uk.gov.observatory.notification.web.NotifyJourney.dateProblem;
import static uk.gov.observatory.notification.web.NotifyJourney.str;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.notification.Violation;
import uk.gov.observatory.notification.web.NotificationDraft.ChildDraft;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The "Notify a serious incident" journey, the children: one page per child (added, changed or
 * removed), and the list of the children so far with "add another?".
 */
@PageController
@RequestMapping("/notify")
class NotifyChildrenController {

  private final NotifyJourney journey;
  private final ReferenceData reference;

  NotifyChildrenController(NotifyJourney journey, ReferenceData reference) {
    this.journey = journey;
    this.reference = reference;
  }

  /** A child's answers as typed. */
  record ChildAnswers(
      String gender,
      String ageYears,
      String ethnicity,
      String childName,
      @BindParam("dateOfBirth-day") String dobDay,
      @BindParam("dateOfBirth-month") String dobMonth,
      @BindParam("dateOfBirth-year") String dobYear) {

    ChildDraft toDraft() {
      ChildDraft c = new ChildDraft();
      c.gender = str(gender);
      c.ageYears = str(ageYears);
      c.ethnicity = str(ethnicity);
      c.childName = str(childName);
      c.dateOfBirth = new DateParts(dobDay, dobMonth, dobYear);
      return c;
    }
  }

  private void childOptions(Model model) {
    model.addAttribute("genders", reference.codeList(CodeLists.GENDER).codes());
    model.addAttribute("ethnicities", reference.codeList(CodeLists.ETHNICITY).codes());
  }

  private String childPage(
      Model model,
      NotificationDraft d,
      ChildDraft child,
      int number,
      boolean isNew,
      FormErrors errors,
      boolean change) {
    childOptions(model);
    model.addAttribute("child", child);
    model.addAttribute("number", number);
    model.addAttribute("isNew", isNew);
    model.addAttribute("action", isNew ? "/notify/child" : "/notify/child/" + number);
    String back = d.children.isEmpty() ? "/notify/category" : "/notify/children";
    journey.page(model, "notification/notify/child", d, errors, false, back);
    model.addAttribute("change", change);
    return "notification/notify/child";
  }

  @GetMapping("/child")
  String newChild(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    return childPage(
        model, d, new ChildDraft(), d.children.size() + 1, true, new FormErrors(), change);
  }

  @GetMapping("/child/{number}")
  String child(
      @PathVariable int number,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      Model model) {
    if (number < 1 || number > d.children.size()) {
      return "redirect:/notify/children";
    }
    return childPage(model, d, d.children.get(number - 1), number, false, new FormErrors(), change);
  }

  @PostMapping({"/child", "/child/{number}"})
  String child(
      @PathVariable(required = false) Integer number,
      @ModelAttribute ChildAnswers answers,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    boolean isNew = number == null;
    if (!isNew && (number < 1 || number > d.children.size())) {
      return "redirect:/notify/children";
    }
    int index = isNew ? d.children.size() : number - 1;
    ChildDraft c = answers.toDraft();
    List<ChildDraft> children = new ArrayList<>(d.children);
    if (isNew) {
      children.add(c);
    } else {
      children.set(index, c);
    }
    FormErrors errors = new FormErrors();
    dateProblem(errors, "dateOfBirth", "Date of birth", c.dateOfBirth);
    for (Violation v :
        journey.violations(
            d,
            children,
            Set.of("gender", "age_years", "ethnicity", "child_name", "date_of_birth"),
            index)) {
      if (v.field().equals("date_of_birth") && errors.has("dateOfBirth")) {
        continue;
      }
      errors.add(JourneyMessages.fieldId(v), JourneyMessages.message(v));
      if (v.field().equals("date_of_birth")) {
        errors.mark("dateOfBirth", JourneyMessages.message(v));
      }
    }
    if (errors.isAny()) {
      return childPage(model, d, c, index + 1, isNew, errors, change);
    }
    d.children = children;
    journey.save(session, d);
    return change ? "redirect:/notify/children?change=true" : "redirect:/notify/children";
  }

  @GetMapping("/child/{number}/remove")
  String removeChild(@PathVariable int number, NotificationDraft d, Model model) {
    if (number < 1 || number > d.children.size()) {
      return "redirect:/notify/children";
    }
    model.addAttribute("number", number);
    model.addAttribute("child", d.children.get(number - 1));
    return journey.page(
        model, "notification/notify/child-remove", d, new FormErrors(), false, "/notify/children");
  }

  @PostMapping("/child/{number}/remove")
  String removeChild(@PathVariable int number, NotificationDraft d, HttpSession session) {
    if (number >= 1 && number <= d.children.size()) {
      d.children.remove(number - 1);
      journey.save(session, d);
    }
    return d.children.isEmpty() ? "redirect:/notify/child" : "redirect:/notify/children";
  }

  @GetMapping("/children")
  String children(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    if (d.children.isEmpty()) {
      return "redirect:/notify/child";
    }
    childOptions(model);
    return journey.page(
        model, "notification/notify/children", d, new FormErrors(), change, "/notify/category");
  }

  @PostMapping("/children")
  String children(
      @RequestParam(required = false) String addAnother,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      Model model) {
    if (d.children.isEmpty()) {
      return "redirect:/notify/child";
    }
    if ("yes".equals(addAnother)) {
      return change ? "redirect:/notify/child?change=true" : "redirect:/notify/child";
    }
    if ("no".equals(addAnother)) {
      return change ? CHECK : "redirect:/notify/characteristics";
    }
    childOptions(model);
    FormErrors errors =
        new FormErrors().add("addAnother", "Select yes if you need to add another child");
    return journey.page(
        model, "notification/notify/children", d, errors, change, "/notify/category");
  }
}
