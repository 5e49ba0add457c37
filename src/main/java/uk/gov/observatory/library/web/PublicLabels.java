package uk.gov.observatory.library.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.Facet;
import uk.gov.observatory.library.ReviewModel;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.reference.Region;

/**
 * The learning library's words for its codes, for the public pages ({@code @libraryLabels}) and
 * their checks: each facet value's label, and whether a value is one a facet can have (an address
 * with another gets a named 400, never a silent empty result).
 */
@Component("libraryLabels")
public class PublicLabels {

  static final String AGE_BAND = "age_band";

  /** The earliest year a document of the library can be published (the NSPCC's from 1945). */
  static final int FIRST_YEAR = 1945;

  static final int LAST_YEAR = 2999;

  private final ReferenceData reference;

  public PublicLabels(ReferenceData reference) {
    this.reference = reference;
  }

  /** The label of a facet's value, or empty when the value is not one the facet can have. */
  public Optional<String> label(Facet facet, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (facet) {
      case YEAR -> year(value);
      case REGION ->
          reference.regions().stream()
              .filter(r -> r.code().equals(value))
              .map(Region::name)
              .findFirst();
      case AUTHORITY -> reference.localAuthority(value).map(LocalAuthority::name);
      case MODEL -> enumLabel(ReviewModel.class, value).map(ReviewModel::label);
      case AGE_BAND -> reference.codeList(AGE_BAND).find(value).map(c -> c.label());
      case CATEGORY -> category(value);
      case THEME -> reference.codeList(CodeLists.PRACTICE_THEMES).find(value).map(c -> c.label());
      case TYPE -> enumLabel(DocumentType.class, value).map(DocumentType::label);
    };
  }

  /** The label of a facet's value, or the value itself (for a value the search returned). */
  public String of(Facet facet, String value) {
    return label(facet, value).orElse(value == null ? "" : value);
  }

  /** What a facet's values are, for the message about one that is not. */
  public String allowed(Facet facet) {
    return switch (facet) {
      case YEAR -> "a year from " + FIRST_YEAR + ", like 2020";
      case REGION -> "one of the nine regions of England";
      case AUTHORITY -> "a local authority in England";
      case MODEL -> "one of the review models listed";
      case AGE_BAND -> "one of the age bands listed";
      case CATEGORY -> "one of the categories of incident listed";
      case THEME -> "one of the six practice themes listed";
      case TYPE -> "one of the types of document listed";
    };
  }

  public String type(DocumentType type) {
    return type == null ? "" : type.label();
  }

  public String model(ReviewModel model) {
    return model == null ? "" : model.label();
  }

  public String region(String code) {
    return code == null ? "" : of(Facet.REGION, code);
  }

  public String authority(String code) {
    return code == null ? "" : of(Facet.AUTHORITY, code);
  }

  public String ageBands(List<String> codes) {
    return join(Facet.AGE_BAND, codes);
  }

  public String categories(List<String> codes) {
    return join(Facet.CATEGORY, codes);
  }

  /** Each practice theme's label, for a list. */
  public List<String> themes(List<String> codes) {
    return codes == null ? List.of() : codes.stream().map(c -> of(Facet.THEME, c)).toList();
  }

  /** A file's size as people read it: "840 KB", "1.2 MB". */
  public String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** "1 page", "34 pages". */
  public String pages(Integer pages) {
    if (pages == null) {
      return "";
    }
    return pages == 1 ? "1 page" : String.format(Locale.UK, "%,d pages", pages);
  }

  /** "Found on page 3", "Found on pages 3, 7 and 12". */
  public String foundOn(List<Integer> pages) {
    if (pages == null || pages.isEmpty()) {
      return "";
    }
    if (pages.size() == 1) {
      return "Found on page " + pages.get(0);
    }
    List<String> p = pages.stream().map(String::valueOf).toList();
    return "Found on pages "
        + String.join(", ", p.subList(0, p.size() - 1))
        + " and "
        + p.get(p.size() - 1);
  }

  /** A text's paragraphs: its lines that are not blank, each stripped. */
  public List<String> paragraphs(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private String join(Facet facet, List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return "";
    }
    return String.join(", ", codes.stream().map(c -> of(facet, c)).toList());
  }

  private Optional<String> category(String value) {
    Optional<String> death =
        reference.codeList(CodeLists.DEATH_CATEGORY).find(value).map(c -> c.label());
    return death.isPresent()
        ? death.map(l -> l + " (death)")
        : reference
            .codeList(CodeLists.HARM_CATEGORY)
            .find(value)
            .map(c -> c.label() + " (serious harm)");
  }

  private static Optional<String> year(String value) {
    if (!value.matches("[0-9]{4}")) {
      return Optional.empty();
    }
    int y = Integer.parseInt(value);
    return y >= FIRST_YEAR && y <= LAST_YEAR ? Optional.of(value) : Optional.empty();
  }

  private static <E extends Enum<E>> Optional<E> enumLabel(Class<E> type, String value) {
    try {
      return Optional.of(Enum.valueOf(type, value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
