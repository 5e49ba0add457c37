package uk.gov.observatory.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import uk.gov.observatory.database.DatabaseOwner;

/** A command run in-process as a person runs it: its exit code and what it printed. */
record CommandRun(int code, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ObservatoryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /**
   * The command and its words, then the options that connect it to the test's own database, as the
   * owner of its tables (who runs the migrations, as a command connected to it does).
   */
  static CommandRun onDatabase(DatabaseOwner owner, List<String> command, String... extra) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--db-url", owner.url(), "--db-user", owner.username()));
    if (owner.password() != null && !owner.password().isEmpty()) {
      args.add("--db-password");
      args.add(owner.password());
    }
    args.addAll(List.of(extra));
    return of(args.toArray(String[]::new));
  }
}
