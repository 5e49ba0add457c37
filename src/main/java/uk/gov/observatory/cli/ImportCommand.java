package uk.gov.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.notification.ImportProblem;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.ImportResult;
import uk.gov.observatory.notification.NotificationCsv;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Reads notifications.csv and children.csv (DATA-STANDARD.md section 5) from DIR.",
      "All or nothing: on any error nothing is stored, every error is printed as",
      "FILE:LINE:COLUMN: VALUE: reason, and the exit code is 1."
    })
class ImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "Folder holding the CSV files.")
  Path dir;

  @Option(
      names = "--replace",
      description = "Replace notifications the register already holds (same notification_ref).")
  boolean replace;

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.printf(
          "%s: is not a folder: give the folder that holds notifications.csv and children.csv%n",
          dir);
      return 1;
    }
    try (ConfigurableApplicationContext app = Applications.startQuietly(db);
        TerminalProgress progress = new TerminalProgress()) {
      ImportResult result =
          app.getBean(NotificationCsv.class).importFrom(dir, replace, progress, Actors.cli());
      progress.close();
      if (!result.stored()) {
        for (ImportProblem p : result.problems()) {
          err.println(p);
        }
        err.printf("Import refused: %d error(s); nothing was stored.%n", result.problems().size());
        return 1;
      }
      out.printf(
          "Imported %d notifications with %d children from %s%s.%n",
          result.notifications(),
          result.children(),
          dir,
          replace ? " (" + result.replaced() + " replaced)" : "");
      return 0;
    }
  }

  /** A progress bar on a terminal; nothing when the output is a file or a pipe. */
  static final class TerminalProgress implements ImportProgress, AutoCloseable {
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;

    @Override
    public void stage(String description, long total) {
      close();
      if (terminal && total > 0) {
        bar =
            new ProgressBarBuilder()
                .setTaskName(description)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
      }
    }

    @Override
    public void step() {
      if (bar != null) {
        bar.step();
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
