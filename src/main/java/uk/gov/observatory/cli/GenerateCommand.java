package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.synthetic.SyntheticData;
import uk.gov.observatory.synthetic.SyntheticLibrary;

/**
 * Writes a year of synthetic data shaped like the 2020 annual report, or with {@code --library N}
 * fictitious review reports as PDFs for the learning library (no database needed).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a year of synthetic data as the data standard's CSV files, ready for import.",
      "Notifications, children, rapid reviews, LCSPRs and yearly reports are written to DIR. At --scale 1 the report of the year reproduces the counts the Panel's 2020 annual report publishes; --scale S makes S times as many (2000: about a million notifications).",
      "With --library N instead of --year, it writes N fictitious review reports as PDFs (review-00001.pdf ...) and their manifest library.csv to DIR, ready for library import; each page is marked as fictitious."
    })
class GenerateCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  @Option(
      names = "--year",
      description = "The year of incidents, 2018 on (required unless --library is given).")
  Integer year;

  @Option(
      names = "--library",
      paramLabel = "N",
      description = "Write N synthetic review reports as PDFs with library.csv instead of a year.")
  Integer library;

  @Option(names = "--scale", defaultValue = "1.0", description = "Volume multiplier (default 1).")
  double scale;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
  long seed;

  @Option(
      names = "--identifying",
      description = "Also write children's names and dates of birth (obviously fictitious).")
  boolean identifying;

  @Option(names = "--out", required = true, description = "The folder to write the files into.")
  Path out;

  @Spec CommandSpec spec;

  Clock clock = Clock.systemDefaultZone();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LocalDate today = LocalDate.now(clock);
    if (library != null) {
      return library(err);
    }
    if (year == null) {
      err.println(
          "error: Missing required option: '--year=<year>' (or --library N for synthetic review"
              + " reports)");
      return BAD_INPUT;
    }
    String problem = SyntheticData.problem(year, scale, today);
    if (problem != null) {
      err.printf("error: %s%n", problem);
      return BAD_INPUT;
    }
    Path folder = out.toAbsolutePath();
    if (!writableFolder(err)) {
      return BAD_INPUT;
    }
    boolean terminal = System.console() != null;
    long started = System.nanoTime();
    ProgressBar[] bar = new ProgressBar[1];
    try {
      SyntheticData.Summary s =
          new SyntheticData(ReferenceData.fromClasspath(), new WorkingDayCalendar())
              .generate(
                  year,
                  scale,
                  seed,
                  identifying,
                  today,
                  folder,
                  (done, total) -> {
                    if (terminal && total > 1) {
                      if (bar[0] == null) {
                        bar[0] =
                            new ProgressBarBuilder()
                                .setTaskName("Generating " + year)
                                .setInitialMax(total)
                                .setStyle(ProgressBarStyle.ASCII)
                                .setConsumer(
                                    new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                                        System.err))
                                .build();
                      }
                      bar[0].stepTo(done);
                    }
                  });
      if (bar[0] != null) {
        bar[0].close();
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Generated %,d notifications, %,d children, %,d rapid reviews, %,d LCSPRs and %,d"
                  + " yearly reports for %d (scale %s, seed %d) in %s, in %.1f s.%n",
              s.notifications(),
              s.children(),
              s.rapidReviews(),
              s.lcsprs(),
              s.yearlyReports(),
              year,
              scale,
              seed,
              out,
              (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (IOException e) {
      err.printf("error: cannot write into %s: %s%n", out, e.getMessage());
      return BAD_INPUT;
    }
  }

  /** Makes the folder {@code --out} if need be; false (after saying why) when it cannot be. */
  private boolean writableFolder(PrintWriter err) {
    Path folder = out.toAbsolutePath();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      err.printf("error: %s is a file: give a folder to write the files into%n", out);
      return false;
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      err.printf("error: cannot create the folder %s: %s%n", out, e.getMessage());
      return false;
    }
    if (!Files.isWritable(folder)) {
      err.printf("error: cannot write into %s: choose a folder you may write to%n", out);
      return false;
    }
    return true;
  }

  /** {@code --library N}: the synthetic review reports and their manifest. */
  private int library(PrintWriter err) {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String option : List.of("--year", "--scale", "--identifying")) {
      if (parsed.hasMatchedOption(option)) {
        err.printf(
            "error: %s is not allowed with --library: the review reports are written on their"
                + " own (run generate twice for both)%n",
            option);
        return BAD_INPUT;
      }
    }
    String problem = SyntheticLibrary.problem(library);
    if (problem != null) {
      err.printf("error: %s%n", problem);
      return BAD_INPUT;
    }
    if (!writableFolder(err)) {
      return BAD_INPUT;
    }
    boolean terminal = System.console() != null;
    long started = System.nanoTime();
    ProgressBar[] bar = new ProgressBar[1];
    try {
      SyntheticLibrary.Summary s =
          new SyntheticLibrary(ReferenceData.fromClasspath())
              .generate(
                  library,
                  seed,
                  out.toAbsolutePath(),
                  (done, total) -> {
                    if (terminal && total > 256) {
                      if (bar[0] == null) {
                        bar[0] =
                            new ProgressBarBuilder()
                                .setTaskName("Writing review reports")
                                .setInitialMax(total)
                                .setStyle(ProgressBarStyle.ASCII)
                                .setConsumer(
                                    new me.tongfei.progressbar.ConsoleProgressBarConsumer(
                                        System.err))
                                .build();
                      }
                      bar[0].stepTo(done);
                    }
                  });
      if (bar[0] != null) {
        bar[0].close();
      }
      spec.commandLine()
          .getOut()
          .printf(
              "Generated %,d synthetic review reports (%,d pages, %,d bytes) and %s (seed %d) in"
                  + " %s, in %.1f s.%n",
              s.documents(),
              s.pages(),
              s.bytes(),
              SyntheticLibrary.MANIFEST,
              seed,
              out,
              (System.nanoTime() - started) / 1e9);
      return 0;
    } catch (IOException e) {
      err.printf("error: cannot write into %s: %s%n", out, e.getMessage());
      return BAD_INPUT;
    }
  }
}
