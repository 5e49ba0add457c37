package uk.gov.observatory.access;

import java.time.Instant;

/**
 * A personal API token, as issued: {@code token} is shown once and only its hash is stored.
 *
 * @param id the token's number, for revoking it
 */
public record IssuedToken(long id, String username, String token, Instant expiresAt) {
  @Override
  public String toString() {
    return "IssuedToken[" + id + ", " + username + ", expires " + expiresAt + "]";
  }
}
