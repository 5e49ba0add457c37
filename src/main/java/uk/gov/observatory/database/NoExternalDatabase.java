package uk.gov.observatory.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no external database is configured ({@code spring.datasource.url} blank or unset). */
class NoExternalDatabase implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return matches(context.getEnvironment());
  }

  static boolean matches(Environment env) {
    String url = env.getProperty("spring.datasource.url");
    return url == null || url.isBlank();
  }

  /** The opposite: an external database is configured. */
  static class External implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !NoExternalDatabase.matches(context.getEnvironment());
    }
  }
}
