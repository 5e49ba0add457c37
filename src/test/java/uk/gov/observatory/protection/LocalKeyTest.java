package uk.gov.observatory.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.ObservatoryApplication;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Submissions;

/** Outside production, with no key configured, a local key is generated once and reused. */
@ExtendWith(OutputCaptureExtension.class)
class LocalKeyTest {

  @TempDir Path dataDir;

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ObservatoryApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--observatory.database.ephemeral=false",
            "--observatory.data-dir=" + dataDir,
            "--spring.datasource.url=",
            // The test configuration's test-only key is switched off: no key is configured.
            "--observatory.keys.current=");
  }

  @Test
  @DisplayName(
      "the key file is generated with mode 600 in a 700 folder, with a warning, and reused after a restart")
  void generatedOnceThenReused(CapturedOutput output) throws Exception {
    Path keyFile = dataDir.toAbsolutePath().normalize().resolve("keys/identifying.key");
    String ref;
    try (ConfigurableApplicationContext app = start()) {
      ref = app.getBean(NotificationRegister.class).notify(Submissions.death()).ref();
      assertThat(
              app.getBean(JdbcTemplate.class)
                  .queryForObject("select child_name_sealed from child", String.class))
          .startsWith("v1:local:");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readAllLines(keyFile))
        .filteredOn(l -> !l.startsWith("#"))
        .singleElement()
        .asString()
        .matches("local=[A-Za-z0-9+/]{43}=");
    assertThat(output.getAll())
        .contains("WARN")
        .contains("a local key was generated in " + keyFile)
        .contains("observatory.keys.current");
    byte[] key = Files.readAllBytes(keyFile);
    int warnings = count(output.getAll(), "a local key was generated");

    try (ConfigurableApplicationContext app = start()) {
      assertThat(
              app.getBean(NotificationRegister.class)
                  .find(ref)
                  .orElseThrow()
                  .children()
                  .get(0)
                  .childName())
          .isEqualTo("Test Child");
    }
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
    assertThat(count(output.getAll(), "a local key was generated"))
        .as("no new key on restart")
        .isEqualTo(warnings);
    assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
  }

  static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
