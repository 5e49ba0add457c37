package uk.gov.observatory.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a command that asks a service runs: its input checked first, then the application started
 * beside any server on the same folder, the action run and the line it returns printed. Bad input
 * and the service's refusals print their message and give exit code 2; nothing was stored.
 */
final class ServiceRun {

  static final int BAD_INPUT = 2;

  private ServiceRun() {}

  /** Bad input found before or while a command runs: its message, and exit code 2. */
  static class BadInput extends RuntimeException {
    BadInput(String message) {
      super(message);
    }
  }

  /** A command's own refusals: prints {@code e} and says true when it is one, else false. */
  interface Refusals {
    boolean print(RuntimeException e, PrintWriter out, PrintWriter err);
  }

  static int run(
      DatabaseOptions db,
      CommandSpec spec,
      Runnable check,
      Function<ConfigurableApplicationContext, String> action,
      Refusals refusals) {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      check.run();
    } catch (BadInput e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
    try (ConfigurableApplicationContext app = Applications.startBesideServer(db)) {
      out.println(action.apply(app));
      return 0;
    } catch (BadInput e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    } catch (RuntimeException e) {
      if (refusals.print(e, out, err)) {
        return BAD_INPUT;
      }
      throw e;
    }
  }
}
