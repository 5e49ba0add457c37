package uk.gov.observatory.access;

import java.util.List;

/** A page of the accounts matching a search, and how many match in all. */
public record AccountSearchResult(List<Account> accounts, int total) {
  public AccountSearchResult {
    accounts = List.copyOf(accounts);
  }
}
