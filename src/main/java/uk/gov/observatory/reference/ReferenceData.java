package uk.gov.observatory.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /**
   * The same local authority through its codes: every GSS code it has had, earliest first,
   * including {@code code} itself. An authority keeps its identity when it is recoded or
   * reorganised but keeps its DfE (old) LA code, the code before ending the day before the next
   * begins: Sheffield E08000019 then E08000039 (DfE 373), Buckinghamshire county E10000002 then the
   * unitary E06000060 (825). A split or a new authority gets new DfE codes and is a new authority
   * (Northamptonshire 928 is neither North 940 nor West 941 Northamptonshire; Dorset county 835 is
   * not the Dorset unitary 838); rows without a real DfE code ("x") are never linked. Just the code
   * itself when the authority was never recoded; empty when the code is not a local authority's.
   */
  List<LocalAuthority> sameAuthority(String code);

  /** Every GSS code of the same authority, earliest first (see {@link #sameAuthority}). */
  default Set<String> codesOf(String code) {
    Set<String> codes = new java.util.LinkedHashSet<>();
    sameAuthority(code).forEach(la -> codes.add(la.code()));
    return codes;
  }

  /**
   * The authority as it is now, or as it last was when it has ended: its latest code and name
   * (Sheffield E08000039 for E08000019). Empty when the code is not a local authority's.
   */
  default Optional<LocalAuthority> current(String code) {
    List<LocalAuthority> codes = sameAuthority(code);
    return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(codes.size() - 1));
  }

  /**
   * Every local authority ever listed, one entry per authority (not per code) under its current
   * code and name, by name: what a list of authorities to choose from offers. An authority that has
   * ended without a successor keeps its last code and name (Northamptonshire E10000021).
   */
  default List<LocalAuthority> authorities() {
    return localAuthorities().stream()
        .filter(la -> current(la.code()).map(c -> c.code().equals(la.code())).orElse(false))
        .toList();
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
