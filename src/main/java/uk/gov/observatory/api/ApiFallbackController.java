package uk.gov.observatory.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers every {@code /api/**} request that no other mapping takes, so that it gets a problem
 * response from this API's advice rather than the pages' error page: 405 (with Allow) when the path
 * exists but not for this method, else 404. Being the least specific pattern, it never shadows a
 * real endpoint (nor the OpenAPI description).
 */
@Hidden
@ApiController
class ApiFallbackController {

  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  ApiFallbackController(
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @RequestMapping("/api/**")
  void unmatched(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
    Set<String> allowed = allowedMethods(request);
    if (!allowed.isEmpty()) {
      throw new HttpRequestMethodNotSupportedException(request.getMethod(), allowed);
    }
    throw new ApiPathNotFoundException();
  }

  /** The methods that other mappings accept for this path (empty when none maps it). */
  private Set<String> allowedMethods(HttpServletRequest request) {
    RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
    if (mapping == null) {
      return Set.of();
    }
    if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
      ServletRequestPathUtils.parseAndCache(request);
    }
    Set<String> allowed = new LinkedHashSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      if (e.getValue().getBeanType().equals(ApiFallbackController.class)) {
        continue;
      }
      PathPatternsRequestCondition paths = e.getKey().getPathPatternsCondition();
      if (paths != null && paths.getMatchingCondition(request) != null) {
        for (RequestMethod m : e.getKey().getMethodsCondition().getMethods()) {
          allowed.add(m.name());
          if (m == RequestMethod.GET) {
            allowed.add(RequestMethod.HEAD.name());
          }
        }
      }
    }
    if (!allowed.isEmpty()) {
      allowed.add(RequestMethod.OPTIONS.name());
    }
    return allowed;
  }

  /** No endpoint of the API has this path. */
  static class ApiPathNotFoundException extends RuntimeException {
    ApiPathNotFoundException() {
      super("No such API path");
    }
  }
}
