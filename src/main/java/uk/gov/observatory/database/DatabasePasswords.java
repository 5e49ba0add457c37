package uk.gov.observatory.database;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generated passwords of the embedded PostgreSQL's two roles: its superuser ({@code postgres},
 * who owns the tables and runs the migrations) and the application's role ({@code
 * observatory_app}). Kept in {@code <data-dir>/database-passwords} (mode 600), or only in memory
 * for a throw-away database.
 */
record DatabasePasswords(String owner, String application) {

  static final String FILE_NAME = "database-passwords";

  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{20,}");

  DatabasePasswords {
    // Only these characters: each password goes into SQL text and into initdb's password file.
    if (!SAFE.matcher(owner).matches() || !SAFE.matcher(application).matches()) {
      throw new IllegalStateException(
          "a database password is not of letters, digits, '-' and '_' (20 or more)");
    }
  }

  /** Two new random passwords. */
  static DatabasePasswords generate() {
    return new DatabasePasswords(random(), random());
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the file exists. */
  static boolean exist(Path file) {
    return Files.exists(file);
  }

  /** Reads the file. */
  static DatabasePasswords read(Path file) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    String owner = p.getProperty("postgres");
    String app = p.getProperty(EmbeddedDatabase.APPLICATION_ROLE);
    if (owner == null || app == null) {
      throw new IllegalStateException(
          file
              + " must hold the two passwords, postgres=... and "
              + EmbeddedDatabase.APPLICATION_ROLE
              + "=...");
    }
    return new DatabasePasswords(owner.strip(), app.strip());
  }

  /** Writes the file readable by this user only, in full or not at all. */
  void write(Path file) throws IOException {
    String text =
        "# Observatory: the passwords of the embedded PostgreSQL's roles, generated at its first\n"
            + "# start. Readable by this user only; keep it with the data folder.\n"
            + "postgres="
            + owner
            + "\n"
            + EmbeddedDatabase.APPLICATION_ROLE
            + "="
            + application
            + "\n";
    Path tmp = ownerOnlyTempFile(file.getParent(), FILE_NAME + ".");
    try {
      Files.writeString(tmp, text, StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A new, empty file in {@code folder} that only this user can read (mode 600). */
  static Path ownerOnlyTempFile(Path folder, String prefix) throws IOException {
    return Files.createTempFile(
        folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
  }

  @Override
  public String toString() {
    return "DatabasePasswords[hidden]";
  }
}
