package uk.gov.observatory;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import uk.gov.observatory.cli.ObservatoryCommand;

/** Observatory: the national register of serious child safeguarding incidents in England. */
@SpringBootApplication
public class ObservatoryApplication {

  /** England's clock: "today" for the register is today in London. */
  public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  public static void main(String[] args) {
    int code = ObservatoryCommand.run(args);
    if (code != ObservatoryCommand.KEEP_RUNNING) {
      System.exit(code);
    }
  }

  @Bean
  Clock clock() {
    return Clock.system(ENGLAND);
  }
}
