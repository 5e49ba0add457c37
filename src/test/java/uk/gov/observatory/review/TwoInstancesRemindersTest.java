package uk.gov.observatory.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestClock;

/**
 * Two instances of the application on one PostgreSQL database, both sweeping and sending at once,
 * many times, to one real SMTP server: each reminder arrives exactly once.
 */
class TwoInstancesRemindersTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String PANEL = "panel@example.org";

  /** Authorities, each its own partnership with its own contact. */
  static final List<String> AUTHORITIES =
      List.of("E09000033", "E08000035", "E08000025", "E06000001", "E10000003", "E09000001");

  EmbeddedPostgres postgres;
  ConfigurableApplicationContext first;
  ConfigurableApplicationContext second;

  @BeforeEach
  void twoInstancesOnOneDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    first = instance();
    second = instance();
  }

  @AfterEach
  void stop() throws Exception {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {second, first}) {
      if (c != null) {
        c.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  ConfigurableApplicationContext instance() {
    return new SpringApplicationBuilder(ObservatoryApplication.class, TestClock.class)
        .web(WebApplicationType.NONE)
        .run(
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtp.getSmtp().getPort(),
            "--observatory.reminders.enabled=false",
            "--observatory.reminders.panel-address=" + PANEL,
            "--spring.main.log-startup-info=false");
  }

  @Test
  @DisplayName(
      "two instances sweeping and sending concurrently, many times: each reminder emailed exactly"
          + " once")
  void eachReminderOnce() throws Exception {
    assertThat(first.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class))
        .isEqualTo(1);
    NotificationRegister register = first.getBean(NotificationRegister.class);
    PartnershipContacts contacts = first.getBean(PartnershipContacts.class);
    Map<String, String> expected = new HashMap<>(); // subject -> recipient
    for (String la : AUTHORITIES) {
      String contact = "lscp-" + la.toLowerCase() + "@example.org";
      contacts.set(la, contact, "test");
      // Two due in exactly 3 working days (notified Tuesday 10 November 2026, due Tuesday 1
      // December), one overdue since yesterday (notified Wednesday 4 November, due Wednesday 25
      // November), as at the test clock's Thursday 26 November 2026.
      for (LocalDate notified :
          List.of(
              LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 4))) {
        String ref = register.notify(Submissions.of(la, "DEATH", notified, 0, 1)).ref();
        expected.put(
            (notified.getDayOfMonth() == 10 ? "Rapid review due soon: " : "Rapid review overdue: ")
                + ref,
            contact);
      }
    }
    // And a publication notice, queued on the second instance.
    Viewer system = Viewer.system("test");
    String covered =
        register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2026, 9, 1), 0, 1)).ref();
    Lcsprs lcsprs = second.getBean(Lcsprs.class);
    Lcspr l = lcsprs.initiate(null, List.of(covered), LocalDate.of(2026, 9, 10), system);
    lcsprs.complete(l.ref(), LocalDate.of(2026, 11, 2), l.version(), system);
    lcsprs.notifyPublication(l.ref(), TestClock.TODAY, l.version() + 1, system);
    expected.put("Publication notice: " + l.ref(), PANEL);
    assertThat(expected).hasSize(AUTHORITIES.size() * 3 + 1);

    // Two threads in each instance, all starting together, each sweeping and sending 15 times.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<int[]>> runs = new ArrayList<>();
    for (ConfigurableApplicationContext app : List.of(first, second, first, second)) {
      ReviewReminders reminders = app.getBean(ReviewReminders.class);
      OutboxSender sender = app.getBean(OutboxSender.class);
      runs.add(
          pool.submit(
              () -> {
                start.await();
                int queued = 0;
                int sent = 0;
                for (int i = 0; i < 15; i++) {
                  queued += reminders.sweep().queued();
                  sent += sender.sendDue().sent();
                }
                return new int[] {queued, sent};
              }));
    }
    start.countDown();
    int queued = 0;
    int sent = 0;
    for (Future<int[]> run : runs) {
      int[] r = run.get(5, TimeUnit.MINUTES); // rethrows any failure in a thread
      queued += r[0];
      sent += r[1];
    }
    pool.shutdown();

    int reminders = AUTHORITIES.size() * 3;
    assertThat(queued).as("reminders queued, over all sweeps").isEqualTo(reminders);
    assertThat(sent).as("emails sent, over all senders").isEqualTo(reminders + 1);
    JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select count(*) from outbox_email", Integer.class))
        .isEqualTo(reminders + 1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from outbox_email where sent_at is null", Integer.class))
        .isZero();

    // Whatever was accepted by the SMTP server has arrived; nothing more is coming.
    smtp.waitForIncomingEmail(10_000, reminders + 1);
    MimeMessage[] mail = smtp.getReceivedMessages();
    Map<String, Long> bySubject =
        Arrays.stream(mail)
            .collect(
                Collectors.groupingBy(TwoInstancesRemindersTest::subject, Collectors.counting()));
    assertThat(bySubject.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(bySubject).allSatisfy((subject, n) -> assertThat(n).as(subject).isEqualTo(1L));
    assertThat(mail).hasSize(expected.size());
    Map<String, String> recipients =
        Arrays.stream(mail)
            .collect(
                Collectors.toMap(
                    TwoInstancesRemindersTest::subject, TwoInstancesRemindersTest::recipient));
    assertThat(recipients).isEqualTo(expected);
  }

  static String subject(MimeMessage m) {
    return get(m, MimeMessage::getSubject);
  }

  static String recipient(MimeMessage m) {
    return get(m, x -> x.getRecipients(Message.RecipientType.TO)[0].toString());
  }

  interface MailRead<T> {
    T apply(MimeMessage m) throws MessagingException;
  }

  static <T> T get(MimeMessage m, MailRead<T> read) {
    try {
      return read.apply(m);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
