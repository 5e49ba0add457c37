package uk.gov.observatory.synthetic.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthetic review reports' phrases (resource {@code synthetic/library-phrases.txt}): each key
 * ({@code THEME.kind} or a general list such as {@code agency}) with its phrases in file order.
 */
public final class LibraryPhrases {

  static final String RESOURCE = "/synthetic/library-phrases.txt";

  private static final LibraryPhrases INSTANCE = load();

  private final Map<String, List<String>> phrases;

  private LibraryPhrases(Map<String, List<String>> phrases) {
    this.phrases = phrases;
  }

  public static LibraryPhrases get() {
    return INSTANCE;
  }

  /** The phrases of a key; a key without any is a programming error. */
  public List<String> of(String key) {
    List<String> list = phrases.get(key);
    if (list == null || list.isEmpty()) {
      throw new IllegalStateException("no phrases for " + key + " in " + RESOURCE);
    }
    return list;
  }

  private static LibraryPhrases load() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    try (InputStream in = LibraryPhrases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf('|');
        if (bar < 1) {
          throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
        map.computeIfAbsent(line.substring(0, bar).strip(), k -> new ArrayList<>())
            .add(line.substring(bar + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return new LibraryPhrases(Map.copyOf(map));
  }
}
