package uk.gov.observatory.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reference data the project carries itself: local authorities with their operation dates,
 * regions and every code list of the data standard.
 */
public interface ReferenceData {

  Optional<LocalAuthority> localAuthority(String code);

  /** Every local authority ever listed, by name. */
  List<LocalAuthority> localAuthorities();

  /** The local authorities in operation on a day, by name. */
  default List<LocalAuthority> localAuthoritiesInOperationOn(LocalDate day) {
    return localAuthorities().stream().filter(la -> la.inOperationOn(day)).toList();
  }

  List<Region> regions();

  /** A code list by its name in {@link CodeLists}; an unknown name is a programming error. */
  CodeList codeList(String name);

  /**
   * The reference data the jar carries, read without Spring (for commands that need no database).
   */
  static ReferenceData fromClasspath() {
    return new uk.gov.observatory.reference.internal.ClasspathReferenceData();
  }
}
