package uk.gov.observatory.synthetic.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.LocalAuthority;

/**
 * One fictitious review report: its metadata (as the manifest gives it) and its text as blocks
 * (headings, paragraphs, bullets), built from a seeded random source and the phrases of the six
 * practice themes. Children are "Child A", "Child B"; adults and practitioners are named by their
 * roles; dates are months and years. Nothing in it is real.
 */
public final class ReviewReport {

  /** Every page's header and footer, and the title page's first line. */
  public static final String MARKER = "FICTITIOUS - SYNTHETIC DATA - NOT A REAL REVIEW";

  /** The title's prefix, so a list of documents shows what they are. */
  public static final String TITLE_PREFIX = "[Synthetic] ";

  /** Keywords every synthetic document carries. */
  public static final List<String> SYNTHETIC_KEYWORDS = List.of("synthetic", "fictitious");

  public enum Kind {
    HEADING,
    SUBHEADING,
    PARAGRAPH,
    BULLET,
    NUMBERED
  }

  public record Block(Kind kind, String text) {}

  /** The inputs a report is drawn from (the reference data's lists). */
  public record Lists(
      List<LocalAuthority> authorities,
      List<Code> themes,
      List<Code> ageBands,
      List<Code> deathCategories,
      List<Code> harmCategories) {}

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private static final String[] MODELS = {
    "SYSTEMS", "SYSTEMS", "SILP", "APPRECIATIVE_INQUIRY", "TRADITIONAL", "HYBRID", "OTHER"
  };

  private static final String[] AGE_WORDS = {
    "seven months", "three years", "seven years", "twelve years", "sixteen years"
  };

  public String type;
  public String title;
  public LocalDate published;
  public String laCode;
  public String laName;
  public String model;
  public final List<String> ageBands = new ArrayList<>();
  public final List<String> categories = new ArrayList<>();
  public final List<String> themes = new ArrayList<>();
  public final List<String> keywords = new ArrayList<>();
  public String summary;
  public String learning;
  public String recommendations;
  public final List<String> titlePage = new ArrayList<>();
  public final List<Block> body = new ArrayList<>();

  /** How many body lines the report aims for (its length, 3 to 12 pages with the title page). */
  public int targetPages;

  private final Random random;
  private final LibraryPhrases phrases = LibraryPhrases.get();
  private String child;
  private String age;
  private YearMonth incident;
  private String partnership;

  private ReviewReport(Random random) {
    this.random = random;
  }

  /** The report drawn from {@code random} (the same seed, the same report). */
  public static ReviewReport draw(Random random, Lists lists) {
    ReviewReport r = new ReviewReport(random);
    r.build(lists);
    return r;
  }

  private void build(Lists lists) {
    int t = random.nextInt(100);
    type =
        t < 70
            ? "LCSPR"
            : t < 85 ? "SCR" : t < 90 ? "NATIONAL_REVIEW" : t < 95 ? "THEMATIC" : "BRIEFING";
    boolean local = type.equals("LCSPR") || type.equals("SCR");
    // Serious case reviews before Working Together 2018; the rest after.
    LocalDate from = type.equals("SCR") ? LocalDate.of(2012, 1, 1) : LocalDate.of(2019, 6, 1);
    LocalDate to = type.equals("SCR") ? LocalDate.of(2020, 12, 31) : LocalDate.of(2025, 12, 31);
    published = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    incident = YearMonth.from(published).minusMonths(12 + random.nextInt(18));
    child = "Child " + (char) ('A' + random.nextInt(8));
    targetPages = 3 + random.nextInt(10);

    int themeCount = 1 + random.nextInt(3);
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < themeCount) {
      chosen.add(pick(lists.themes()).code());
    }
    // In the code list's order.
    lists
        .themes()
        .forEach(
            c -> {
              if (chosen.contains(c.code())) {
                themes.add(c.code());
              }
            });

    int band = random.nextInt(lists.ageBands().size());
    age = AGE_WORDS[Math.min(band, AGE_WORDS.length - 1)];
    Code category;
    if (local) {
      LocalAuthority la = pick(lists.authorities());
      laCode = la.code();
      laName = la.name();
      partnership = "the " + laName + " Safeguarding Children Partnership";
      model = MODELS[random.nextInt(MODELS.length)];
      ageBands.add(lists.ageBands().get(band).code());
      if (random.nextInt(5) == 0 && band + 1 < lists.ageBands().size()) {
        ageBands.add(lists.ageBands().get(band + 1).code());
      }
      category =
          random.nextInt(5) < 2 ? pick(lists.deathCategories()) : pick(lists.harmCategories());
      categories.add(category.code());
    } else {
      partnership = "the Child Safeguarding Practice Review Panel";
      category = random.nextBoolean() ? pick(lists.harmCategories()) : null;
      if (category != null) {
        categories.add(category.code());
      }
      if (random.nextBoolean()) {
        ageBands.add(lists.ageBands().get(band).code());
      }
    }

    String themeLabel = label(lists.themes(), themes.get(0)).toLowerCase(Locale.UK);
    String categoryLabel = category == null ? null : category.label().toLowerCase(Locale.UK);
    title =
        TITLE_PREFIX
            + switch (type) {
              case "LCSPR" ->
                  child
                      + ": a local child safeguarding practice review following "
                      + article(categoryLabel)
                      + " ("
                      + laName
                      + ")";
              case "SCR" -> "Serious case review: " + child + " (" + laName + ")";
              case "NATIONAL_REVIEW" ->
                  "National review: "
                      + (categoryLabel == null ? "safeguarding children" : categoryLabel)
                      + " and "
                      + themeLabel;
              case "THEMATIC" -> "Thematic analysis of rapid reviews: " + themeLabel;
              default -> "Practice briefing: " + themeLabel;
            };
    for (String theme : themes) {
      keywords.add(pick(phrases.of(theme + ".keyword")));
    }
    if (categoryLabel != null) {
      keywords.add(categoryLabel);
    }
    keywords.addAll(SYNTHETIC_KEYWORDS);

    summary =
        "A fictitious "
            + (local ? "review" : "report")
            + (local ? " about " + child + ", aged " + age + ", " : " ")
            + (categoryLabel == null ? "" : "following " + article(categoryLabel) + ", ")
            + "written by Observatory's synthetic data generator. "
            + fill(pick(phrases.of(themes.get(0) + ".context")))
            + " "
            + fill(pick(phrases.of(themes.get(themes.size() - 1) + ".finding")));
    List<String> learnt = new ArrayList<>();
    List<String> recommended = new ArrayList<>();
    for (String theme : themes) {
      learnt.add(fill(pick(phrases.of(theme + ".learning"))));
      recommended.add(fill(pick(phrases.of(theme + ".recommendation"))));
    }
    learning = String.join(" ", learnt);
    recommendations = String.join(" ", recommended);

    titlePage.add(MARKER);
    titlePage.add(title.substring(TITLE_PREFIX.length()));
    titlePage.add(typeLabel());
    titlePage.add((local ? "Commissioned by " : "Published by ") + partnership);
    titlePage.add("Published " + published.format(MONTH));
    titlePage.add(
        "This report is fictitious. It was written by a computer program for demonstration and"
            + " testing. No child, family, practitioner or agency in it is real; children are"
            + " called Child A, Child B and so on, and adults are named only by their roles.");

    body(lists);
  }

  private void body(Lists lists) {
    heading("1. Introduction");
    for (String s : phrases.of("introduction")) {
      if (random.nextInt(3) > 0) {
        paragraph(s);
      }
    }
    paragraph(pick(phrases.of("method")) + " " + pick(phrases.of("method")));
    heading("2. Background");
    paragraph(sentences("background", 3));
    heading("3. Key practice episodes");
    int episodes = 3 + random.nextInt(3);
    YearMonth m = incident.minusMonths(24);
    List<String> pool = new ArrayList<>(phrases.of("episode"));
    for (int i = 0; i < episodes; i++) {
      m = m.plusMonths(1 + random.nextInt(3));
      String e = pool.get(random.nextInt(pool.size()));
      paragraph(fill(e.replace("{month}", m.format(MONTH))));
    }
    heading("4. Analysis by practice theme");
    for (String theme : themes) {
      subheading(label(lists.themes(), theme));
      paragraph(sentences(theme + ".context", 3));
    }
    heading("5. Findings");
    int n = 1;
    for (String theme : themes) {
      for (String f : phrases.of(theme + ".finding")) {
        numbered(n++ + ". " + fill(f));
      }
    }
    heading("6. Learning");
    paragraph("Learning from this review includes:");
    for (String theme : themes) {
      for (String l : phrases.of(theme + ".learning")) {
        if (random.nextInt(3) > 0) {
          bullet(fill(l));
        }
      }
    }
    heading("7. Recommendations");
    n = 1;
    for (String theme : themes) {
      for (String r : phrases.of(theme + ".recommendation")) {
        numbered("Recommendation " + n++ + ": " + fill(r));
      }
    }
    paragraph(sentences("closing", 2));
  }

  /**
   * Lengthens the analysis by a paragraph (of a theme's analysis, ahead of the findings), so the
   * report reaches its length.
   */
  public void lengthen() {
    int turn = lengthened++;
    int slot = turn % (themes.size() + 1);
    if (slot == themes.size()) {
      // Another practice episode, at the end of section 3.
      YearMonth m = incident.minusMonths(1 + random.nextInt(6));
      String e = pick(phrases.of("episode"));
      body.add(end("4."), new Block(Kind.PARAGRAPH, fill(e.replace("{month}", m.format(MONTH)))));
      return;
    }
    String theme = themes.get(slot);
    String text =
        random.nextBoolean()
            ? sentences(theme + ".context", 2) + " " + sentences("analysis", 2)
            : sentences("analysis", 1)
                + " "
                + sentences(theme + ".context", 1)
                + " "
                + sentences(theme + ".finding", 1);
    body.add(endOfTheme(slot), new Block(Kind.PARAGRAPH, text));
  }

  private int lengthened;

  /** The index of the heading that starts with {@code number} (the end of the section before). */
  private int end(String number) {
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i).kind() == Kind.HEADING && body.get(i).text().startsWith(number)) {
        return i;
      }
    }
    return body.size();
  }

  /** Where the analysis of the {@code slot}th theme ends. */
  private int endOfTheme(int slot) {
    int seen = -1;
    for (int i = end("4.") + 1; i < body.size(); i++) {
      Block b = body.get(i);
      if (b.kind() == Kind.HEADING || (b.kind() == Kind.SUBHEADING && seen == slot)) {
        return i;
      }
      if (b.kind() == Kind.SUBHEADING) {
        seen++;
      }
    }
    return body.size();
  }

  private String typeLabel() {
    return switch (type) {
      case "LCSPR" -> "Local child safeguarding practice review";
      case "SCR" -> "Serious case review";
      case "NATIONAL_REVIEW" -> "National review";
      case "THEMATIC" -> "Thematic analysis";
      default -> "Learning briefing";
    };
  }

  private String sentences(String key, int n) {
    List<String> all = phrases.of(key);
    StringBuilder b = new StringBuilder();
    int start = random.nextInt(all.size());
    for (int i = 0; i < Math.min(n, all.size()); i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(fill(all.get((start + i) % all.size())));
    }
    return b.toString();
  }

  private String fill(String s) {
    if (s.indexOf('{') < 0) {
      return s;
    }
    String agency = pick(phrases.of("agency"));
    String agency2 = pick(phrases.of("agency"));
    YearMonth m = incident.minusMonths(6 + random.nextInt(12));
    return s.replace("{child}", child)
        .replace("{agency2}", agency2)
        .replace("{agency}", agency)
        .replace("{role}", pick(phrases.of("role")))
        .replace("{adult}", pick(phrases.of("adult")))
        .replace("{month2}", m.plusMonths(3 + random.nextInt(6)).format(MONTH))
        .replace("{month}", m.format(MONTH))
        .replace("{partnership}", partnership)
        .replace("{age}", age);
  }

  private void heading(String text) {
    body.add(new Block(Kind.HEADING, text));
  }

  private void subheading(String text) {
    body.add(new Block(Kind.SUBHEADING, text));
  }

  private void paragraph(String text) {
    body.add(new Block(Kind.PARAGRAPH, fill(text)));
  }

  private void bullet(String text) {
    body.add(new Block(Kind.BULLET, text));
  }

  private void numbered(String text) {
    body.add(new Block(Kind.NUMBERED, text));
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String label(List<Code> codes, String code) {
    return codes.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().label();
  }

  private static String article(String label) {
    if (label == null) {
      return "a serious incident";
    }
    return "an incident of " + label;
  }
}
