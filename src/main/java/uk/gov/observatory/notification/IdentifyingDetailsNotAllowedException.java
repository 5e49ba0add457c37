package uk.gov.observatory.notification;

/**
 * A person who may read a notification asked for its children's identifying details, which their
 * role does not allow (an inspector or a partnership). Answered 403; the refusal is audited.
 */
public class IdentifyingDetailsNotAllowedException extends RuntimeException {
  public IdentifyingDetailsNotAllowedException(String ref) {
    super("identifying details of " + ref + " are not available to this role");
  }
}
