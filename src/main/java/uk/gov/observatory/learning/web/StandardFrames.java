package uk.gov.observatory.learning.web;

import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.Scale;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;

/**
 * The coding frames a lead adds in one click: the four COVID-19 factors of the annual report's
 * Graphs 1 and 2 (each coded for its impact) and the six practice themes of its section 5 (each
 * present or absent), labelled from the code lists, with a definition for the coder.
 */
final class StandardFrames {

  private StandardFrames() {}

  static List<FrameCode> covidFactors(ReferenceData reference) {
    List<FrameCode> out = new ArrayList<>();
    reference
        .codeList(CodeLists.COVID_FACTORS)
        .codes()
        .forEach(
            c ->
                out.add(
                    new FrameCode(c.code(), c.label(), covidDefinition(c.code()), Scale.IMPACT)));
    return out;
  }

  static List<FrameCode> practiceThemes(ReferenceData reference) {
    List<FrameCode> out = new ArrayList<>();
    reference
        .codeList(CodeLists.PRACTICE_THEMES)
        .codes()
        .forEach(
            c ->
                out.add(
                    new FrameCode(
                        c.code(),
                        c.label(),
                        themeDefinition(c.code(), c.label()),
                        Scale.PRESENCE)));
    return out;
  }

  private static String covidDefinition(String code) {
    return switch (code) {
      case "PARENTAL_FAMILY_STRESSORS" ->
          "How far the pandemic added to the stresses on parents and the family (money, housing,"
              + " mental health, confinement, domestic abuse) in the incident or its background.";
      case "CHILD_VULNERABILITY" ->
          "How far the child's own vulnerabilities (mental health, exploitation, isolation) were"
              + " made worse by the pandemic.";
      case "SCHOOL_CLOSURE" ->
          "How far school closures reduced the identification of, contact with and support for"
              + " the child.";
      case "COVID_SAFE_ADAPTATION" ->
          "How far services' adaptations for COVID-safe practice (virtual visits, fewer face-to-face"
              + " contacts) affected what was seen and done.";
      default -> "How far this COVID-19 factor played a part in the incident or its background.";
    };
  }

  private static String themeDefinition(String code, String label) {
    return "Present when the rapid review or LCSPR identifies learning about: "
        + label.substring(0, 1).toLowerCase(java.util.Locale.UK)
        + label.substring(1)
        + ".";
  }
}
