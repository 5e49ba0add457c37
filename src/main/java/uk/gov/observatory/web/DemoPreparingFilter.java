package uk.gov.observatory.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the demonstration prepares ({@link DemoMode#isPreparing()}), every page answers 503 with
 * "The demonstration is being prepared", what it is doing and a progress bar, and refreshes itself
 * every few seconds; the API answers a 503 problem. Style sheets and images still load. Runs before
 * the security filters, so nobody is offered a sign-in no account can pass yet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoPreparingFilter extends OncePerRequestFilter {

  /** Seconds between the page's own refreshes (and the API's Retry-After). */
  static final int REFRESH_SECONDS = 3;

  private final DemoMode demo;

  DemoPreparingFilter(DemoMode demo) {
    this.demo = demo;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!demo.isPreparing()) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/assets/")
        || path.startsWith("/webjars/")
        || path.equals("/observatory.css")
        || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(REFRESH_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"The demonstration is being prepared\","
                  + "\"status\":503,\"detail\":\"The demonstration's data and accounts are being"
                  + " made. Try again in a few seconds.\"}");
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write(page(demo.step(), (int) Math.floor(demo.done() * 100)));
  }

  static String page(String step, int percent) {
    String s = HtmlUtils.htmlEscape(step);
    return """
        <!DOCTYPE html>
        <html lang="en" class="govuk-template govuk-template--rebranded">
        <head>
          <meta charset="utf-8">
          <title>The demonstration is being prepared – Observatory – GOV.UK</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
          <meta http-equiv="refresh" content="%d">
          <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
          <link rel="stylesheet" href="/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css">
          <link rel="stylesheet" href="/observatory.css">
        </head>
        <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
        <header class="govuk-header" data-module="govuk-header">
          <div class="govuk-header__container govuk-width-container">
            <div class="govuk-header__logo">
              <span class="govuk-header__link govuk-header__link--homepage">Observatory</span>
            </div>
          </div>
        </header>
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content">
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">The demonstration is being prepared</h1>
                <p class="govuk-body">Synthetic notifications, reviews and the demonstration's
                  accounts are being made. This takes a minute at most; this page refreshes itself
                  and you can sign in when it is ready.</p>
                <p class="govuk-body">The accounts, with their passwords and authenticator secrets,
                  are printed where the server was started once they exist.</p>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-label--s" for="demo-progress">%s</label>
                  <progress id="demo-progress" class="observatory-progress" max="100" value="%d">%d%%</progress>
                  <p class="govuk-body-s" role="status">%d%% done</p>
                </div>
              </div>
            </div>
          </main>
        </div>
        </body>
        </html>
        """
        .formatted(REFRESH_SECONDS, s, percent, percent, percent);
  }
}
