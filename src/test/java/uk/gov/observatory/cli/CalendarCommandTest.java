package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.calendar.WorkingDayCalendar;

class CalendarCommandTest {

  static String run(String input, int[] code) throws Exception {
    StringWriter out = new StringWriter();
    code[0] =
        CalendarCommand.answer(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new WorkingDayCalendar());
    return out.toString();
  }

  @Test
  @DisplayName("answers one line per question: a date for add, a count for between")
  void answersEachLine() throws Exception {
    int[] code = {-1};
    String out =
        run(
            "add 2020-12-18 15\nbetween 2020-12-18 2021-01-13\n\nadd 2022-05-27 1\n"
                + "between 2023-05-05 2023-05-09\nadd 2021-12-24 1\n",
            code);
    assertThat(out.lines()).containsExactly("2021-01-13", "15", "2022-05-30", "1", "2021-12-29");
    assertThat(code[0]).isZero();
  }

  @Test
  @DisplayName("a line it cannot read says why, keeps answering the rest and exits 1")
  void badLines() throws Exception {
    int[] code = {-1};
    String out = run("add 2020-13-01 3\nadd 2020-12-18 0\nhello\nadd 2020-12-18 15\n", code);
    assertThat(out.lines().toList())
        .hasSize(4)
        .satisfies(
            l ->
                assertThat(l.get(0))
                    .contains("line 1")
                    .contains("2020-13-01")
                    .contains("YYYY-MM-DD"))
        .satisfies(l -> assertThat(l.get(1)).startsWith("error: line 2"))
        .satisfies(l -> assertThat(l.get(2)).contains("add YYYY-MM-DD N"))
        .satisfies(l -> assertThat(l.get(3)).isEqualTo("2021-01-13"));
    assertThat(code[0]).isEqualTo(1);
  }

  @Test
  @DisplayName("the jar's calendar command reads standard input without a database")
  void throughTheCommandLine() {
    var in = System.in;
    var out = new StringWriter();
    try {
      System.setIn(
          new ByteArrayInputStream("add 2020-12-18 15\n".getBytes(StandardCharsets.UTF_8)));
      int code =
          ObservatoryCommand.run(
              new PrintWriter(out), new PrintWriter(new StringWriter()), "calendar");
      assertThat(code).isZero();
      assertThat(out.toString().strip()).isEqualTo("2021-01-13");
    } finally {
      System.setIn(in);
    }
  }
}
