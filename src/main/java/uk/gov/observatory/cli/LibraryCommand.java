package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.calendar.DateInput;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentNotFoundException;
import uk.gov.observatory.library.DocumentNotPermittedException;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.Finding;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.library.PublicationBlockedException;

/**
 * {@code library ...}: the learning library at the command line (issue 18's contract). The command
 * line acts as the system actor {@code cli:<user>} (the secretariat's powers); every change is
 * audited by the service. Bad input is refused with a message naming the option and what is
 * allowed, exit code 2, and nothing stored. Further subcommands ({@code search}, {@code import})
 * live in their own classes, listed here.
 */
@Command(
    name = "library",
    mixinStandardHelpOptions = true,
    description = {
      "The learning library: add, publish, import and search published reviews.",
      "Add a document with its PDF (its text is extracted page by page and checked for children's identifying details), and publish it.",
      "Bad input is refused with a message and exit code 2; nothing is stored."
    },
    subcommands = {
      LibraryCommand.Add.class,
      LibraryCommand.Publish.class,
      LibrarySearchCommand.class,
      LibraryBenchCommand.class,
      LibraryImportCommand.class,
      CommandLine.HelpCommand.class
    })
class LibraryCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  /** The service's field names as this command's options. */
  static final Map<String, String> OPTIONS =
      Map.ofEntries(
          Map.entry("title", "--title"),
          Map.entry("publishedOn", "--published"),
          Map.entry("type", "--type"),
          Map.entry("laCode", "--la"),
          Map.entry("lcsprRef", "--lcspr"),
          Map.entry("summary", "--summary"),
          Map.entry("themes", "--themes"),
          Map.entry("pdf", "FILE"),
          Map.entry("overrideReason", "--override-reason"));

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return BAD_INPUT;
  }

  /** Bad input found before or while the command runs: the message, and exit code 2. */
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
   * and prints what it returns. Refusals print their message and give exit code 2.
   */
  static int run(
      DatabaseOptions db,
      CommandSpec spec,
      Runnable check,
      Function<ConfigurableApplicationContext, String> action) {
    return ServiceRun.run(db, spec, check, action, LibraryCommand::refused);
  }

  /** The library's refusals: what is wrong, or where the check found something (never what). */
  private static boolean refused(RuntimeException e, PrintWriter out, PrintWriter err) {
    if (e instanceof InvalidDocumentException invalid) {
      for (InvalidDocumentException.Problem p : invalid.problems()) {
        err.println("error: " + OPTIONS.getOrDefault(p.field(), p.field()) + ": " + p.message());
      }
      err.println("Refused: nothing was stored.");
    } else if (e instanceof DocumentNotFoundException) {
      err.println("error: " + e.getMessage() + ": check the document's id");
    } else if (e instanceof DocumentNotPermittedException) {
      err.println("error: " + e.getMessage());
    } else if (e instanceof PublicationBlockedException blocked) {
      // Where the check found something (never what), a line each, then what to do.
      for (Finding f : blocked.findings()) {
        out.println(f.describe());
      }
      err.println("error: not published. " + e.getMessage());
    } else {
      return false;
    }
    return true;
  }

  // --- add ---------------------------------------------------------------------------------------

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds a document to the library as a draft and prints its id.",
        "Its PDF's text is read page by page; a PDF without text (a scan) is flagged. The text and the details are checked for children's names and dates of birth at once: an LCSPR's report against its own children, any other document against every child in the register.",
        "Publish it with library publish."
      })
  static class Add implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The document's PDF (at most 50 MB).")
    Path file;

    @Option(
        names = "--title",
        required = true,
        paramLabel = "TEXT",
        description = "The document's title (1 to 300 characters).")
    String title;

    @Option(
        names = "--published",
        required = true,
        paramLabel = "DATE",
        description = "The date it was published, YYYY-MM-DD (not in the future).")
    String published;

    @Option(
        names = "--type",
        paramLabel = "TYPE",
        description =
            "LCSPR, NATIONAL_REVIEW, THEMATIC, BRIEFING or SCR. Without it: LCSPR (a local"
                + " review's report).")
    String type;

    @Option(
        names = "--la",
        paramLabel = "CODE",
        description =
            "The local authority's GSS code, e.g. E09000033 (its region follows). With --lcspr"
                + " it defaults to the authority of the LCSPR's first notification.")
    String la;

    @Option(
        names = "--lcspr",
        paramLabel = "REF",
        description =
            "The LCSPR whose report this is, e.g. LCSPR-2020-00001: its notifications give the"
                + " children to check against, and any age bands, categories and themes left out.")
    String lcspr;

    @Option(names = "--summary", paramLabel = "TEXT", description = "A summary of the case.")
    String summary;

    @Option(
        names = "--themes",
        paramLabel = "CODE;CODE",
        description =
            "Practice themes, separated by semicolons: CHILD_DAILY_LIFE, RELUCTANT_ENGAGEMENT,"
                + " CRITICAL_THINKING, CHANGING_RISK, INFORMATION_SHARING, LEADERSHIP_CULTURE.")
    String themes;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    LocalDate publishedOn;
    DocumentType documentType;
    byte[] content;

    @Override
    public Integer call() {
      return run(db, spec, this::check, this::add);
    }

    void check() {
      if (title.isBlank()) {
        throw new BadInput("--title is blank: give the document's title");
      }
      publishedOn =
          DateInput.parse(published.strip())
              .orElseThrow(
                  () ->
                      new BadInput(
                          "--published '"
                              + published
                              + "' is not a date: give it as YYYY-MM-DD, e.g. 2020-07-15"));
      if (type != null) {
        try {
          documentType = DocumentType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new BadInput(
              "--type '"
                  + type
                  + "' is not a type of document: use "
                  + String.join(
                      ", ", Arrays.stream(DocumentType.values()).map(Enum::name).toList()));
        }
      } else {
        documentType = DocumentType.LCSPR;
      }
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new BadInput("FILE " + file + ": no such file, or it cannot be read");
      }
      try {
        if (Files.size(file) > LibraryDocuments.MAX_PDF_BYTES) {
          throw new BadInput(
              "FILE "
                  + file
                  + " is larger than "
                  + LibraryDocuments.MAX_PDF_BYTES / (1024 * 1024)
                  + " MB: the library takes PDFs of at most that size");
        }
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new BadInput("cannot read FILE " + file + ": " + e.getMessage());
      }
    }

    String add(ConfigurableApplicationContext app) {
      List<String> themeCodes =
          themes == null
              ? List.of()
              : Arrays.stream(themes.split("[;,]"))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList();
      DocumentDetails details =
          new DocumentDetails(
              documentType,
              title,
              publishedOn,
              la,
              null,
              List.of(),
              List.of(),
              themeCodes,
              List.of(),
              summary,
              null,
              null);
      LibraryDocument d =
          app.getBean(LibraryDocuments.class)
              .add(
                  new NewDocument(
                      details, lcspr, null, new PdfFile(file.getFileName().toString(), content)),
                  viewer());
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "Added document "
              + d.id()
              + " as a draft ("
              + d.details().type().label()
              + (d.pageCount() == null
                  ? ""
                  : ", " + d.pageCount() + (d.pageCount() == 1 ? " page" : " pages"))
              + "): "
              + d.textStatus().label()
              + "; "
              + d.checkLabel()
              + ".");
      for (Finding f : d.findings()) {
        err.println("  " + f.describe());
      }
      return String.valueOf(d.id());
    }
  }

  // --- publish -----------------------------------------------------------------------------------

  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Publishes a document of the library: the public can then find and read it.",
        "Refused (exit code 2, with the pages and lines where the check found a child's details) while the identifying-details check finds something, or while the PDF has no text to check, unless an override reason is given.",
        "Upload a redacted PDF on the library's pages, or give --override-reason (the secretariat's decision, audited)."
      })
  static class Publish implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The document's id (as library add printed it).")
    long id;

    @Option(
        names = "--override-reason",
        paramLabel = "TEXT",
        description =
            "Publish although the check found something: why (up to 2,000 characters, kept in the"
                + " audit log).")
    String overrideReason;

    @Mixin DatabaseOptions db;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return run(db, spec, this::check, this::publish);
    }

    void check() {
      if (overrideReason != null && overrideReason.isBlank()) {
        throw new BadInput("--override-reason is blank: say why the check is overridden");
      }
    }

    String publish(ConfigurableApplicationContext app) {
      LibraryDocument d = app.getBean(LibraryDocuments.class).publish(id, overrideReason, viewer());
      return "Published document "
          + d.id()
          + ": "
          + d.details().title()
          + " ("
          + d.checkLabel()
          + ")";
    }
  }
}
