package uk.gov.observatory.review.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two texts, word by word (the longest common subsequence of their words and
 * the spaces between them): kept, removed and added pieces in reading order. When the changed
 * middle of either text is too long for a word-by-word comparison (over {@link #MAX_TOKENS} words
 * and spaces), it is shown as the old middle removed and the new one added.
 */
final class WordDiff {

  /** Above this many words and spaces, no word-by-word comparison (it grows as the square). */
  static final int MAX_TOKENS = 2_000;

  private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

  private WordDiff() {}

  /** A piece of the compared text. */
  record Piece(Kind kind, String text) {
    public boolean isAdded() {
      return kind == Kind.ADDED;
    }

    public boolean isRemoved() {
      return kind == Kind.REMOVED;
    }
  }

  enum Kind {
    SAME,
    ADDED,
    REMOVED
  }

  static List<Piece> of(String before, String after) {
    List<String> all = tokens(before);
    List<String> allAfter = tokens(after);
    List<Piece> out = new ArrayList<>();
    // What is the same at the start and at the end needs no comparison.
    int start = 0;
    while (start < all.size()
        && start < allAfter.size()
        && all.get(start).equals(allAfter.get(start))) {
      start++;
    }
    int end = 0;
    while (end < all.size() - start
        && end < allAfter.size() - start
        && all.get(all.size() - 1 - end).equals(allAfter.get(allAfter.size() - 1 - end))) {
      end++;
    }
    add(out, Kind.SAME, String.join("", all.subList(0, start)));
    List<String> a = all.subList(start, all.size() - end);
    List<String> b = allAfter.subList(start, allAfter.size() - end);
    String same = String.join("", all.subList(all.size() - end, all.size()));
    if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
      add(out, Kind.REMOVED, String.join("", a));
      add(out, Kind.ADDED, String.join("", b));
      add(out, Kind.SAME, same);
      return out;
    }
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a.get(i).equals(b.get(j))) {
        add(out, Kind.SAME, a.get(i));
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        add(out, Kind.REMOVED, a.get(i++));
      } else {
        add(out, Kind.ADDED, b.get(j++));
      }
    }
    while (i < n) {
      add(out, Kind.REMOVED, a.get(i++));
    }
    while (j < m) {
      add(out, Kind.ADDED, b.get(j++));
    }
    add(out, Kind.SAME, same);
    return out;
  }

  private static List<String> tokens(String text) {
    if (text == null || text.isEmpty()) {
      return Collections.emptyList();
    }
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Appends, joining a piece to the last one of the same kind. */
  private static void add(List<Piece> out, Kind kind, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
      Piece last = out.remove(out.size() - 1);
      out.add(new Piece(kind, last.text() + text));
    } else {
      out.add(new Piece(kind, text));
    }
  }
}
