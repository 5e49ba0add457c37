package uk.gov.observatory.access;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is looking at the register, and so what they may see: every local authority's records (the
 * Panel, inspectors, the command line), only some (a notifier's or a partnership's authorities), or
 * none (an administrator). The register applies it to every list, count, page and record.
 *
 * @param actor who, as the audit log names them
 * @param everything true when the viewer reaches every local authority
 * @param laCodes the local authorities reached when not {@code everything}: every code of each (an
 *     authority is followed through its codes, see {@link Viewers})
 * @param identifyingDetails whether children's names and dates of birth may be shown
 * @param withdrawals declared conflicts of interest: cases the viewer is withdrawn from, one entry
 *     for each code of the authority declared
 * @param permissions what the viewer may do with the cases they reach
 */
public record Viewer(
    String actor,
    boolean everything,
    Set<String> laCodes,
    boolean identifyingDetails,
    List<Interest> withdrawals,
    Set<Permission> permissions) {

  public Viewer {
    laCodes = Set.copyOf(laCodes);
    withdrawals = List.copyOf(withdrawals);
    permissions = Set.copyOf(permissions);
  }

  /** The application itself or an operator at the command line: everything. */
  public static Viewer system(String actor) {
    return new Viewer(actor, true, Set.of(), true, List.of(), EnumSet.allOf(Permission.class));
  }

  /** Someone who may see nothing (not signed in, no such account, or no case permission). */
  public static Viewer nobody(String actor) {
    return new Viewer(actor, false, Set.of(), false, List.of(), Set.of());
  }

  /** Whether the viewer holds a permission (within their reach). */
  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  /** A signed-in person: their role's scope and permissions, less their declared interests. */
  public static Viewer of(Account account, List<Interest> interests) {
    if (!account.enabled() || !account.can(Permission.READ_NOTIFICATIONS)) {
      return nobody(account.username());
    }
    return new Viewer(
        account.username(),
        account.role().scope() == Role.Scope.ALL,
        account.scopeLaCodes(),
        account.can(Permission.READ_IDENTIFYING_DETAILS),
        interests,
        account.role().permissions());
  }

  /** Whether records of this local authority are within the viewer's scope at all. */
  public boolean reaches(String laCode) {
    return everything || (laCode != null && laCodes.contains(laCode));
  }

  /** Whether a case is within reach: in scope, and not one the viewer is withdrawn from. */
  public boolean reaches(String laCode, LocalDate incidentDate) {
    return reaches(laCode) && withdrawals.stream().noneMatch(w -> w.covers(laCode, incidentDate));
  }
}
