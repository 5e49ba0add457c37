package uk.gov.observatory.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.gov.observatory.learning.Population;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;

/**
 * A population as the scoping form holds it: three date ranges (GOV.UK date inputs; blank = no
 * limit), ticked codes of each list and the COVID-19 factor. Read from a request (with the problems
 * of what was typed), or from an analysis's stored population, and turned into a {@link
 * Population}.
 */
public final class PopulationForm {

  /** The three date ranges, each a pair of date inputs: prefix, legend of its fieldset. */
  public static final List<String[]> RANGES =
      List.of(
          new String[] {"received", "Rapid review received"},
          new String[] {"notified", "Notified to the Panel"},
          new String[] {"incident", "Date of the incident"});

  /** A checkbox or radio: value, words, whether ticked. */
  public record Choice(String value, String label, boolean checked) {}

  /** A list of checkboxes: the field's name, its legend, its choices. */
  public record Checkboxes(String name, String legend, String hint, List<Choice> choices) {}

  private final java.util.Map<String, DateParts> dates = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, Set<String>> ticked = new java.util.LinkedHashMap<>();
  private String covid = "";

  /** The fields that hold sets of codes: name, code list (null: regions). */
  static final String[][] SETS = {
    {"type", CodeLists.NOTIFICATION_TYPE},
    {"death", CodeLists.DEATH_CATEGORY},
    {"harm", CodeLists.HARM_CATEGORY},
    {"age", "age_band"},
    {"region", null},
    {"characteristic", CodeLists.CASE_CHARACTERISTICS},
    {"theme", CodeLists.PRACTICE_THEMES},
    {"decision", "rapid_review_decision"}
  };

  private PopulationForm() {
    for (String[] r : RANGES) {
      dates.put(r[0] + "-from", new DateParts());
      dates.put(r[0] + "-to", new DateParts());
    }
    for (String[] s : SETS) {
      ticked.put(s[0], new LinkedHashSet<>());
    }
  }

  public static PopulationForm empty() {
    return new PopulationForm();
  }

  /** What the form sent. */
  public static PopulationForm read(HttpServletRequest request) {
    PopulationForm f = new PopulationForm();
    for (String prefix : List.copyOf(f.dates.keySet())) {
      f.dates.put(
          prefix,
          new DateParts(
              request.getParameter(prefix + "-day"),
              request.getParameter(prefix + "-month"),
              request.getParameter(prefix + "-year")));
    }
    for (String[] s : SETS) {
      String[] values = request.getParameterValues(s[0]);
      if (values != null) {
        for (String v : values) {
          if (v != null && !v.isBlank()) {
            f.ticked.get(s[0]).add(v.strip());
          }
        }
      }
    }
    String c = request.getParameter("covid");
    f.covid = c == null ? "" : c.strip();
    return f;
  }

  /** An analysis's stored population, to change it. */
  public static PopulationForm of(Population p) {
    PopulationForm f = new PopulationForm();
    f.date("received-from", p.receivedFrom());
    f.date("received-to", p.receivedTo());
    f.date("notified-from", p.notifiedFrom());
    f.date("notified-to", p.notifiedTo());
    f.date("incident-from", p.incidentFrom());
    f.date("incident-to", p.incidentTo());
    f.ticked.get("type").addAll(p.types());
    f.ticked.get("death").addAll(p.deathCategories());
    f.ticked.get("harm").addAll(p.harmCategories());
    f.ticked.get("age").addAll(p.ageBands());
    f.ticked.get("region").addAll(p.regions());
    f.ticked.get("characteristic").addAll(p.caseCharacteristics());
    f.ticked.get("theme").addAll(p.practiceThemes());
    f.ticked.get("decision").addAll(p.lcsprDecisions());
    f.covid = p.covidFactor() == null ? "" : p.covidFactor();
    return f;
  }

  private void date(String prefix, LocalDate d) {
    if (d != null) {
      dates.put(
          prefix,
          new DateParts(
              String.valueOf(d.getDayOfMonth()),
              String.valueOf(d.getMonthValue()),
              String.valueOf(d.getYear())));
    }
  }

  public DateParts dateParts(String prefix) {
    return dates.get(prefix);
  }

  public String getCovid() {
    return covid;
  }

  /**
   * The population, adding to {@code errors} each date that is not a real date, each range whose
   * end is before its start, and each value not offered (null when any).
   */
  public Population population(ReferenceData reference, FormErrors errors) {
    java.util.Map<String, LocalDate> d = new java.util.HashMap<>();
    for (String[] r : RANGES) {
      for (String end : List.of("from", "to")) {
        String prefix = r[0] + "-" + end;
        DateParts parts = dates.get(prefix);
        String label = r[1] + (end.equals("from") ? ": from" : ": to") + " date";
        String[] problem = parts.problem(label.substring(0, 1) + label.substring(1));
        if (problem != null) {
          errors.add(prefix + "-" + problem[1], problem[0]);
          errors.mark(prefix, problem[0]);
        } else {
          d.put(prefix, parts.toDate());
        }
      }
      LocalDate from = d.get(r[0] + "-from");
      LocalDate to = d.get(r[0] + "-to");
      if (from != null && to != null && to.isBefore(from)) {
        String m = r[1] + ": the to date must be the same as or after the from date";
        errors.add(r[0] + "-to-day", m);
        errors.mark(r[0] + "-to", m);
      }
    }
    for (String[] s : SETS) {
      Set<String> allowed = new LinkedHashSet<>();
      choices(reference, s).forEach(c -> allowed.add(c.value()));
      for (String v : ticked.get(s[0])) {
        if (!allowed.contains(v)) {
          errors.add(s[0], "Choose from the list: " + legend(s[0]) + " has no choice " + v);
        }
      }
    }
    if (!covid.isEmpty()
        && !covid.equals(Population.ANY_COVID_FACTOR)
        && !reference.codeList(CodeLists.COVID_FACTORS).contains(covid)) {
      errors.add("covid", "Choose whether a COVID-19 factor must be cited, and which");
    }
    if (errors.isAny()) {
      return null;
    }
    return new Population(
        d.get("incident-from"),
        d.get("incident-to"),
        d.get("notified-from"),
        d.get("notified-to"),
        d.get("received-from"),
        d.get("received-to"),
        ticked.get("type"),
        ticked.get("death"),
        ticked.get("harm"),
        ticked.get("age"),
        ticked.get("region"),
        Set.of(),
        ticked.get("characteristic"),
        covid.isEmpty() ? null : covid,
        ticked.get("theme"),
        ticked.get("decision"));
  }

  /** The lists of checkboxes, each with what is ticked. */
  public List<Checkboxes> checkboxes(ReferenceData reference) {
    List<Checkboxes> out = new ArrayList<>();
    for (String[] s : SETS) {
      out.add(new Checkboxes(s[0], legend(s[0]), hint(s[0]), choices(reference, s)));
    }
    return out;
  }

  private List<Choice> choices(ReferenceData reference, String[] s) {
    Set<String> on = ticked.get(s[0]);
    List<Choice> out = new ArrayList<>();
    if (s[1] == null) {
      for (Region r : reference.regions()) {
        out.add(new Choice(r.code(), r.name(), on.contains(r.code())));
      }
      return out;
    }
    CodeList list = reference.codeList(s[1]);
    list.codes().forEach(c -> out.add(new Choice(c.code(), c.label(), on.contains(c.code()))));
    return out;
  }

  /** The COVID-19 radios: not filtered, any factor, or each factor. */
  public List<Choice> covidChoices(ReferenceData reference) {
    List<Choice> out = new ArrayList<>();
    out.add(new Choice("", "Do not filter by COVID-19", covid.isEmpty()));
    out.add(
        new Choice(
            Population.ANY_COVID_FACTOR,
            "Any COVID-19 factor cited",
            covid.equals(Population.ANY_COVID_FACTOR)));
    reference
        .codeList(CodeLists.COVID_FACTORS)
        .codes()
        .forEach(c -> out.add(new Choice(c.code(), "Cited: " + c.label(), covid.equals(c.code()))));
    return out;
  }

  static String legend(String name) {
    return switch (name) {
      case "type" -> "Type of notification";
      case "death" -> "Category of death";
      case "harm" -> "Category of serious harm";
      case "age" -> "Age of the (first) child";
      case "region" -> "Region";
      case "characteristic" -> "Case characteristics";
      case "theme" -> "Practice themes of the rapid review";
      case "decision" -> "Rapid review decision";
      default -> name;
    };
  }

  static String hint(String name) {
    return switch (name) {
      case "characteristic" -> "A notification with any of those ticked. Tick none for all.";
      case "theme" -> "A rapid review with any of those ticked. Tick none for all.";
      default -> "Tick none for all.";
    };
  }
}
