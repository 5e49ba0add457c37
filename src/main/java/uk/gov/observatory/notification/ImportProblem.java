package uk.gov.observatory.notification;

/**
 * One reason an import was refused, printed as {@code FILE:LINE:COLUMN: VALUE: reason}. The column
 * is the field name from the header ({@code -} when the problem is not in one column). A control
 * character in the column or value is printed as {@code \\uXXXX}, so that each problem is one line
 * and nothing in a file can act on the terminal.
 */
public record ImportProblem(String file, long line, String column, String value, String reason) {
  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ":"
        + CsvTable.escaped(column)
        + ": "
        + (value == null ? "" : CsvTable.escaped(value))
        + ": "
        + reason;
  }
}
