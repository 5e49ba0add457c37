package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisNotFoundException;
import uk.gov.observatory.learning.AnalysisResults;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.DefaultFrames;
import uk.gov.observatory.learning.DrawRequest;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.Grouping;
import uk.gov.observatory.learning.InvalidAnalysisException;
import uk.gov.observatory.learning.NewAnalysis;
import uk.gov.observatory.learning.Population;
import uk.gov.observatory.learning.ResultsCsv;
import uk.gov.observatory.learning.SampleCsv;
import uk.gov.observatory.learning.Stratify;
import uk.gov.observatory.learning.ThematicAnalyses;

/**
 * {@code analysis ...}: thematic analyses at the command line (issue 17's contract). The command
 * line acts as the system actor {@code cli:<user>}; every change is audited by the service. Bad
 * input is refused with a message naming what is wrong and what is allowed, exit code 2, and
 * nothing stored.
 */
@Command(
    name = "analysis",
    mixinStandardHelpOptions = true,
    description = {
      "Thematic analyses: samples, control groups, coding and results.",
      "Create an analysis, draw its sample and control group, assign coders, import codings and resolutions, and write the sample and the results as CSV.",
      "Bad input is refused with a message and exit code 2; nothing is stored. Each command works while the server runs on the same data folder."
    },
    subcommands = {
      AnalysisCommand.Create.class,
      AnalysisCommand.Draw.class,
      AnalysisCommand.Sample.class,
      AnalysisCommand.Assign.class,
      AnalysisCommand.Codings.class,
      AnalysisCommand.Resolve.class,
      AnalysisCommand.ResultsOut.class
    })
class AnalysisCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  static final Set<String> TYPES = Set.of("DEATH", "SERIOUS_HARM", "OTHER");

  static final List<String> COVID_FACTORS =
      List.of(
          "PARENTAL_FAMILY_STRESSORS",
          "CHILD_VULNERABILITY",
          "SCHOOL_CLOSURE",
          "COVID_SAFE_ADAPTATION");

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** Bad input found before the application starts: the message, and exit code 2. */
  static final class BadInput extends ServiceRun.BadInput {
    BadInput(String message) {
      super(message);
    }
  }

  static Viewer viewer() {
    return Viewer.system(Actors.cli());
  }

  /**
   * Checks the input, starts the application beside any server on the same folder, runs the action
   * and prints the line it returns. Refusals (bad input, the service's problems, no such analysis)
   * print their message and give exit code 2.
   */
  static int run(
      DatabaseOptions db,
      CommandSpec spec,
      Runnable check,
      Function<ConfigurableApplicationContext, String> action) {
    return ServiceRun.run(db, spec, check, action, AnalysisCommand::refused);
  }

  /** The analyses' refusals: each problem with its field, or no such analysis. */
  private static boolean refused(RuntimeException e, PrintWriter out, PrintWriter err) {
    if (e instanceof InvalidAnalysisException invalid) {
      for (InvalidAnalysisException.Problem p : invalid.problems()) {
        err.println(
            "error: "
                + (p.field() == null || p.field().isBlank() ? "" : p.field() + ": ")
                + p.message());
      }
      err.println("Refused: nothing was stored.");
    } else if (e instanceof AnalysisNotFoundException) {
      err.println("error: " + e.getMessage() + ": check the analysis reference");
    } else {
      return false;
    }
    return true;
  }

  /** A date option: blank is an error, not today. */
  static LocalDate date(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadInput(option + " '" + value + "' is not a date: give it as YYYY-MM-DD");
    }
  }

  /** Both ends of a range or neither; the first not after the last. */
  static void range(String fromOption, LocalDate from, String toOption, LocalDate to) {
    if ((from == null) != (to == null)) {
      throw new BadInput(
          "give both " + fromOption + " and " + toOption + " (the first and last day), or neither");
    }
    if (from != null && from.isAfter(to)) {
      throw new BadInput(
          fromOption + " " + from + " is after " + toOption + " " + to + ": swap them");
    }
  }

  static Path readable(String option, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadInput(option + " " + file + ": no such file, or it cannot be read");
    }
    return file;
  }

  static void writable(String option, Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new BadInput(
          option + " " + file + ": cannot write it: its folder does not exist or is not writable");
    }
  }

  static <T> T io(IoAction<T> action, String what) {
    try {
      return action.run();
    } catch (IOException e) {
      throw new BadInput("cannot " + what + ": " + e.getMessage());
    }
  }

  interface IoAction<T> {
    T run() throws IOException;
  }

  // --- create ------------------------------------------------------------------------------------

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Creates a thematic analysis with its population and coding frame.",
        "The analysis starts in scoping; with --frame, its coding frame is loaded.",
        "The population: notifications whose rapid review was received in the range, of the type, citing any (ANY) or the given COVID-19 factor. The frame CSV has the columns code, value, label, definition: one row for each value of a code (Y and N, or NONE, LOW, MEDIUM and HIGH)."
      })
  static class Create implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis's reference, e.g. TA-2020-01.")
    String ref;

    @Option(
        names = "--title",
        required = true,
        paramLabel = "TEXT",
        description = "What the analysis is called.")
    String title;

    @Option(names = "--question", paramLabel = "TEXT", description = "The question it answers.")
    String question;

    @Option(
        names = "--lead",
        paramLabel = "USERNAME",
        description =
            "The account that leads it, a member of the Panel's secretariat (optional: the"
                + " secretariat can name the lead on the pages later).")
    String lead;

    @Option(
        names = "--received-from",
        paramLabel = "DATE",
        description = "First day a rapid review was received, YYYY-MM-DD.")
    String receivedFrom;

    @Option(
        names = "--received-to",
        paramLabel = "DATE",
        description = "Last day a rapid review was received, YYYY-MM-DD.")
    String receivedTo;

    @Option(names = "--type", paramLabel = "TYPE", description = "DEATH, SERIOUS_HARM or OTHER.")
    String type;

    @Option(
        names = "--covid-factor",
        paramLabel = "ANY|CODE",
        description =
            "ANY (citing any COVID-19 factor) or one of PARENTAL_FAMILY_STRESSORS,"
                + " CHILD_VULNERABILITY, SCHOOL_CLOSURE, COVID_SAFE_ADAPTATION.")
    String covidFactor;

    @Option(
        names = "--frame",
        paramLabel = "FILE",
        description =
            "The coding frame CSV, or covid-19 for the shipped COVID-19 frame (the four factors of"
                + " the annual report 2020, each none, low, medium or high).")
    Path frame;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    Population population;

    @Override
    public Integer call() {
      return run(db, spec, this::check, this::create);
    }

    void check() {
      if (title.isBlank()) {
        throw new BadInput("--title is blank: give the analysis a title");
      }
      LocalDate from = date("--received-from", receivedFrom);
      LocalDate to = date("--received-to", receivedTo);
      range("--received-from", from, "--received-to", to);
      population = Population.received(from, to);
      if (type != null) {
        String t = type.trim().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(t)) {
          throw new BadInput(
              "--type '"
                  + type
                  + "' is not a type of notification: use DEATH, SERIOUS_HARM or OTHER");
        }
        population = population.withTypes(Set.of(t));
      }
      if (covidFactor != null) {
        String f = covidFactor.trim().toUpperCase(Locale.ROOT);
        if (!f.equals(Population.ANY_COVID_FACTOR) && !COVID_FACTORS.contains(f)) {
          throw new BadInput(
              "--covid-factor '"
                  + covidFactor
                  + "' is not known: use ANY or one of "
                  + String.join(", ", COVID_FACTORS));
        }
        population = population.withCovidFactor(f);
      }
      if (frame != null && !builtInFrame()) {
        readable("--frame", frame);
      }
    }

    /** {@code --frame covid-19} names the shipped frame (unless a file of that name exists). */
    boolean builtInFrame() {
      return frame.toString().equals(DefaultFrames.COVID_19_NAME) && !Files.exists(frame);
    }

    String create(ConfigurableApplicationContext app) {
      ThematicAnalyses analyses = app.getBean(ThematicAnalyses.class);
      Viewer viewer = viewer();
      // The frame is read (and refused) before anything is stored.
      List<FrameCode> codes =
          frame == null
              ? List.of()
              : io(
                  () -> {
                    try (Reader r =
                        builtInFrame()
                            ? DefaultFrames.covid19()
                            : Files.newBufferedReader(frame, StandardCharsets.UTF_8)) {
                      return analyses.readFrame(r);
                    }
                  },
                  "read --frame " + frame);
      Analysis a =
          analyses.create(new NewAnalysis(ref, title.trim(), question, lead, population), viewer);
      if (!codes.isEmpty()) {
        a = analyses.frame(a.ref(), codes, viewer);
      }
      int count = analyses.count(a.population(), viewer);
      return String.format(
          "Created analysis %s (%s, %s): %d notifications in its population today; coding frame"
              + " of %d codes.",
          a.ref(),
          a.status().label(),
          a.lead() == null ? "no lead yet" : "led by " + a.lead(),
          count,
          a.frame().size());
    }
  }

  // --- draw --------------------------------------------------------------------------------------

  @Command(
      name = "draw",
      mixinStandardHelpOptions = true,
      description = {
        "Draws the sample (and a control group) with a recorded seed.",
        "Drawn once: the same seed and population give the same cases, frozen when drawn.",
        "The control group is drawn from the rapid reviews received in --control-received-from/--control-received-to (default: the population's received period), leaving out the sample."
      })
  static class Draw implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis.")
    String ref;

    @Option(names = "--size", paramLabel = "N", description = "Draw N cases.")
    Integer size;

    @Option(
        names = "--percent",
        paramLabel = "P",
        description = "Draw P%% of the population (rounded half up; 100: everything).")
    String percent;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The seed.")
    String seed;

    @Option(
        names = "--stratify",
        paramLabel = "region|type",
        description = "Stratify by region or type of notification (sizes by largest remainder).")
    String stratify;

    @Option(
        names = "--control",
        paramLabel = "M",
        description = "Also draw a control group of M cases.")
    Integer control;

    @Option(
        names = "--control-received-from",
        paramLabel = "DATE",
        description = "First day a control case's rapid review was received, YYYY-MM-DD.")
    String controlFrom;

    @Option(
        names = "--control-received-to",
        paramLabel = "DATE",
        description = "Last day a control case's rapid review was received, YYYY-MM-DD.")
    String controlTo;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    DrawRequest request;

    @Override
    public Integer call() {
      return run(db, spec, this::check, this::draw);
    }

    void check() {
      if ((size == null) == (percent == null)) {
        throw new BadInput("give exactly one of --size N and --percent P");
      }
      if (size != null && size < 1) {
        throw new BadInput("--size " + size + " is not allowed: give a whole number of 1 or more");
      }
      BigDecimal p = null;
      if (percent != null) {
        try {
          p = new BigDecimal(percent.trim());
        } catch (NumberFormatException e) {
          p = null;
        }
        if (p == null || p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw new BadInput(
              "--percent '" + percent + "' is not allowed: give a number above 0 and at most 100");
        }
      }
      long s;
      try {
        s = Long.parseLong(seed.trim());
      } catch (NumberFormatException e) {
        throw new BadInput("--seed '" + seed + "' is not a whole number: give one, e.g. 2020");
      }
      Stratify by = Stratify.NONE;
      if (stratify != null) {
        by =
            switch (stratify.trim().toLowerCase(Locale.ROOT)) {
              case "region" -> Stratify.REGION;
              case "type" -> Stratify.TYPE;
              default ->
                  throw new BadInput(
                      "--stratify '" + stratify + "' is not known: use region or type");
            };
      }
      if (control != null && control < 1) {
        throw new BadInput(
            "--control " + control + " is not allowed: give a whole number of 1 or more");
      }
      LocalDate cf = date("--control-received-from", controlFrom);
      LocalDate ct = date("--control-received-to", controlTo);
      range("--control-received-from", cf, "--control-received-to", ct);
      if (cf != null && control == null) {
        throw new BadInput(
            "--control-received-from/--control-received-to need --control M (the control group's"
                + " size)");
      }
      request =
          new DrawRequest(size, p, s, by, control, cf == null ? null : Population.received(cf, ct));
    }

    String draw(ConfigurableApplicationContext app) {
      ThematicAnalyses analyses = app.getBean(ThematicAnalyses.class);
      Analysis a = analyses.draw(ref, request, viewer());
      List<AnalysisCase> cases = analyses.cases(ref, viewer());
      long sample = cases.stream().filter(c -> c.group().name().equals("SAMPLE")).count();
      long controls = cases.size() - sample;
      return String.format(
          "Drew %d cases%s for analysis %s with seed %d (%s).",
          sample,
          controls > 0 ? " and a control group of " + controls : "",
          a.ref(),
          request.seed(),
          a.status().label());
    }
  }

  // --- sample ------------------------------------------------------------------------------------

  @Command(
      name = "sample",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the drawn cases as CSV.",
        "Columns: notification_ref, group (SAMPLE or CONTROL)."
      })
  static class Sample implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis.")
    String ref;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file.")
    Path out;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(db, spec, () -> writable("--out", out), this::write);
    }

    String write(ConfigurableApplicationContext app) {
      List<AnalysisCase> cases = app.getBean(ThematicAnalyses.class).cases(ref, viewer());
      io(
          () -> {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
              SampleCsv.write(cases, w);
            }
            return null;
          },
          "write " + out);
      return String.format("Wrote the %d drawn cases of %s to %s.", cases.size(), ref, out);
    }
  }

  // --- assign ------------------------------------------------------------------------------------

  @Command(
      name = "assign",
      mixinStandardHelpOptions = true,
      description = {
        "Assigns the drawn cases to coders, a share double-coded.",
        "Cases go to the coders in turn; the double-coded share (chosen with the seed) gets a second, different coder. A coder is never given a case of an authority they are withdrawn from."
      })
  static class Assign implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis.")
    String ref;

    @Option(
        names = "--coders",
        required = true,
        paramLabel = "a,b,...",
        description = "The coders' usernames, comma-separated.")
    String coders;

    @Option(
        names = "--double-coded-percent",
        defaultValue = "20",
        paramLabel = "P",
        description = "The percentage of cases double-coded, 0 to 100 (default 20).")
    String doubleCoded;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "The seed.")
    String seed;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    List<String> names;
    int percent;
    long s;

    @Override
    public Integer call() {
      return run(db, spec, this::check, this::assign);
    }

    void check() {
      names = Arrays.stream(coders.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
      if (names.isEmpty()) {
        throw new BadInput("--coders is empty: give the coders' usernames, comma-separated");
      }
      if (names.size() != names.stream().distinct().count()) {
        throw new BadInput("--coders names a coder twice: name each once");
      }
      try {
        percent = Integer.parseInt(doubleCoded.trim());
      } catch (NumberFormatException e) {
        percent = -1;
      }
      if (percent < 0 || percent > 100) {
        throw new BadInput(
            "--double-coded-percent '"
                + doubleCoded
                + "' is not allowed: give a whole number from 0 to 100");
      }
      if (percent > 0 && names.size() < 2) {
        throw new BadInput(
            "double coding needs two coders: give at least two in --coders, or"
                + " --double-coded-percent 0");
      }
      try {
        s = Long.parseLong(seed.trim());
      } catch (NumberFormatException e) {
        throw new BadInput("--seed '" + seed + "' is not a whole number: give one, e.g. 2020");
      }
    }

    String assign(ConfigurableApplicationContext app) {
      List<Assignment> done =
          app.getBean(ThematicAnalyses.class).assign(ref, names, percent, s, viewer());
      long twice = done.stream().filter(Assignment::doubleCoded).count();
      return String.format(
          "Assigned %d cases of %s to %d coders; %d double-coded.",
          done.size(), ref, names.size(), twice);
    }
  }

  // --- codings / resolve -------------------------------------------------------------------------

  @Command(
      name = "codings",
      mixinStandardHelpOptions = true,
      description = {
        "Imports codings from a CSV file, all or nothing.",
        "Columns: analysis_ref, notification_ref, coder, code, value (one row a coder, case and code; value a level code or Y/N).",
        "When the analysis has no assignments yet, the file's coders become them (a case's first coder: the first in the file). A case not drawn, an unknown code or value, or a coder not assigned or not allowed to code is refused with its line."
      })
  static class Codings implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis.")
    String ref;

    @Option(names = "--import", required = true, paramLabel = "FILE", description = "The CSV.")
    Path file;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          () -> readable("--import", file),
          app -> {
            int n =
                importFile(
                    file, r -> app.getBean(ThematicAnalyses.class).importCodings(ref, r, viewer()));
            return String.format("Imported %d codings into %s from %s.", n, ref, file);
          });
    }
  }

  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = {
        "Imports resolutions of disagreements, all or nothing.",
        "The layout of codings.csv, with coder the resolver (neither of the case's two coders)."
      })
  static class Resolve implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis.")
    String ref;

    @Option(names = "--import", required = true, paramLabel = "FILE", description = "The CSV.")
    Path file;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(
          db,
          spec,
          () -> readable("--import", file),
          app -> {
            ThematicAnalyses analyses = app.getBean(ThematicAnalyses.class);
            int n = importFile(file, r -> analyses.importResolutions(ref, r, viewer()));
            long open =
                analyses.disagreements(ref, viewer()).stream().filter(d -> !d.resolved()).count();
            return String.format(
                "Imported %d resolutions into %s from %s; %d disagreements left unresolved.",
                n, ref, file, open);
          });
    }
  }

  static int importFile(Path file, Function<Reader, Integer> importer) {
    return io(
        () -> {
          try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importer.apply(r);
          }
        },
        "read " + file);
  }

  // --- results -----------------------------------------------------------------------------------

  @Command(
      name = "results",
      mixinStandardHelpOptions = true,
      description = {
        "Writes the results and the coders' agreement as tidy CSV.",
        "The results (analysis_ref, code, value, group, grouping, cases, count, percent, ci_low, ci_high; 95%% Wilson intervals, the difference with Newcombe's) go to FILE; the agreement (analysis_ref, code, cases_double_coded, percent_agreement, kappa) goes beside it, to FILE with .agreement.csv in place of .csv."
      })
  static class ResultsOut implements Callable<Integer> {
    @Parameters(paramLabel = "REF", description = "The analysis.")
    String ref;

    @Option(
        names = "--grouping",
        paramLabel = "GROUPING",
        description =
            "Also by death_category, harm_category, age_band or case_theme (default: all cases"
                + " only).")
    String grouping;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The results CSV (its name ends in .csv).")
    Path out;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    Grouping by;
    Path agreement;

    @Override
    public Integer call() {
      return run(db, spec, this::check, this::write);
    }

    void check() {
      if (grouping != null) {
        String g = grouping.trim().toLowerCase(Locale.ROOT);
        by =
            Arrays.stream(Grouping.values())
                .filter(x -> x.option().equals(g))
                .findFirst()
                .orElseThrow(
                    () ->
                        new BadInput(
                            "--grouping '"
                                + grouping
                                + "' is not known: use "
                                + String.join(
                                    ", ",
                                    Arrays.stream(Grouping.values())
                                        .map(Grouping::option)
                                        .toList())));
      }
      String name = out.getFileName() == null ? "" : out.getFileName().toString();
      if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        throw new BadInput(
            "--out "
                + out
                + ": give a name ending in .csv (the agreement goes beside it, .agreement.csv in"
                + " place of .csv)");
      }
      writable("--out", out);
      agreement = out.resolveSibling(ResultsCsv.agreementName(name));
    }

    String write(ConfigurableApplicationContext app) {
      AnalysisResults results = app.getBean(ThematicAnalyses.class).results(ref, by, viewer());
      io(
          () -> {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
              ResultsCsv.write(results, w);
            }
            try (Writer w = Files.newBufferedWriter(agreement, StandardCharsets.UTF_8)) {
              ResultsCsv.writeAgreement(results, w);
            }
            return null;
          },
          "write " + out);
      return String.format(
          "Wrote %d result rows of %s to %s and the agreement on %d codes to %s.",
          results.rows().size(), ref, out, results.agreement().size(), agreement);
    }
  }
}
