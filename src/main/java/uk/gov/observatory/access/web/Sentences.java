package uk.gov.observatory.access.web;

import java.util.List;
import java.util.Locale;

/** The accounts service's problems as sentences for a page: capitalised, without a full stop. */
final class Sentences {

  private Sentences() {}

  static String of(List<String> problems) {
    return String.join(". ", problems.stream().map(Sentences::capitalised).toList());
  }

  static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
