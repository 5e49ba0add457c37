package uk.gov.observatory.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import uk.gov.observatory.database.DatabaseOwner;

/**
 * Empties the register's tables before each test (reference data stays, and so do the seeded
 * timeliness policy periods).
 */
public class EmptyRegister implements BeforeEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    // As the owner of the tables: the application's own role may not truncate.
    empty(SpringExtension.getApplicationContext(context).getBean(DatabaseOwner.class).jdbc());
  }

  public static void empty(JdbcTemplate jdbc) {
    jdbc.execute(
        "truncate notification, child, idempotency_key, notification_ref_counter, account, account_la,"
            + " recovery_code, api_token, declared_interest, rapid_review, rapid_review_version,"
            + " challenge, challenge_message, lcspr, lcspr_notification, lcspr_recommendation,"
            + " case_event, outbox_email, partnership_contact, yearly_report cascade");
    jdbc.execute("truncate notification_draft");
    jdbc.execute("truncate learning_excerpt, learning_briefing");
    jdbc.execute(
        "truncate library_page, library_document, library_subscriber_token, library_subscriber, library_mailing");
    jdbc.execute(
        "truncate spring_session_attributes, spring_session, rate_limit_window, rate_limit_bucket");
  }
}
