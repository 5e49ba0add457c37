package uk.gov.observatory.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend's fonts and images at /assets, where its CSS expects them; checks every
 * page's parameters for control characters ({@link FormInputCheck}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

  static final String GOVUK_ASSETS =
      "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_ASSETS);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new FormInputCheck()).excludePathPatterns("/api/**");
  }
}
