package uk.gov.observatory.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The browser tests' accessibility check itself: it passes a sound page and fails a faulty one. */
class BrowserTest {

  private static String page(String body) {
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Check</title></head><body><main><h1>Check</h1>"
            + body
            + "</main></body></html>";
    return "data:text/html;charset=utf-8,"
        + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  @DisplayName(
      "axe, as the browser tests run it, finds a form field without a label and an image without alt text")
  void accessibilityCheckFindsFaults() throws Exception {
    try (Browser browser = Browser.open("")) {
      browser
          .driver()
          .get(page("<p>A sound page.</p><label for=\"a\">Name</label><input id=\"a\">"));
      assertThatCode(() -> browser.assertAccessible("a sound page")).doesNotThrowAnyException();

      browser.driver().get(page("<input id=\"b\"><img src=\"data:,\">"));
      assertThatThrownBy(() -> browser.assertAccessible("a faulty page"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("a faulty page")
          .hasMessageContaining("image-alt")
          .hasMessageContaining("label");
    }
  }
}
