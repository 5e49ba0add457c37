package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.library.Facet;
import uk.gov.observatory.library.LibrarySearch;
import uk.gov.observatory.support.RegisterTest;

/**
 * {@code library bench}'s searches: the built-in set is valid for the search, and each one's bare
 * query (what pgbench runs) is valid SQL over the public view; percentiles by nearest rank.
 */
@RegisterTest
class LibraryBenchCommandTest {

  @Autowired LibrarySearch search;
  @Autowired DatabaseOwner owner;

  @Test
  void theBuiltInSearchesRunBothWays() {
    List<LibraryBenchCommand.Search> searches =
        LibraryBenchCommand.parse(LibraryBenchCommand.DEFAULT_QUERIES);
    assertThat(searches).hasSize(LibraryBenchCommand.DEFAULT_QUERIES.size());
    for (LibraryBenchCommand.Search s : searches) {
      search.validate(s.request());
      assertThat(search.searchPublished(s.request()).total()).isZero();
      String bare = LibraryBenchCommand.bare(s.request());
      assertThat(owner.jdbc().queryForList(bare.substring(0, bare.length() - 1))).isEmpty();
    }
  }

  @Test
  void aSearchLineIsItsWordsThenItsFacets() {
    LibraryBenchCommand.Search s =
        LibraryBenchCommand.parse(
                List.of("# a comment", "", "neglect | theme=A | theme=B | year=2020"))
            .get(0);
    assertThat(s.request().query()).isEqualTo("neglect");
    assertThat(s.request().filters())
        .isEqualTo(Map.of(Facet.THEME, Set.of("A", "B"), Facet.YEAR, Set.of("2020")));
    assertThat(LibraryBenchCommand.bare(s.request()))
        .contains("websearch_to_tsquery('english', 'neglect')")
        .contains("d.themes && array['A', 'B']")
        .contains("extract(year from d.published_on)::int in ('2020')")
        .endsWith("order by score desc, d.published_on desc, d.id desc limit 20;");
    assertThat(LibraryBenchCommand.parse(List.of("| type=LCSPR")).get(0).request().query())
        .isEmpty();
    assertThatThrownBy(() -> LibraryBenchCommand.parse(List.of("neglect | colour=red")))
        .hasMessageContaining("colour=red");
  }

  @Test
  void percentilesByNearestRank() {
    double[] sorted = new double[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }
    assertThat(LibraryBenchCommand.percentile(sorted, 50)).isEqualTo(50);
    assertThat(LibraryBenchCommand.percentile(sorted, 95)).isEqualTo(95);
    assertThat(LibraryBenchCommand.percentile(new double[] {7}, 95)).isEqualTo(7);
    assertThat(LibraryBenchCommand.Connection.of("jdbc:postgresql://localhost:5433/obs?ssl=false"))
        .isEqualTo(new LibraryBenchCommand.Connection("localhost", 5433, "obs"));
  }
}
