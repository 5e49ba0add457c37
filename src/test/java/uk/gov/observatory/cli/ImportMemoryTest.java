package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.observatory.support.ChildProcesses;
import uk.gov.observatory.support.ChildProcesses.Child;
import uk.gov.observatory.support.ChildProcesses.Jvm;
import uk.gov.observatory.support.SyntheticCsv;

/**
 * The import's memory does not grow with the file: the {@code import} command, run in a JVM of its
 * own with a heap far smaller than the files, imports 60,000 notifications (when every row was held
 * in memory, this needed several times the heap given here and ended in OutOfMemoryError).
 */
class ImportMemoryTest {

  static final int NOTIFICATIONS = 60_000;
  static final String HEAP = "64m";

  @TempDir Path tmp;

  @RegisterExtension final ChildProcesses children = ChildProcesses.stoppedAtEnd();

  @Test
  @DisplayName("import of 60,000 notifications succeeds in a JVM with a 64 MB heap")
  void importsInASmallHeap() throws Exception {
    Path in = tmp.resolve("in");
    SyntheticCsv.Files2 set = SyntheticCsv.write(in, NOTIFICATIONS, 6);
    long bytes = Files.size(set.notifications()) + Files.size(set.children());
    assertThat(bytes).isGreaterThan(5_000_000L);

    Child p =
        children.start(
            "import",
            tmp.resolve("import.log"),
            Jvm.plain()
                .heap(HEAP)
                .option("-XX:+ExitOnOutOfMemoryError")
                .observatory(
                    "import", in.toString(), "--data-dir", tmp.resolve("data").toString()));
    boolean ended = p.waitFor(300, TimeUnit.SECONDS);
    if (!ended) {
      p.kill9();
    }
    String output = p.log();
    assertThat(ended).as("the import ended within 300 s:%n%s", output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output)
        .contains(
            String.format(
                "Imported %d notifications with %d children", NOTIFICATIONS, set.childRows()));
  }
}
