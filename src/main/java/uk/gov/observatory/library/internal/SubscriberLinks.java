package uk.gov.observatory.library.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The service's public address, for the links in the library's emails and its feed (absolute
 * addresses): {@code observatory.base-url} (e.g. {@code https://observatory.example.gov.uk}), else
 * this server on localhost at its port (the demonstration, the tests). Never taken from a request's
 * Host header, which a client chooses: a cached feed or a queued email would carry it.
 */
@Component
public class SubscriberLinks {

  private final Environment env;

  public SubscriberLinks(Environment env) {
    this.env = env;
  }

  /** The base address, without a trailing slash. */
  public String baseUrl() {
    String configured = env.getProperty("observatory.base-url", "");
    if (!configured.isBlank()) {
      return configured.strip().replaceAll("/+$", "");
    }
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }
}
