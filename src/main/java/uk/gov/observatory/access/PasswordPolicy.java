package uk.gov.observatory.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, not a common password (the
 * list in {@code access/common-passwords.txt}, compared case-insensitively, also with numbers or
 * symbols added before or after), not the username, not one character repeated.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1024;
  static final String LIST = "access/common-passwords.txt";

  private static final String ADVICE =
      "choose another, for example three or four unrelated words (a password manager helps)";

  private final Set<String> common;

  public PasswordPolicy() {
    this.common = load();
  }

  /** The reasons a password is refused; empty when it is acceptable. */
  public List<String> problems(String username, String password) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.isEmpty()) {
      problems.add("a password is required: at least " + MIN_LENGTH + " characters");
      return problems;
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      problems.add(
          "the password must be at least "
              + MIN_LENGTH
              + " characters long (it has "
              + length
              + ")");
    }
    if (length > MAX_LENGTH) {
      problems.add("the password must be at most " + MAX_LENGTH + " characters long");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String core = stripDigitsAndSymbols(lower);
    String user = username == null ? "" : username.toLowerCase(Locale.ROOT);
    if (!user.isEmpty() && (lower.equals(user) || core.equals(user))) {
      problems.add("the password must not be the username: " + ADVICE);
    } else if (common.contains(lower)) {
      problems.add("the password is on the list of common passwords: " + ADVICE);
    } else if (core.length() >= 4 && common.contains(core)) {
      problems.add("the password is a common password with numbers or symbols added: " + ADVICE);
    } else if (problems.isEmpty() && password.codePoints().distinct().count() == 1) {
      problems.add("the password must not be one character repeated: " + ADVICE);
    }
    return problems;
  }

  /** Refuses a password that does not meet the policy, saying what is required. */
  public void check(String username, String password) {
    List<String> problems = problems(username, password);
    if (!problems.isEmpty()) {
      throw new InvalidAccountException(problems);
    }
  }

  /** True when the list carries the password (case-insensitively). */
  public boolean isCommon(String password) {
    return common.contains(password.toLowerCase(Locale.ROOT));
  }

  private static String stripDigitsAndSymbols(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && !Character.isLetter(s.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static Set<String> load() {
    InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST);
    if (in == null) {
      throw new IllegalStateException("the common-passwords list " + LIST + " is missing");
    }
    Set<String> words = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
