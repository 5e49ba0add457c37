package uk.gov.observatory.access;

import java.util.List;

/**
 * Whom a request speaks for: the account, with the conflicts of interest it has declared and not
 * withdrawn, read together in one statement when the request's sign-in is checked (its API token,
 * or its session's account at each page), so that the request's {@link Viewer} is made without
 * reading them again. Kept for that request only, never in a session.
 */
public record AccountHolder(Account account, List<Interest> interests) {

  public AccountHolder {
    interests = List.copyOf(interests);
  }
}
