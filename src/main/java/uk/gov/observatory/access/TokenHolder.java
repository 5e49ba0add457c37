package uk.gov.observatory.access;

import java.util.List;

/**
 * Whom an API token speaks for: the account, with the conflicts of interest it has declared and not
 * withdrawn, read together when the token is checked (so the request's {@link Viewer} is made
 * without reading them again).
 */
public record TokenHolder(Account account, List<Interest> interests) {

  public TokenHolder {
    interests = List.copyOf(interests);
  }
}
