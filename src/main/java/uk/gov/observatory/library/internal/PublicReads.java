package uk.gov.observatory.library.internal;

import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public's reads of the library, as the database role {@code observatory_library_reader} (V21):
 * in a read-only transaction that first switches to that role ({@code set local role}), so that the
 * SQL may read only the views {@code library_public_document}, {@code library_public_page} and
 * {@code library_public_file}, which hold published documents only. Whatever the Java asks, a draft
 * is out of reach.
 */
@Component
public class PublicReads {

  public static final String ROLE = "observatory_library_reader";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public PublicReads(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.tx.setReadOnly(true);
  }

  /** Runs {@code read} as the public role, in its own read-only transaction. */
  public <T> T read(Function<JdbcTemplate, T> read) {
    return tx.execute(
        status -> {
          jdbc.execute("set local role " + ROLE);
          return read.apply(jdbc);
        });
  }
}
