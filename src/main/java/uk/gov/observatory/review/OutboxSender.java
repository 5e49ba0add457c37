package uk.gov.observatory.review;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.review.internal.OutboxRepository;

/**
 * Sends the outbox's emails over SMTP ({@code spring.mail.*}), each exactly once however many
 * instances of the application share the database: each email is sent in a transaction of its own
 * that holds its row ({@code for update skip locked}, so no other sender can take it) and marks it
 * sent before committing. A send that fails is recorded (attempts, last error) and tried again
 * after a wait that doubles each time (from {@code observatory.reminders.retry-backoff}, at most 6
 * hours); after {@code observatory.reminders.max-attempts} it is given up, with an error logged.
 *
 * <p>If the process stops after the SMTP server accepted an email but before the commit, that email
 * is sent again on the next run; its Message-ID is the same both times, so a mail system can tell.
 */
@Service
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  static final Duration LONGEST_WAIT = Duration.ofHours(6);

  private static final int MAX_ERROR = 1000;

  private final OutboxRepository outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String from;
  private final int maxAttempts;
  private final Duration backoff;
  private final int batch;
  private final AtomicBoolean warnedNoMail = new AtomicBoolean();

  public OutboxSender(
      OutboxRepository outbox,
      ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${observatory.reminders.from:observatory@localhost}") String from,
      @Value("${observatory.reminders.max-attempts:10}") int maxAttempts,
      @Value("${observatory.reminders.retry-backoff:1m}") Duration backoff,
      @Value("${observatory.reminders.send-batch:100}") int batch) {
    if (maxAttempts < 1 || batch < 1 || backoff.isNegative() || backoff.isZero()) {
      throw new IllegalArgumentException(
          "observatory.reminders.max-attempts and send-batch must be at least 1, retry-backoff"
              + " more than 0");
    }
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.from = from;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.batch = batch;
  }

  /** What a run did. */
  public record Sent(int sent, int failed) {}

  /**
   * Sends the emails due now, oldest first, up to the batch size. Without a configured mail server
   * ({@code spring.mail.host}) nothing is sent and a warning is logged once.
   */
  public Sent sendDue() {
    JavaMailSender mail = mailSender.getIfAvailable();
    if (mail == null) {
      if (warnedNoMail.compareAndSet(false, true)) {
        log.warn(
            "No mail server configured (spring.mail.host): reminder emails wait in the outbox"
                + " ({} now)",
            outbox.waiting(maxAttempts));
      }
      return new Sent(0, 0);
    }
    int sent = 0;
    int failed = 0;
    for (int i = 0; i < batch; i++) {
      Optional<Boolean> outcome = tx.execute(status -> sendOne(mail));
      if (outcome == null || outcome.isEmpty()) {
        break;
      }
      if (outcome.get()) {
        sent++;
      } else {
        failed++;
      }
    }
    return new Sent(sent, failed);
  }

  /** Inside a transaction: empty when nothing is due; true when sent, false when it failed. */
  private Optional<Boolean> sendOne(JavaMailSender mail) {
    Instant now = clock.instant();
    Optional<OutboxRepository.Email> next = outbox.claimNext(now, maxAttempts);
    if (next.isEmpty()) {
      return Optional.empty();
    }
    OutboxRepository.Email e = next.get();
    try {
      mail.send(
          message -> {
            boolean attached = e.attachment() != null;
            MimeMessageHelper m =
                new MimeMessageHelper(message, attached, StandardCharsets.UTF_8.name());
            m.setFrom(from);
            m.setTo(e.recipient());
            m.setSubject(e.subject());
            m.setText(e.body());
            if (attached) {
              m.addAttachment(
                  e.attachment().name(),
                  new org.springframework.core.io.ByteArrayResource(e.attachment().content()),
                  e.attachment().type());
            }
            message.setHeader("Message-ID", messageId(e));
            if (e.listUnsubscribe() != null) {
              // RFC 8058: a mail program may unsubscribe with one POST to this address
              message.setHeader("List-Unsubscribe", "<" + e.listUnsubscribe() + ">");
              message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
          });
    } catch (RuntimeException ex) {
      // Whatever went wrong (the server, the address, building the message), the email is
      // recorded as failed, so it waits its turn and never blocks the ones behind it.
      int attempts = e.attempts() + 1;
      String error = describe(ex);
      Instant retry = now.plus(wait(attempts));
      outbox.markFailed(e.id(), error, retry);
      if (attempts >= maxAttempts) {
        log.error(
            "Gave up sending email {} ({}) after {} attempts: {}",
            e.id(),
            e.dedupeKey(),
            attempts,
            error);
      } else {
        log.warn(
            "Sending email {} ({}) failed (attempt {} of {}), trying again after {}: {}",
            e.id(),
            e.dedupeKey(),
            attempts,
            maxAttempts,
            retry,
            error);
      }
      return Optional.of(false);
    }
    outbox.markSent(e.id(), now);
    return Optional.of(true);
  }

  /** The same for every attempt at one email, and unique to it: a repeat can be recognised. */
  String messageId(OutboxRepository.Email e) {
    int at = from.lastIndexOf('@');
    String domain = at < 0 || at == from.length() - 1 ? "observatory" : from.substring(at + 1);
    return "<outbox-" + e.id() + "." + e.createdAt().toEpochMilli() + "@" + domain + ">";
  }

  /** The wait after the n-th failed attempt: the backoff, doubled each time, at most 6 hours. */
  Duration wait(int attempts) {
    Duration d = backoff;
    for (int i = 1; i < attempts && d.compareTo(LONGEST_WAIT) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
  }

  private static String describe(Exception ex) {
    StringBuilder s = new StringBuilder(ex.getClass().getSimpleName());
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        s.append(": ").append(t.getMessage());
        break;
      }
    }
    String text = s.toString().replaceAll("\\s+", " ");
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
  }
}
