package uk.gov.observatory.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.internal.ReminderRepository;

/**
 * The partnerships' contact addresses, to which rapid review reminders are sent. A partnership is
 * named by its local authority's GSS code (each authority is its own partnership). Every change is
 * audited.
 */
@Service
public class PartnershipContacts {

  public static final String AUDIT_RECORD_TYPE = "partnership_contact";

  /** One address, no spaces, a dot in the domain: enough to catch a slip, not RFC 5322. */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]+");

  private static final int MAX_EMAIL = 254;

  private final ReminderRepository repository;
  private final ReferenceData reference;
  private final AuditLog audit;

  public PartnershipContacts(
      ReminderRepository repository, ReferenceData reference, AuditLog audit) {
    this.repository = repository;
    this.reference = reference;
    this.audit = audit;
  }

  /** Why an address is refused, or empty when it looks like an email address. */
  public static Optional<String> emailProblem(String email) {
    if (email == null || email.isBlank()) {
      return Optional.of("give the partnership's email address, such as lscp@example.org");
    }
    String e = email.strip();
    if (e.length() > MAX_EMAIL) {
      return Optional.of("the email address is longer than " + MAX_EMAIL + " characters");
    }
    if (!EMAIL.matcher(e).matches()) {
      return Optional.of(
          "'"
              + e
              + "' does not look like an email address (one address, such as"
              + " lscp@example.org)");
    }
    return Optional.empty();
  }

  /**
   * Sets (or replaces) a partnership's contact. Refused with {@link InvalidReviewException} when
   * the code is not a local authority's GSS code or the address does not look like one.
   */
  @Transactional
  public PartnershipContact set(String partnershipCode, String email, String actor) {
    List<ReviewProblem> problems = new ArrayList<>();
    String code = partnershipCode == null ? "" : partnershipCode.strip();
    Optional<LocalAuthority> la = reference.localAuthority(code);
    if (la.isEmpty()) {
      problems.add(
          new ReviewProblem(
              "partnership_code",
              "'"
                  + code
                  + "' is not a local authority's GSS code (a partnership is named by its"
                  + " authority's code, such as E09000033)"));
    }
    emailProblem(email).ifPresent(p -> problems.add(new ReviewProblem("email", p)));
    if (!problems.isEmpty()) {
      throw new InvalidReviewException(problems);
    }
    String address = email.strip();
    Optional<String> before = repository.contact(code);
    repository.setContact(code, address);
    audit.record(
        AuditEvent.of(
                actor,
                before.isPresent() ? AuditAction.UPDATED : AuditAction.CREATED,
                AUDIT_RECORD_TYPE,
                code)
            .withDetails(
                before
                    .map(b -> "reminders to " + address + " (was " + b + ")")
                    .orElse("reminders to " + address)));
    return new PartnershipContact(code, la.get().name(), address);
  }

  /** Removes a partnership's contact: true when it had one. */
  @Transactional
  public boolean remove(String partnershipCode, String actor) {
    String code = partnershipCode == null ? "" : partnershipCode.strip();
    boolean removed = repository.removeContact(code);
    if (removed) {
      audit.record(
          AuditEvent.of(actor, AuditAction.DELETED, AUDIT_RECORD_TYPE, code)
              .withDetails("no reminders sent until a contact is set again"));
    }
    return removed;
  }

  /** Every contact, by partnership code. */
  @Transactional(readOnly = true)
  public List<PartnershipContact> list() {
    return repository.contacts().entrySet().stream()
        .map(
            e ->
                new PartnershipContact(
                    e.getKey(),
                    reference.localAuthority(e.getKey()).map(LocalAuthority::name).orElse("?"),
                    e.getValue()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<String> find(String partnershipCode) {
    return repository.contact(partnershipCode);
  }
}
