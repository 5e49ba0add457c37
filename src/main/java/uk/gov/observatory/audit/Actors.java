package uk.gov.observatory.audit;

/**
 * Who an audit entry names while there are no accounts. When sign-in arrives, callers pass the
 * signed-in username instead; nothing else changes.
 */
public final class Actors {

  /** Work done by the application itself, or by a caller that has no person to name (tests). */
  public static final String SYSTEM = "system";

  private Actors() {}

  /** The person at the command line: {@code cli:<operating-system user>}. */
  public static String cli() {
    String user = System.getProperty("user.name");
    return "cli:" + (user == null || user.isBlank() ? "unknown" : user);
  }

  /** Someone on the pages or the API, not signed in: {@code anonymous@<remote address>}. */
  public static String anonymous(String remoteAddress) {
    return remoteAddress == null || remoteAddress.isBlank()
        ? "anonymous"
        : "anonymous@" + remoteAddress;
  }
}
