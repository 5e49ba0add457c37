package uk.gov.observatory.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The API's refusals (401 without a valid token, 403 without the permission) as RFC 9457 problems.
 */
@Component
class ApiAuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"observatory\"");
    write(
        request,
        response,
        401,
        "urn:observatory:problem:unauthenticated",
        "Sign-in required",
        "Send a personal API token as 'Authorization: Bearer obs_…' (made with 'users token');"
            + " the request had none, or one that is unknown, expired or revoked.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(
        request,
        response,
        403,
        "urn:observatory:problem:forbidden",
        "Not permitted",
        "Your account's role does not allow this request.");
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String type,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(SecurityConfiguration.PROBLEM.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + type
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail.replace("\"", "'")
                + "\",\"instance\":\""
                + json(request.getRequestURI())
                + "\"}");
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
