package uk.gov.observatory.protection.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.gov.observatory.protection.IdentifyingDetails;

@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

  @Bean
  IdentifyingDetails identifyingDetails(Environment env) {
    return IdentifyingKeys.load(env);
  }
}
