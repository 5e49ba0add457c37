package uk.gov.observatory.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.observatory.support.ChildProcesses.Child;
import uk.gov.observatory.support.ChildProcesses.Jvm;

/**
 * The support the process tests stand on: a child that dies or stays silent fails the wait with its
 * log's end, kill -9 is a SIGKILL (exit 137), stop a SIGTERM (exit 143), and whatever was started
 * is ended. Small shell commands stand in for the application, so this takes a few seconds.
 */
class ChildProcessesTest {

  @TempDir Path tmp;

  @Test
  @DisplayName("a child that exits before it answers fails the wait with its exit code and log")
  void diesBeforeAnswering() throws Exception {
    try (ChildProcesses children = ChildProcesses.stoppedAtEnd()) {
      Child child =
          children.start(
              "broken",
              tmp.resolve("broken.log"),
              List.of("sh", "-c", "echo \"no database: $WHY\" >&2; exit 3"),
              Map.of("WHY", "refused"));
      assertThatThrownBy(
              () ->
                  child.awaitHttp(
                      ChildProcesses.freePort(), "/", s -> s == 200, Duration.ofSeconds(30)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("broken exited (3):\n")
          .hasMessageEndingWith("no database: refused");
    }
  }

  @Test
  @DisplayName("a child that never answers fails the wait after the time given, with the log's end")
  void silent() throws Exception {
    try (ChildProcesses children = ChildProcesses.killedAtEnd()) {
      Child child =
          children.start(
              "silent",
              tmp.resolve("silent.log"),
              List.of("sh", "-c", "for i in $(seq 1 400); do echo line $i; done; sleep 60"));
      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  child.awaitHttp(
                      ChildProcesses.freePort(), "/sign-in", s -> s == 200, Duration.ofSeconds(2)))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("silent did not answer /sign-in within 2 s:\n")
          .hasMessageContaining("(the last 150 of 400 lines of ")
          .hasMessageContaining("\nline 251\n")
          .hasMessageNotContaining("line 250\n")
          .hasMessageEndingWith("\nline 400");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(20));
      assertThat(child.isAlive()).isTrue();
    }
  }

  @Test
  @DisplayName("the wait ends when the answer's status is one accepted")
  void answers() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/sign-in") ? 200 : 404, -1);
          exchange.close();
        });
    server.start();
    try (ChildProcesses children = ChildProcesses.killedAtEnd()) {
      Child child = children.start("up", tmp.resolve("up.log"), List.of("sleep", "60"));
      int port = server.getAddress().getPort();
      child.awaitHttp(port, "/sign-in", s -> s == 200, Duration.ofSeconds(10));
      child.awaitHttp(port, "/elsewhere", s -> s < 500, Duration.ofSeconds(10));
      assertThatThrownBy(
              () -> child.awaitHttp(port, "/elsewhere", s -> s == 200, Duration.ofSeconds(1)))
          .hasMessageStartingWith("up did not answer /elsewhere within 1 s");
    } finally {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("kill9 ends the child with SIGKILL (137), stop with SIGTERM (143)")
  void killAndStop() throws Exception {
    try (ChildProcesses children = ChildProcesses.stoppedAtEnd()) {
      Child killed = children.start("k", tmp.resolve("k.log"), List.of("sleep", "60"));
      Child stopped = children.start("s", tmp.resolve("s.log"), List.of("sleep", "60"));
      killed.kill9();
      assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(killed.exitValue()).isEqualTo(128 + 9);
      stopped.stop();
      assertThat(stopped.isAlive()).isFalse();
      assertThat(stopped.exitValue()).isEqualTo(128 + 15);
    }
  }

  @Test
  @DisplayName("closing ends every child started, and a second close does nothing")
  void closeEndsAll() throws Exception {
    ChildProcesses children = ChildProcesses.stoppedAtEnd();
    Child a = children.start("a", tmp.resolve("a.log"), List.of("sleep", "60"));
    Child b = children.start("b", tmp.resolve("b.log"), List.of("sleep", "60"));
    children.close();
    assertThat(a.isAlive()).isFalse();
    assertThat(b.isAlive()).isFalse();
    children.close();
  }

  @Test
  @DisplayName(
      "the JVM command line: java, heap, options, classpath, ObservatoryCommand, arguments")
  void commandLine() {
    List<String> line =
        Jvm.server().heap("384m").property("a.b", "c").observatory("serve", "--port", "8080");
    assertThat(line.get(0)).endsWith("/bin/java");
    assertThat(line.subList(1, line.size()))
        .containsExactly(
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-Dlogging.level.root=WARN",
            "-Da.b=c",
            "-cp",
            System.getProperty("java.class.path"),
            "uk.gov.observatory.cli.ObservatoryCommand",
            "serve",
            "--port",
            "8080");
    assertThat(Jvm.plain().observatory("import", "in").subList(1, 5))
        .containsExactly(
            "-cp",
            System.getProperty("java.class.path"),
            "uk.gov.observatory.cli.ObservatoryCommand",
            "import");
  }
}
