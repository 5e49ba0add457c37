package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's generate command refuses bad input with exit code 2 and one line "error: ...". */
class GenerateCommandTest {

  @TempDir Path dir;

  static CommandRun run(String... args) {
    return CommandRun.of(args);
  }

  void refused(CommandRun r, String... mentions) {
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines().toList()).as(r.toString()).hasSize(1);
    assertThat(r.err()).startsWith("error:").contains(mentions);
    assertThat(r.out()).isEmpty();
  }

  @Test
  @DisplayName("--year 2017, before the reviews existed, is refused")
  void yearTooEarly() {
    refused(run("generate", "--year", "2017", "--out", dir.resolve("a").toString()), "2017");
    assertThat(dir.resolve("a")).doesNotExist();
  }

  @Test
  @DisplayName("this year, which has not ended, is refused")
  void yearNotEnded() {
    // The command reads the system clock (2026 when this was written; the issue says --year 2026).
    String thisYear = Integer.toString(LocalDate.now().getYear());
    refused(run("generate", "--year", thisYear, "--out", dir.resolve("b").toString()), thisYear);
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  @DisplayName("--scale 0 and --scale 6000 are refused")
  void scaleOutOfRange() {
    refused(
        run("generate", "--year", "2020", "--scale", "0", "--out", dir.resolve("c").toString()),
        "--scale");
    refused(
        run("generate", "--year", "2020", "--scale", "6000", "--out", dir.resolve("d").toString()),
        "--scale");
    assertThat(dir.resolve("c")).doesNotExist();
    assertThat(dir.resolve("d")).doesNotExist();
  }

  @Test
  @DisplayName("--out naming an existing file is refused, and the file is left alone")
  void outIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
    refused(run("generate", "--year", "2020", "--out", file.toString()), "notes.txt");
    assertThat(file).hasContent("keep me");
  }

  @Test
  @DisplayName("good input writes the five files and exits 0")
  void goodInput() {
    Path out = dir.resolve("ok");
    CommandRun r =
        run("generate", "--year", "2020", "--scale", "0.1", "--seed", "3", "--out", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(out.resolve("notifications.csv")).exists();
    assertThat(out.resolve("yearly_reports.csv")).exists();
  }

  @Test
  @DisplayName("neither --year nor --library is refused, naming both")
  void noYearNorLibrary() {
    refused(run("generate", "--out", dir.resolve("e").toString()), "--year", "--library");
    assertThat(dir.resolve("e")).doesNotExist();
  }

  @Test
  @DisplayName("--library 0, and --library with --year, are refused")
  void libraryRefused() {
    refused(run("generate", "--library", "0", "--out", dir.resolve("f").toString()), "--library");
    refused(
        run("generate", "--library", "3", "--year", "2020", "--out", dir.resolve("g").toString()),
        "--year",
        "--library");
    assertThat(dir.resolve("f")).doesNotExist();
    assertThat(dir.resolve("g")).doesNotExist();
  }

  @Test
  @DisplayName("--library 3 writes three PDFs and library.csv and exits 0")
  void library() throws IOException {
    Path out = dir.resolve("lib");
    CommandRun r = run("generate", "--library", "3", "--seed", "2", "--out", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("3 synthetic review reports");
    assertThat(out.resolve("review-00003.pdf")).isRegularFile();
    assertThat(Files.readAllLines(out.resolve("library.csv"))).hasSize(4);
  }
}
