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

  /**
   * As {@link #startQuietly}, and while the server runs on the same data folder, on the server's
   * own database (see {@code EmbeddedDatabase.attach}): for the account commands, whose changes the
   * running server sees at once. Not for commands that must have the folder to themselves (keys
   * rotate, say).
   */
  static ConfigurableApplicationContext startBesideServer(DatabaseOptions db) {
    DatabaseOptions beside = new DatabaseOptions();
    beside.dataDir = db.dataDir;
    beside.dbUrl = db.dbUrl;
    beside.dbUser = db.dbUser;
    beside.dbPassword = db.dbPassword;
    beside.attachToRunning = true;
    return startQuietly(beside);
  }

  /** A context without a web server, quiet on the terminal, for a command that does one job. */
  static ConfigurableApplicationContext startQuietly(DatabaseOptions db, String... extra) {
    List<String> args = new ArrayList<>(db.springArguments());
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.org.flywaydb=WARN");
    args.add("--spring.main.log-startup-info=false");
    // A one-off job sends no reminders: the server (serve) does.
    args.add("--observatory.reminders.enabled=false");
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(ObservatoryApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }
}
