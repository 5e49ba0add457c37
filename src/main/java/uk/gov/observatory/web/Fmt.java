package uk.gov.observatory.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Formatting for templates ({@code @fmt}): GOV.UK-style dates and the labels of codes. A module's
 * own words for its records are its own (the review module's {@code @reviewFmt}).
 */
@Component("fmt")
public class Fmt {

  private static final DateTimeFormatter GOVUK_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private static final DateTimeFormatter GOVUK_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private final ReferenceData reference;

  public Fmt(ReferenceData reference) {
    this.reference = reference;
  }

  /** 18 December 2020, or empty for no date. */
  public String date(LocalDate date) {
    return dateOf(date);
  }

  /** 18 December 2020, or empty for no date (for code without the bean). */
  public static String dateOf(LocalDate date) {
    return date == null ? "" : GOVUK_DATE.format(date);
  }

  /** 18 December 2020 at 3:04pm (UK time), or empty for none. */
  public String dateTime(Instant at) {
    return at == null ? "" : GOVUK_DATE_TIME.format(at).replace("AM", "am").replace("PM", "pm");
  }

  /** A date given as ISO text, formatted if it is a real date, else as given. */
  public String date(String iso) {
    if (iso == null || iso.isBlank()) {
      return "";
    }
    try {
      return date(LocalDate.parse(iso));
    } catch (RuntimeException e) {
      return iso;
    }
  }

  /** The label of a code in a code list, or empty for no code. */
  public String label(String list, String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return reference.codeList(list).label(code);
  }

  /** The labels of codes, joined with commas, or "None" for none. */
  public String labels(String list, List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return "None";
    }
    return String.join(", ", codes.stream().map(c -> label(list, c)).toList());
  }

  /** The name of a local authority, or the code when it is unknown. */
  public String la(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    return reference.localAuthority(code).map(LocalAuthority::name).orElse(code);
  }

  /**
   * A local authority as a list to choose from names it: its name, and for one that has ended its
   * last day, so that two authorities of one name can be told apart ("Dorset (until 31 March
   * 2019)", the county, beside "Dorset", the unitary).
   */
  public String laChoice(LocalAuthority la) {
    return la.terminationDate() == null ? la.name() : ended(la);
  }

  /**
   * The local authorities as a list's {@code <option>} elements, each named by {@link #laChoice},
   * the one {@code chosen} (or the code that replaced it) selected; escaped here. Made in one go:
   * as 170 elements of three expressions each, they were most of the register page's drawing.
   */
  public String laOptions(List<LocalAuthority> authorities, String chosen) {
    String current = currentLa(chosen);
    StringBuilder html = new StringBuilder(authorities.size() * 48);
    for (LocalAuthority a : authorities) {
      html.append("<option value=\"")
          .append(HtmlUtils.htmlEscape(a.code()))
          .append('"')
          .append(a.code().equals(current) ? " selected=\"selected\">" : ">")
          .append(HtmlUtils.htmlEscape(laChoice(a)))
          .append("</option>");
    }
    return html.toString();
  }

  private static String ended(LocalAuthority la) {
    return la.name() + " (until " + dateOf(la.terminationDate()) + ")";
  }

  /**
   * A local authority's code as a list of codes names it, where each code is counted on its own
   * (analytics): its name with the period of the code when the authority has had another one
   * ("Sheffield (until 30 April 2025)" for E08000019 beside "Sheffield (from 1 May 2025)" for
   * E08000039), so nobody takes the live code for the whole authority's history.
   */
  public String laCodeChoice(LocalAuthority la) {
    return laCodeChoice(la, reference);
  }

  /** {@link #laCodeChoice(LocalAuthority)} for a caller that holds the reference data itself. */
  public static String laCodeChoice(LocalAuthority la, ReferenceData reference) {
    if (la.terminationDate() != null) {
      return ended(la);
    }
    List<LocalAuthority> codes = reference.sameAuthority(la.code());
    return codes.size() > 1 && !codes.get(0).code().equals(la.code())
        ? la.name() + " (from " + dateOf(la.operationDate()) + ")"
        : la.name();
  }

  /**
   * The current code of a local authority's code, for a list that offers each authority once
   * (E08000039 for E08000019, both Sheffield); the code itself when unknown or never recoded.
   */
  public String currentLa(String code) {
    return code == null ? null : reference.current(code).map(LocalAuthority::code).orElse(code);
  }

  /** A count with thousands separators: 1,212 (empty for none). */
  public String number(Number n) {
    return numberOf(n);
  }

  /** A count with thousands separators, for code without the bean: 1,212 (empty for none). */
  public static String numberOf(Number n) {
    if (n == null) {
      return "";
    }
    if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) {
      return java.text.NumberFormat.getNumberInstance(Locale.UK).format(n);
    }
    return String.format(Locale.UK, "%,d", n.longValue());
  }

  /**
   * A figure of a table as text: a whole number with thousands separators ("1,212"); anything else
   * (a percentage, "c" for a suppressed value, "low") as it is.
   */
  public String figure(String value) {
    if (value != null && value.matches("-?[0-9]{4,18}")) {
      return numberOf(Long.parseLong(value));
    }
    return value == null ? "" : value;
  }
}
