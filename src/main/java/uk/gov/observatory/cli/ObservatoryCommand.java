package uk.gov.observatory.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import uk.gov.observatory.database.DatabaseConfigurationException;

/**
 * The one jar's command line: {@code serve} (the default), {@code import}, {@code export}, {@code
 * calendar}, {@code keys}, {@code audit}, {@code users}, {@code contacts}, {@code report}, {@code
 * analysis}, {@code library}.
 */
@Command(
    name = "observatory",
    mixinStandardHelpOptions = true,
    version = "Observatory 0.1",
    description = "The national register of serious child safeguarding incidents in England.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      GenerateCommand.class,
      ExportCommand.class,
      CalendarCommand.class,
      KeysCommand.class,
      AuditCommand.class,
      UsersCommand.class,
      ContactsCommand.class,
      ReportCommand.class,
      AnalysisCommand.class,
      LibraryCommand.class,
      BenchCommand.class,
      MigrateCommand.class,
      CommandLine.HelpCommand.class
    })
public class ObservatoryCommand implements Runnable {

  /** Returned when the command left a server running: the JVM must not exit. */
  public static final int KEEP_RUNNING = -1;

  private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  @Override
  public void run() {
    // Never reached: run(String...) sends an empty command line to serve.
  }

  /** The jar's entry point. */
  public static void main(String[] args) {
    int code = run(args);
    if (code != KEEP_RUNNING) {
      System.exit(code);
    }
  }

  /** Runs a command line; {@link #KEEP_RUNNING} when the server is up. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  static int run(PrintWriter out, PrintWriter err, String... args) {
    List<String> argv = new ArrayList<>(Arrays.asList(args));
    if (argv.isEmpty() || (argv.get(0).startsWith("-") && !OWN_OPTIONS.contains(argv.get(0)))) {
      argv.add(0, "serve");
    }
    CommandLine cl = new CommandLine(new ObservatoryCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(ObservatoryCommand::unusableOption);
    int code = cl.execute(argv.toArray(String[]::new));
    CommandLine.ParseResult parsed = cl.getParseResult();
    if (code == 0
        && parsed != null
        && parsed.hasSubcommand()
        && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand serve
        && serve.started) {
      return KEEP_RUNNING;
    }
    return code;
  }

  /**
   * A database option that cannot be used (a read replica's URL that is not PostgreSQL's, or a
   * replica that cannot be reached): its one line, no stack trace, exit code 2. Anything else as
   * picocli does.
   */
  private static int unusableOption(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseConfigurationException bad) {
        commandLine.getErr().println("error: " + bad.getMessage());
        return 2;
      }
    }
    throw e;
  }
}
