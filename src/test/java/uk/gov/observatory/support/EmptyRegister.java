package uk.gov.observatory.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.internal.NotificationRepository;

/**
 * Empties the register's tables before each test (reference data stays, and so do the seeded
 * timeliness policy periods).
 */
public class EmptyRegister implements BeforeEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    // As the owner of the tables: the application's own role may not truncate.
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    empty(spring.getBean(DatabaseOwner.class).jdbc());
    // The years' sequences are gone: the register must make them again, before notifying.
    spring.getBean(NotificationRepository.class).forgetPreparedYears();
  }

  public static void empty(JdbcTemplate jdbc) {
    jdbc.execute(
        "truncate notification, child, idempotency_key, notification_ref_counter, account, account_la,"
            + " recovery_code, api_token, declared_interest, rapid_review, rapid_review_version,"
            + " challenge, challenge_message, lcspr, lcspr_notification, lcspr_recommendation,"
            + " case_event, outbox_email, partnership_contact, yearly_report cascade");
    // Each year's reference numbers start again at 1 (V24: a sequence per year, made on first use).
    jdbc.execute(
        "do $$ declare s text; begin for s in select c.relname from pg_class c"
            + " where c.relkind = 'S' and c.relnamespace = current_schema()::regnamespace"
            + " and c.relname ~ '^notification_ref_[0-9]{4}$'"
            + " loop execute format('drop sequence %I', s); end loop; end $$");
    jdbc.execute("truncate notification_draft");
    jdbc.execute("truncate learning_excerpt, learning_briefing");
    jdbc.execute(
        "truncate library_page, library_document, library_subscriber_token, library_subscriber, library_mailing");
    jdbc.execute(
        "truncate spring_session_attributes, spring_session, rate_limit_window, rate_limit_bucket");
  }
}
