package uk.gov.observatory.access;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Builds the {@link Viewer} of whoever made a request: account, scope and declared interests.
 *
 * <p>This is where an authority is followed through its codes: an account for an authority reaches
 * its records under every code it has had (an account for Sheffield's E08000039 reaches those made
 * under E08000019, before May 2025), and a Panel member's declared interest in an authority
 * withdraws them from its cases under every one of its codes. Which codes are one authority is
 * {@link ReferenceData#sameAuthority}'s to say; a split authority is not followed (an account given
 * Northamptonshire, E10000021, reaches that code's records only).
 */
@Service
public class Viewers {

  private final Accounts accounts;
  private final Interests interests;
  private final ReferenceData reference;

  public Viewers(Accounts accounts, Interests interests, ReferenceData reference) {
    this.accounts = accounts;
    this.interests = interests;
    this.reference = reference;
  }

  /**
   * Nothing when no one is signed in. An API request's principal carries the account its token
   * found in this request, with its declared interests (its details): they are not read again.
   */
  public Viewer of(Principal principal) {
    if (principal == null) {
      return Viewer.nobody("anonymous");
    }
    if (principal instanceof Authentication authentication
        && authentication.getDetails() instanceof AccountHolder holder
        && holder.account().username().equals(principal.getName())) {
      return throughTheirCodes(Viewer.of(holder.account(), holder.interests()));
    }
    return of(principal.getName());
  }

  /** Nothing when there is no such account. */
  public Viewer of(String username) {
    return accounts
        .find(username)
        .map(a -> throughTheirCodes(Viewer.of(a, interests.current(username))))
        .orElseGet(() -> Viewer.nobody(username));
  }

  /**
   * The viewer with each authority they reach, or are withdrawn from, taken under all its codes.
   */
  private Viewer throughTheirCodes(Viewer viewer) {
    Set<String> laCodes = new LinkedHashSet<>();
    for (String code : viewer.laCodes()) {
      laCodes.add(code);
      laCodes.addAll(reference.codesOf(code));
    }
    List<Interest> withdrawals =
        viewer.withdrawals().stream()
            .flatMap(
                w ->
                    (reference.codesOf(w.laCode()).isEmpty()
                            ? Set.of(w.laCode())
                            : reference.codesOf(w.laCode()))
                        .stream()
                            .map(code -> new Interest(w.id(), code, w.from(), w.to(), w.reason())))
            .toList();
    return new Viewer(
        viewer.actor(),
        viewer.everything(),
        laCodes,
        viewer.identifyingDetails(),
        withdrawals,
        viewer.permissions());
  }
}
