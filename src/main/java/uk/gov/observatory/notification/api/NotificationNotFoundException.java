package uk.gov.observatory.notification.api;

/** The register holds no notification with this reference. */
class NotificationNotFoundException extends RuntimeException {
  private final String ref;

  NotificationNotFoundException(String ref) {
    super("No notification " + ref);
    this.ref = ref;
  }

  String ref() {
    return ref;
  }
}
