package uk.gov.observatory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the data is: an embedded PostgreSQL in a folder (the default), or an external server. */
public class DatabaseOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Folder of the embedded PostgreSQL's data (default: ./data). Kept across restarts.")
  Path dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      description =
          "An external PostgreSQL 14+, e.g. jdbc:postgresql://localhost:5432/observatory"
              + " (or set SPRING_DATASOURCE_URL). Without it the embedded database is used.")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "User for --db-url (or SPRING_DATASOURCE_USERNAME).")
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      description =
          "Password for --db-url (or SPRING_DATASOURCE_PASSWORD, which keeps it out of the process list).")
  String dbPassword;

  /** Whether to use the database of a server running on the data folder (account commands). */
  boolean attachToRunning;

  /** Spring command-line properties: these win over the environment and configuration files. */
  List<String> springArguments() {
    List<String> args = new ArrayList<>();
    if (attachToRunning) {
      args.add("--observatory.database.attach-to-running=true");
    }
    if (dataDir != null) {
      args.add("--observatory.data-dir=" + dataDir);
    }
    if (dbUrl != null) {
      args.add("--spring.datasource.url=" + dbUrl);
    }
    if (dbUser != null) {
      args.add("--spring.datasource.username=" + dbUser);
    }
    if (dbPassword != null) {
      args.add("--spring.datasource.password=" + dbPassword);
    }
    return args;
  }
}
