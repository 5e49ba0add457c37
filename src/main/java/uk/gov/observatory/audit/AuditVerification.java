package uk.gov.observatory.audit;

/**
 * The outcome of checking the audit log's hash chain: intact, or the first entry where it breaks
 * and why.
 *
 * @param entries how many entries were checked (all of them when intact)
 * @param firstBroken the first entry that does not fit the chain, or null when intact
 * @param reason why it does not fit, or null when intact
 */
public record AuditVerification(long entries, AuditEntry firstBroken, String reason) {

  public boolean intact() {
    return firstBroken == null;
  }

  /** One line for a person: what {@code audit verify} prints. */
  public String message() {
    if (intact()) {
      return "Audit chain intact: " + entries + " entries";
    }
    return "Audit chain broken at entry "
        + firstBroken.id()
        + " ("
        + firstBroken.summary()
        + "): "
        + reason;
  }
}
