package uk.gov.observatory.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the register's tables before each test (reference data stays, and so do the seeded
 * timeliness policy periods).
 */
public class EmptyRegister implements BeforeEachCallback {
  @Override
  public void beforeEach(ExtensionContext context) {
    JdbcTemplate jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcTemplate.class);
    empty(jdbc);
  }

  public static void empty(JdbcTemplate jdbc) {
    jdbc.execute(
        "truncate notification, child, idempotency_key, notification_ref_counter, account, account_la,"
            + " recovery_code, api_token, declared_interest, rapid_review, rapid_review_version,"
            + " challenge, challenge_message, lcspr, lcspr_notification, lcspr_recommendation,"
            + " case_event, outbox_email, partnership_contact, yearly_report cascade");
  }
}
