package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.gov.observatory.support.SignedInHttp;

/**
 * A newcomer's first minute with {@code serve --demo}, run for real (its own server, database and
 * generated data): until the accounts exist every page says the demonstration is being prepared,
 * with a progress bar, and the API answers 503; the accounts, with recovery codes, are the last
 * thing printed, followed by the "ready" line, and are in a file only its owner can read; signing
 * in with what was printed works at once.
 */
class DemoFirstMinuteTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void pagesSayPreparingUntilTheAccountsExistThenTheyArePrintedLastAndWork(@TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(new Tee(original, console), true, StandardCharsets.UTF_8));
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve)
        .parseArgs("--demo", "--port", String.valueOf(port), "--data-dir", dir.toString());
    Thread server = new Thread(serve::run, "demo-server");
    try {
      server.start();
      // While it prepares: every answer is the "being prepared" page (or the API's 503).
      List<Integer> before = new ArrayList<>();
      String preparingPage = null;
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (!printed(console).contains("Observatory is ready") && System.nanoTime() < deadline) {
        HttpResponse<String> r = get(port, "/sign-in");
        if (r != null && !printed(console).contains("Observatory is ready")) {
          before.add(r.statusCode());
          if (r.statusCode() == 503) {
            preparingPage = r.body();
            HttpResponse<String> api = get(port, "/api/v1/notifications");
            if (api != null && !printed(console).contains("Observatory is ready")) {
              assertThat(api.statusCode()).isEqualTo(503);
              assertThat(api.headers().firstValue("Content-Type").orElse(""))
                  .startsWith("application/problem+json");
            }
          }
        }
        Thread.sleep(300);
      }
      assertThat(printed(console)).contains("Observatory is ready");
      assertThat(before)
          .as("answers while the demonstration was being prepared")
          .isNotEmpty()
          .allMatch(code -> code == 503);
      assertThat(preparingPage)
          .contains("<h1 class=\"govuk-heading-l\">The demonstration is being prepared</h1>")
          .contains("<progress id=\"demo-progress\"")
          .contains("http-equiv=\"refresh\"")
          .doesNotContain("Sign in</a>");
      server.join(Duration.ofMinutes(1).toMillis());

      // The accounts then the "ready" line are the last thing printed.
      Thread.sleep(1500);
      String out = printed(console);
      Path file = dir.resolve("demo-accounts.txt");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      String accounts = Files.readString(file);
      assertThat(accounts).startsWith("=".repeat(78) + "\nDEMO ACCOUNTS (synthetic data only)");
      int at = out.lastIndexOf(accounts.strip());
      assertThat(at).as("the accounts block, as in the file, on the console").isPositive();
      String after = out.substring(at + accounts.strip().length()).strip();
      assertThat(after)
          .isEqualTo(
              "Observatory is ready: open http://localhost:"
                  + port
                  + "/ and sign in with an account above.\nThe accounts are also in "
                  + file.toAbsolutePath().normalize()
                  + " (readable only by you).");

      // Each account has a password, a secret and ten recovery codes; the secretariat signs in.
      for (String who :
          List.of("notifier", "partnership", "secretariat", "member", "inspector", "admin")) {
        assertThat(accounts).contains("demo." + who);
      }
      Matcher m =
          Pattern.compile(
                  "demo\\.secretariat .*\\n\\s+password:\\s+(\\S+)\\n\\s+TOTP secret:\\s+(\\S+)\\n"
                      + "\\s+recovery codes:\\s+((?:\\S+ ?)+)\\n\\s+((?:\\S+ ?)+)\\n")
              .matcher(accounts);
      assertThat(m.find()).as("the secretariat's account in:\n" + accounts).isTrue();
      String password = m.group(1);
      String secret = m.group(2);
      List<String> recovery = new ArrayList<>(List.of(m.group(3).trim().split(" ")));
      recovery.addAll(List.of(m.group(4).trim().split(" ")));
      assertThat(recovery).hasSize(10);

      SignedInHttp http = new SignedInHttp(port);
      assertThat(http.get("/sign-in").statusCode()).isEqualTo(200);
      HttpResponse<String> first =
          http.post("/sign-in", Map.of("username", "demo.secretariat", "password", password));
      assertThat(first.statusCode()).isEqualTo(302);
      String next = URI.create(first.headers().firstValue("Location").orElseThrow()).getPath();
      http.get(next);
      String code =
          new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
      HttpResponse<String> signedIn = http.post(next, Map.of("code", code));
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(http.get("/notifications").statusCode()).isEqualTo(200);
    } finally {
      System.setOut(original);
      if (serve.context != null) {
        serve.context.close();
      }
      server.join(Duration.ofMinutes(1).toMillis());
    }
  }

  private static String printed(ByteArrayOutputStream console) {
    synchronized (console) {
      return console.toString(StandardCharsets.UTF_8);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
      return null;
    }
  }

  /** Writes to the real console and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final ByteArrayOutputStream b;

    Tee(OutputStream a, ByteArrayOutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      synchronized (b) {
        b.write(c);
      }
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      synchronized (b) {
        b.write(bytes, off, len);
      }
    }
  }
}
