package uk.gov.observatory.database;

/**
 * A database option that cannot be used, found when the application starts: its message is one line
 * naming the option and what is wrong with it (never a password). Reported without a stack trace
 * ({@link DatabaseConfigurationFailureAnalyzer}, and the command line prints the line).
 */
public final class DatabaseConfigurationException extends IllegalStateException {

  DatabaseConfigurationException(String message) {
    super(message);
  }

  DatabaseConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
