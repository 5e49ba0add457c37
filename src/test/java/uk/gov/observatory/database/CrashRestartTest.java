package uk.gov.observatory.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.observatory.support.ChildProcesses;
import uk.gov.observatory.support.ChildProcesses.Child;
import uk.gov.observatory.support.ChildProcesses.Jvm;

/**
 * {@code serve} killed with {@code kill -9} comes back on the same data folder with no hand work:
 * the embedded PostgreSQL the killed JVM left running is shut down at the next start, and what was
 * committed is there. The server runs as a child process, as a person runs it.
 */
class CrashRestartTest {

  @TempDir Path tmp;

  @RegisterExtension final ChildProcesses children = ChildProcesses.stoppedAtEnd();

  Path data() {
    return tmp.resolve("data");
  }

  /** {@code observatory serve --port P --data-dir D} in a new JVM, this test's classpath. */
  Child serve(int port, String name) throws IOException {
    return children.start(
        name,
        tmp.resolve(name + ".log"),
        Jvm.server()
            // The tests' own configuration (on the classpath) asks for a throw-away database,
            // and .ci/run may give the tests an external one: this is about the embedded one.
            .property("observatory.database.ephemeral", "false")
            .property("spring.datasource.url", "")
            .observatory(
                "serve", "--port", Integer.toString(port), "--data-dir", data().toString()));
  }

  /** Waits until the server answers HTTP; fails with its output if it dies first. */
  static void awaitUp(Child server, int port) throws InterruptedException {
    server.awaitHttp(port, "/sign-in", status -> status < 500, Duration.ofSeconds(180));
  }

  /** The application's connection to the embedded database, with the data folder's password. */
  Connection connectAsApplication() throws IOException, SQLException {
    List<String> pid = Files.readAllLines(data().resolve("postgres/postmaster.pid"));
    Properties passwords = new Properties();
    try (var in = Files.newBufferedReader(data().resolve(DatabasePasswords.FILE_NAME))) {
      passwords.load(in);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
        EmbeddedDatabase.APPLICATION_ROLE,
        passwords.getProperty(EmbeddedDatabase.APPLICATION_ROLE));
  }

  Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = data().resolve("postgres/postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
  }

  @AfterEach
  void stopEverything() throws Exception {
    // The servers first (SIGTERM: Spring stops PostgreSQL), then any PostgreSQL still left, so
    // that nothing outlives the test.
    children.close();
    Optional<ProcessHandle> left = postmaster();
    if (left.isPresent()) {
      new ProcessBuilder("kill", "-INT", Long.toString(left.get().pid())).start().waitFor();
      try {
        left.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        left.get().destroyForcibly();
      }
    }
  }

  @Test
  @DisplayName(
      "serve killed with kill -9 starts again on the same data folder, and the committed notification is there")
  void comesBackAfterKill9() throws Exception {
    int port = ChildProcesses.freePort();
    Child first = serve(port, "first");
    awaitUp(first, port);
    ProcessHandle postgres = postmaster().orElseThrow();

    try (Connection c = connectAsApplication();
        Statement s = c.createStatement()) {
      // Committed (autocommit) before the kill.
      s.executeUpdate(
          "insert into notification (notification_ref, la_code, incident_date, aware_date,"
              + " notified_date, notification_type, death_category, csc_involvement,"
              + " court_order, living_arrangement, recorded_at) values ('SIN-2020-CRASH1',"
              + " 'E09000033', '2020-06-01', '2020-06-02', '2020-06-05', 'DEATH', 'SUDI',"
              + " 'NONE', 'NONE', 'AT_HOME', now())");
    }

    first.kill9(); // no shutdown hook runs
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);
    assertThat(postgres.isAlive()).as("the embedded PostgreSQL is left running").isTrue();

    int again = ChildProcesses.freePort();
    Child second = serve(again, "second");
    awaitUp(second, again);
    assertThat(postgres.isAlive()).as("the one left running was shut down").isFalse();
    assertThat(second.log()).contains("was left running");

    try (Connection c = connectAsApplication();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select la_code from notification where notification_ref = 'SIN-2020-CRASH1'")) {
      assertThat(rs.next()).as("the committed notification is there").isTrue();
      assertThat(rs.getString(1)).isEqualTo("E09000033");
    }
  }

  @Test
  @DisplayName("a second serve on a data folder a running one uses is refused with a clear message")
  void refusedWhileInUse() throws Exception {
    int port = ChildProcesses.freePort();
    Child first = serve(port, "first");
    awaitUp(first, port);
    ProcessHandle postgres = postmaster().orElseThrow();

    Child second = serve(ChildProcesses.freePort(), "second");
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second gives up").isTrue();
    assertThat(second.exitValue()).isNotZero();
    assertThat(second.log())
        .contains("is in use by another Observatory that is running (process " + first.pid() + ")");
    assertThat(postgres.isAlive()).as("the running one's database is left alone").isTrue();
    assertThat(first.isAlive()).isTrue();
  }
}
