package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.reference.LocalAuthority;

/** The local authorities' options, made in Java rather than by the template (issue 19). */
class LaOptionsTest {

  private static final LocalAuthority ENDED =
      new LocalAuthority(
          "E1", "Dorset", LocalDate.of(1974, 4, 1), LocalDate.of(2019, 3, 31), "R", null);
  private static final LocalAuthority ODD =
      new LocalAuthority("E2", "Sand & <Sea> \"Bay\"", LocalDate.of(2019, 4, 1), null, "R", null);

  @Test
  @DisplayName("each name is escaped, an ended authority says until when, and none is chosen")
  void escapedAndNamed() {
    assertThat(new Fmt(null).laOptions(List.of(ENDED, ODD), null))
        .isEqualTo(
            "<option value=\"E1\">Dorset (until 31 March 2019)</option>"
                + "<option value=\"E2\">Sand &amp; &lt;Sea&gt; &quot;Bay&quot;</option>");
  }
}
