package uk.gov.observatory.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.learning.ExcerptScreen;
import uk.gov.observatory.notification.ChildIdentity;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Issue 18: the synthetic review reports (generate --library): deterministic from the seed, every
 * page marked as fictitious, text a search can extract, 3 to 12 pages with a review's sections, no
 * child's name or date of birth from a (synthetic) register in them, and a manifest whose every
 * line names an existing PDF and codes of the data standard's lists.
 */
class SyntheticLibraryTest {

  static final int N = 40;
  static final ReferenceData REFERENCE = ReferenceData.fromClasspath();

  @TempDir static Path shared;

  static Path first;
  static List<CSVRecord> manifest;

  @BeforeAll
  static void generate() throws IOException {
    first = shared.resolve("first");
    SyntheticLibrary.Summary s =
        new SyntheticLibrary(REFERENCE).generate(N, 7, first, SyntheticLibrary.Progress.NONE);
    assertThat(s.documents()).isEqualTo(N);
    manifest = read(first.resolve(SyntheticLibrary.MANIFEST));
  }

  static List<CSVRecord> read(Path file) throws IOException {
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /** Each page's text. */
  static List<String> pages(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc));
      }
      return pages;
    }
  }

  @Test
  @DisplayName("the same seed writes the same files byte for byte; another seed other reports")
  void deterministic() throws IOException {
    Path again = shared.resolve("again");
    new SyntheticLibrary(REFERENCE).generate(N, 7, again, SyntheticLibrary.Progress.NONE);
    List<Path> a = files(first);
    List<Path> b = files(again);
    assertThat(b.stream().map(Path::getFileName).toList())
        .isEqualTo(a.stream().map(Path::getFileName).toList());
    for (int i = 0; i < a.size(); i++) {
      assertThat(Files.readAllBytes(b.get(i)))
          .as(a.get(i).getFileName().toString())
          .isEqualTo(Files.readAllBytes(a.get(i)));
    }
    Path other = shared.resolve("other");
    new SyntheticLibrary(REFERENCE).generate(3, 8, other, SyntheticLibrary.Progress.NONE);
    assertThat(Files.readAllBytes(other.resolve("review-00001.pdf")))
        .isNotEqualTo(Files.readAllBytes(first.resolve("review-00001.pdf")));
  }

  @Test
  @DisplayName("every page of every PDF carries the marker, has text, and a report has 3-12 pages")
  void everyPageMarked() throws IOException {
    for (CSVRecord row : manifest) {
      List<String> pages = pages(first.resolve(row.get("file")));
      assertThat(pages.size()).as(row.get("file")).isBetween(3, 12);
      for (int p = 0; p < pages.size(); p++) {
        String text = pages.get(p);
        assertThat(text)
            .as(row.get("file") + " page " + (p + 1))
            .contains(SyntheticLibrary.MARKER)
            .contains("Page " + (p + 1) + " of " + pages.size());
        // Words beyond the header and footer: the text can be extracted and searched.
        assertThat(text.replace(SyntheticLibrary.MARKER, "").strip().length())
            .as(row.get("file") + " page " + (p + 1))
            .isGreaterThan(20);
      }
      String all = String.join("\n", pages);
      assertThat(all)
          .as(row.get("file"))
          .contains(
              "1. Introduction",
              "2. Background",
              "3. Key practice episodes",
              "4. Analysis by practice theme",
              "5. Findings",
              "6. Learning",
              "7. Recommendations",
              "This report is fictitious.");
    }
  }

  @Test
  @DisplayName("no child's name or date of birth from a synthetic register is in any report")
  void noRegisterChildIsNamed() throws IOException {
    Path register = shared.resolve("register");
    new SyntheticData(REFERENCE, new WorkingDayCalendar())
        .generate(2020, 0.2, 7, true, LocalDate.of(2026, 12, 1), register, (d, t) -> {});
    ExcerptScreen screen = new ExcerptScreen();
    List<CSVRecord> children = read(register.resolve("children.csv"));
    assertThat(children).isNotEmpty();
    String someName = null;
    for (CSVRecord c : children) {
      String name = c.get(5);
      String dob = c.get(6);
      assertThat(name).isNotBlank();
      someName = name;
      screen.add(new ChildIdentity(name, dob.isBlank() ? null : LocalDate.parse(dob)));
    }
    // The screen finds a register's name when it is there (so that its silence below means it).
    assertThat(screen.check("The review met " + someName + " twice.")).isNotEmpty();
    for (CSVRecord row : manifest) {
      int p = 1;
      for (String page : pages(first.resolve(row.get("file")))) {
        assertThat(screen.check(page)).as(row.get("file") + " page " + p++).isEmpty();
      }
      for (String column : List.of("title", "summary", "learning", "recommendations", "keywords")) {
        assertThat(screen.check(row.get(column))).as(row.get("file") + " " + column).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("the manifest: every line names its PDF and codes of the standard's lists")
  void manifestParses() throws IOException {
    assertThat(read(first.resolve(SyntheticLibrary.MANIFEST)).get(0).getParser().getHeaderNames())
        .isEqualTo(SyntheticLibrary.COLUMNS);
    assertThat(manifest).hasSize(N);
    List<String> types = List.of("LCSPR", "NATIONAL_REVIEW", "THEMATIC", "BRIEFING", "SCR");
    List<String> models =
        List.of("SYSTEMS", "SILP", "APPRECIATIVE_INQUIRY", "TRADITIONAL", "HYBRID", "OTHER");
    for (CSVRecord row : manifest) {
      String file = row.get("file");
      assertThat(first.resolve(file)).as(file).isRegularFile();
      assertThat(row.get("type")).as(file).isIn(types);
      assertThat(row.get("title")).as(file).startsWith("[Synthetic] ").hasSizeLessThan(300);
      LocalDate published = LocalDate.parse(row.get("published"));
      assertThat(published)
          .as(file)
          .isBetween(LocalDate.of(2012, 1, 1), LocalDate.of(2025, 12, 31));
      if (row.get("type").equals("LCSPR") || row.get("type").equals("SCR")) {
        assertThat(REFERENCE.localAuthority(row.get("la"))).as(file).isPresent();
        assertThat(row.get("model")).as(file).isIn(models);
        assertThat(row.get("categories")).as(file).isNotBlank();
        assertThat(row.get("age_bands")).as(file).isNotBlank();
      } else {
        assertThat(row.get("la")).as(file).isEmpty();
      }
      list(row.get("age_bands"))
          .forEach(c -> assertThat(REFERENCE.codeList("age_band").contains(c)).as(c).isTrue());
      list(row.get("categories"))
          .forEach(
              c ->
                  assertThat(
                          REFERENCE.codeList(CodeLists.DEATH_CATEGORY).contains(c)
                              || REFERENCE.codeList(CodeLists.HARM_CATEGORY).contains(c))
                      .as(c)
                      .isTrue());
      assertThat(list(row.get("themes"))).as(file).isNotEmpty();
      list(row.get("themes"))
          .forEach(
              c ->
                  assertThat(REFERENCE.codeList(CodeLists.PRACTICE_THEMES).contains(c))
                      .as(c)
                      .isTrue());
      assertThat(list(row.get("keywords"))).as(file).contains("synthetic");
      assertThat(row.get("summary")).as(file).contains("fictitious");
      assertThat(row.get("learning")).as(file).isNotBlank();
      assertThat(row.get("recommendations")).as(file).isNotBlank();
    }
    // A mix of kinds, as the library holds.
    assertThat(manifest.stream().map(r -> r.get("type")).distinct().count()).isGreaterThan(1);
  }

  static List<String> list(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.split(";"));
  }
}
