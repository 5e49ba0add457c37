package uk.gov.observatory.cli;

import picocli.CommandLine.Command;

/**
 * {@code library}: the learning library's commands. (Helper B's placeholder for helper A's command:
 * its subcommands search and bench; add and publish are A's.)
 */
@Command(
    name = "library",
    mixinStandardHelpOptions = true,
    description = "The learning library: search its published documents, benchmark the search.",
    subcommands = {LibrarySearchCommand.class, LibraryBenchCommand.class})
class LibraryCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
