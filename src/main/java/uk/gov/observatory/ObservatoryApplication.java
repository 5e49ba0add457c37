package uk.gov.observatory;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Observatory: the national register of serious child safeguarding incidents in England. The jar
 * starts at {@link uk.gov.observatory.cli.ObservatoryCommand#main}, which reads the command line.
 */
@SpringBootApplication
public class ObservatoryApplication {

  /** England's clock: "today" for the register is today in London. */
  public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  @Bean
  Clock clock() {
    return Clock.system(ENGLAND);
  }
}
