package uk.gov.observatory.notification.internal;

import java.time.LocalDate;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.protection.IdentifyingDetails;
import uk.gov.observatory.protection.Sealed;

/**
 * The child table's sealed columns: each value is sealed with its column's name as associated data,
 * so a name cannot be moved into the date-of-birth column (or back) and still open.
 */
final class ChildColumns {

  static final String NAME = "child.child_name";
  static final String DATE_OF_BIRTH = "child.date_of_birth";

  private ChildColumns() {}

  /**
   * A child's columns after the key of its notification (child_seq, gender, age_years, ethnicity,
   * child_name_sealed, date_of_birth_sealed), with {@code key} first: its identifying details
   * sealed.
   */
  static Object[] row(IdentifyingDetails identifying, Object key, Notification.Child c) {
    return new Object[] {
      key,
      c.childSeq(),
      c.gender(),
      c.ageYears(),
      c.ethnicity(),
      sealName(identifying, c.childName()),
      sealDateOfBirth(identifying, c.dateOfBirth())
    };
  }

  static String sealName(IdentifyingDetails identifying, String name) {
    return name == null ? null : identifying.seal(NAME, name).text();
  }

  static String sealDateOfBirth(IdentifyingDetails identifying, LocalDate dateOfBirth) {
    return dateOfBirth == null
        ? null
        : identifying.seal(DATE_OF_BIRTH, dateOfBirth.toString()).text();
  }

  static String openName(IdentifyingDetails identifying, String stored) {
    return stored == null ? null : identifying.open(NAME, Sealed.parse(stored));
  }

  static LocalDate openDateOfBirth(IdentifyingDetails identifying, String stored) {
    return stored == null
        ? null
        : LocalDate.parse(identifying.open(DATE_OF_BIRTH, Sealed.parse(stored)));
  }
}
