package uk.gov.observatory.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.gov.observatory.ObservatoryApplication;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the pages and the API (the default command). Stop it with Ctrl-C.")
class ServeCommand implements Runnable {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--demo",
      description = {
        "Demonstration: on an empty register, load two generated years of synthetic data (2019 and 2020); make one account per role (demo.notifier, demo.partnership, demo.secretariat, demo.member, demo.inspector, demo.admin) and print each one's new password, TOTP secret and recovery codes (also written to DATA_DIR/demo-accounts.txt, readable only by you); mark every page 'Synthetic data — demonstration'. Until the accounts exist, every page says the demonstration is being prepared."
      })
  boolean demo;

  @Option(
      names = "--no-migrate",
      description =
          "Do not migrate the database at start: only check it is at this version's schema (refused, saying so, when a migration is pending). For several instances of one database: run 'observatory migrate' once, then start each with --no-migrate.")
  boolean noMigrate;

  @Mixin DatabaseOptions db;

  /** True once the server is up (not when only --help was asked for). */
  boolean started;

  /** The running application, once started (closed by Ctrl-C, or by a test). */
  ConfigurableApplicationContext context;

  @Override
  public void run() {
    List<String> args = springArguments();
    context =
        new SpringApplicationBuilder(ObservatoryApplication.class)
            .web(WebApplicationType.SERVLET)
            .run(args.toArray(String[]::new));
    started = true;
  }

  /** The application's arguments: the database, the port and, with --demo only, the demo. */
  List<String> springArguments() {
    List<String> args = new ArrayList<>(db.springArguments());
    args.add("--server.port=" + port);
    if (demo) {
      args.add("--" + DemoData.PROPERTY + "=true");
    }
    if (noMigrate) {
      args.add("--observatory.migrate-on-start=false");
    }
    return args;
  }
}
