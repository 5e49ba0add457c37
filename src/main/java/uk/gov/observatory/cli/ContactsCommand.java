package uk.gov.observatory.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.review.InvalidReviewException;
import uk.gov.observatory.review.PartnershipContact;
import uk.gov.observatory.review.PartnershipContacts;
import uk.gov.observatory.review.ReviewProblem;

@Command(
    name = "contacts",
    mixinStandardHelpOptions = true,
    description = {
      "Sets where each safeguarding partnership's rapid review reminders are emailed.",
      "A partnership is named by its local authority's GSS code. A partnership without a contact gets no reminders (the server logs a warning)."
    },
    subcommands = {
      ContactsCommand.Set.class,
      ContactsCommand.ListContacts.class,
      ContactsCommand.Remove.class
    })
class ContactsCommand implements Callable<Integer> {

  /** The exit code of a request with bad input: nothing was changed. */
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Sets (or replaces) a partnership's contact email address (audited).")
  static class Set implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CODE", description = "GSS code, such as E09000033.")
    String code;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "One address.")
    String email;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      // The address is checked before the database is opened; the code needs the reference data.
      Optional<String> emailProblem = PartnershipContacts.emailProblem(email);
      if (emailProblem.isPresent()) {
        err.println("error: email: " + emailProblem.get());
        err.println("Nothing was changed.");
        return BAD_INPUT;
      }
      try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
        PartnershipContact c =
            app.getBean(PartnershipContacts.class).set(code, email, Actors.cli());
        spec.commandLine()
            .getOut()
            .printf(
                "Reminders for %s (%s) go to %s.%n",
                c.partnershipCode(), c.authorityName(), c.email());
        return 0;
      } catch (InvalidReviewException e) {
        return refused(err, e);
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the contacts: code, local authority, email.")
  static class ListContacts implements Callable<Integer> {

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
        List<PartnershipContact> contacts = app.getBean(PartnershipContacts.class).list();
        if (contacts.isEmpty()) {
          out.println("(no contacts: set one with 'contacts set CODE EMAIL')");
          return 0;
        }
        int name =
            Math.max(
                "LOCAL AUTHORITY".length(),
                contacts.stream().mapToInt(c -> c.authorityName().length()).max().orElse(0));
        String row = "%-11s%-" + (name + 2) + "s%s%n";
        out.printf(row, "CODE", "LOCAL AUTHORITY", "EMAIL");
        for (PartnershipContact c : contacts) {
          out.printf(row, c.partnershipCode(), c.authorityName(), c.email());
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes a partnership's contact: it gets no reminders until one is set.")
  static class Remove implements Callable<Integer> {

    @Parameters(paramLabel = "CODE")
    String code;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
        if (!app.getBean(PartnershipContacts.class).remove(code, Actors.cli())) {
          spec.commandLine().getErr().printf("error: %s has no contact to remove%n", code);
          return BAD_INPUT;
        }
        spec.commandLine().getOut().printf("Contact for %s removed.%n", code);
        return 0;
      }
    }
  }

  static int refused(PrintWriter err, InvalidReviewException e) {
    for (ReviewProblem p : e.problems()) {
      err.println("error: " + p.field() + ": " + p.message());
    }
    err.println("Nothing was changed.");
    return BAD_INPUT;
  }
}
