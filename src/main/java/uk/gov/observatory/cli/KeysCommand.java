package uk.gov.observatory.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.protection.IdentifyingDetails;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "The keys of identifying details (children's names and dates of birth).",
    subcommands = {KeysCommand.Rotate.class, CommandLine.HelpCommand.class})
class KeysCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Seals every identifying detail again under the current key.",
        "Every value sealed under another key is sealed under observatory.keys.current, in one transaction. The old keys must still be configured; afterwards they can be removed. Stop any running server first, then start it with the new current key."
      })
  static class Rotate implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
        int n =
            app.getBean(NotificationRegister.class).resealIdentifyingDetails()
                + app.getBean(Accounts.class).resealTotpSecrets();
        String key = app.getBean(IdentifyingDetails.class).currentKeyId();
        spec.commandLine().getOut().printf("Re-encrypted %d values to key %s%n", n, key);
        return 0;
      }
    }
  }
}
