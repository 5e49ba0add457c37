package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A read replica option that cannot be used stops {@code serve} with one line naming the option and
 * what is wrong (exit code 2), no stack trace, and never a password given in the URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadReplicaOptionTest {

  static final String OPTION = "observatory.read-replica-url";

  static EmbeddedPostgres primary;

  @BeforeAll
  static void primary() throws Exception {
    primary = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (primary != null) {
      primary.close();
    }
  }

  @Test
  @DisplayName("a URL that is not PostgreSQL's: one line naming the option, exit 2")
  void notPostgres(CapturedOutput output) {
    CommandRun run = serveWithReplica("jdbc:mysql://replica.example/observatory?password=s3cret");
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "error: observatory.read-replica-url must be a PostgreSQL JDBC URL such as"
                + " jdbc:postgresql://replica.example:5432/observatory, not"
                + " 'jdbc:mysql://replica.example/observatory?...'");
    assertThat(output.getAll()).doesNotContain("s3cret").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a replica that cannot be reached: one line naming the option and the address")
  void unreachable(CapturedOutput output) throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "jdbc:postgresql://localhost:" + closed + "/postgres";
    CommandRun run = serveWithReplica(url);
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err().strip())
        .startsWith(
            "error: observatory.read-replica-url: cannot connect to the read replica at " + url)
        .contains("refused");
    assertThat(output.getAll()).doesNotContain("\tat ");
  }

  /** {@code serve} on the primary, the replica's URL given as a system property (as -D does). */
  private static CommandRun serveWithReplica(String replicaUrl) {
    String url = "jdbc:postgresql://localhost:" + primary.getPort() + "/postgres";
    System.setProperty(OPTION, replicaUrl);
    try {
      return CommandRun.of("serve", "--port", "0", "--db-url", url, "--db-user", "postgres");
    } finally {
      System.clearProperty(OPTION);
    }
  }
}
