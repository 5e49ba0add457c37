package uk.gov.observatory.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.review.StandardCsv;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the register to DIR as the data standard's five CSV files.",
      "notifications.csv, children.csv, rapid_reviews.csv, lcsprs.csv and yearly_reports.csv (DATA-STANDARD.md section 5), from one snapshot: `import` reads them back."
    })
class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "DIR", description = "Folder to write to (created when missing).")
  Path dir;

  @Option(
      names = "--identifying",
      description = "Also write the children's names and dates of birth.")
  boolean identifying;

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      StandardCsv.Exported n =
          app.getBean(StandardCsv.class).exportTo(dir, identifying, Actors.cli());
      spec.commandLine()
          .getOut()
          .printf(
              "Exported %d notifications, %d rapid reviews and %d LCSPRs to %s (%s).%n",
              n.notifications(),
              n.rapidReviews(),
              n.lcsprs(),
              dir,
              identifying ? "with identifying details" : "without identifying details");
      if (n.yearlyReports() > 0) {
        spec.commandLine()
            .getOut()
            .printf("Also exported %d yearly reports of partnerships.%n", n.yearlyReports());
      }
      return 0;
    }
  }
}
