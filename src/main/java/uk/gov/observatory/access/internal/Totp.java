package uk.gov.observatory.access.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30-second steps, the settings every
 * authenticator app understands), through {@code dev.samstevens.totp}.
 */
public final class Totp {

  public static final int PERIOD_SECONDS = 30;
  public static final int DIGITS = 6;
  public static final String ISSUER = "Observatory";

  private static final DefaultSecretGenerator SECRETS = new DefaultSecretGenerator(32);
  private static final DefaultCodeGenerator CODES =
      new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
  private static final RecoveryCodeGenerator RECOVERY = new RecoveryCodeGenerator();

  private Totp() {}

  /** A new random secret: 32 Base32 characters (160 bits). */
  public static String newSecret() {
    return SECRETS.generate();
  }

  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
  }

  /** The code for a time step. */
  public static String code(String secret, long step) {
    try {
      return CODES.generate(secret, step);
    } catch (CodeGenerationException e) {
      throw new IllegalStateException("cannot compute a TOTP code", e);
    }
  }

  /** The step, within one step either side of {@code now}, whose code this is. */
  public static OptionalLong matchingStep(String secret, String code, Instant now) {
    if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    for (long s = current - 1; s <= current + 1; s++) {
      // Every step is compared, in constant time, so timing does not tell which one matched.
      if (MessageDigest.isEqual(
          code(secret, s).getBytes(StandardCharsets.US_ASCII),
          code.getBytes(StandardCharsets.US_ASCII))) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  public static QrData qrData(String secret, String username) {
    return new QrData.Builder()
        .label(ISSUER + ":" + username)
        .secret(secret)
        .issuer(ISSUER)
        .algorithm(HashingAlgorithm.SHA1)
        .digits(DIGITS)
        .period(PERIOD_SECONDS)
        .build();
  }

  public static byte[] qrPng(String secret, String username) {
    try {
      ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
      generator.setImageSize(300);
      return generator.generate(qrData(secret, username));
    } catch (QrGenerationException e) {
      throw new IllegalStateException("cannot draw the enrolment QR code", e);
    }
  }

  /** Ten recovery codes such as {@code 4xqd-9k2m-hv7c-pz3w}. */
  public static List<String> newRecoveryCodes(int count) {
    return List.of(RECOVERY.generateCodes(count));
  }

  /** A recovery code as typed, without case, spaces or hyphens, for hashing. */
  public static String normaliseRecoveryCode(String code) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
  }
}
