package uk.gov.observatory.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.observatory.ObservatoryApplication;

/** Starts the Spring application for a command. */
final class Applications {

  private Applications() {}

  /** A context without a web server, quiet on the terminal, for a command that does one job. */
  static ConfigurableApplicationContext startQuietly(DatabaseOptions db) {
    List<String> args = new ArrayList<>(db.springArguments());
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.org.flywaydb=WARN");
    args.add("--spring.main.log-startup-info=false");
    // A one-off job sends no reminders: the server (serve) does.
    args.add("--observatory.reminders.enabled=false");
    // While the server runs on the same data folder, a command uses the server's database.
    args.add("--observatory.database.attach-to-running=true");
    return new SpringApplicationBuilder(ObservatoryApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }
}
