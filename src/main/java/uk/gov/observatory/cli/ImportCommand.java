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
import uk.gov.observatory.review.StandardCsv;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports the data standard's CSV files from DIR into the register.",
      "Reads notifications.csv and children.csv, and rapid_reviews.csv, lcsprs.csv and yearly_reports.csv when present (DATA-STANDARD.md section 5). All or nothing across every file: on any error nothing is stored, every error of every file is printed as FILE:LINE:COLUMN: VALUE: reason, and the exit code is 1."
    })
class ImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "Folder holding the CSV files.")
  Path dir;

  @Option(
      names = "--replace",
      description = {
        "Replace notifications the register already holds (same notification_ref), with their rapid review and LCSPR links as the files give them; and rapid reviews (same notification_ref) and LCSPRs (same lcspr_ref) it holds."
      })
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
      StandardCsv.Imported result =
          app.getBean(StandardCsv.class).importFrom(dir, replace, progress, Actors.cli());
      progress.close();
      if (!result.stored()) {
        for (ImportProblem p : result.problems()) {
          err.println(p);
        }
        err.printf("Import refused: %d error(s); nothing was stored.%n", result.problems().size());
        return 1;
      }
      out.printf(
          "Imported %d notifications with %d children, %d rapid reviews and %d LCSPRs from %s%s.%n",
          result.notifications(),
          result.children(),
          result.rapidReviews(),
          result.lcsprs(),
          dir,
          replace ? replaced(result) : "");
      if (result.yearlyReports() > 0) {
        out.printf("Also imported %d yearly reports of partnerships.%n", result.yearlyReports());
      }
      return 0;
    }
  }

  /** What was replaced: the notifications, then any rapid reviews and LCSPRs. */
  static String replaced(StandardCsv.Imported r) {
    StringBuilder s = new StringBuilder(" (" + r.replaced() + " replaced");
    if (r.replacedRapidReviews() > 0 || r.replacedLcsprs() > 0) {
      s.append("; also replaced: ")
          .append(r.replacedRapidReviews())
          .append(" rapid reviews, ")
          .append(r.replacedLcsprs())
          .append(" LCSPRs");
    }
    if (r.removedRapidReviews() > 0) {
      s.append("; ")
          .append(r.removedRapidReviews())
          .append(" rapid reviews of replaced notifications removed, not in ")
          .append(StandardCsv.RAPID_REVIEWS);
    }
    return s.append(")").toString();
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
