package uk.gov.observatory.analytics.internal;

import java.util.List;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.ReferenceData;

/**
 * The numbers the report's read model (migration V11) holds for codes: a code is its position in
 * its code list, from 0 (as {@code code_list_entry.ordinal}, loaded from the same reference data),
 * and a set of codes a bit mask with bit k for the code at position k. Conditions are written for
 * the alias {@code n}.
 */
public final class Codes {

  private final ReferenceData reference;

  public Codes(ReferenceData reference) {
    this.reference = reference;
  }

  /** The position of a code in its list; an unknown code is a programming error. */
  public int number(String list, String code) {
    List<Code> codes = reference.codeList(list).codes();
    for (int i = 0; i < codes.size(); i++) {
      if (codes.get(i).code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException(code + " is not in the code list " + list);
  }

  /** The code at a position of its list. */
  public String code(String list, int number) {
    return reference.codeList(list).codes().get(number).code();
  }

  /** {@code n.column = } the code's number. */
  String is(String column, String list, String code) {
    return "n." + column + " = " + number(list, code);
  }

  /** The bit mask in {@code n.column} has the code. */
  String has(String column, String list, String code) {
    return "n." + column + " & " + (1 << number(list, code)) + " <> 0";
  }

  /** The bit mask in {@code n.column} has any of the codes. */
  String hasAny(String column, String list, List<String> codes) {
    int mask = 0;
    for (String code : codes) {
      mask |= 1 << number(list, code);
    }
    return "n." + column + " & " + mask + " <> 0";
  }
}
