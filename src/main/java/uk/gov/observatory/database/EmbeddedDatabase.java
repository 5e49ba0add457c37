package uk.gov.observatory.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (zonky) of a data folder, closed to everyone but this application:
 *
 * <ul>
 *   <li>It listens only on the loopback interface (no Unix socket), and every connection must give
 *       a password (SCRAM): {@code pg_hba.conf} has no {@code trust} line. The passwords are
 *       generated at the first start and kept in {@code <data-dir>/database-passwords} (mode 600).
 *       A new folder is made with them ({@code initdb --auth=scram-sha-256 --pwfile}), so there is
 *       never a moment without them; a folder made by an earlier version (trust) is closed in place
 *       at its first start with this one.
 *   <li>The application connects as {@code observatory_app}, which is not a superuser and owns
 *       nothing; the superuser {@code postgres} owns the tables and runs the migrations ({@link
 *       ApplicationRoleGrants} gives the application its rights after every migration).
 *   <li>A server left running by an Observatory that was killed is shut down at the next start
 *       ({@link LeftoverPostgres}); the folder's {@link DataFolderLock} tells such a leftover from
 *       the server of an Observatory that is still running, which is refused.
 * </ul>
 */
final class EmbeddedDatabase implements Closeable {

  static final String APPLICATION_ROLE = "observatory_app";
  static final String DATABASE = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** How long a leftover server may take to stop (per signal). */
  private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

  /** PostgreSQL's own lock file of earlier versions of Observatory (zonky's, in the folder). */
  private static final String EARLIER_LOCK_FILE = "epg-lock";

  /** Authentication methods that ask for the password; any other line is rewritten. */
  private static final Set<String> PASSWORD_METHODS = Set.of("scram-sha-256", "reject");

  private static final Pattern HBA_LINE = Pattern.compile("^\\s*(local|host\\S*)\\s.*");

  static final String HBA =
      """
      # Written by Observatory: connections only from this machine, and only with a password
      # (SCRAM). The passwords are in ../database-passwords (readable by its owner only).
      # TYPE  DATABASE  USER  ADDRESS        METHOD
      local   all       all                  scram-sha-256
      host    all       all   127.0.0.1/32   scram-sha-256
      host    all       all   ::1/128        scram-sha-256
      """;

  /**
   * Where the running server tells commands how to reach its database: {@code
   * <data-dir>/database-port} (mode 600), holding its port; removed when it stops. With the
   * passwords file beside it, a command run while the server runs connects to the server's database
   * instead of starting another ({@link #attach}).
   */
  static final String PORT_FILE = "database-port";

  private final EmbeddedPostgres postgres;
  private final DatabasePasswords passwords;
  private final DataFolderLock lock;
  private final int port;
  private final Path portFile;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, DatabasePasswords passwords, DataFolderLock lock) {
    this(postgres, passwords, lock, postgres.getPort(), null);
  }

  private EmbeddedDatabase(
      EmbeddedPostgres postgres,
      DatabasePasswords passwords,
      DataFolderLock lock,
      int port,
      Path portFile) {
    this.postgres = postgres;
    this.passwords = passwords;
    this.lock = lock;
    this.port = port;
    this.portFile = portFile;
  }

  /**
   * Connects to the database of the Observatory running on this data folder (it holds the folder's
   * lock), for a command run while the server runs: through the port the server wrote to {@link
   * #PORT_FILE}, with the passwords of the folder. Nothing is started and nothing is stopped.
   */
  static EmbeddedDatabase attach(Path dataDir) throws IOException {
    Path file = dataDir.resolve(PORT_FILE);
    Path passwordFile = dataDir.resolve(DatabasePasswords.FILE_NAME);
    if (!Files.exists(file) || !DatabasePasswords.exist(passwordFile)) {
      throw new DataFolderLock.DataFolderInUseException(
          "The data folder "
              + dataDir
              + " is in use by an Observatory that is still starting: try again in a minute.");
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!text.matches("[0-9]{1,5}")) {
      throw new IllegalStateException(file + " does not hold a port number");
    }
    EmbeddedDatabase db =
        new EmbeddedDatabase(
            null, DatabasePasswords.read(passwordFile), null, Integer.parseInt(text), null);
    try (Connection c = db.connect(APPLICATION_ROLE, db.passwords.application())) {
      log.info("Using the database of the Observatory running on {}", dataDir);
    } catch (SQLException e) {
      throw new DataFolderLock.DataFolderInUseException(
          "The data folder "
              + dataDir
              + " is in use by a running Observatory whose database cannot be reached ("
              + e.getMessage()
              + "): stop it first, or try again in a minute.");
    }
    return db;
  }

  /** Writes the port for commands run while this server runs (see {@link #PORT_FILE}). */
  private EmbeddedDatabase announced(Path dataDir) throws IOException {
    Path file = dataDir.resolve(PORT_FILE);
    Path tmp = DatabasePasswords.ownerOnlyTempFile(dataDir, PORT_FILE + ".");
    try {
      Files.writeString(tmp, port + "\n", StandardCharsets.US_ASCII);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new EmbeddedDatabase(postgres, passwords, lock, port, file);
  }

  /** Starts the database kept in {@code <dataDir>/postgres}. */
  static EmbeddedDatabase start(Path dataDir) throws IOException {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    DataFolderLock lock = DataFolderLock.take(dataDir);
    try {
      if (DataFolderLock.heldByAnother(pgData.resolve(EARLIER_LOCK_FILE))) {
        throw new DataFolderLock.DataFolderInUseException(
            "The data folder "
                + dataDir
                + " is in use by another Observatory that is running: stop that one first, or"
                + " choose another folder with --data-dir.");
      }
      LeftoverPostgres.stopIfRunning(pgData, LEFTOVER_STOP_WAIT);
      Path passwordFile = dataDir.resolve(DatabasePasswords.FILE_NAME);
      boolean made = Files.exists(pgData.resolve("postgresql.conf"));
      DatabasePasswords passwords;
      if (DatabasePasswords.exist(passwordFile)) {
        passwords = DatabasePasswords.read(passwordFile);
      } else if (made && !trusting(pgData)) {
        throw new IllegalStateException(
            "The passwords of the embedded database in "
                + pgData
                + " are missing: restore "
                + passwordFile
                + " from the backup of this data folder.");
      } else {
        passwords = DatabasePasswords.generate();
        passwords.write(passwordFile);
      }
      EmbeddedPostgres postgres = startPostgres(pgData, false, passwords, dataDir);
      EmbeddedDatabase db = new EmbeddedDatabase(postgres, passwords, lock);
      try {
        db.closeToOthers(pgData);
        db.prepareApplicationRole();
        db = db.announced(dataDir);
      } catch (SQLException e) {
        postgres.close();
        throw new IllegalStateException(
            "cannot prepare the embedded database: " + e.getMessage(), e);
      } catch (IOException | RuntimeException e) {
        postgres.close();
        throw e;
      }
      return db;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Starts a throw-away database in a new temporary folder, removed when it closes. */
  static EmbeddedDatabase startEphemeral() throws IOException {
    Path pgData = Files.createTempDirectory("observatory-pg-");
    DatabasePasswords passwords = DatabasePasswords.generate();
    EmbeddedPostgres postgres = startPostgres(pgData, true, passwords, pgData.getParent());
    EmbeddedDatabase db = new EmbeddedDatabase(postgres, passwords, null);
    try {
      db.prepareApplicationRole();
    } catch (SQLException | RuntimeException e) {
      postgres.close();
      throw new IllegalStateException("cannot prepare the embedded database: " + e.getMessage(), e);
    }
    return db;
  }

  private static EmbeddedPostgres startPostgres(
      Path pgData, boolean ephemeral, DatabasePasswords passwords, Path scratch)
      throws IOException {
    log.info("Starting embedded PostgreSQL with data in {}", pgData);
    // initdb reads the superuser's password from a file: one readable by this user only, removed
    // as soon as the server is up. zonky passes its "locale" settings to initdb as --name=value,
    // after its own "-A trust": so the last word on authentication is ours.
    Path pwfile = DatabasePasswords.ownerOnlyTempFile(scratch, "observatory-pwfile-");
    try {
      Files.writeString(pwfile, passwords.owner() + "\n", StandardCharsets.US_ASCII);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(ephemeral)
              .setLocaleConfig("auth", "scram-sha-256")
              .setLocaleConfig("pwfile", pwfile.toString())
              // Only TCP on the loopback interface: no Unix socket (in /tmp, by default).
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("unix_socket_directories", "''")
              .setServerConfig("password_encryption", "scram-sha-256")
              // The planner's cost of reading a page out of order: PostgreSQL's default (4)
              // assumes a spinning disk. This database sits on the application's own disk and
              // mostly in memory, where an index look-up costs little more than reading in order
              // (PostgreSQL's documentation suggests values near 1 for SSDs): at 4, a page of the
              // register read all 1,264 children to find the 27 of its 25 notifications.
              .setServerConfig("random_page_cost", "1.1")
              // zonky's own check that the server is up connects as postgres: with its password.
              .setConnectConfig("password", passwords.owner())
              // Spring stops the server when the context closes (on exit and on Ctrl-C), after
              // the connection pools: zonky's own shutdown hook would race it.
              .setRegisterShutdownHook(false);
      if (!ephemeral) {
        // zonky starts PostgreSQL tuned for throw-away test databases (fsync and synchronous
        // commit off); data that must survive a crash needs them back on.
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      return builder.start();
    } finally {
      Files.deleteIfExists(pwfile);
    }
  }

  /** Whether pg_hba.conf lets anyone in without the password (a folder of an earlier version). */
  static boolean trusting(Path pgData) throws IOException {
    Path hba = pgData.resolve("pg_hba.conf");
    if (!Files.exists(hba)) {
      return true;
    }
    for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
      String l = line.replaceFirst("#.*", "").strip();
      if (l.isEmpty() || !HBA_LINE.matcher(l).matches()) {
        continue;
      }
      String[] words = l.split("\\s+");
      String method = words[0].equals("local") ? words[3] : words[4];
      if (!PASSWORD_METHODS.contains(method)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A folder made by an earlier version let anyone on the machine in as the superuser (trust):
   * gives the superuser its password and rewrites pg_hba.conf to ask for it.
   */
  private void closeToOthers(Path pgData) throws IOException, SQLException {
    if (!trusting(pgData)) {
      return;
    }
    try (Connection c = connect("postgres", passwords.owner());
        Statement s = c.createStatement()) {
      s.execute("alter role postgres with password '" + passwords.owner() + "'");
      Path hba = pgData.resolve("pg_hba.conf");
      Path tmp = DatabasePasswords.ownerOnlyTempFile(pgData, "pg_hba.conf.");
      try {
        Files.writeString(tmp, HBA, StandardCharsets.US_ASCII);
        Files.move(tmp, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      s.execute("select pg_reload_conf()");
    }
    log.warn(
        "The embedded database in {} accepted connections without a password (made by an earlier"
            + " version): it now asks for one, kept in {}.",
        pgData,
        pgData.resolveSibling(DatabasePasswords.FILE_NAME));
  }

  /**
   * The application's role: a login that is not a superuser and owns nothing, with the password of
   * the data folder. Its rights on the tables come after the migrations ({@link
   * ApplicationRoleGrants}). Nobody but the owner may create objects in the public schema.
   */
  private void prepareApplicationRole() throws SQLException {
    // The reload above may take a moment to reach new connections: retried briefly.
    SQLException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try (Connection c = connect("postgres", passwords.owner());
          Statement s = c.createStatement()) {
        s.execute(
            "do $$ begin if not exists (select from pg_roles where rolname = '"
                + APPLICATION_ROLE
                + "') then create role "
                + APPLICATION_ROLE
                + "; end if; end $$");
        s.execute(
            "alter role "
                + APPLICATION_ROLE
                + " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
                + " password '"
                + passwords.application()
                + "'");
        s.execute("revoke create on schema public from public");
        s.execute("grant usage on schema public to " + APPLICATION_ROLE);
        return;
      } catch (SQLException e) {
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw last;
  }

  private Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  EmbeddedPostgres postgres() {
    return postgres;
  }

  /** The JDBC URL of the server's database, without a user. */
  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  DatabasePasswords passwords() {
    return passwords;
  }

  /** Stops the server, then lets the data folder go. */
  @Override
  public void close() throws IOException {
    if (postgres == null) {
      return; // attached to another Observatory's server: not ours to stop
    }
    try {
      if (portFile != null) {
        Files.deleteIfExists(portFile);
      }
      postgres.close();
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }
}
