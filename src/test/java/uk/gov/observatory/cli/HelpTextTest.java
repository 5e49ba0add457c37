package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command's and option's help is whole sentences: the one-line summary the command list shows
 * (the first line of a command's description) is a full sentence, and no line of a description
 * stops mid-sentence (picocli prints each line of a description as it is, so a sentence broken over
 * lines reads "... rapid_reviews.csv and lcsprs.csv when" in the list).
 */
class HelpTextTest {

  @Test
  void everyCommandAndOptionIsDescribedInWholeSentences() {
    List<String> broken = new ArrayList<>();
    check(new CommandLine(new ObservatoryCommand()).getCommandSpec(), broken);
    assertThat(broken).as("help lines that stop mid-sentence").isEmpty();
  }

  private static void check(CommandSpec spec, List<String> broken) {
    if (spec.userObject() instanceof CommandLine.HelpCommand) {
      return; // picocli's own "help" command
    }
    String name = spec.qualifiedName();
    String[] description = spec.usageMessage().description();
    assertThat(description).as(name + " has a description").isNotEmpty();
    if (!description[0].strip().endsWith(".") || description[0].length() > 100) {
      broken.add(name + " (summary, one short sentence): " + description[0]);
    }
    for (String line : description) {
      if (!whole(line) && !line.startsWith("  ")) {
        broken.add(name + ": " + line);
      }
    }
    for (OptionSpec o : spec.options()) {
      for (String line : o.description()) {
        if (!whole(line)) {
          broken.add(name + " " + o.longestName() + ": " + line);
        }
      }
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      for (String line : p.description()) {
        if (!whole(line)) {
          broken.add(name + " " + p.paramLabel() + ": " + line);
        }
      }
    }
    spec.subcommands().values().forEach(sub -> check(sub.getCommandSpec(), broken));
  }

  private static boolean whole(String line) {
    String s = line.strip();
    return s.endsWith(".") || s.endsWith(":") || s.endsWith(".)") || s.endsWith("?");
  }
}
