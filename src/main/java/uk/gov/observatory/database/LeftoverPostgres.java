package uk.gov.observatory.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running for a data folder by an Observatory that ended without
 * stopping it ({@code kill -9}, a crash, the power cut off a container's main process...). Called
 * only while holding the folder's {@link DataFolderLock}, so no live Observatory owns that server:
 * it is shut down as PostgreSQL's own {@code pg_ctl stop -m fast} would (SIGINT: open transactions
 * rolled back, a checkpoint written), and the next start finds the data as committed.
 */
final class LeftoverPostgres {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

  private LeftoverPostgres() {}

  /**
   * Stops the PostgreSQL that {@code pgData/postmaster.pid} names, when it is alive and serves this
   * folder; waits for it to exit for at most {@code wait} (then once more after an immediate
   * shutdown). Does nothing when there is no such server.
   */
  static void stopIfRunning(Path pgData, Duration wait) {
    Path pidFile = pgData.resolve("postmaster.pid");
    List<String> lines;
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return; // gone meanwhile, or unreadable: PostgreSQL itself says what is wrong
    }
    if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")) {
      return;
    }
    long pid = Long.parseLong(lines.get(0).strip());
    Optional<ProcessHandle> found = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (found.isEmpty()) {
      return; // a stale pid file: PostgreSQL removes it itself at start
    }
    ProcessHandle process = found.get();
    if (!isPostgres(process) || !sameFolder(Path.of(lines.get(1).strip()), pgData)) {
      // Not a PostgreSQL of this folder (the number was reused, after a restart of the machine):
      // PostgreSQL itself decides what to do with its pid file.
      return;
    }
    log.warn(
        "An embedded PostgreSQL (process {}) was left running for {} by an Observatory that has"
            + " stopped (a crash or kill -9?). Shutting it down before starting again; its data is"
            + " kept and PostgreSQL recovers what was committed.",
        pid,
        pgData);
    signal(process, "INT"); // fast shutdown
    if (exited(process, wait)) {
      return;
    }
    log.warn(
        "PostgreSQL process {} did not stop in {}: asking for an immediate shutdown", pid, wait);
    signal(process, "QUIT"); // immediate shutdown: recovers from its log at the next start
    if (exited(process, wait)) {
      return;
    }
    throw new IllegalStateException(
        "An embedded PostgreSQL (process "
            + pid
            + ") left running for "
            + pgData
            + " by an Observatory that has stopped does not stop: stop it (kill "
            + pid
            + ") and start again.");
  }

  private static boolean isPostgres(ProcessHandle process) {
    ProcessHandle.Info info = process.info();
    String command = info.command().or(info::commandLine).orElse("");
    // Unknown (not readable): the pid file and its data folder are the evidence.
    return command.isEmpty() || command.endsWith("/postgres") || command.contains("/postgres ");
  }

  private static boolean sameFolder(Path named, Path pgData) {
    try {
      return Files.isSameFile(named, pgData);
    } catch (IOException e) {
      return false;
    }
  }

  private static void signal(ProcessHandle process, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // no kill command: SIGTERM below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroy(); // SIGTERM: PostgreSQL's smart shutdown
  }

  private static boolean exited(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return !process.isAlive();
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
