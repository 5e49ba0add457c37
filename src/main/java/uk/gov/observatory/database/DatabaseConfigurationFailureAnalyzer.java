package uk.gov.observatory.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Spring Boot's report of a {@link DatabaseConfigurationException} at start: the one line saying
 * what is wrong, instead of the stack trace (registered in META-INF/spring.factories).
 */
class DatabaseConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<DatabaseConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, DatabaseConfigurationException cause) {
    return new FailureAnalysis(
        cause.getMessage(), "Correct the option named above, or leave it unset.", cause);
  }
}
