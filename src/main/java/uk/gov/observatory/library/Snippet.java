package uk.gov.observatory.library;

import java.util.List;

/** A piece of a document's text around the words searched for, the matched words marked. */
public record Snippet(List<Part> parts) {

  public record Part(String text, boolean match) {}

  public Snippet {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** The snippet's text, unmarked. */
  public String text() {
    StringBuilder b = new StringBuilder();
    parts.forEach(p -> b.append(p.text()));
    return b.toString();
  }

  /** The snippet's text with each matched word in double asterisks (the command line's CSV). */
  public String marked() {
    StringBuilder b = new StringBuilder();
    parts.forEach(p -> b.append(p.match() ? "**" + p.text() + "**" : p.text()));
    return b.toString();
  }
}
