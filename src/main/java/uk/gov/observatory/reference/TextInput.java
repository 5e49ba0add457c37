package uk.gov.observatory.reference;

/**
 * The one rule for text from input, whoever reads it (the API's JSON, the pages' forms, the CSV
 * imports): no control character but tab, line feed and carriage return (a field may run over
 * several lines). That refuses NUL, which PostgreSQL cannot store in text, and the C0 and C1
 * controls and DEL, none of which is text a person means.
 */
public final class TextInput {

  /** What is allowed, for messages. */
  public static final String RULE =
      "must not contain control characters (only tab, line feed and carriage return are allowed)";

  private TextInput() {}

  /** Whether the character is one that text may not hold. */
  public static boolean isRefused(char c) {
    return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
  }

  /** Where the text has a refused character, or -1 (also for null). */
  public static int firstRefused(String text) {
    if (text == null) {
      return -1;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isRefused(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the text (null included) holds no refused character. */
  public static boolean isAllowed(String text) {
    return firstRefused(text) < 0;
  }
}
