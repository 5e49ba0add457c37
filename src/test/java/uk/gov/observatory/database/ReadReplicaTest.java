package uk.gov.observatory.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.Analytics;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.LibrarySearch;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.library.SearchHit;
import uk.gov.observatory.library.SearchRequest;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.support.TestPdfs;

/**
 * The read replica on a real PostgreSQL physical standby: a primary (zonky) streaming its WAL to a
 * standby made from a copy of its data folder, the application on the primary with the standby as
 * {@code observatory.read-replica-url}. With the standby's replay paused, a new notification is in
 * the register at once while the analytics figures still count the old number (and a newly
 * published library document is not yet found by the public search); replay resumed, they show it.
 */
class ReadReplicaTest {

  static final Duration CATCH_UP = Duration.ofSeconds(20);
  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);

  @TempDir static Path folder;

  static EmbeddedPostgres primary;
  static EmbeddedPostgres standby;
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void primaryStandbyAndApplication() throws Exception {
    Path primaryData = folder.resolve("primary");
    Path standbyData = folder.resolve("standby");
    int primaryPort = freePort();
    // Made once and stopped: its folder, copied while it is stopped, is a valid base backup.
    primary = primary(primaryData, primaryPort);
    primary.close();
    copy(primaryData, standbyData);
    Files.setPosixFilePermissions(standbyData, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(standbyData.resolve("standby.signal"), "");
    Files.writeString(
        standbyData.resolve("postgresql.auto.conf"),
        "\nprimary_conninfo = 'host=localhost port=" + primaryPort + " user=postgres'\n",
        StandardOpenOption.APPEND);
    primary = primary(primaryData, primaryPort);
    standby =
        EmbeddedPostgres.builder()
            .setDataDirectory(standbyData)
            .setCleanDataDirectory(false)
            .setServerConfig("hot_standby", "on")
            .start();
    assertThat(query(standby, "select pg_is_in_recovery()::text")).isEqualTo("true");

    app =
        new SpringApplicationBuilder(ObservatoryApplication.class, TestClock.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.datasource.url=" + url(primary),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--observatory.read-replica-url=" + url(standby),
                "--observatory.read-replica.pool-size=3",
                "--observatory.reminders.enabled=false",
                // the read model caught up by the test, when it says (not every few seconds)
                "--observatory.report.catch-up.enabled=false",
                "--spring.main.log-startup-info=false");
    caughtUp(); // the migrations, replayed on the standby
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) {
      app.close();
    }
    if (standby != null) {
      standby.close();
    }
    if (primary != null) {
      primary.close();
    }
  }

  @Test
  @DisplayName(
      "replay paused: the register shows a new notification at once, the analytics figures (and the"
          + " public library search) still the old; replay resumed: the new")
  void analyticsAndPublicSearchReadTheStandby() throws Exception {
    ReadDatabase read = app.getBean(ReadDatabase.class);
    assertThat(read.replica()).isTrue();
    assertThat(read.jdbc().queryForObject("select pg_is_in_recovery()", Boolean.class))
        .as("the read database is the standby")
        .isTrue();

    NotificationRegister register = app.getBean(NotificationRegister.class);
    Analytics analytics = app.getBean(Analytics.class);
    Reports reports = app.getBean(Reports.class);
    LibrarySearch library = app.getBean(LibrarySearch.class);
    Viewer panel = Viewer.system("replica.test");

    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 3, 2), 2, 1));
    // The primary's read model catches up (every report there does, and a job every few seconds);
    // the standby replays it.
    assertThat(reports.catchUp()).isEqualTo(1);
    caughtUp();
    assertThat(analytics.headline(FROM, TO, null, panel).notifications()).isEqualTo(1);

    replay("pause");
    String second =
        register
            .notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 9), 3, 2))
            .ref();
    long published = publishBriefing(app.getBean(LibraryDocuments.class), panel);

    // The register (the primary) has it at once.
    assertThat(register.find(second)).isPresent();
    assertThat(register.count()).isEqualTo(2);
    assertThat(reports.version())
        .as("the primary's report version has moved on")
        .isGreaterThan(reports.mayLag().version());
    // The analytics pages' figures (the standby) do not, yet; nor does the public search.
    var lagging = analytics.headline(FROM, TO, null, panel);
    assertThat(lagging.notifications()).isEqualTo(1);
    assertThat(lagging.children()).isEqualTo(1);
    assertThat(library.searchPublished(SearchRequest.of("bathing")).hits()).isEmpty();
    // Staff's own search reads the primary: the document they just published is there.
    assertThat(ids(library.search(SearchRequest.of("bathing"), panel))).containsExactly(published);
    // Asked again while paused: the same answer, from the cache (the standby's version).
    long computed = reports.computed();
    assertThat(analytics.headline(FROM, TO, null, panel).notifications()).isEqualTo(1);
    assertThat(reports.computed()).isEqualTo(computed);

    replay("resume");
    caughtUp();
    var current = analytics.headline(FROM, TO, null, panel);
    assertThat(current.notifications()).isEqualTo(2);
    assertThat(current.seriousHarm()).isEqualTo(1);
    assertThat(current.children()).isEqualTo(3);
    assertThat(reports.mayLag().version()).isEqualTo(reports.version());
    assertThat(ids(library.searchPublished(SearchRequest.of("bathing"))))
        .containsExactly(published);
  }

  /** A briefing published to the learning library, as the secretariat does. */
  private static long publishBriefing(LibraryDocuments documents, Viewer secretariat) {
    LibraryDocument added =
        documents.add(
            new NewDocument(
                new DocumentDetails(
                    DocumentType.BRIEFING,
                    "Safer bathing",
                    LocalDate.of(2020, 11, 2),
                    null,
                    null,
                    null,
                    null,
                    List.of("CRITICAL_THINKING"),
                    null,
                    "A briefing for health visitors.",
                    null,
                    null),
                null,
                null,
                new PdfFile("report.pdf", TestPdfs.of("Supervision while bathing a baby."))),
            secretariat);
    documents.publish(added.id(), null, secretariat);
    return added.id();
  }

  private static Set<Long> ids(uk.gov.observatory.library.SearchResults results) {
    return Set.copyOf(results.hits().stream().map(SearchHit::id).toList());
  }

  /** Pauses or resumes the standby's replay of the primary's WAL, and waits until it has. */
  private static void replay(String what) throws Exception {
    query(standby, "select pg_wal_replay_" + what + "()::text");
    String state = what.equals("pause") ? "paused" : "not paused";
    long until = System.nanoTime() + CATCH_UP.toNanos();
    while (!query(standby, "select pg_get_wal_replay_pause_state()").equals(state)) {
      assertThat(System.nanoTime()).as("replay " + state).isLessThan(until);
      Thread.sleep(20);
    }
  }

  /** Waits until the standby has replayed everything the primary has written so far. */
  private static void caughtUp() throws Exception {
    String lsn = query(primary, "select pg_current_wal_lsn()::text");
    long until = System.nanoTime() + CATCH_UP.toNanos();
    while (!query(standby, "select (pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn)::text")
        .equals("true")) {
      assertThat(System.nanoTime()).as("the standby caught up with " + lsn).isLessThan(until);
      Thread.sleep(20);
    }
  }

  private static EmbeddedPostgres primary(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("wal_level", "replica")
        .setServerConfig("max_wal_senders", "4")
        .setServerConfig("hot_standby", "on")
        .start();
  }

  private static String url(EmbeddedPostgres pg) {
    return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
  }

  private static String query(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(pg), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Copies a stopped server's data folder, without the lock files of the server that made it. */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        String name = p.getFileName().toString();
        if (name.equals("postmaster.pid") || name.equals("epg-lock")) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
