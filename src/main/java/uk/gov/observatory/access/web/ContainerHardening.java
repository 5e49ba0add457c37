package uk.gov.observatory.access.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The hardening headers on every answer, including those Tomcat makes itself before the application
 * sees the request (a malformed request line or URL, a bad Host header, an HTTP version it does not
 * speak), and Tomcat's own error page replaced by a plain one of ours (no server name or version,
 * no stack trace, no inline style). Spring Security sends the same headers on the answers it
 * handles (see {@link SecurityConfiguration#hardening}); this sets them first, on the engine, so
 * nothing goes out without them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
class ContainerHardening {

  static final String HSTS = "max-age=31536000 ; includeSubDomains";

  /**
   * Runs after Spring Boot's own customizer (which adds Tomcat's ErrorReportValve to the host), so
   * that valve can be replaced by ours.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityHeadersEverywhere() {
    return factory -> {
      factory.addEngineValves(new SecurityHeadersValve());
      factory.addContextCustomizers(
          context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
              host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
              for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve
                    && !(valve instanceof PlainErrorReportValve)) {
                  host.getPipeline().removeValve(valve);
                }
              }
              host.getPipeline().addValve(new PlainErrorReportValve());
            }
          });
    };
  }

  /** Sets each hardening header the response does not have yet. */
  static void setHeaders(Response response) {
    setIfAbsent(response, "Content-Security-Policy", SecurityConfiguration.CSP);
    setIfAbsent(response, "Strict-Transport-Security", HSTS);
    setIfAbsent(response, "X-Frame-Options", "DENY");
    setIfAbsent(response, "X-Content-Type-Options", "nosniff");
    setIfAbsent(response, "Referrer-Policy", "no-referrer");
  }

  private static void setIfAbsent(Response response, String name, String value) {
    if (!response.isCommitted() && !response.containsHeader(name)) {
      response.setHeader(name, value);
    }
  }

  /** The first valve of the engine: the headers before anything else answers. */
  static final class SecurityHeadersValve extends ValveBase {

    SecurityHeadersValve() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      setHeaders(response);
      getNext().invoke(request, response);
      // Again, in case something reset the response without committing it.
      setHeaders(response);
    }
  }

  /** Tomcat's error report, as a plain page with the hardening headers. */
  public static final class PlainErrorReportValve extends ErrorReportValve {

    public PlainErrorReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(false);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      // Plain words, no status code or reason phrase, and a way back to the start page.
      String heading =
          status >= 500
              ? "Sorry, there is a problem with the service"
              : "Sorry, there is a problem with your request";
      String page =
          "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
              + heading
              + " - Observatory</title></head><body><h1>"
              + heading
              + "</h1><p>"
              + (status >= 500
                  ? "Try again later."
                  : "The service could not read this web address or what was sent with it. Check"
                      + " the address and try again.")
              + "</p><p><a href=\"/\">Go to the start page</a></p></body></html>\n";
      try {
        setHeaders(response);
        response.setContentType("text/html");
        response.setCharacterEncoding("utf-8");
        PrintWriter writer = response.getReporter();
        if (writer != null) {
          writer.write(page);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone, or the response could not be written: nothing more to do.
      }
    }
  }
}
