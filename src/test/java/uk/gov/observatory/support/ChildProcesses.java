package uk.gov.observatory.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.gov.observatory.cli.ObservatoryCommand;

/**
 * The processes a test starts: the application in a JVM of its own (as a person runs {@code
 * observatory serve} or {@code observatory import}; command line from {@link Jvm}) or another
 * program such as HAProxy, each writing its output to a log file. A {@link Child} waits until it
 * answers HTTP (failing with its log's tail if it dies first or does not answer in time), is killed
 * with {@code kill -9}, or is stopped gracefully.
 *
 * <p>Registered with {@code @RegisterExtension}, it ends every process it started when the test
 * ends. A test whose clean-up has an order (the servers before the database they use) calls {@link
 * #close()} itself first, from its own {@code @AfterEach}: JUnit runs those before extensions.
 */
public final class ChildProcesses implements AfterEachCallback, AutoCloseable {

  /** How many of a log's last lines a failure shows. */
  static final int TAIL_LINES = 150;

  private final boolean killAtEnd;
  private final List<Child> started = new ArrayList<>();

  private ChildProcesses(boolean killAtEnd) {
    this.killAtEnd = killAtEnd;
  }

  /**
   * At the test's end each process is asked to stop (SIGTERM), and killed if it has not in 60 s.
   */
  public static ChildProcesses stoppedAtEnd() {
    return new ChildProcesses(false);
  }

  /** At the test's end each process is killed ({@code kill -9}) without a chance to clean up. */
  public static ChildProcesses killedAtEnd() {
    return new ChildProcesses(true);
  }

  /** A TCP port nothing listens on at the moment. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts the command, its output (standard and error) into the log file. */
  public Child start(String name, Path log, List<String> command) throws IOException {
    return start(name, log, command, Map.of());
  }

  /** Starts the command with these environment variables added to this JVM's. */
  public Child start(String name, Path log, List<String> command, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Child child = new Child(name, log, builder.start());
    started.add(child);
    return child;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    close();
  }

  /** Ends every process started (in the order they were started); a second call does nothing. */
  @Override
  public void close() throws InterruptedException {
    for (Child child : started) {
      if (killAtEnd) {
        child.kill9();
        child.waitFor(30, TimeUnit.SECONDS);
      } else {
        child.stop();
      }
    }
    started.clear();
  }

  /** The command line of {@code observatory ...} in a new JVM, on this test run's classpath. */
  public static final class Jvm {

    private String heap;
    private final List<String> options = new ArrayList<>();

    private Jvm() {}

    /**
     * As the tests run a server: a 512 MB heap, quick to start (the client compiler only), and only
     * warnings and errors in its log.
     */
    public static Jvm server() {
      return new Jvm()
          .heap("512m")
          .option("-XX:TieredStopAtLevel=1")
          .property("logging.level.root", "WARN");
    }

    /** The JVM's own defaults. */
    public static Jvm plain() {
      return new Jvm();
    }

    /** The largest heap ({@code -Xmx}), such as {@code 64m}; replaces any given before. */
    public Jvm heap(String size) {
      this.heap = "-Xmx" + size;
      return this;
    }

    /** A JVM option, such as {@code -XX:+ExitOnOutOfMemoryError}. */
    public Jvm option(String option) {
      options.add(option);
      return this;
    }

    /** A system property ({@code -Dname=value}): the application's configuration, say. */
    public Jvm property(String name, String value) {
      return option("-D" + name + "=" + value);
    }

    /** {@code java [options] -cp <classpath> ObservatoryCommand arguments...}. */
    public List<String> observatory(String... arguments) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      if (heap != null) {
        command.add(heap);
      }
      command.addAll(options);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ObservatoryCommand.class.getName());
      command.addAll(List.of(arguments));
      return command;
    }
  }

  /** One started process and its log. */
  public static final class Child {

    private final String name;
    private final Path log;
    private final Process process;

    Child(String name, Path log, Process process) {
      this.name = name;
      this.log = log;
      this.process = process;
    }

    public String name() {
      return name;
    }

    public long pid() {
      return process.pid();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    public int exitValue() {
      return process.exitValue();
    }

    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
      return process.waitFor(timeout, unit);
    }

    /**
     * Waits until {@code GET http://127.0.0.1:port/path} answers with a status {@code answered}
     * accepts. Fails with the log's tail if the process ends first or no such answer comes within
     * the time given.
     */
    public void awaitHttp(int port, String path, IntPredicate answered, Duration within)
        throws InterruptedException {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build();
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError(name + " exited (" + process.exitValue() + "):\n" + logTail());
        }
        try {
          HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
          if (answered.test(r.statusCode())) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(250);
      }
      throw new AssertionError(
          name + " did not answer " + path + " within " + within.toSeconds() + " s:\n" + logTail());
    }

    /** {@code kill -9} (SIGKILL): the process ends at once, no shutdown hook runs. */
    public void kill9() {
      process.destroyForcibly();
    }

    /** SIGTERM, so that it shuts down cleanly; SIGKILL if it has not ended within 60 s. */
    public void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    /** All it has written so far. */
    public String log() {
      try {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(no log " + log + ": " + e.getMessage() + ")";
      }
    }

    /** The last {@value ChildProcesses#TAIL_LINES} lines it has written. */
    public String logTail() {
      List<String> lines = log().lines().toList();
      if (lines.size() <= TAIL_LINES) {
        return String.join("\n", lines);
      }
      return "(the last "
          + TAIL_LINES
          + " of "
          + lines.size()
          + " lines of "
          + log
          + ")\n"
          + String.join("\n", lines.subList(lines.size() - TAIL_LINES, lines.size()));
    }
  }
}
