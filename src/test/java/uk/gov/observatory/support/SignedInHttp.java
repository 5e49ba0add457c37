package uk.gov.observatory.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the pages over plain HTTP: keeps the session cookie (by hand, since the JDK's
 * cookie manager will not send a Secure cookie over http://localhost), the latest CSRF token, and
 * signs in with password and authenticator code as the pages ask.
 */
public final class SignedInHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;
  private String session;
  private String csrf;

  public SignedInHttp(int port) {
    this.port = port;
  }

  /** Signs in through /sign-in and /sign-in/code; fails loudly when a step is refused. */
  public SignedInHttp signIn(TestAccounts.Person person, String code) throws Exception {
    get("/sign-in");
    HttpResponse<String> password =
        post("/sign-in", Map.of("username", person.username(), "password", TestAccounts.PASSWORD));
    expectRedirect(password, null);
    // The code page, or at first sign-in the page that sets up the authenticator app.
    String next = URI.create(password.headers().firstValue("Location").orElseThrow()).getPath();
    if (!next.equals("/sign-in/code") && !next.equals("/sign-in/set-up")) {
      throw new AssertionError("sign-in went to " + next);
    }
    get(next);
    expectRedirect(post(next, Map.of("code", code)), null);
    return this;
  }

  /** Signs in with a username, its password and an authenticator code. */
  public SignedInHttp signIn(String username, String password, String code) throws Exception {
    get("/sign-in");
    HttpResponse<String> first =
        post("/sign-in", Map.of("username", username, "password", password));
    expectRedirect(first, null);
    String next = URI.create(first.headers().firstValue("Location").orElseThrow()).getPath();
    get(next);
    expectRedirect(post(next, Map.of("code", code)), null);
    return this;
  }

  public SignedInHttp signIn(TestAccounts.Person person) throws Exception {
    return signIn(person, person.code());
  }

  private static void expectRedirect(HttpResponse<String> r, String to) {
    if (r.statusCode() != 302
        || (to != null && !r.headers().firstValue("Location").orElse("").endsWith(to))) {
      throw new AssertionError("sign-in step refused: " + r.statusCode() + " " + r.body());
    }
  }

  public String session() {
    return session;
  }

  /** The latest CSRF token a page of this session carried (null before any). */
  public String csrf() {
    return csrf;
  }

  public void session(String value) {
    session = value;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(builder(path).header("Accept", "text/html").GET());
  }

  public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    return post(path, form, true);
  }

  /** A form POST, with or without the session's CSRF token. */
  public HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf)
      throws Exception {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (withCsrf && csrf != null) {
      fields.put("_csrf", csrf);
    }
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        builder(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (session != null) {
      b.header("Cookie", "JSESSIONID=" + session);
    }
    return b;
  }

  /** A GET whose body is bytes (a PDF, say), in this session. */
  public HttpResponse<byte[]> getBytes(String path) throws Exception {
    return http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String cookie : r.headers().allValues("Set-Cookie")) {
      Matcher m = SESSION.matcher(cookie);
      if (m.find()) {
        session = m.group(1);
      }
    }
    Matcher m = CSRF.matcher(r.body() == null ? "" : r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }
}
