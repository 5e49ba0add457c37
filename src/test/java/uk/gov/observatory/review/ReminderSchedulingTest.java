package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/**
 * With {@code observatory.reminders.enabled} on (the application's default), the sweep and the
 * sender run by themselves at their configured intervals. The context is closed afterwards, so its
 * schedule never runs beside another test.
 */
@RegisterTest
@TestPropertySource(
    properties = {
      "observatory.reminders.enabled=true",
      "observatory.reminders.initial-delay=100ms",
      "observatory.reminders.sweep-interval=200ms",
      "observatory.reminders.send-interval=200ms"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReminderSchedulingTest {

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @Autowired NotificationRegister register;
  @Autowired PartnershipContacts contacts;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("scheduled: a reminder due is queued and emailed without anyone asking, once")
  void runsOnItsOwn() throws Exception {
    contacts.set("E09000033", "westminster-lscp@example.org", "test");
    // Due Tuesday 1 December 2026: 3 working days after the test clock's Thursday 26 November.
    String ref =
        register
            .notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 11, 10), 0, 1))
            .ref();

    assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
    Thread.sleep(1_000); // several more sweeps and sends
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("Rapid review due soon: " + ref);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbox_email where sent_at is not null", Integer.class))
        .isEqualTo(1);
  }
}
