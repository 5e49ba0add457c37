package uk.gov.observatory.notification.web;

import java.util.Map;
import uk.gov.observatory.notification.Violation;

/**
 * Turns a broken rule into a message for a page of the journey: the question's own words when an
 * answer is missing, otherwise the field's name followed by the rule's reason (which already says
 * what is wrong and what is allowed).
 */
final class JourneyMessages {

  private JourneyMessages() {}

  static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("la_code", "Local authority"),
          Map.entry("incident_date", "Date of the incident"),
          Map.entry("aware_date", "Date the local authority became aware"),
          Map.entry("notified_date", "Date the Panel was notified"),
          Map.entry("notification_type", "Type of incident"),
          Map.entry("death_category", "Category of death"),
          Map.entry("harm_category", "Category of harm"),
          Map.entry("imd_decile", "IMD decile"),
          Map.entry("case_characteristics", "Case characteristics"),
          Map.entry("domestic_abuse_pattern", "Pattern of domestic abuse"),
          Map.entry("csc_involvement", "Children's social care involvement"),
          Map.entry("court_order", "Court order"),
          Map.entry("living_arrangement", "Living arrangement"),
          Map.entry("covid_factors", "COVID-19 factors"),
          Map.entry("children", "Children"),
          Map.entry("child_seq", "Child number"),
          Map.entry("gender", "Gender"),
          Map.entry("age_years", "Age"),
          Map.entry("ethnicity", "Ethnicity"),
          Map.entry("child_name", "Name"),
          Map.entry("date_of_birth", "Date of birth"));

  private static final Map<String, String> REQUIRED =
      Map.ofEntries(
          Map.entry("la_code", "Select the local authority"),
          Map.entry("incident_date", "Enter the date of the incident"),
          Map.entry(
              "aware_date", "Enter the date the local authority became aware of the incident"),
          Map.entry("notified_date", "Enter the date the Panel was notified"),
          Map.entry("notification_type", "Select the type of incident"),
          Map.entry("death_category", "Select the category of death"),
          Map.entry("harm_category", "Select the category of harm"),
          Map.entry("csc_involvement", "Select the involvement of children's social care"),
          Map.entry("court_order", "Select the court order, or None"),
          Map.entry("living_arrangement", "Select where the child was living"),
          Map.entry("gender", "Select the child's gender"),
          Map.entry("age_years", "Enter the child's age in years, from 0 to 17"));

  /** The id of the input a field's error links to, on its own page. */
  static final Map<String, String> FIELD_IDS =
      Map.ofEntries(
          Map.entry("la_code", "laCode"),
          Map.entry("incident_date", "incidentDate-day"),
          Map.entry("aware_date", "awareDate-day"),
          Map.entry("notified_date", "notifiedDate-day"),
          Map.entry("notification_type", "notificationType"),
          Map.entry("death_category", "category"),
          Map.entry("harm_category", "category"),
          Map.entry("imd_decile", "imdDecile"),
          Map.entry("case_characteristics", "caseCharacteristics"),
          Map.entry("domestic_abuse_pattern", "domesticAbusePattern"),
          Map.entry("csc_involvement", "cscInvolvement"),
          Map.entry("court_order", "courtOrder"),
          Map.entry("living_arrangement", "livingArrangement"),
          Map.entry("covid_factors", "covidFactors"),
          Map.entry("gender", "gender"),
          Map.entry("age_years", "ageYears"),
          Map.entry("ethnicity", "ethnicity"),
          Map.entry("child_name", "childName"),
          Map.entry("date_of_birth", "dateOfBirth-day"));

  /** The page of the journey that asks for a field. */
  static String page(Violation v) {
    return switch (v.field()) {
      case "la_code" -> "/notify/local-authority";
      case "incident_date", "aware_date", "notified_date" -> "/notify/dates";
      case "notification_type" -> "/notify/type";
      case "death_category", "harm_category" -> "/notify/category";
      case "case_characteristics", "domestic_abuse_pattern" -> "/notify/characteristics";
      case "csc_involvement", "court_order", "living_arrangement" -> "/notify/service";
      case "covid_factors", "imd_decile" -> "/notify/other-factors";
      case "children" -> "/notify/child";
      default -> v.childIndex() == null ? "/notify/check" : "/notify/child/" + (v.childIndex() + 1);
    };
  }

  static String fieldId(Violation v) {
    return FIELD_IDS.get(v.field());
  }

  static String message(Violation v) {
    String required = REQUIRED.get(v.field());
    if (v.value() == null && required != null && v.reason().startsWith("is required")) {
      return required;
    }
    if (v.field().equals("children")) {
      return "Add at least one child";
    }
    return LABELS.getOrDefault(v.field(), v.field()) + " " + v.reason();
  }
}
