package uk.gov.observatory.protection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import uk.gov.observatory.ObservatoryApplication;

/** Production mode never starts without a configured key, and bad keys are refused clearly. */
class ProductionModeTest {

  @TempDir Path dataDir;

  AbstractThrowableAssert<?, ? extends Throwable> assertStartFails(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--observatory.data-dir=" + dataDir);
    args.addAll(List.of(extra));
    if (args.stream().noneMatch(a -> a.startsWith("--observatory.keys.current="))) {
      // The test configuration's test-only key is switched off: no key is configured.
      args.add("--observatory.keys.current=");
    }
    return assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(ObservatoryApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(args.toArray(String[]::new))
                    .close())
        .rootCause();
  }

  @Test
  @DisplayName(
      "with the production profile and no key the application refuses to start, naming the setting")
  void productionProfile() {
    assertStartFails("--spring.profiles.active=production")
        .hasMessageContaining("production mode")
        .hasMessageContaining("observatory.keys.current");
    assertThat(dataDir.resolve("keys")).doesNotExist();
  }

  @Test
  @DisplayName("observatory.mode=production works the same")
  void productionProperty() {
    assertStartFails("--observatory.mode=production")
        .hasMessageContaining("observatory.keys.current");
    assertThat(dataDir.resolve("keys")).doesNotExist();
  }

  @Test
  @DisplayName(
      "a current key that is not configured, or a key of the wrong size, is refused without showing it")
  void badKeys() {
    assertStartFails("--observatory.keys.current=k2026")
        .hasMessageContaining("observatory.keys.current names key 'k2026'");
    assertStartFails("--observatory.keys.current=k2026", "--observatory.keys.k2026=c2hvcnQ=")
        .hasMessageContaining("observatory.keys.k2026")
        .hasMessageContaining("5 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  static org.assertj.core.api.AbstractPathAssert<?> assertThat(Path p) {
    return org.assertj.core.api.Assertions.assertThat(p);
  }
}
