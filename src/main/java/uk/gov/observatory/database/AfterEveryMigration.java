package uk.gov.observatory.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Work done after every Flyway migration (that is, at every start), in the migration's transaction:
 * tables filled from what the application carries, or made again from them. Flyway runs such
 * callbacks in the order of their names.
 */
public abstract class AfterEveryMigration implements Callback {

  private final String name;
  private final String work;

  /**
   * @param name the callback's name (Flyway runs callbacks in the order of their names)
   * @param work what it does, for the message if it fails ("load reference data")
   */
  protected AfterEveryMigration(String name, String work) {
    this.name = name;
    this.work = work;
  }

  /** The work, on the migration's connection. */
  protected abstract void run(Connection connection) throws SQLException;

  @Override
  public final boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public final boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public final void handle(Event event, Context context) {
    try {
      run(context.getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot " + work + ": " + e.getMessage(), e);
    }
  }

  @Override
  public final String getCallbackName() {
    return name;
  }
}
