package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve} turns the demonstration on only when --demo is given. */
class ServeCommandTest {

  private static ServeCommand parsed(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve;
  }

  @Test
  void demoIsOnOnlyWithTheOption() {
    assertThat(parsed("--port", "9090").springArguments())
        .contains("--server.port=9090")
        .noneMatch(a -> a.contains("observatory.demo"));
    assertThat(parsed("--demo").springArguments()).contains("--observatory.demo=true");
  }
}
