package uk.gov.observatory.protection.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import uk.gov.observatory.protection.IdentifyingDetails;

/**
 * Where the keys for identifying details come from.
 *
 * <ul>
 *   <li>{@code observatory.keys.current=<id>}: the key that seals;
 *   <li>{@code observatory.keys.<id>=<base64 of 32 bytes>}: a key (several may be given);
 *   <li>{@code observatory.keys.file=<path>}: a file of {@code <id>=<base64>} lines ({@code #}
 *       comments allowed), read as well.
 * </ul>
 *
 * In production mode (Spring profile {@code production} or {@code observatory.mode=production}) a
 * missing current key stops the start. Otherwise a local key is generated once in {@code
 * <data-dir>/keys/identifying.key} (mode 600, folder 700), with a warning, and reused after.
 */
final class IdentifyingKeys {

  private static final Logger log = LoggerFactory.getLogger(IdentifyingKeys.class);

  static final String CURRENT = "observatory.keys.current";
  static final String FILE = "observatory.keys.file";
  static final String LOCAL_KEY_ID = "local";
  static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private IdentifyingKeys() {}

  /** True in production mode. */
  static boolean production(Environment env) {
    return env.acceptsProfiles(Profiles.of("production"))
        || "production".equalsIgnoreCase(env.getProperty("observatory.mode", "").strip());
  }

  /** The service, with the keys the configuration gives (or the local key, outside production). */
  static IdentifyingDetails load(Environment env) {
    Map<String, SecretKey> keys = new TreeMap<>();
    Map<String, String> properties =
        Binder.get(env)
            .bind("observatory.keys", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    for (Map.Entry<String, String> p : properties.entrySet()) {
      String id = p.getKey();
      if (id.equals("current") || id.equals("file") || p.getValue() == null) {
        continue;
      }
      if (p.getValue().isBlank()) {
        continue;
      }
      add(keys, id, decode(p.getValue(), "observatory.keys." + id), "observatory.keys." + id);
    }
    String file = env.getProperty(FILE, "").strip();
    if (!file.isEmpty()) {
      readKeyFile(Path.of(file), keys, FILE + " (" + file + ")");
    }
    String current = env.getProperty(CURRENT, "").strip();
    if (current.isEmpty()) {
      if (production(env)) {
        throw new IllegalStateException(
            "Observatory is in production mode and no key for identifying details is configured:"
                + " set "
                + CURRENT
                + "=<id> and give that key as observatory.keys.<id>=<base64 of 32 random bytes>"
                + " or as a line <id>=<base64> in the file named by "
                + FILE
                + " (make a key with: openssl rand -base64 32)");
      }
      Path dataDir = Path.of(env.getProperty("observatory.data-dir", "./data"));
      Path keyFile =
          dataDir.toAbsolutePath().normalize().resolve("keys").resolve("identifying.key");
      Map<String, SecretKey> local = new TreeMap<>();
      localKey(keyFile, local);
      for (Map.Entry<String, SecretKey> k : local.entrySet()) {
        add(keys, k.getKey(), k.getValue().getEncoded(), keyFile.toString());
        current = k.getKey();
      }
    } else if (!keys.containsKey(current)) {
      throw new IllegalStateException(
          CURRENT
              + " names key '"
              + current
              + "', which is not configured: give it as observatory.keys."
              + current
              + "=<base64 of 32 bytes> or as a line in the file named by "
              + FILE);
    }
    return new IdentifyingDetails(current, keys);
  }

  /** Reads the local key, generating it first when there is none. */
  static void localKey(Path keyFile, Map<String, SecretKey> keys) {
    try {
      if (!Files.exists(keyFile)) {
        generate(keyFile);
        log.warn(
            "No key for identifying details is configured ({} is not set), so a local key was"
                + " generated in {} (readable by this user only). Keep it with the data: without"
                + " it children's names and dates of birth cannot be read. In production configure"
                + " a key instead.",
            CURRENT,
            keyFile);
      } else {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
        if (!OWNER_READ_WRITE.containsAll(perms)) {
          log.warn(
              "The local key file {} can be read by others ({}): chmod 600 it",
              keyFile,
              PosixFilePermissions.toString(perms));
        }
      }
      readKeyFile(keyFile, keys, keyFile.toString());
      if (keys.size() != 1) {
        throw new IllegalStateException("the local key file " + keyFile + " must hold one key");
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read or create the local key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static void generate(Path keyFile) throws IOException {
    Path folder = keyFile.getParent();
    Files.createDirectories(folder.getParent());
    if (!Files.isDirectory(folder)) {
      Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
    }
    Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String text =
        "# Observatory: local key for identifying details, generated because none was configured.\n"
            + "# Same format as observatory.keys.file: <id>=<base64 of 32 bytes>.\n"
            + LOCAL_KEY_ID
            + "="
            + Base64.getEncoder().encodeToString(key)
            + "\n";
    // Written in full under another name first, so a crash never leaves half a key.
    Path tmp =
        Files.createTempFile(
            folder,
            "identifying.key.",
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    try {
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(tmp, OWNER_READ_WRITE);
      try {
        Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, keyFile);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads {@code <id>=<base64>} lines; errors name the line, never the key. */
  static void readKeyFile(Path file, Map<String, SecretKey> keys, String source) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the key file of " + source + ": " + e, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String where = source + " line " + (i + 1);
      if (eq <= 0) {
        throw new IllegalStateException(where + " is not <id>=<base64 of 32 bytes>");
      }
      String id = line.substring(0, eq).strip();
      add(keys, id, decode(line.substring(eq + 1).strip(), where), where);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": the key is not valid base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          where
              + ": the key is "
              + bytes.length
              + " bytes; AES-256 needs 32 (openssl rand -base64 32)");
    }
    return bytes;
  }

  private static void add(Map<String, SecretKey> keys, String id, byte[] bytes, String where) {
    if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalStateException(
          where + ": a key id may hold only letters, digits, '.', '_' and '-' (at most 64)");
    }
    SecretKey key = IdentifyingDetails.aesKey(bytes);
    SecretKey earlier = keys.putIfAbsent(id, key);
    if (earlier != null && !java.util.Arrays.equals(earlier.getEncoded(), bytes)) {
      throw new IllegalStateException(
          where + ": key '" + id + "' is configured twice, differently");
    }
  }
}
