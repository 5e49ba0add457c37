package uk.gov.observatory.cli;

import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.audit.AuditVerification;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit log of sign-ins, reads, changes, imports, exports and reports.",
    subcommands = {AuditCommand.Verify.class})
class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    // "audit" alone: say what it can do.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks the audit log's hash chain, entry by entry in order.",
        "Prints 'Audit chain intact: N entries' (exit code 0), or names the first entry that was altered, inserted or follows a deleted one (exit code 1)."
      })
  static class Verify implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
        AuditVerification result = app.getBean(AuditLog.class).verify();
        if (result.intact()) {
          spec.commandLine().getOut().println(result.message());
          return 0;
        }
        spec.commandLine().getErr().println(result.message());
        return 1;
      }
    }
  }
}
