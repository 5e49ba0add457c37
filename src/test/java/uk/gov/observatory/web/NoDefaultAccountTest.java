package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.gov.observatory.support.RegisterTest;

@RegisterTest
class NoDefaultAccountTest {

  @Autowired ApplicationContext context;

  @Test
  @DisplayName("there is no default account: Spring Boot's generated user is switched off")
  void noGeneratedUser() {
    assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
  }
}
