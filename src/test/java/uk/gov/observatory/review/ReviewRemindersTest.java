package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.internal.OutboxRepository;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestClock;

/**
 * Reminder emails on real PostgreSQL, sent to a real SMTP server (GreenMail). Every expected date
 * is worked out by hand here, from the published bank holidays, never by the code under test.
 */
@RegisterTest
@ExtendWith(OutputCaptureExtension.class)
class ReviewRemindersTest {

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static final String PANEL = "panel@example.org";
  static final String WESTMINSTER = "E09000033";
  static final String WESTMINSTER_CONTACT = "westminster-lscp@example.org";
  static final String LEEDS = "E08000035";
  static final String LEEDS_CONTACT = "leeds-lscp@example.org";
  static final String BIRMINGHAM = "E08000025";

  /**
   * The England and Wales bank holidays these tests cross, as published (gov.uk/bank-holidays):
   * Christmas Day and Boxing Day 2025, New Year's Day 2026. (November 2026 has none.)
   */
  static final Set<LocalDate> PUBLISHED_HOLIDAYS =
      Set.of(LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26), LocalDate.of(2026, 1, 1));

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("observatory.reminders.panel-address", () -> PANEL);
  }

  @Autowired NotificationRegister register;
  @Autowired RapidReviews rapidReviews;
  @Autowired Lcsprs lcsprs;
  @Autowired ReviewReminders reminders;
  @Autowired OutboxSender sender;
  @Autowired PartnershipContacts contacts;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxRepository outbox;
  @Autowired WorkingDayCalendar calendar;

  final Viewer system = Viewer.system("test");

  @BeforeEach
  void contactsAndAnEmptyMailbox() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    contacts.set(WESTMINSTER, WESTMINSTER_CONTACT, "test");
    contacts.set(LEEDS, LEEDS_CONTACT, "test");
  }

  @Test
  @DisplayName("the published holidays these tests rely on are the calendar's")
  void holidays() {
    // Guards the hand-worked dates below: if the calendar lost these days, the other tests' dates
    // would be wrong for a reason this test names.
    for (LocalDate d : PUBLISHED_HOLIDAYS) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
  }

  @Test
  @DisplayName(
      "due in exactly 3 working days at the test clock: one 'due soon' email to the partnership,"
          + " however often the sweep runs; not for 4 days, nor for a received review")
  void dueSoonAtTheTestClock() {
    // Today is Thursday 26 November 2026. Notified Tuesday 10 November: the 15 working days after
    // are 11-13 Nov (3), 16-20 (8), 23-27 (13), Mon 30 Nov (14), Tue 1 Dec (15): due Tue 1 Dec,
    // and the working days from today to then are Fri 27, Mon 30, Tue 1: exactly 3.
    assertThat(TestClock.TODAY).isEqualTo(LocalDate.of(2026, 11, 26));
    String dueSoon = notify(WESTMINSTER, LocalDate.of(2026, 11, 10));
    // A draft is not a received review: still reminded.
    rapidReviews.save(dueSoon, RapidReviewContent.empty(), null, system);
    // Notified Wednesday 11 November: due Wed 2 December, 4 working days away: not yet.
    String notYet = notify(WESTMINSTER, LocalDate.of(2026, 11, 11));
    // Notified 10 November too, but its rapid review was received on 20 November: no reminder.
    String received = notify(LEEDS, LocalDate.of(2026, 11, 10));
    submit(received, LocalDate.of(2026, 11, 20));

    ReviewReminders.Sweep first = reminders.sweep();
    ReviewReminders.Sweep second = reminders.sweep();

    assertThat(first.queued()).isEqualTo(1);
    assertThat(second.queued()).isZero();
    assertThat(second.alreadyQueued()).isEqualTo(1);
    assertThat(outboxKeys()).containsExactly("rr-due-soon:" + dueSoon);
    assertThat(outboxKeys()).doesNotContain("rr-due-soon:" + notYet, "rr-due-soon:" + received);

    assertThat(sender.sendDue().sent()).isEqualTo(1);
    assertThat(sender.sendDue().sent()).isZero();
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(recipients(mail[0])).containsExactly(WESTMINSTER_CONTACT);
    assertThat(subject(mail[0])).isEqualTo("Rapid review due soon: " + dueSoon);
    String body = GreenMailUtil.getBody(mail[0]);
    assertThat(body)
        .contains(dueSoon)
        .contains("Westminster")
        .contains("Tuesday 1 December 2026")
        .contains("in 3 working days")
        // Never the child's name (every synthetic child is "Synthetic Name").
        .doesNotContain("Synthetic");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbox_email where sent_at is not null", Integer.class))
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the first working day after the due date: one 'overdue' email; a long-overdue case gets"
          + " none")
  void overdueAtTheTestClock() {
    // Notified Wednesday 4 November 2026: 5-6 Nov (2), 9-13 (7), 16-20 (12), 23, 24, 25 (15): due
    // Wednesday 25 November; today, Thursday 26 November, is the first working day after it.
    String overdue = notify(WESTMINSTER, LocalDate.of(2026, 11, 4));
    // Notified Monday 26 October: due Monday 16 November, 8 working days ago: never swept up.
    String longOverdue = notify(LEEDS, LocalDate.of(2026, 10, 26));

    assertThat(reminders.sweep().queued()).isEqualTo(1);
    reminders.sweep();

    assertThat(outboxKeys()).containsExactly("rr-overdue:" + overdue);
    assertThat(outboxKeys()).doesNotContain("rr-overdue:" + longOverdue);
    sender.sendDue();
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(subject(mail[0])).isEqualTo("Rapid review overdue: " + overdue);
    assertThat(GreenMailUtil.getBody(mail[0]))
        .contains("was due on Wednesday 25 November 2026")
        .contains("Westminster");
  }

  @Test
  @DisplayName(
      "across Christmas and New Year: 'due soon' on 24 December 2025, 'overdue' on 2 January 2026"
          + " (not on the bank holiday), each once")
  void acrossBankHolidays() {
    // Notified Monday 8 December 2025. Working days after: 9-12 Dec (4), 15-19 (9), 22, 23, 24
    // (12); Thu 25 and Fri 26 are bank holidays, 27-28 a weekend; 29, 30, 31 (15): due Wednesday
    // 31 December 2025 (without the holidays it would be Monday 29 December).
    String ref = notify(WESTMINSTER, LocalDate.of(2025, 12, 8));

    // Tuesday 23 December: 4 working days left (24, 29, 30, 31).
    assertThat(reminders.sweep(LocalDate.of(2025, 12, 23)).queued()).isZero();
    // Wednesday 24 December: 3 working days left (29, 30, 31).
    assertThat(reminders.sweep(LocalDate.of(2025, 12, 24)).queued()).isEqualTo(1);
    // The bank holidays and the weekend: still 3 left, already queued.
    for (int day = 25; day <= 28; day++) {
      assertThat(reminders.sweep(LocalDate.of(2025, 12, day)).queued()).isZero();
    }
    // The due date itself: not overdue.
    assertThat(reminders.sweep(LocalDate.of(2025, 12, 31)).queued()).isZero();
    // Thursday 1 January 2026 is after the due date but a bank holiday: not yet "overdue".
    assertThat(reminders.sweep(LocalDate.of(2026, 1, 1)).queued()).isZero();
    assertThat(outboxKeys()).containsExactly("rr-due-soon:" + ref);
    // Friday 2 January 2026: the first working day after the due date.
    assertThat(reminders.sweep(LocalDate.of(2026, 1, 2)).queued()).isEqualTo(1);
    assertThat(reminders.sweep(LocalDate.of(2026, 1, 2)).queued()).isZero();
    assertThat(outboxKeys()).containsExactly("rr-due-soon:" + ref, "rr-overdue:" + ref);

    assertThat(sender.sendDue().sent()).isEqualTo(2);
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail)
        .extracting(ReviewRemindersTest::subject)
        .containsExactlyInAnyOrder("Rapid review due soon: " + ref, "Rapid review overdue: " + ref);
    assertThat(Arrays.stream(mail).map(GreenMailUtil::getBody).toList())
        .allSatisfy(b -> assertThat(b).contains("Wednesday 31 December 2025"));
  }

  @Test
  @DisplayName(
      "a Sheffield notification made under E08000019 is reminded to the contact set under"
          + " Sheffield's current code, E08000039")
  void contactOfTheAuthorityThroughItsCodes() {
    // Notified Wednesday 30 April 2025, Sheffield's last day as E08000019. Working days after: 1,
    // 2 May (2); Monday 5 May is a bank holiday; 6-9 (6), 12-16 (11), 19, 20, 21, 22 (15): due
    // Thursday 22 May 2025, so on Monday 19 May three working days are left (20, 21, 22).
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 5))).isFalse();
    String ref = notify("E08000019", LocalDate.of(2025, 4, 30));
    contacts.set("E08000039", "sheffield-scp@example.org", "test");

    ReviewReminders.Sweep sweep = reminders.sweep(LocalDate.of(2025, 5, 19));

    assertThat(sweep.withoutContact()).isZero();
    assertThat(sweep.queued()).isEqualTo(1);
    assertThat(outboxKeys()).containsExactly("rr-due-soon:" + ref);
    assertThat(
            jdbc.queryForObject(
                "select recipient from outbox_email where dedupe_key = ?",
                String.class,
                "rr-due-soon:" + ref))
        .isEqualTo("sheffield-scp@example.org");
  }

  @Test
  @DisplayName(
      "a partnership without a contact: nothing queued, one warning per sweep; queued once a"
          + " contact is set")
  void noContact(CapturedOutput output) {
    String a = notify(BIRMINGHAM, LocalDate.of(2026, 11, 10));
    String b = notify(BIRMINGHAM, LocalDate.of(2026, 11, 4));
    int before = output.getAll().length();

    ReviewReminders.Sweep sweep = reminders.sweep();

    assertThat(sweep.queued()).isZero();
    assertThat(sweep.withoutContact()).isEqualTo(2);
    assertThat(outboxKeys()).isEmpty();
    String logged = output.getAll().substring(before);
    assertThat(logged.split("no contact for partnership", -1)).hasSize(2);
    assertThat(logged).contains(BIRMINGHAM).doesNotContain("Synthetic");

    contacts.set(BIRMINGHAM, "birmingham@example.org", "test");
    assertThat(reminders.sweep().queued()).isEqualTo(2);
    assertThat(outboxKeys()).containsExactlyInAnyOrder("rr-due-soon:" + a, "rr-overdue:" + b);
  }

  @Test
  @DisplayName(
      "a publication notice: one email to the Panel, queued in the same transaction (rolled back:"
          + " none)")
  void publicationNotice() {
    String ref = notify(WESTMINSTER, LocalDate.of(2026, 10, 1));
    submit(ref, LocalDate.of(2026, 10, 20));
    Lcspr l = lcsprs.initiate(null, List.of(ref), LocalDate.of(2026, 10, 21), system);
    lcsprs.complete(l.ref(), LocalDate.of(2026, 11, 20), l.version(), system);

    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(
        status -> {
          assertThat(lcsprs.notifyPublication(l.ref(), TestClock.TODAY, l.version() + 1, system))
              .hasValueSatisfying(
                  x -> assertThat(x.status()).isEqualTo(LcsprStatus.PUBLICATION_NOTIFIED));
          assertThat(outboxKeys()).containsExactly("lcspr-notice:" + l.ref());
          status.setRollbackOnly();
        });
    assertThat(outboxKeys()).isEmpty();
    assertThat(lcsprs.find(l.ref(), system).orElseThrow().status())
        .isEqualTo(LcsprStatus.COMPLETED);

    lcsprs.notifyPublication(l.ref(), TestClock.TODAY, l.version() + 1, system);
    assertThat(outboxKeys()).containsExactly("lcspr-notice:" + l.ref());
    // The sweep leaves it alone; sending twice sends it once.
    reminders.sweep();
    assertThat(sender.sendDue().sent()).isEqualTo(1);
    assertThat(sender.sendDue().sent()).isZero();

    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(recipients(mail[0])).containsExactly(PANEL);
    assertThat(subject(mail[0])).isEqualTo("Publication notice: " + l.ref());
    // Notice given Thursday 26 November 2026; 7 working days on: 27, 30 Nov, 1, 2, 3, 4, 7 Dec.
    assertThat(GreenMailUtil.getBody(mail[0]))
        .contains(l.ref())
        .contains(ref)
        .contains("Westminster")
        .contains("Thursday 26 November 2026")
        .contains("not be published before Monday 7 December 2026")
        .doesNotContain("Synthetic");
  }

  @Test
  @DisplayName(
      "a failed send is recorded and tried again after a doubling wait, given up after the last"
          + " attempt (logged); a retried email arrives once, with the same Message-ID")
  void retries(CapturedOutput output) throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort(); // nothing listens there once closed
    }
    int livePort = smtp.getSmtp().getPort();
    Instant t0 = TestClock.NOW;
    outbox.enqueue("test:given-up", "a@example.org", "Given up", "body", t0);

    assertThat(sender(deadPort, t0).sendDue()).isEqualTo(new OutboxSender.Sent(0, 1));
    assertThat(attempts("test:given-up")).isEqualTo(1);
    assertThat(lastError("test:given-up")).contains("Connection refused");
    assertThat(nextAttempt("test:given-up")).isEqualTo(t0.plus(Duration.ofMinutes(1)));
    // Not before the wait is over.
    assertThat(sender(livePort, t0.plusSeconds(59)).sendDue())
        .isEqualTo(new OutboxSender.Sent(0, 0));
    // Second failure: the wait doubles to 2 minutes.
    Instant t1 = t0.plus(Duration.ofMinutes(1));
    assertThat(sender(deadPort, t1).sendDue()).isEqualTo(new OutboxSender.Sent(0, 1));
    assertThat(nextAttempt("test:given-up")).isEqualTo(t1.plus(Duration.ofMinutes(2)));
    // Third and last attempt (of 3): given up, with an error logged.
    assertThat(sender(deadPort, t1.plus(Duration.ofMinutes(2))).sendDue().failed()).isEqualTo(1);
    assertThat(attempts("test:given-up")).isEqualTo(3);
    assertThat(output.getAll()).contains("Gave up sending email").contains("test:given-up");
    // Never tried again, even with the server back.
    Instant t2 = t0.plus(Duration.ofDays(1));
    assertThat(sender(livePort, t2).sendDue()).isEqualTo(new OutboxSender.Sent(0, 0));
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // Another fails once, then reaches the server: sent once.
    outbox.enqueue("test:retried", "b@example.org", "Retried", "body", t2);
    long id =
        jdbc.queryForObject(
            "select id from outbox_email where dedupe_key = 'test:retried'", Long.class);
    assertThat(sender(deadPort, t2).sendDue()).isEqualTo(new OutboxSender.Sent(0, 1));
    Instant t3 = t2.plus(Duration.ofMinutes(1));
    assertThat(sender(livePort, t3).sendDue()).isEqualTo(new OutboxSender.Sent(1, 0));
    assertThat(sender(livePort, t3.plus(Duration.ofDays(1))).sendDue())
        .isEqualTo(new OutboxSender.Sent(0, 0));
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(subject(mail[0])).isEqualTo("Retried");
    // From observatory@example.org; queued at t2.
    assertThat(mail[0].getMessageID())
        .isEqualTo("<outbox-" + id + "." + t2.toEpochMilli() + "@example.org>");
    assertThat(attempts("test:retried")).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select sent_at from outbox_email where dedupe_key = 'test:retried'",
                Timestamp.class))
        .isEqualTo(Timestamp.from(t3));
  }

  /** A sender with 3 attempts and a 1-minute first wait, to SMTP on a port, at an instant. */
  OutboxSender sender(int port, Instant now) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(port);
    mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    return new OutboxSender(
        outbox,
        new StaticListableBeanFactory(Map.of("mail", mail)).getBeanProvider(JavaMailSender.class),
        transactions,
        java.time.Clock.fixed(now, ZoneId.of("Europe/London")),
        "observatory@example.org",
        3,
        Duration.ofMinutes(1),
        100);
  }

  String notify(String la, LocalDate notified) {
    return register.notify(Submissions.of(la, "DEATH", notified, 0, 1)).ref();
  }

  void submit(String ref, LocalDate received) {
    LocalDate signed = received;
    RapidReviewContent content =
        new RapidReviewContent(
            null, null, null, null, null, null, null, null, null, null, false, null, null, null,
            signed, signed, signed, null);
    RapidReview draft = rapidReviews.save(ref, content, null, system).orElseThrow();
    rapidReviews.submit(ref, received, draft.version(), system);
  }

  List<String> outboxKeys() {
    return jdbc.queryForList("select dedupe_key from outbox_email order by id", String.class);
  }

  int attempts(String key) {
    return jdbc.queryForObject(
        "select attempts from outbox_email where dedupe_key = ?", Integer.class, key);
  }

  String lastError(String key) {
    return jdbc.queryForObject(
        "select last_error from outbox_email where dedupe_key = ?", String.class, key);
  }

  Instant nextAttempt(String key) {
    return jdbc.queryForObject(
            "select next_attempt_at from outbox_email where dedupe_key = ?", Timestamp.class, key)
        .toInstant();
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> recipients(MimeMessage m) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .map(Object::toString)
          .toList();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
