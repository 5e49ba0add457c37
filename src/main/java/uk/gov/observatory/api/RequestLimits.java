package uk.gov.observatory.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API takes before any of it is read, answered as problems:
 *
 * <ul>
 *   <li>a body (POST, PUT, PATCH under /api/) only as {@code application/json} (or a {@code +json}
 *       type), or {@code text/csv} where an endpoint takes a CSV file (an analysis's codings and
 *       resolutions): anything else, {@code *}{@code /*} and a missing Content-Type included, is a
 *       415;
 *   <li>a body of at most {@link #MAX_JSON_BYTES} (1 MB): a larger one is a 413, refused on its
 *       Content-Length before it is read, or, when it comes in chunks without one, as soon as it
 *       passes the limit (nothing of it is parsed or stored);
 *   <li>a page's form (not an upload) of at most {@link #MAX_FORM_BYTES} (1 MB): a larger one is a
 *       413 with the error page, before Spring Security or anything else reads it;
 *   <li>a direct request for Spring's error path {@code /error} is a 404 like any unknown path (the
 *       error page is only ever shown for a real error).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

  /** The largest JSON body the API reads: 1 MB, far above any notification or review. */
  static final int MAX_JSON_BYTES = 1024 * 1024;

  /**
   * The largest body of a page's form (not an upload): 1 MB, as Tomcat's own limit for form
   * parameters (server.tomcat.max-http-form-post-size), far above any form of the service. Uploads
   * (multipart: the published LCSPR report) have Spring's multipart limits, 20 MB a file.
   */
  static final int MAX_FORM_BYTES = 1024 * 1024;

  static final String ERROR_PATH = "/error";

  @Bean
  FilterRegistrationBean<LimitsFilter> apiRequestLimits(JsonMapper json) {
    FilterRegistrationBean<LimitsFilter> registration =
        new FilterRegistrationBean<>(new LimitsFilter(json));
    // Before Spring Security: an over-large body is refused before anything reads it (Spring
    // Security's CSRF check reads a form's parameters, so the body, first).
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  static final class LimitsFilter extends OncePerRequestFilter {
    private final JsonMapper json;

    LimitsFilter(JsonMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/")) {
        notFound(request, response);
        return;
      }
      if (!hasBody(request.getMethod())) {
        if (parametersReadable(request, response, path)) {
          chain.doFilter(request, response);
        }
        return;
      }
      if (!path.startsWith("/api/")) {
        if (!isMultipart(request.getContentType())
            && request.getContentLengthLong() > MAX_FORM_BYTES) {
          // A page's form: the error page for 413 says what happened.
          response.setHeader("Connection", "close");
          response.sendError(413);
          return;
        }
        if (parametersReadable(request, response, path)) {
          chain.doFilter(request, response);
        }
        return;
      }
      long declared = request.getContentLengthLong();
      String contentType = request.getContentType();
      boolean typed = contentType != null && !contentType.isBlank();
      // A request without a body (no length, no type) goes on: the endpoint answers it (404 for an
      // unknown path, 415 from an endpoint that needs a body).
      if ((declared > 0 || typed)
          && !isJson(contentType)
          && !(CSV_BODIES.matcher(path).matches() && isCsv(contentType))) {
        problem(
            request,
            response,
            415,
            "Unsupported Media Type",
            "The request body must be JSON, sent with Content-Type: application/json.",
            "Content-Type",
            "must be application/json");
        return;
      }
      if (declared > MAX_JSON_BYTES) {
        tooLarge(request, response);
        return;
      }
      if (!parametersReadable(request, response, path)) {
        return;
      }
      if (declared < 0) {
        // Chunked: read at most one byte past the limit, and refuse before parsing anything.
        byte[] body = readAtMost(request.getInputStream(), MAX_JSON_BYTES + 1);
        if (body.length > MAX_JSON_BYTES) {
          tooLarge(request, response);
          return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
        return;
      }
      chain.doFilter(request, response);
    }

    /**
     * Reads the request's parameters (the query string, and a form's or an upload's fields) once,
     * before anything else does: parameters that cannot be read (not UTF-8, an empty name, a
     * multipart body without its boundary, a form over Tomcat's limit) are a 400 (413 for the
     * size), answered here, instead of an exception in whichever filter reads them first.
     */
    private boolean parametersReadable(
        HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
      try {
        request.getParameterMap();
        return true;
      } catch (RuntimeException e) {
        int status =
            e instanceof InvalidParameterException invalid && invalid.getErrorCode() == 413
                ? 413
                : 400;
        if (status == 413) {
          response.setHeader("Connection", "close");
        }
        if (path.startsWith("/api/")) {
          problem(
              request,
              response,
              status,
              status == 413 ? "Content Too Large" : "Bad Request",
              "The request's parameters cannot be read: the address and any form must be"
                  + " UTF-8, each parameter must have a name, and a multipart body its boundary.",
              null,
              null);
        } else {
          response.sendError(status);
        }
        return false;
      }
    }

    /** The API's paths that take a CSV file as their body ({@code text/csv}, UTF-8). */
    static final java.util.regex.Pattern CSV_BODIES =
        java.util.regex.Pattern.compile("/api/v1/analyses/[^/]+/(codings|resolutions)");

    static boolean isCsv(String contentType) {
      try {
        MediaType type = MediaType.parseMediaType(contentType);
        Charset charset = type.getCharset();
        return type.getType().equals("text")
            && type.getSubtype().equals("csv")
            && (charset == null || charset.equals(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        return false;
      }
    }

    private static boolean isMultipart(String contentType) {
      return contentType != null
          && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean hasBody(String method) {
      return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    static boolean isJson(String contentType) {
      if (contentType == null || contentType.isBlank()) {
        return false;
      }
      MediaType type;
      try {
        type = MediaType.parseMediaType(contentType);
      } catch (InvalidMediaTypeException e) {
        return false;
      }
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        return false;
      }
      Charset charset;
      try {
        charset = type.getCharset();
      } catch (RuntimeException e) {
        return false;
      }
      if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
        return false;
      }
      return type.getType().equals("application")
          && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while (out.size() < max
          && (n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) != -1) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      // The rest of the body is not read: the connection is closed after the answer.
      response.setHeader("Connection", "close");
      problem(
          request,
          response,
          413,
          "Content Too Large",
          "The request body is larger than 1 MB (1048576 bytes): nothing was read or stored.",
          null,
          null);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String accept = request.getHeader("Accept");
      if (accept != null && accept.contains("text/html")) {
        response.sendError(404);
        return;
      }
      problem(
          request,
          response,
          404,
          "Not Found",
          "There is nothing at this path. The API is described at /api/v1/openapi.json.",
          null,
          null);
    }

    private void problem(
        HttpServletRequest request,
        HttpServletResponse response,
        int status,
        String title,
        String detail,
        String field,
        String reason)
        throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "about:blank");
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("instance", request.getRequestURI());
      if (field != null) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("value", null);
        error.put("reason", reason);
        body.put("errors", List.of(error));
      }
      response.setStatus(status);
      if (status == 415) {
        response.setHeader("Accept-Post", MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Accept-Patch", MediaType.APPLICATION_JSON_VALUE);
      }
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(json.writeValueAsBytes(body));
    }
  }

  /** A request whose body was read ahead (a chunked body within the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
  }
}
