package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.support.SyntheticCsv;

/** keys rotate: values sealed under an old key are sealed again under the current one. */
class KeysRotateCommandTest {

  @TempDir Path tmp;
  String savedUrl;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ObservatoryCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String newKey() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  @BeforeEach
  void embeddedDatabaseInItsOwnFolder() {
    System.setProperty("observatory.database.ephemeral", "false");
    savedUrl = System.clearProperty("spring.datasource.url");
  }

  @AfterEach
  void restore() {
    for (String p :
        List.of(
            "observatory.database.ephemeral",
            "observatory.keys.current",
            "observatory.keys.a",
            "observatory.keys.b")) {
      System.clearProperty(p);
    }
    if (savedUrl != null) {
      System.setProperty("spring.datasource.url", savedUrl);
    }
  }

  List<String> stored(String data) {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(ObservatoryApplication.class)
            .web(WebApplicationType.NONE)
            .run("--observatory.data-dir=" + data, "--logging.level.root=WARN")) {
      return app.getBean(JdbcTemplate.class)
          .queryForList(
              "select v from child, lateral (values (child_name_sealed), (date_of_birth_sealed))"
                  + " s(v) where v is not null",
              String.class);
    }
  }

  @Test
  @DisplayName(
      "import under key a, make b current, rotate: every value is under b and still opens once a is gone")
  void rotates() throws Exception {
    String data = tmp.resolve("data").toString();
    SyntheticCsv.Files2 set = SyntheticCsv.write(tmp.resolve("in"), 40, 5);
    long identified =
        Files.readAllLines(set.children()).stream().filter(l -> l.contains("Synthetic")).count();
    assertThat(identified).isPositive();

    System.setProperty("observatory.keys.a", newKey());
    System.setProperty("observatory.keys.current", "a");
    Run imported = run("import", tmp.resolve("in").toString(), "--data-dir", data);
    assertThat(imported.code()).as(imported.err()).isZero();
    Run before =
        run("export", tmp.resolve("before").toString(), "--identifying", "--data-dir", data);
    assertThat(before.code()).as(before.err()).isZero();
    assertThat(stored(data)).hasSize((int) identified * 2).allMatch(v -> v.startsWith("v1:a:"));

    System.setProperty("observatory.keys.b", newKey());
    System.setProperty("observatory.keys.current", "b");
    Run rotated = run("keys", "rotate", "--data-dir", data);
    assertThat(rotated.code()).as(rotated.err()).isZero();
    assertThat(rotated.out()).isEqualTo("Re-encrypted " + identified * 2 + " values to key b\n");
    assertThat(run("keys", "rotate", "--data-dir", data).out())
        .isEqualTo("Re-encrypted 0 values to key b\n");

    System.clearProperty("observatory.keys.a");
    assertThat(stored(data)).hasSize((int) identified * 2).allMatch(v -> v.startsWith("v1:b:"));
    Run after = run("export", tmp.resolve("after").toString(), "--identifying", "--data-dir", data);
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(Files.readString(tmp.resolve("after/children.csv")))
        .isEqualTo(Files.readString(tmp.resolve("before/children.csv")))
        .contains("Synthetic, Child");
  }

  @Test
  @DisplayName("keys and keys rotate have --help")
  void help() {
    assertThat(run("keys", "--help").out()).contains("rotate");
    Run help = run("keys", "rotate", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("observatory.keys.current").contains("--data-dir");
  }
}
