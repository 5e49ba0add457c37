package uk.gov.observatory.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.library.internal.PublicReads;
import uk.gov.observatory.library.internal.SubscriberLinks;
import uk.gov.observatory.library.internal.SubscriberStore;
import uk.gov.observatory.library.internal.SubscriberStore.MonthDocument;
import uk.gov.observatory.library.internal.SubscriberStore.Subscriber;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.Outbox;

/**
 * The monthly email of new publications: double opt-in (a confirmation link first), one-click
 * unsubscribe (a link, and the List-Unsubscribe-Post header), sent through the outbox once a month
 * whatever the number of instances.
 *
 * <p>Each subscriber's links carry a secret token (32 random bytes); only its SHA-256 is stored.
 * Each email to a subscriber carries a new token, and every token they were sent keeps working, so
 * the unsubscribe link (and the mail program's one-click unsubscribe) of any email they got stops
 * the emails (V28 keeps the tokens' hashes). An address is sent at most one confirmation (or
 * "already subscribed") email a day, however often it is given: the form cannot be used to flood
 * someone's inbox. Nothing here says whether an address is subscribed; nothing logs, lists or
 * audits an address (the audit names the subscriber's number).
 */
@Service
public class LibrarySubscriptions {

  /** The audit's record type for a subscriber (its number, never its address). */
  public static final String AUDIT_SUBSCRIBER = "library_subscriber";

  /** The audit's record type for a month's email (its month). */
  public static final String AUDIT_MAILING = "library_mailing";

  /** The longest address accepted (RFC 5321's path limit, and the table's). */
  public static final int MAX_EMAIL = 254;

  /** What a token in a link looks like: 32 bytes, base64url without padding. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private static final String FOOTER =
      "\n\n--\nThis is an automatic email from Observatory, the learning library of the Child"
          + " Safeguarding Practice Review Panel. Replies are not read.";

  /** An address that cannot be an email address: what is wrong, for the form's field. */
  public static class InvalidEmailException extends RuntimeException {
    public InvalidEmailException(String message) {
      super(message);
    }
  }

  private final SubscriberStore store;
  private final PublicReads publicReads;
  private final Outbox outbox;
  private final AuditLog audit;
  private final ReferenceData reference;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final SubscriberLinks links;
  private final SecureRandom random = new SecureRandom();

  public LibrarySubscriptions(
      SubscriberStore store,
      PublicReads publicReads,
      Outbox outbox,
      AuditLog audit,
      ReferenceData reference,
      Clock clock,
      PlatformTransactionManager transactions,
      SubscriberLinks links) {
    this.store = store;
    this.publicReads = publicReads;
    this.outbox = outbox;
    this.audit = audit;
    this.reference = reference;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.links = links;
  }

  /**
   * The address as given, stripped, if it can be an email address; else {@link
   * InvalidEmailException} saying what is wrong (GOV.UK's words).
   */
  public static String checkEmail(String email) {
    String e = email == null ? "" : email.strip();
    if (e.isEmpty()) {
      throw new InvalidEmailException("Enter your email address");
    }
    if (e.length() > MAX_EMAIL) {
      throw new InvalidEmailException(
          "Email address must be " + MAX_EMAIL + " characters or fewer");
    }
    if (!EMAIL.matcher(e).matches()) {
      throw new InvalidEmailException(
          "Enter an email address in the correct format, like name@example.com");
    }
    return e;
  }

  /** Asks for the email: queues the confirmation email (nothing is said of whether one exists). */
  public void subscribe(String email) {
    String address = checkEmail(email);
    tx.executeWithoutResult(
        status -> {
          String today = LocalDate.now(clock.withZone(ENGLAND)).toString();
          String token = newToken();
          Optional<Long> added = store.insertPending(address, sha256(token), clock.instant());
          if (added.isPresent()) {
            outbox.queue(
                "library-confirm:" + added.get() + ":" + today,
                address,
                CONFIRM_SUBJECT,
                confirmBody(token));
            audit.record(
                AuditEvent.of(
                        Actors.anonymous(null),
                        AuditAction.CREATED,
                        AUDIT_SUBSCRIBER,
                        String.valueOf(added.get()))
                    .withDetails("asked for the learning library's monthly email"));
            return;
          }
          Subscriber s = store.lockByEmail(address).orElseThrow();
          boolean queued;
          if ("CONFIRMED".equals(s.status())) {
            queued =
                outbox.queue(
                    "library-already:" + s.id() + ":" + today,
                    s.email(),
                    "You already get the learning library's monthly email",
                    alreadyBody(token),
                    unsubscribeUrl(token));
          } else {
            queued =
                outbox.queue(
                    "library-confirm:" + s.id() + ":" + today,
                    s.email(),
                    CONFIRM_SUBJECT,
                    confirmBody(token));
            if (queued) {
              store.resubscribe(s.id());
            }
          }
          // The token changes only when an email carries the new one: at most one a day.
          if (queued) {
            store.setToken(s.id(), sha256(token), clock.instant());
            audit.record(
                AuditEvent.of(
                        Actors.anonymous(null),
                        AuditAction.UPDATED,
                        AUDIT_SUBSCRIBER,
                        String.valueOf(s.id()))
                    .withDetails("asked again for the learning library's monthly email"));
          }
        });
  }

  /** Follows the confirmation link's token: true when it confirmed a subscription. */
  public boolean confirm(String token) {
    if (!validToken(token)) {
      return false;
    }
    Boolean done =
        tx.execute(
            status -> {
              Optional<Subscriber> s = store.lockByToken(sha256(token));
              if (s.isEmpty() || "UNSUBSCRIBED".equals(s.get().status())) {
                return false;
              }
              if ("PENDING".equals(s.get().status())) {
                store.confirm(s.get().id(), clock.instant());
                audit.record(
                    AuditEvent.of(
                            Actors.anonymous(null),
                            AuditAction.UPDATED,
                            AUDIT_SUBSCRIBER,
                            String.valueOf(s.get().id()))
                        .withDetails("confirmed the learning library's monthly email"));
              }
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /** Follows the unsubscribe link's token: true when it ended a subscription. */
  public boolean unsubscribe(String token) {
    if (!validToken(token)) {
      return false;
    }
    Boolean done =
        tx.execute(
            status -> {
              Optional<Subscriber> s = store.lockByToken(sha256(token));
              if (s.isEmpty()) {
                return false;
              }
              if (!"UNSUBSCRIBED".equals(s.get().status())) {
                store.unsubscribe(s.get().id(), clock.instant());
                audit.record(
                    AuditEvent.of(
                            Actors.anonymous(null),
                            AuditAction.UPDATED,
                            AUDIT_SUBSCRIBER,
                            String.valueOf(s.get().id()))
                        .withDetails("unsubscribed from the learning library's monthly email"));
              }
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /**
   * Queues the month's email to every confirmed subscriber, once: how many were queued. The month
   * is claimed first (whatever the number of instances, one claims it); a month in which nothing
   * was published is claimed and sends nothing. The documents are those made public in the month
   * (England's time) and still published, read as the public reads them.
   */
  public int sendMonthly(YearMonth month) {
    java.time.Instant from = month.atDay(1).atStartOfDay(ENGLAND).toInstant();
    java.time.Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ENGLAND).toInstant();
    // Read first, in the public role's own read-only transaction; the claim and the emails after.
    List<MonthDocument> documents = SubscriberStore.publishedBetween(publicReads, from, to);
    Integer queued =
        tx.execute(
            status -> {
              if (!store.claimMonth(month.atDay(1), documents.size(), clock.instant())) {
                return 0;
              }
              int n = 0;
              if (!documents.isEmpty()) {
                String subject = "New in the learning library: " + MONTH.format(month);
                for (Subscriber s : store.lockConfirmed()) {
                  String token = newToken();
                  if (outbox.queue(
                      "library-monthly:" + month + ":" + s.id(),
                      s.email(),
                      subject,
                      monthlyBody(month, documents, token),
                      unsubscribeUrl(token))) {
                    store.setToken(s.id(), sha256(token), clock.instant());
                    n++;
                  }
                }
              }
              store.recordRecipients(month.atDay(1), n);
              audit.record(
                  AuditEvent.of(Actors.SYSTEM, AuditAction.CREATED, AUDIT_MAILING, month.toString())
                      .withDetails(
                          "the monthly email of "
                              + documents.size()
                              + " new documents, queued for "
                              + n
                              + " subscribers"));
              return n;
            });
    return queued == null ? 0 : queued;
  }

  /** The address of a subscriber's unsubscribe page (and of its one-click POST). */
  public String unsubscribeUrl(String token) {
    return links.baseUrl() + "/learning/unsubscribe/" + token;
  }

  private static final String CONFIRM_SUBJECT =
      "Confirm your subscription to the learning library's monthly email";

  private String confirmBody(String token) {
    return "Someone, probably you, asked for a monthly email of the documents newly published in"
        + " the learning library (local and national child safeguarding practice reviews, thematic"
        + " analyses and briefings).\n\nTo start getting it, open this link and press"
        + " \"Confirm\":\n"
        + links.baseUrl()
        + "/learning/subscribe/confirm?token="
        + token
        + "\n\nIf you did not ask for it, ignore this email: nothing more will be sent to you."
        + FOOTER;
  }

  private String alreadyBody(String token) {
    return "Someone, probably you, asked for the learning library's monthly email at this"
        + " address. It already gets it: there is nothing more to do.\n\nTo stop getting it,"
        + " open this link:\n"
        + unsubscribeUrl(token)
        + FOOTER;
  }

  private String monthlyBody(YearMonth month, List<MonthDocument> documents, String token) {
    String baseUrl = links.baseUrl();
    StringBuilder b = new StringBuilder();
    b.append(documents.size() == 1 ? "1 document was" : documents.size() + " documents were")
        .append(" published in the learning library in ")
        .append(MONTH.format(month))
        .append(":\n");
    for (MonthDocument d : documents) {
      b.append("\n").append(d.title()).append("\n").append(typeLabel(d.type()));
      if (d.laCode() != null) {
        b.append(", ")
            .append(
                reference.localAuthority(d.laCode()).map(LocalAuthority::name).orElse(d.laCode()));
      }
      b.append(", published ").append(DATE.format(d.publishedOn())).append("\n");
      b.append(baseUrl).append("/learning/documents/").append(d.id()).append("\n");
    }
    b.append("\nSearch the whole library: ")
        .append(baseUrl)
        .append("/learning\n\nYou get this email because you subscribed to it. To stop getting it,")
        .append(" open this link:\n")
        .append(unsubscribeUrl(token))
        .append(FOOTER);
    return b.toString();
  }

  private static String typeLabel(String code) {
    try {
      return DocumentType.valueOf(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a link's token has the shape of one (anything else is refused before any read). */
  public static boolean validToken(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
