package uk.gov.observatory.notification;

/**
 * One reason an import was refused, printed as {@code FILE:LINE:COLUMN: VALUE: reason}. The column
 * is the field name from the header ({@code -} when the problem is not in one column).
 */
public record ImportProblem(String file, long line, String column, String value, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (value == null ? "" : value) + ": " + reason;
  }
}
