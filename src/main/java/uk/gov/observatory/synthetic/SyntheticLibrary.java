package uk.gov.observatory.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.synthetic.internal.ReportPdf;
import uk.gov.observatory.synthetic.internal.ReviewReport;

/**
 * Writes fictitious review reports as PDFs for the learning library (the demonstration and the
 * benchmark), with a manifest, {@code library.csv}, that {@code library import} reads. Each report
 * is marked "FICTITIOUS - SYNTHETIC DATA - NOT A REAL REVIEW" at the head and foot of every page,
 * has a title page and the sections of a review (introduction, background, key practice episodes,
 * analysis by practice theme, findings, learning, recommendations), 3 to 12 pages, in the words of
 * the six practice themes of the Panel's annual report 2020. Children are "Child A", "Child B";
 * adults and practitioners appear only by their roles, agencies are invented, and dates are months
 * and years. Its title starts "[Synthetic]" and its keywords include "synthetic". The same seed
 * writes the same files, byte for byte.
 */
public final class SyntheticLibrary {

  /** The manifest's name in the folder. */
  public static final String MANIFEST = "library.csv";

  /** The manifest's columns; lists are separated by {@code ;}. */
  public static final List<String> COLUMNS =
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

  /** The marker on every page of every report. */
  public static final String MARKER = ReviewReport.MARKER;

  public static final int MAX_DOCUMENTS = 1_000_000;

  /** What was written. */
  public record Summary(int documents, long pages, long bytes, Path manifest) {}

  /** Told every so often: how many documents are written of how many. */
  public interface Progress {
    void documents(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  private final ReviewReport.Lists lists;

  public SyntheticLibrary(ReferenceData reference) {
    this.lists =
        new ReviewReport.Lists(
            reference.authorities().stream().filter(la -> la.terminationDate() == null).toList(),
            reference.codeList(CodeLists.PRACTICE_THEMES).codes(),
            reference.codeList("age_band").codes(),
            reference.codeList(CodeLists.DEATH_CATEGORY).codes(),
            reference.codeList(CodeLists.HARM_CATEGORY).codes());
  }

  /** What is wrong with a number of documents, or null when nothing is. */
  public static String problem(int documents) {
    if (documents < 1 || documents > MAX_DOCUMENTS) {
      return "--library "
          + documents
          + " is not allowed: give a number of documents from 1 to "
          + String.format("%,d", MAX_DOCUMENTS);
    }
    return null;
  }

  /**
   * Writes {@code count} reports ({@code review-00001.pdf} ...) and the manifest into {@code dir}
   * (created if need be; files of the same names are replaced), on every core.
   */
  public Summary generate(int count, long seed, Path dir, Progress progress) throws IOException {
    String problem = problem(count);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    Files.createDirectories(dir);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadLocal<ReportPdf> writers = ThreadLocal.withInitial(ReportPdf::new);
    long pages = 0;
    long bytes = 0;
    Path manifest = dir.resolve(MANIFEST);
    try (Writer w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8);
        CSVPrinter csv =
            new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                    .builder()
                    .setHeader(COLUMNS.toArray(String[]::new))
                    .setRecordSeparator("\n")
                    .get())) {
      int batch = 256;
      for (int from = 0; from < count; from += batch) {
        List<Future<Written>> futures = new ArrayList<>();
        for (int i = from; i < Math.min(count, from + batch); i++) {
          int index = i;
          futures.add(pool.submit(() -> write(index, seed, dir, writers.get())));
        }
        for (Future<Written> f : futures) {
          Written one = result(f);
          csv.printRecord(one.row());
          pages += one.pages();
          bytes += one.bytes();
        }
        progress.documents(Math.min(count, from + batch), count);
      }
    } finally {
      pool.shutdownNow();
    }
    return new Summary(count, pages, bytes, manifest);
  }

  private record Written(List<String> row, int pages, long bytes) {}

  private Written write(int index, long seed, Path dir, ReportPdf pdf) throws IOException {
    // Each document from its own seed: the same whatever the order or the number of threads.
    Random random = new Random(seed * 1_000_003L + index * 7_919L + 17);
    ReviewReport r = ReviewReport.draw(random, lists);
    int pages = pdf.pages(r);
    while (pages < r.targetPages) {
      // About seven paragraphs a page: most of the way at once, then one at a time.
      int add = Math.max(1, (r.targetPages - pages) * 6);
      for (int i = 0; i < add; i++) {
        r.lengthen();
      }
      pages = pdf.pages(r);
    }
    byte[] content = pdf.write(r);
    String file = String.format("review-%05d.pdf", index + 1);
    Files.write(dir.resolve(file), content);
    List<String> row =
        List.of(
            file,
            r.type,
            r.title,
            r.published.toString(),
            r.laCode == null ? "" : r.laCode,
            r.model == null ? "" : r.model,
            String.join(";", r.ageBands),
            String.join(";", r.categories),
            String.join(";", r.themes),
            String.join(";", r.keywords),
            r.summary,
            r.learning,
            r.recommendations);
    return new Written(row, pages, content.length);
  }

  private static Written result(Future<Written> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
