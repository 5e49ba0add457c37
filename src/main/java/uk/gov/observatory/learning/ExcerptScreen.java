package uk.gov.observatory.learning;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.observatory.notification.ChildIdentity;

/**
 * The check a learning excerpt passes before it is approved: no child's name and no child's date of
 * birth from the register appears in it. A name is found as the full name, or any of its parts
 * (given name, middle names, surname; a hyphenated part also by its pieces) as a whole word,
 * whatever the case and accents. A date of birth is found written as a date in the usual UK and ISO
 * ways (5/3/2015, 05.03.15, 2015-03-05, 5 March 2015, 5th of Mar 2015, March 5, 2015). What is
 * found is never repeated: a finding says what kind it is and where (the character and the word).
 *
 * <p>Built once per check from the register's children, held only in memory for that check.
 */
public final class ExcerptScreen {

  /** What the check found, and where: 1-based character and word positions in the excerpt. */
  public record Finding(Kind kind, int character, int word) {}

  public enum Kind {
    NAME,
    DATE_OF_BIRTH
  }

  /** A word of text: where it starts (0-based) and its folded form. */
  private record Word(int start, String folded) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}'’]*");

  /**
   * Words a register's name may hold that name no one on their own: a baby not yet named is
   * recorded as "Baby" and the surname, a placeholder as "Child A" or "Unknown"; the synthetic
   * data's placeholders ("Fictitious Child A (synthetic SYN-2019-00001)") hold the prefix of every
   * synthetic reference, "SYN", which a document quoting a reference would otherwise be refused
   * for. The full name is still found, and so is every other part of it.
   */
  static final Set<String> NOT_NAMES =
      Set.of(
          "baby",
          "child",
          "infant",
          "unborn",
          "unnamed",
          "unknown",
          "boy",
          "girl",
          "twin",
          "sibling",
          "son",
          "daughter",
          "male",
          "female",
          "not",
          "known",
          "name",
          "synthetic",
          "fictitious",
          "syn",
          "test");

  private static final Map<String, Integer> MONTHS = months();

  private static final String MONTH_WORDS =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?";

  /** 2015-03-05, 2015/3/5, 2015.03.05 */
  private static final Pattern ISO =
      Pattern.compile("(?<![0-9])([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])");

  /** 5/3/2015, 05-03-2015, 5.3.15 (day first, as the UK writes it) */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![0-9])([0-9]{1,2})\\s?[-/.]\\s?([0-9]{1,2})\\s?[-/.]\\s?([0-9]{4}|[0-9]{2})(?![0-9])");

  /** 5 March 2015, 5th of March 2015, 05-Mar-2015 */
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<![0-9])([0-9]{1,2})(?:st|nd|rd|th)?[\\s-]+(?:of\\s+)?"
              + MONTH_WORDS
              + ",?[\\s-]+([0-9]{4}|[0-9]{2})(?![0-9])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** March 5, 2015 / March 5th 2015 */
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "\\b" + MONTH_WORDS + "\\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\\s+([0-9]{4})(?![0-9])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Each name as its folded words (the full name), for phrase matching. */
  private final List<List<String>> fullNames = new ArrayList<>();

  /** Every single word of every name (folded), two letters or more. */
  private final Set<String> nameWords = new HashSet<>();

  private final Set<LocalDate> datesOfBirth = new HashSet<>();

  /** Adds a child's details to screen for. */
  public void add(ChildIdentity child) {
    if (child.name() != null && !child.name().isBlank()) {
      List<String> words = new ArrayList<>();
      for (Word w : words(child.name())) {
        words.add(w.folded());
      }
      if (words.size() > 1) {
        fullNames.add(words);
      }
      for (String w : words) {
        if (letters(w) >= 2 && !NOT_NAMES.contains(w)) {
          nameWords.add(w);
        }
      }
    }
    if (child.dateOfBirth() != null) {
      datesOfBirth.add(child.dateOfBirth());
    }
  }

  /** Everything found in the text, in the order it appears (a name's full form counted once). */
  public List<Finding> check(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Word> words = words(text);
    TreeMap<Integer, Finding> found = new TreeMap<>();
    for (int i = 0; i < words.size(); i++) {
      boolean hit = nameWords.contains(words.get(i).folded());
      if (!hit) {
        for (List<String> name : fullNames) {
          if (startsAt(words, i, name)) {
            hit = true;
            break;
          }
        }
      }
      if (hit) {
        int start = words.get(i).start();
        found.putIfAbsent(start, new Finding(Kind.NAME, start + 1, wordNumber(text, start)));
      }
    }
    for (int[] date : dates(text)) {
      int start = date[3];
      if (matchesBirthDate(date)) {
        found.putIfAbsent(
            start, new Finding(Kind.DATE_OF_BIRTH, start + 1, wordNumber(text, start)));
      }
    }
    return List.copyOf(found.values());
  }

  /** The message for the findings of one kind (null when none): what and where, never the text. */
  public static String message(List<Finding> findings, Kind kind) {
    List<Finding> of = findings.stream().filter(f -> f.kind() == kind).toList();
    if (of.isEmpty()) {
      return null;
    }
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < of.size(); i++) {
      if (i > 0) {
        where.append(i == of.size() - 1 ? " and " : ", ");
      }
      where
          .append("character ")
          .append(of.get(i).character())
          .append(" (word ")
          .append(of.get(i).word())
          .append(")");
    }
    return kind == Kind.NAME
        ? "The excerpt contains a child's name from the register, at "
            + where
            + ": remove it, or write 'Child 1' or 'the child' instead"
        : "The excerpt contains a child's date of birth from the register, at "
            + where
            + ": remove it, or give the child's age instead";
  }

  private boolean matchesBirthDate(int[] date) {
    int day = date[0];
    int month = date[1];
    int year = date[2];
    if (year >= 100) {
      try {
        return datesOfBirth.contains(LocalDate.of(year, month, day));
      } catch (DateTimeException notADate) {
        return false;
      }
    }
    // A two-digit year: any century.
    for (LocalDate d : datesOfBirth) {
      if (d.getDayOfMonth() == day && d.getMonthValue() == month && d.getYear() % 100 == year) {
        return true;
      }
    }
    return false;
  }

  /** Each date written in the text: {day, month, year (2 or 4 digits), start}. */
  private static List<int[]> dates(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = ISO.matcher(text);
    while (m.find()) {
      out.add(date(m.group(3), m.group(2), m.group(1), m.start()));
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      out.add(date(m.group(1), m.group(2), m.group(3), m.start()));
    }
    m = DAY_MONTH.matcher(text);
    while (m.find()) {
      out.add(date(m.group(1), month(m.group(2)), m.group(3), m.start()));
    }
    m = MONTH_DAY.matcher(text);
    while (m.find()) {
      out.add(date(m.group(2), month(m.group(1)), m.group(3), m.start()));
    }
    return out;
  }

  private static int[] date(String day, String month, String year, int start) {
    return new int[] {
      Integer.parseInt(day), Integer.parseInt(month), Integer.parseInt(year), start
    };
  }

  private static String month(String word) {
    return String.valueOf(MONTHS.get(word.toLowerCase(Locale.ROOT).replace(".", "")));
  }

  private static boolean startsAt(List<Word> words, int i, List<String> name) {
    if (i + name.size() > words.size()) {
      return false;
    }
    for (int k = 0; k < name.size(); k++) {
      if (!words.get(i + k).folded().equals(name.get(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The 1-based number of the word a character is in, words as a reader counts them: separated by
   * white space ("Hartley-Quinn" and "5/3/2015;" are one word each).
   */
  private static int wordNumber(String text, int at) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i <= at && i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return Math.max(1, words);
  }

  /**
   * The words of a text, each folded (no accents, lower case, curly apostrophes straight, a
   * possessive's "'s" dropped), split at spaces, punctuation, digits and hyphens ("Mary-Jane" is
   * two words, "O'Brien" one).
   */
  private static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = fold(m.group());
      while (w.endsWith("'")) {
        w = w.substring(0, w.length() - 1);
      }
      if (w.endsWith("'s") && w.length() > 2) {
        w = w.substring(0, w.length() - 2); // a possessive: "Amelia's" is the name
      }
      out.add(new Word(m.start(), w));
    }
    return out;
  }

  static String fold(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFKD);
    return decomposed.replaceAll("\\p{M}+", "").replace('’', '\'').toLowerCase(Locale.ROOT);
  }

  private static int letters(String w) {
    return (int) w.chars().filter(Character::isLetter).count();
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new java.util.HashMap<>();
    String[] full = {
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december"
    };
    for (int i = 0; i < 12; i++) {
      m.put(full[i], i + 1);
      m.put(full[i].substring(0, 3), i + 1);
    }
    m.put("sept", 9);
    return Map.copyOf(m);
  }
}
