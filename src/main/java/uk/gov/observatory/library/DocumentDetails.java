package uk.gov.observatory.library;

import java.time.LocalDate;
import java.util.List;

/**
 * A document's metadata as the partnership or the secretariat writes it (on a page, the command
 * line or derived from its LCSPR). Codes: {@code laCode} a local authority; {@code ageBands} list
 * age_band; {@code categories} death_category or harm_category codes; {@code themes} list
 * practice_themes. Keywords are free words. The region is the authority's (or none).
 */
public record DocumentDetails(
    DocumentType type,
    String title,
    LocalDate publishedOn,
    String laCode,
    ReviewModel reviewModel,
    List<String> ageBands,
    List<String> categories,
    List<String> themes,
    List<String> keywords,
    String summary,
    String learning,
    String recommendations) {

  public DocumentDetails {
    ageBands = ageBands == null ? List.of() : List.copyOf(ageBands);
    categories = categories == null ? List.of() : List.copyOf(categories);
    themes = themes == null ? List.of() : List.copyOf(themes);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
