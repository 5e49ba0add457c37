package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentNotPermittedException;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibraryBulkLoad;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.library.PublicationBlockedException;
import uk.gov.observatory.library.ReviewModel;

/**
 * {@code library import FOLDER/library.csv}: adds every line's PDF to the learning library through
 * {@link LibraryDocuments#add} (its text extracted, checked for identifying details) and publishes
 * it, each line in its own transaction: a line that is wrong (a missing file, a code not in its
 * list, a date that is not one) or whose PDF the check blocks is named with its line number and
 * what is wrong, and nothing of it is stored; the other lines are. Exit 2 when any line was
 * refused.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Adds and publishes the documents of a manifest (library.csv) and their PDFs in bulk.",
      "The manifest's columns: file, type, title, published, la, model, age_bands, categories, themes, keywords, summary, learning, recommendations (lists separated by ;), and optionally lcspr. Files are relative to the manifest's folder.",
      "Each line is added and published on its own: a wrong line, or one whose PDF the identifying-details check blocks, is named with its line number and nothing of it is stored. Exit 2 when any line was refused."
    })
class LibraryImportCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  /** The columns a manifest must have (lcspr is optional). */
  static final List<String> COLUMNS =
      List.of(
          "file",
          "type",
          "title",
          "published",
          "la",
          "model",
          "age_bands",
          "categories",
          "themes",
          "keywords",
          "summary",
          "learning",
          "recommendations");

  @Parameters(paramLabel = "MANIFEST", description = "The manifest, e.g. DIR/library.csv.")
  Path manifest;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "How many lines are added at once (default 1; up to 16).")
  int threads;

  @Option(
      names = "--bulk",
      description =
          "For the benchmark: check and publish 200 lines at a time, one audit entry a batch.")
  boolean bulk;

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  /** A line of the manifest: its line number and the document it asks for, or what is wrong. */
  record Line(
      long number, DocumentDetails details, String lcspr, Path file, List<String> problems) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (threads < 1 || threads > 16) {
      err.printf("error: --threads %d is not allowed: give a number from 1 to 16%n", threads);
      return BAD_INPUT;
    }
    if (!Files.isRegularFile(manifest) || !Files.isReadable(manifest)) {
      err.printf(
          "error: %s is not a file that can be read: give the manifest (library.csv) written with"
              + " the PDFs%n",
          manifest);
      return BAD_INPUT;
    }
    List<Line> lines;
    try {
      lines = read(manifest);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.printf("error: %s: %s%n", manifest, e.getMessage());
      return BAD_INPUT;
    }
    long started = System.nanoTime();
    int stored = 0;
    List<String> refused = new ArrayList<>();
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      LibraryDocuments documents = app.getBean(LibraryDocuments.class);
      TransactionTemplate tx =
          new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      Viewer viewer = Viewer.system(Actors.cli());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        int size = bulk ? BATCH : 1;
        for (int from = 0; from < lines.size(); from += size) {
          List<Line> batch = lines.subList(from, Math.min(lines.size(), from + size));
          results.add(
              pool.submit(
                  () ->
                      bulk
                          ? storeAll(batch, app.getBean(LibraryBulkLoad.class), viewer)
                          : java.util.Collections.singletonList(
                              store(batch.get(0), documents, tx, viewer))));
        }
        int done = 0;
        for (Future<List<String>> f : results) {
          for (String problem : result(f)) {
            if (problem == null) {
              stored++;
            } else {
              refused.add(problem);
              err.println(problem);
            }
            done++;
            if (done % 500 == 0 || done == lines.size()) {
              err.printf(
                  "library import: %,d of %,d lines (%,d published, %,d refused), %.0f s%n",
                  done, lines.size(), stored, refused.size(), (System.nanoTime() - started) / 1e9);
              err.flush();
            }
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    out.printf(
        "Published %,d of the %,d documents of %s in %.1f s%s.%n",
        stored,
        lines.size(),
        manifest,
        (System.nanoTime() - started) / 1e9,
        refused.isEmpty() ? "" : String.format("; %,d lines refused (see above)", refused.size()));
    return refused.isEmpty() ? 0 : BAD_INPUT;
  }

  /** Lines a transaction with --bulk. */
  static final int BATCH = 200;

  /** Checks and publishes a batch of lines at once (--bulk): for each, null or what is wrong. */
  private static List<String> storeAll(List<Line> batch, LibraryBulkLoad bulk, Viewer viewer) {
    List<String> problems = new ArrayList<>();
    List<NewDocument> documents = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (Line line : batch) {
      if (!line.problems().isEmpty()) {
        problems.add("line " + line.number() + ": " + String.join("; ", line.problems()));
        continue;
      }
      try {
        byte[] pdf = Files.readAllBytes(line.file());
        documents.add(
            new NewDocument(
                line.details(),
                line.lcspr(),
                null,
                new PdfFile(line.file().getFileName().toString(), pdf)));
        at.add(problems.size());
        problems.add(null);
      } catch (IOException e) {
        problems.add("line " + line.number() + ": file: cannot be read: " + e.getMessage());
      }
    }
    List<LibraryBulkLoad.Outcome> outcomes = bulk.publishAll(documents, viewer);
    for (int k = 0; k < outcomes.size(); k++) {
      if (!outcomes.get(k).stored()) {
        int index = at.get(k);
        problems.set(
            index,
            "line "
                + batchLine(batch, documents.get(k))
                + ": "
                + String.join("; ", outcomes.get(k).problems()));
      }
    }
    return problems;
  }

  private static long batchLine(List<Line> batch, NewDocument document) {
    for (Line l : batch) {
      if (l.details() == document.details()) {
        return l.number();
      }
    }
    return -1;
  }

  /** Adds and publishes one line in one transaction: null, or what is wrong with it. */
  private static String store(
      Line line, LibraryDocuments documents, TransactionTemplate tx, Viewer viewer) {
    if (!line.problems().isEmpty()) {
      return "line " + line.number() + ": " + String.join("; ", line.problems());
    }
    byte[] pdf;
    try {
      pdf = Files.readAllBytes(line.file());
    } catch (IOException e) {
      return "line "
          + line.number()
          + ": file: "
          + line.file()
          + " cannot be read: "
          + e.getMessage();
    }
    NewDocument document =
        new NewDocument(
            line.details(),
            line.lcspr(),
            null,
            new PdfFile(line.file().getFileName().toString(), pdf));
    try {
      tx.executeWithoutResult(
          status -> {
            LibraryDocument d = documents.add(document, viewer);
            documents.publish(d.id(), null, viewer);
          });
      return null;
    } catch (InvalidDocumentException e) {
      List<String> each = new ArrayList<>();
      e.problems().forEach(p -> each.add(column(p.field()) + ": " + p.message()));
      return "line " + line.number() + ": " + String.join("; ", each);
    } catch (PublicationBlockedException e) {
      List<String> where = new ArrayList<>();
      e.findings().forEach(f -> where.add(f.describe()));
      return "line "
          + line.number()
          + ": not published, nothing stored: "
          + e.getMessage()
          + (where.isEmpty() ? "" : " (" + String.join("; ", where) + ")");
    } catch (DocumentNotPermittedException e) {
      return "line " + line.number() + ": " + e.getMessage();
    }
  }

  /** The manifest's column for a field of {@link DocumentDetails}. */
  private static String column(String field) {
    return switch (field) {
      case "publishedOn" -> "published";
      case "laCode" -> "la";
      case "reviewModel" -> "model";
      case "ageBands" -> "age_bands";
      case "pdf" -> "file";
      case "lcsprRef" -> "lcspr";
      default -> field;
    };
  }

  /** Reads every line, each with its document or its problems (the files read too). */
  static List<Line> read(Path manifest) throws IOException {
    Path dir = manifest.toAbsolutePath().getParent();
    List<Line> lines = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(in)) {
      List<String> missing = new ArrayList<>(COLUMNS);
      missing.removeAll(parser.getHeaderNames());
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "line 1 (the header) has no column "
                + String.join(", ", missing)
                + ": the columns are "
                + String.join(", ", COLUMNS)
                + " (and optionally lcspr)");
      }
      boolean lcspr = parser.getHeaderNames().contains("lcspr");
      long next = parser.getCurrentLineNumber() + 1;
      Iterator<CSVRecord> records = parser.iterator();
      while (records.hasNext()) {
        CSVRecord r;
        try {
          r = records.next();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
          throw new IllegalArgumentException(
              "line " + next + " cannot be read as CSV: " + e.getMessage());
        }
        long number = next;
        next = parser.getCurrentLineNumber() + 1;
        lines.add(line(number, r, dir, lcspr));
      }
    }
    return lines;
  }

  private static Line line(long number, CSVRecord r, Path dir, boolean hasLcspr) {
    List<String> problems = new ArrayList<>();
    if (!r.isConsistent()) {
      problems.add(
          "it has "
              + r.size()
              + " cells where the header has "
              + r.getParser().getHeaderNames().size()
              + ": check its quotes and commas");
      return new Line(number, null, null, null, problems);
    }
    String file = r.get("file").strip();
    Path path = null;
    if (file.isEmpty()) {
      problems.add("file: give the PDF's file name (relative to the manifest's folder)");
    } else {
      path = dir.resolve(file).normalize();
      if (!Files.isRegularFile(path)) {
        problems.add("file: there is no file " + file + " beside the manifest");
      } else {
        try {
          if (Files.size(path) > LibraryDocuments.MAX_PDF_BYTES) {
            problems.add("file: " + file + " is larger than 50 MB");
          }
        } catch (IOException e) {
          problems.add("file: " + file + " cannot be read: " + e.getMessage());
        }
      }
    }
    DocumentType type = null;
    String t = r.get("type").strip();
    try {
      type = t.isEmpty() ? null : DocumentType.valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("type: " + t + " is not a type: give one of " + names(DocumentType.values()));
    }
    if (t.isEmpty()) {
      problems.add("type: give one of " + names(DocumentType.values()));
    }
    LocalDate published = null;
    String p = r.get("published").strip();
    try {
      published = LocalDate.parse(p);
    } catch (DateTimeParseException e) {
      problems.add(
          "published: "
              + (p.isEmpty() ? "give the date of publication" : p + " is not a date")
              + " as YYYY-MM-DD, e.g. 2021-03-31");
    }
    ReviewModel model = null;
    String m = r.get("model").strip();
    if (!m.isEmpty()) {
      try {
        model = ReviewModel.valueOf(m.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            "model: "
                + m
                + " is not a review model: give one of "
                + names(ReviewModel.values())
                + ", or leave it blank");
      }
    }
    if (!problems.isEmpty()) {
      return new Line(number, null, null, null, problems);
    }
    DocumentDetails details =
        new DocumentDetails(
            type,
            r.get("title").strip(),
            published,
            blank(r.get("la")),
            model,
            list(r.get("age_bands")),
            list(r.get("categories")),
            list(r.get("themes")),
            list(r.get("keywords")),
            blank(r.get("summary")),
            blank(r.get("learning")),
            blank(r.get("recommendations")));
    String lcspr = hasLcspr ? blank(r.get("lcspr")) : null;
    return new Line(number, details, lcspr, path, List.of());
  }

  private static String names(Enum<?>[] values) {
    return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
  }

  private static List<String> list(String cell) {
    List<String> out = new ArrayList<>();
    for (String s : cell.split(";")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static <T> T result(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
