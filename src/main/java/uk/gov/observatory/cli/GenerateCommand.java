package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.synthetic.SyntheticData;

/** Writes a year of synthetic data shaped like the 2020 annual report (no database needed). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a year of synthetic data as the data standard's CSV files, ready for import.",
      "Notifications, children, rapid reviews, LCSPRs and yearly reports are written to DIR. At --scale 1 the report of the year reproduces the counts the Panel's 2020 annual report publishes; --scale S makes S times as many (2000: about a million notifications)."
    })
class GenerateCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  @Option(names = "--year", required = true, description = "The year of incidents, 2018 on.")
  int year;

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
    String problem = SyntheticData.problem(year, scale, today);
    if (problem != null) {
      err.printf("error: %s%n", problem);
      return BAD_INPUT;
    }
    Path folder = out.toAbsolutePath();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      err.printf("error: %s is a file: give a folder to write the CSV files into%n", out);
      return BAD_INPUT;
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      err.printf("error: cannot create the folder %s: %s%n", out, e.getMessage());
      return BAD_INPUT;
    }
    if (!Files.isWritable(folder)) {
      err.printf("error: cannot write into %s: choose a folder you may write to%n", out);
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
}
