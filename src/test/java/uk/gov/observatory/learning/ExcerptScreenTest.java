package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.gov.observatory.learning.ExcerptScreen.Finding;
import uk.gov.observatory.learning.ExcerptScreen.Kind;
import uk.gov.observatory.notification.ChildIdentity;

/**
 * Issue 17, "Done when": a learning excerpt that contains a child's name from the register is
 * refused approval. The check itself, worked by hand: which words and dates it finds, where it says
 * they are, and that it never repeats them.
 */
class ExcerptScreenTest {

  static ExcerptScreen screen() {
    ExcerptScreen s = new ExcerptScreen();
    s.add(new ChildIdentity("Amelia Rose Hartley-Quinn", LocalDate.of(2015, 3, 5)));
    s.add(new ChildIdentity("Zoë O'Brien", null));
    s.add(new ChildIdentity(null, LocalDate.of(2019, 11, 23)));
    s.add(new ChildIdentity("Jo Al", null));
    s.add(new ChildIdentity("Baby Thistlewood", null));
    return s;
  }

  @Test
  @DisplayName("the full name, the given name or a surname, any case, as a whole word")
  void names() {
    ExcerptScreen s = screen();
    // "Agencies did not see Amelia Hartley-Quinn": Amelia is at character 22, word 5; Hartley-Quinn
    // is word 6 (words as a reader counts them, between spaces)
    assertThat(s.check("Agencies did not see Amelia Hartley-Quinn often."))
        .containsExactly(
            new Finding(Kind.NAME, 22, 5),
            new Finding(Kind.NAME, 29, 6),
            new Finding(Kind.NAME, 37, 6));
    assertThat(s.check("the HARTLEY family")).containsExactly(new Finding(Kind.NAME, 5, 2));
    assertThat(s.check("rose")).containsExactly(new Finding(Kind.NAME, 1, 1));
    // a possessive, accents and curly apostrophes
    assertThat(s.check("Amelia's school")).containsExactly(new Finding(Kind.NAME, 1, 1));
    assertThat(s.check("zoe obrien, Zoe o’brien"))
        .containsExactly(
            new Finding(Kind.NAME, 1, 1),
            new Finding(Kind.NAME, 13, 3),
            new Finding(Kind.NAME, 17, 4));
    // whole words only: not inside another word
    assertThat(s.check("Ameliarated, Hartleys, Rosemary and Quinnell")).isEmpty();
    // a baby not yet named: "Baby" alone names no one, the surname does
    assertThat(s.check("the baby was seen; Child 1 and the unborn twin")).isEmpty();
    assertThat(s.check("Baby Thistlewood"))
        .containsExactly(new Finding(Kind.NAME, 1, 1), new Finding(Kind.NAME, 6, 2));
    // a two-letter name part is a word too; a single letter is not screened
    assertThat(s.check("Al said")).containsExactly(new Finding(Kind.NAME, 1, 1));
  }

  @Test
  @DisplayName(
      "a synthetic child's placeholder name: its reference quoted is not a name, the name is")
  void syntheticPlaceholders() {
    ExcerptScreen s = new ExcerptScreen();
    s.add(new ChildIdentity("Fictitious Child A (synthetic SYN-2019-00001)", null));
    // every synthetic reference starts "SYN": quoting one is not naming a child
    assertThat(s.check("The review of SYN-LCSPR-2020-00001 found that a fictitious child"))
        .isEmpty();
    // the whole placeholder is still found
    assertThat(s.check("Fictitious Child A (synthetic SYN-2019-00001) was seen")).isNotEmpty();
  }

  @Test
  @DisplayName("a date of birth written in the usual UK and ISO ways, and no other date")
  void datesOfBirth() {
    ExcerptScreen s = screen();
    for (String written :
        List.of(
            "born 5/3/2015.",
            "born 05/03/2015.",
            "born 05.03.15.",
            "born 5-3-2015.",
            "born 2015-03-05.",
            "born 5 March 2015.",
            "born 5th of March, 2015.",
            "born 5 Mar 2015.",
            "born March 5, 2015.",
            "born 23 November 2019.")) {
      assertThat(s.check(written))
          .as(written)
          .containsExactly(new Finding(Kind.DATE_OF_BIRTH, 6, 2));
    }
    assertThat(s.check("seen on 3/5/2015 and 2015-05-03 and 6 March 2015")).isEmpty();
    assertThat(s.check("Child 1 was born in March 2015.")).isEmpty();
  }

  @Test
  @DisplayName("the refusal says where, never what")
  void message() {
    List<Finding> found = screen().check("Amelia was born 5/3/2015; Amelia's brother");
    String names = ExcerptScreen.message(found, Kind.NAME);
    String dates = ExcerptScreen.message(found, Kind.DATE_OF_BIRTH);
    assertThat(names)
        .isEqualTo(
            "The excerpt contains a child's name from the register, at character 1 (word 1) and"
                + " character 27 (word 5): remove it, or write 'Child 1' or 'the child' instead");
    assertThat(dates)
        .isEqualTo(
            "The excerpt contains a child's date of birth from the register, at character 17"
                + " (word 4): remove it, or give the child's age instead");
    assertThat(names + dates).doesNotContainIgnoringCase("amelia").doesNotContain("2015");
  }

  @Test
  @DisplayName("a clean excerpt passes")
  void clean() {
    assertThat(
            screen()
                .check(
                    "Practitioners did not ask the mother about the baby's sleeping"
                        + " arrangements. Child 1 was 4 months old."))
        .isEmpty();
  }
}
