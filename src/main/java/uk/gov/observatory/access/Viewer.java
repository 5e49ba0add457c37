package uk.gov.observatory.access;

import java.util.Set;

/**
 * Who is looking at the register, and so what they may see: every local authority's records (the
 * Panel, inspectors, the command line), only some (a notifier's or a partnership's authorities), or
 * none (an administrator). The register applies it to every list, count, page and record.
 *
 * @param actor who, as the audit log names them
 * @param everything true when the viewer reaches every local authority
 * @param laCodes the local authorities reached when not {@code everything}
 * @param identifyingDetails whether children's names and dates of birth may be shown
 */
public record Viewer(
    String actor, boolean everything, Set<String> laCodes, boolean identifyingDetails) {

  public Viewer {
    laCodes = Set.copyOf(laCodes);
  }

  /** The application itself or an operator at the command line: everything. */
  public static Viewer system(String actor) {
    return new Viewer(actor, true, Set.of(), true);
  }

  /** A signed-in person: their role's scope and permissions. */
  public static Viewer of(Account account) {
    if (!account.enabled() || !account.can(Permission.READ_NOTIFICATIONS)) {
      return new Viewer(account.username(), false, Set.of(), false);
    }
    return new Viewer(
        account.username(),
        account.role().scope() == Role.Scope.ALL,
        account.scopeLaCodes(),
        account.can(Permission.READ_IDENTIFYING_DETAILS));
  }

  /** Whether a record of this local authority is within the viewer's reach. */
  public boolean reaches(String laCode) {
    return everything || (laCode != null && laCodes.contains(laCode));
  }
}
