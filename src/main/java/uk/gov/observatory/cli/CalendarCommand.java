package uk.gov.observatory.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import uk.gov.observatory.calendar.WorkingDayCalendar;

@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = {
      "Answers working-day questions (England and Wales bank holidays) read from standard input.",
      "One question a line:",
      "  add YYYY-MM-DD N                the N-th working day after the date",
      "  between YYYY-MM-DD YYYY-MM-DD   working days d with first < d <= second",
      "It prints one answer a line; a line it cannot read prints 'error: ...' and the exit code is 1."
    })
public class CalendarCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private final InputStream in;

  CalendarCommand() {
    this(System.in);
  }

  CalendarCommand(InputStream in) {
    this.in = in;
  }

  @Override
  public Integer call() throws IOException {
    return answer(in, spec.commandLine().getOut(), new WorkingDayCalendar());
  }

  /** Answers every line; returns 1 when any line could not be answered. */
  static int answer(InputStream input, PrintWriter out, WorkingDayCalendar calendar)
      throws IOException {
    int code = 0;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        out.println(answer(trimmed, calendar));
      } catch (IllegalArgumentException e) {
        out.println("error: line " + number + ": " + e.getMessage());
        code = 1;
      }
    }
    out.flush();
    return code;
  }

  static String answer(String line, WorkingDayCalendar calendar) {
    String[] words = line.split("\\s+");
    if (words[0].equals("add") && words.length == 3) {
      LocalDate from = date(words[1]);
      int n;
      try {
        n = Integer.parseInt(words[2]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + words[2] + "' is not a whole number: use add YYYY-MM-DD N with N at least 1");
      }
      if (n < 1 || n > 100_000) {
        throw new IllegalArgumentException("N must be from 1 to 100000, not " + n);
      }
      return calendar.addWorkingDays(from, n).toString();
    }
    if (words[0].equals("between") && words.length == 3) {
      LocalDate a = date(words[1]);
      LocalDate b = date(words[2]);
      if (Math.abs(b.toEpochDay() - a.toEpochDay()) > 400_000) {
        throw new IllegalArgumentException("the dates are too far apart");
      }
      return Integer.toString(calendar.workingDaysBetween(a, b));
    }
    throw new IllegalArgumentException(
        "'"
            + line
            + "' is not a question: use 'add YYYY-MM-DD N' or 'between YYYY-MM-DD YYYY-MM-DD'");
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date: use YYYY-MM-DD");
    }
  }
}
