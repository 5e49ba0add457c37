package uk.gov.observatory.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tests run on a fixed day, so "not in the future" means the same thing every run. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

  /** "Today" in every test. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /** The instant the fixed clock always shows. */
  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Bean
  @Primary
  public Clock fixedClock() {
    ZoneId london = ZoneId.of("Europe/London");
    return Clock.fixed(NOW, london);
  }
}
