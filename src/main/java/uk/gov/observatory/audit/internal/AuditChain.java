package uk.gov.observatory.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain: {@code entry_hash = SHA-256(canonical form)} in lower-case hex, where the
 * canonical form is {@code audit-entry-v1} followed by, for each of id, recorded_at, actor, action,
 * record_type, record_ref, before_state, after_state, details and previous_hash, a newline and
 * either {@code -} (null) or {@code <UTF-8 byte length>:<value>}. The length prefix makes the form
 * unambiguous whatever the values hold. recorded_at is UTC with exactly six fraction digits
 * (PostgreSQL keeps microseconds), e.g. {@code 2026-11-26T12:00:00.000000Z}.
 */
public final class AuditChain {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditChain() {}

  /** What the database can hold: an instant cut to microseconds. */
  public static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  public static String hash(
      long id,
      Instant recordedAt,
      String actor,
      String action,
      String recordType,
      String recordRef,
      String before,
      String after,
      String details,
      String previousHash) {
    StringBuilder form = new StringBuilder("audit-entry-v1");
    field(form, Long.toString(id));
    field(form, MICROS.format(micros(recordedAt)));
    field(form, actor);
    field(form, action);
    field(form, recordType);
    field(form, recordRef);
    field(form, before);
    field(form, after);
    field(form, details);
    field(form, previousHash);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(form.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void field(StringBuilder form, String value) {
    form.append('\n');
    if (value == null) {
      form.append('-');
    } else {
      form.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }
  }
}
