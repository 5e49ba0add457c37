package uk.gov.observatory.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/** A command run in-process as a person runs it: its exit code and what it printed. */
record CommandRun(int code, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ObservatoryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** The command and its words, then the options that connect it to the test's own database. */
  static CommandRun onDatabase(
      DataSource dataSource, Environment env, List<String> command, String... extra) {
    HikariDataSource hikari = (HikariDataSource) dataSource;
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--db-url", hikari.getJdbcUrl(), "--db-user", hikari.getUsername()));
    String password = env.getProperty("spring.datasource.password");
    if (password != null && !password.isEmpty()) {
      args.add("--db-password");
      args.add(password);
    }
    args.addAll(List.of(extra));
    return of(args.toArray(String[]::new));
  }
}
