package uk.gov.observatory.library.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import uk.gov.observatory.web.Fmt;

/**
 * The learning library's Atom feed (RFC 4287) of its newest documents: each entry's id and link are
 * its page's address, with its title, when it was published and last changed, and a summary (its
 * type, authority, publication date and summary). Written by hand: a dozen elements, escaped.
 */
final class PublicFeed {

  private PublicFeed() {}

  static String atom(
      String base, List<PublicDocumentReads.FeedEntry> entries, PublicLabels labels) {
    Instant updated =
        entries.stream()
            .map(e -> e.updatedAt() != null ? e.updatedAt() : e.publishedAt())
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(Instant.EPOCH);
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n")
        .append("  <title>Learning library: newest documents</title>\n")
        .append(
            "  <subtitle>Local and national child safeguarding practice reviews, thematic analyses"
                + " and learning briefings, newly published in the learning library of the Child"
                + " Safeguarding Practice Review Panel</subtitle>\n")
        .append("  <id>")
        .append(escape(base + "/learning/feed.atom"))
        .append("</id>\n")
        .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        .append(escape(base + "/learning/feed.atom"))
        .append("\"/>\n")
        .append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(escape(base + "/learning"))
        .append("\"/>\n")
        .append("  <updated>")
        .append(time(updated))
        .append("</updated>\n")
        .append("  <author><name>Child Safeguarding Practice Review Panel</name></author>\n");
    for (PublicDocumentReads.FeedEntry e : entries) {
      String page = base + "/learning/documents/" + e.id();
      Instant published = e.publishedAt() != null ? e.publishedAt() : updated;
      Instant changed = e.updatedAt() != null ? e.updatedAt() : published;
      if (changed.isBefore(published)) {
        changed = published;
      }
      StringBuilder summary = new StringBuilder(labels.type(e.type()));
      if (e.laCode() != null) {
        summary.append(", ").append(labels.authority(e.laCode()));
      }
      summary.append(", published ").append(Fmt.dateOf(e.publishedOn())).append('.');
      if (e.summary() != null && !e.summary().isBlank()) {
        summary.append(' ').append(e.summary().strip());
      }
      x.append("  <entry>\n")
          .append("    <id>")
          .append(escape(page))
          .append("</id>\n")
          .append("    <title>")
          .append(escape(e.title()))
          .append("</title>\n")
          .append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
          .append(escape(page))
          .append("\"/>\n");
      if (e.hasPdf()) {
        x.append("    <link rel=\"enclosure\" type=\"application/pdf\" href=\"")
            .append(escape(page + ".pdf"))
            .append("\"/>\n");
      }
      x.append("    <published>")
          .append(time(published))
          .append("</published>\n")
          .append("    <updated>")
          .append(time(changed))
          .append("</updated>\n")
          .append("    <category term=\"")
          .append(escape(e.type().name()))
          .append("\" label=\"")
          .append(escape(labels.type(e.type())))
          .append("\"/>\n")
          .append("    <summary type=\"text\">")
          .append(escape(summary.toString()))
          .append("</summary>\n")
          .append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  private static String time(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Text for XML: the five special characters escaped, and characters XML 1.0 does not allow
   * (control characters other than tab and line breaks) left out.
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                  boolean allowed =
                      c == 0x9
                          || c == 0xA
                          || c == 0xD
                          || (c >= 0x20 && c <= 0xD7FF)
                          || (c >= 0xE000 && c <= 0xFFFD)
                          || c >= 0x10000;
                  if (allowed) {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.toString();
  }
}
