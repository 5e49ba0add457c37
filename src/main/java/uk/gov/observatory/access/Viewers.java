package uk.gov.observatory.access;

import java.security.Principal;
import org.springframework.stereotype.Service;

/** Builds the {@link Viewer} of whoever made a request: account, scope and declared interests. */
@Service
public class Viewers {

  private final Accounts accounts;
  private final Interests interests;

  public Viewers(Accounts accounts, Interests interests) {
    this.accounts = accounts;
    this.interests = interests;
  }

  /** Nothing when no one is signed in. */
  public Viewer of(Principal principal) {
    return principal == null ? Viewer.nobody("anonymous") : of(principal.getName());
  }

  /** Nothing when there is no such account. */
  public Viewer of(String username) {
    return accounts
        .find(username)
        .map(a -> Viewer.of(a, interests.current(username)))
        .orElseGet(() -> Viewer.nobody(username));
  }
}
