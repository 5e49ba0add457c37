package uk.gov.observatory.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person's account, without its secrets.
 *
 * @param laCodes the local authorities of an {@link Role#LA_NOTIFIER} (empty for other roles)
 * @param partnershipCode the safeguarding partnership of a {@link Role#PARTNERSHIP}, else null
 * @param lockedUntil after repeated failures, the instant sign-in is allowed again; null when not
 *     locked
 */
public record Account(
    long id,
    String username,
    Role role,
    List<String> laCodes,
    String partnershipCode,
    boolean enabled,
    int failedAttempts,
    Instant lockedUntil,
    Instant createdAt) {

  public Account {
    laCodes = List.copyOf(laCodes);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public boolean can(Permission permission) {
    return enabled && role.can(permission);
  }

  /**
   * The local authorities whose records the account reaches; empty for roles that reach all or none
   * (see {@link Role#scope()}). By default each local authority is its own partnership, whose code
   * is the authority's code.
   */
  public Set<String> scopeLaCodes() {
    return switch (role.scope()) {
      case LOCAL_AUTHORITIES -> Set.copyOf(laCodes);
      case PARTNERSHIP -> Set.of(partnershipCode);
      case ALL, NONE -> Set.of();
    };
  }

  /** The scope in words, for listings: "E09000033, E08000035", "partnership E09000033", "all". */
  public String scopeDescription() {
    return switch (role.scope()) {
      case LOCAL_AUTHORITIES -> String.join(", ", laCodes);
      case PARTNERSHIP -> "partnership " + partnershipCode;
      case ALL -> "all";
      case NONE -> "none";
    };
  }
}
