package uk.gov.observatory.notification.web;

import static uk.gov.observatory.notification.web.NotifyJourney.CHECK;
import static uk.gov.observatory.notification.web.NotifyJourney.str;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;

/**
 * The "Notify a serious incident" journey, the circumstances: the case's characteristics (and the
 * pattern of domestic abuse), children's social care's involvement, and the other factors
 * (COVID-19, the area's deprivation decile).
 */
@PageController
@RequestMapping("/notify")
class NotifyCircumstancesController {

  private final NotifyJourney journey;
  private final ReferenceData reference;

  NotifyCircumstancesController(NotifyJourney journey, ReferenceData reference) {
    this.journey = journey;
    this.reference = reference;
  }

  /** The case's characteristics as ticked, and the pattern of domestic abuse if chosen. */
  record CharacteristicsAnswers(List<String> caseCharacteristics, String domesticAbusePattern) {}

  /** Children's social care's involvement, the court order and the living arrangement. */
  record ServiceAnswers(String cscInvolvement, String courtOrder, String livingArrangement) {}

  /** The COVID-19 factors as ticked, and the IMD decile. */
  record OtherFactorsAnswers(List<String> covidFactors, String imdDecile) {}

  private void characteristicOptions(Model model) {
    model.addAttribute(
        "characteristics", reference.codeList(CodeLists.CASE_CHARACTERISTICS).codes());
    model.addAttribute("patterns", reference.codeList(CodeLists.DOMESTIC_ABUSE_PATTERN).codes());
  }

  @GetMapping("/characteristics")
  String characteristics(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    characteristicOptions(model);
    return journey.page(
        model,
        "notification/notify/characteristics",
        d,
        new FormErrors(),
        change,
        "/notify/children");
  }

  @PostMapping("/characteristics")
  String characteristics(
      @ModelAttribute CharacteristicsAnswers answers,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    d.caseCharacteristics = listOf(answers.caseCharacteristics());
    d.domesticAbusePattern =
        d.caseCharacteristics.contains("DOMESTIC_ABUSE")
            ? str(answers.domesticAbusePattern())
            : null;
    journey.save(session, d);
    FormErrors errors = journey.errors(d, "case_characteristics", "domestic_abuse_pattern");
    if (errors.isAny()) {
      characteristicOptions(model);
      return journey.page(
          model, "notification/notify/characteristics", d, errors, change, "/notify/children");
    }
    return change ? CHECK : "redirect:/notify/service";
  }

  private void serviceOptions(Model model) {
    model.addAttribute("cscOptions", reference.codeList(CodeLists.CSC_INVOLVEMENT).codes());
    model.addAttribute("courtOptions", reference.codeList(CodeLists.COURT_ORDER).codes());
    model.addAttribute("livingOptions", reference.codeList(CodeLists.LIVING_ARRANGEMENT).codes());
  }

  @GetMapping("/service")
  String service(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    serviceOptions(model);
    return journey.page(
        model,
        "notification/notify/service",
        d,
        new FormErrors(),
        change,
        "/notify/characteristics");
  }

  @PostMapping("/service")
  String service(
      @ModelAttribute ServiceAnswers answers,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    d.cscInvolvement = str(answers.cscInvolvement());
    d.courtOrder = str(answers.courtOrder());
    d.livingArrangement = str(answers.livingArrangement());
    journey.save(session, d);
    FormErrors errors = journey.errors(d, "csc_involvement", "court_order", "living_arrangement");
    if (d.children.size() > 1 && errors.has("livingArrangement")) {
      // Asked of several children: the message says so too.
      FormErrors reworded = new FormErrors();
      for (FormErrors.Entry e : errors.getList()) {
        reworded.add(
            e.key(),
            "livingArrangement".equals(e.key()) && d.livingArrangement == null
                ? "Select where the children were living"
                : e.message());
      }
      errors = reworded;
    }
    if (errors.isAny()) {
      serviceOptions(model);
      return journey.page(
          model, "notification/notify/service", d, errors, change, "/notify/characteristics");
    }
    return change ? CHECK : "redirect:/notify/other-factors";
  }

  private void otherOptions(Model model, NotificationDraft d) {
    model.addAttribute("covidApplies", NotifyJourney.covidApplies(d));
    model.addAttribute("covidOptions", reference.codeList(CodeLists.COVID_FACTORS).codes());
    model.addAttribute("deciles", IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toList());
  }

  @GetMapping("/other-factors")
  String otherFactors(
      @RequestParam(defaultValue = "false") boolean change, NotificationDraft d, Model model) {
    otherOptions(model, d);
    return journey.page(
        model, "notification/notify/other-factors", d, new FormErrors(), change, "/notify/service");
  }

  @PostMapping("/other-factors")
  String otherFactors(
      @ModelAttribute OtherFactorsAnswers answers,
      @RequestParam(defaultValue = "false") boolean change,
      NotificationDraft d,
      HttpSession session,
      Model model) {
    // COVID-19 factors are asked (and kept) only for an incident in the period they apply to.
    d.covidFactors =
        NotifyJourney.covidApplies(d) ? listOf(answers.covidFactors()) : new ArrayList<>();
    d.imdDecile = str(answers.imdDecile());
    journey.save(session, d);
    FormErrors errors = journey.errors(d, "covid_factors", "imd_decile");
    if (errors.isAny()) {
      otherOptions(model, d);
      return journey.page(
          model, "notification/notify/other-factors", d, errors, change, "/notify/service");
    }
    return "redirect:/notify/check";
  }

  /** The boxes ticked (none when none was sent), as a list the draft may change. */
  private static List<String> listOf(List<String> ticked) {
    return ticked == null ? new ArrayList<>() : new ArrayList<>(ticked);
  }
}
