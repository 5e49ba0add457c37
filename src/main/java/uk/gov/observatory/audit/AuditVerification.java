package uk.gov.observatory.audit;

/**
 * The outcome of checking the audit log's hash chain: intact, or the first entry where it breaks
 * and why.
 *
 * @param entries how many entries were checked (all of them when intact)
 * @param firstBroken the first entry that does not fit the chain, or null when intact
 * @param reason why it does not fit, or null when intact
 * @param unsealed entries committed after the sealing that preceded the check, not yet in the chain
 *     (so not checked)
 */
public record AuditVerification(
    long entries, AuditEntry firstBroken, String reason, long unsealed) {

  public AuditVerification(long entries, AuditEntry firstBroken, String reason) {
    this(entries, firstBroken, reason, 0);
  }

  public boolean intact() {
    return firstBroken == null;
  }

  /** One line for a person: what {@code audit verify} prints. */
  public String message() {
    if (intact()) {
      return "Audit chain intact: "
          + entries
          + " entries"
          + (unsealed == 0 ? "" : " (and " + unsealed + " written since, not yet sealed)");
    }
    return "Audit chain broken at entry "
        + firstBroken.id()
        + " ("
        + firstBroken.summary()
        + "): "
        + reason;
  }
}
