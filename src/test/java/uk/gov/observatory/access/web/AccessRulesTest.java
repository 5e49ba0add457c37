package uk.gov.observatory.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.observatory.support.RegisterTest;

/** Every controller mapping has an access rule of its own (not only a catch-all). */
@RegisterTest
class AccessRulesTest {

  @Autowired ApplicationContext context;

  @Test
  @DisplayName("each controller mapping falls under an explicit access rule")
  void everyMappingHasARule() {
    AntPathMatcher matcher = new AntPathMatcher();
    List<String> rules = SecurityConfiguration.ruledPatterns();
    List<String> mappings = new ArrayList<>();
    List<String> unruled = new ArrayList<>();
    for (RequestMappingHandlerMapping mapping :
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, ?> e : mapping.getHandlerMethods().entrySet()) {
        for (String path : e.getKey().getPatternValues()) {
          mappings.add(path);
          // Path variables stand for any one segment.
          String concrete = path.replaceAll("\\{[^}]+}", "x");
          if (rules.stream().noneMatch(rule -> matcher.match(rule, concrete))) {
            unruled.add(path + " -> " + e.getValue());
          }
        }
      }
    }
    assertThat(mappings)
        .as("mappings found")
        .contains("/notifications", "/api/v1/notifications", "/sign-in");
    assertThat(unruled).as("mappings without an access rule").isEmpty();
  }
}
