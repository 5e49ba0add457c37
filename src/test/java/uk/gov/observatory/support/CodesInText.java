package uk.gov.observatory.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds codes in text a person reads, where the code lists (or the report's specification) have
 * words for them: anything shaped like an enum constant ({@code WHITE_BRITISH}, {@code BAND_1_15}),
 * and any code of the code lists whose label differs from it ({@code DEATH} where "Death" is
 * meant). A code its own label uses as a word ("Sudden Unexpected Death in Infancy (SUDI)") is a
 * word people read; so is LCSPR.
 */
public final class CodesInText {

  private static final Pattern ENUM_LIKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
  private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");

  private CodesInText() {}

  /** The codes found in {@code text}: enum-shaped words, the code lists' codes and {@code more}. */
  public static Set<String> in(String text, Collection<String> more) {
    Set<String> codes = new LinkedHashSet<>(codeListCodes());
    codes.addAll(more);
    Set<String> found = new LinkedHashSet<>();
    Matcher e = ENUM_LIKE.matcher(text);
    while (e.find()) {
      found.add(e.group());
    }
    Matcher w = WORD.matcher(text);
    while (w.find()) {
      if (codes.contains(w.group())) {
        found.add(w.group());
      }
    }
    return found;
  }

  /** The codes found in {@code text}, by the code lists and enum-shaped words. */
  public static Set<String> in(String text) {
    return in(text, List.of());
  }

  /** Every code of the code lists whose label differs from it and does not use it as a word. */
  public static Set<String> codeListCodes() {
    Set<String> codes = new LinkedHashSet<>();
    List<String> labels = new ArrayList<>();
    try (InputStream in = CodesInText.class.getResourceAsStream("/reference/code-lists.csv")) {
      String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : csv.split("\\R")) {
        String[] f = line.split(",", -1);
        if (f.length >= 3 && !f[0].equals("list") && !f[1].equals(f[2])) {
          codes.add(f[1]);
          labels.add(f[2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    codes.removeIf(c -> labels.stream().anyMatch(l -> l.matches(".*\\b" + c + "\\b.*")));
    codes.remove("LCSPR");
    return codes;
  }
}
