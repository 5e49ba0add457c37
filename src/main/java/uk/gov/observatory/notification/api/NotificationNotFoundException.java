package uk.gov.observatory.notification.api;

/** The register holds no notification with this reference. */
public class NotificationNotFoundException extends RuntimeException {
  private final String ref;

  NotificationNotFoundException(String ref) {
    super("No notification " + ref);
    this.ref = ref;
  }

  public String ref() {
    return ref;
  }
}
