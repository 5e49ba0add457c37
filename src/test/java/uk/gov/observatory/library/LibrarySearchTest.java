package uk.gov.observatory.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.library.SearchRequest.Sort;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.TestPdfs;

/**
 * The library's search over documents with known text on known pages: found by a phrase, by a
 * stemmed word, with facets, not with an excluded word; snippets carry the words; the pages are
 * where the words are; facet counts worked by hand; drafts never in the public's search. The
 * documents are added as PDFs and published through LibraryDocuments, as the secretariat does.
 */
@RegisterTest
class LibrarySearchTest {

  static final String BIRMINGHAM = "E08000025";
  static final String WEST_MIDLANDS = "E12000005";
  static final String CAMDEN = "E09000007";

  @Autowired LibrarySearch search;
  @Autowired LibraryDocuments documents;
  @Autowired DatabaseOwner owner;

  long together;
  long thematic;
  long briefing;
  long draft;

  @BeforeEach
  void corpus() {
    together =
        store(
            DocumentType.LCSPR,
            "Child Q: a local review",
            LocalDate.of(2020, 3, 12),
            BIRMINGHAM,
            List.of("INFORMATION_SHARING"),
            "The review of the help a family had before a baby's injury.",
            true,
            "Introduction to the review of the family and its circumstances.",
            "Agencies were not working together when the first concerns arose at school.",
            "The health visitor noted signs of neglect in the home at a later visit.",
            "Working together again was the aim of the partnership's plan for the children.");
    thematic =
        store(
            DocumentType.THEMATIC,
            "Older children at risk",
            LocalDate.of(2021, 6, 1),
            CAMDEN,
            List.of("CRITICAL_THINKING", "CHILD_DAILY_LIFE"),
            "A thematic analysis of twenty reviews of adolescents.",
            true,
            "Practitioners neglected to challenge the plan when the risk changed.",
            "Criminal exploitation outside the home was seen in half the cases.");
    briefing =
        store(
            DocumentType.BRIEFING,
            "Safer bathing",
            LocalDate.of(2020, 11, 2),
            null,
            List.of("CRITICAL_THINKING"),
            "A briefing for health visitors.",
            true,
            "Neglect of supervision while bathing a baby.",
            "Drowning can happen in a few centimetres of water.");
    draft =
        store(
            DocumentType.LCSPR,
            "A draft about neglect and working together",
            LocalDate.of(2020, 5, 5),
            BIRMINGHAM,
            List.of("INFORMATION_SHARING"),
            "Not yet published: neglect, working together.",
            false,
            "Working together on neglect.");
  }

  @Test
  void aPhraseFindsTheDocumentWithItsPagesAndMarkedSnippet() {
    SearchResults found = search.searchPublished(SearchRequest.of("\"working together\""));

    assertThat(ids(found)).containsExactly(together);
    SearchHit hit = found.hits().get(0);
    assertThat(hit.rank()).isEqualTo(1);
    assertThat(hit.pages()).containsExactly(2, 4);
    assertThat(hit.score()).isPositive();
    assertThat(hit.snippet().marked()).containsIgnoringCase("**working together**");
    assertThat(hit.snippet().parts()).anyMatch(p -> p.match());
    assertThat(hit.snippet().text()).doesNotContain("\uE000").doesNotContain("\uE001");
    assertThat(hit.title()).isEqualTo("Child Q: a local review");
    assertThat(hit.regionCode()).isEqualTo(WEST_MIDLANDS);
    assertThat(found.total()).isEqualTo(1);
  }

  @Test
  void aStemmedWordFindsEveryFormOfIt() {
    SearchResults found = search.searchPublished(SearchRequest.of("neglected"));

    assertThat(ids(found)).containsExactlyInAnyOrder(together, thematic, briefing);
    assertThat(hit(found, together).pages()).containsExactly(3);
    assertThat(hit(found, thematic).pages()).containsExactly(1);
    assertThat(hit(found, briefing).pages()).containsExactly(1);
    assertThat(hit(found, thematic).snippet().marked()).contains("**neglected**");
    assertThat(hit(found, briefing).snippet().marked()).contains("**Neglect**");
    assertThat(found.hits()).extracting(SearchHit::rank).containsExactly(1, 2, 3);
  }

  @Test
  void sortedByDateTheHitsKeepTheirScoresSnippetsAndPages() {
    SearchResults newest =
        search.searchPublished(new SearchRequest("neglect", Map.of(), Sort.NEWEST, 1, 20));
    assertThat(ids(newest)).containsExactly(thematic, briefing, together);
    assertThat(newest.hits()).allMatch(h -> h.score() > 0);
    assertThat(hit(newest, together).pages()).containsExactly(3);
    assertThat(hit(newest, together).snippet().marked()).contains("**neglect**");
    SearchResults byRelevance = search.searchPublished(SearchRequest.of("neglect"));
    assertThat(hit(newest, together).score()).isEqualTo(hit(byRelevance, together).score());

    SearchResults oldest =
        search.searchPublished(new SearchRequest("neglect", Map.of(), Sort.OLDEST, 1, 20));
    assertThat(ids(oldest)).containsExactly(together, briefing, thematic);
  }

  @Test
  void anExcludedWordLeavesOutTheDocumentsThatHaveIt() {
    assertThat(ids(search.searchPublished(SearchRequest.of("neglect -bathing"))))
        .containsExactlyInAnyOrder(together, thematic);
    assertThat(ids(search.searchPublished(SearchRequest.of("drowning or exploitation"))))
        .containsExactlyInAnyOrder(thematic, briefing);
  }

  @Test
  void facetsNarrowTheSearchAndCountTheAlternatives() {
    SearchResults found =
        search.searchPublished(
            request("neglect", Map.of(Facet.THEME, Set.of("CRITICAL_THINKING"))));

    assertThat(ids(found)).containsExactlyInAnyOrder(thematic, briefing);
    assertThat(found.total()).isEqualTo(2);
    // the theme's counts leave its own choice out: every "neglect" document counts
    assertThat(found.facets().get(Facet.THEME))
        .containsExactly(
            new FacetCount("CRITICAL_THINKING", "Critical thinking and challenge", 2, true),
            new FacetCount(
                "INFORMATION_SHARING",
                "Sharing information in a timely and appropriate way",
                1,
                false),
            new FacetCount(
                "CHILD_DAILY_LIFE", "Understanding what the child's daily life is like", 1, false));
    // the other facets count the two documents the theme leaves
    assertThat(found.facets().get(Facet.YEAR))
        .containsExactly(
            new FacetCount("2021", "2021", 1, false), new FacetCount("2020", "2020", 1, false));
    assertThat(found.facets().get(Facet.TYPE))
        .containsExactlyInAnyOrder(
            new FacetCount("THEMATIC", "Thematic analysis", 1, false),
            new FacetCount("BRIEFING", "Learning briefing", 1, false));
    assertThat(found.facets().get(Facet.AUTHORITY))
        .containsExactly(new FacetCount(CAMDEN, "Camden", 1, false));

    assertThat(ids(search.searchPublished(request("neglect", Map.of(Facet.YEAR, Set.of("2020"))))))
        .containsExactlyInAnyOrder(together, briefing);
    assertThat(
            ids(search.searchPublished(request("neglect", Map.of(Facet.TYPE, Set.of("THEMATIC"))))))
        .containsExactly(thematic);
    // values of one facet are alternatives; facets combine
    assertThat(
            ids(
                search.searchPublished(
                    request(
                        "",
                        Map.of(
                            Facet.TYPE, Set.of("THEMATIC", "LCSPR"),
                            Facet.YEAR, Set.of("2020"))))))
        .containsExactly(together);
    assertThat(
            ids(search.searchPublished(request("", Map.of(Facet.REGION, Set.of(WEST_MIDLANDS))))))
        .containsExactly(together);
  }

  @Test
  void aChosenValueStaysInItsFacetWhenNothingHasIt() {
    SearchResults found =
        search.searchPublished(
            request("neglect", Map.of(Facet.THEME, Set.of("LEADERSHIP_CULTURE"))));

    assertThat(found.hits()).isEmpty();
    assertThat(found.total()).isZero();
    assertThat(found.facets().get(Facet.THEME))
        .contains(
            new FacetCount(
                "LEADERSHIP_CULTURE",
                "Organisational leadership and culture for good outcomes",
                0,
                true));
    assertThat(found.facets().get(Facet.YEAR)).isEmpty();
  }

  @Test
  void withoutWordsEveryPublishedDocumentNewestFirstWithTheSummarysStart() {
    SearchResults found = search.searchPublished(SearchRequest.of(""));

    assertThat(ids(found)).containsExactly(thematic, briefing, together);
    assertThat(found.hits().get(0).snippet().text())
        .isEqualTo("A thematic analysis of twenty reviews of adolescents.");
    assertThat(found.hits().get(0).score()).isZero();
    assertThat(found.hits().get(0).pages()).isEmpty();
    assertThat(found.facets().get(Facet.YEAR))
        .containsExactly(
            new FacetCount("2021", "2021", 1, false), new FacetCount("2020", "2020", 2, false));

    SearchResults oldest =
        search.searchPublished(new SearchRequest("", Map.of(), Sort.OLDEST, 2, 1));
    assertThat(ids(oldest)).containsExactly(briefing);
    assertThat(oldest.hits().get(0).rank()).isEqualTo(2);
    assertThat(oldest.total()).isEqualTo(3);
    assertThat(oldest.pages()).isEqualTo(3);
  }

  @Test
  void draftsAreNeverInThePublicsSearchButTheSecretariatFindsThem() {
    assertThat(ids(search.searchPublished(SearchRequest.of("draft")))).isEmpty();
    assertThat(ids(search.searchPublished(SearchRequest.of("neglect")))).doesNotContain(draft);

    Viewer secretariat = viewer(true, Set.of(), Permission.MANAGE_LIBRARY);
    assertThat(ids(search.search(SearchRequest.of("\"working together\""), secretariat)))
        .containsExactlyInAnyOrder(together, draft);

    Viewer birmingham = viewer(false, Set.of(BIRMINGHAM), Permission.SUBMIT_REVIEWS);
    assertThat(ids(search.search(SearchRequest.of(""), birmingham)))
        .containsExactlyInAnyOrder(together, draft);
    Viewer camden = viewer(false, Set.of(CAMDEN), Permission.SUBMIT_REVIEWS);
    assertThat(ids(search.search(SearchRequest.of(""), camden))).isEmpty();
    Viewer member = viewer(true, Set.of(), Permission.READ_CASES);
    assertThat(ids(search.search(SearchRequest.of(""), member))).isEmpty();
  }

  /**
   * The public's answers are kept by the library's version: asked again, a search is answered as it
   * was, even when a row was changed behind the version's back (the trigger switched off for the
   * test: what the kept answer is made of is never read again), and any change through the service
   * (a withdrawal, a publication) gives the next search a fresh answer.
   */
  @Test
  void aKeptAnswerIsGivenUntilTheLibraryChanges() {
    SearchRequest bathing = SearchRequest.of("bathing");
    assertThat(search.searchPublished(bathing).hits())
        .extracting(SearchHit::title)
        .containsExactly("Safer bathing");

    owner.jdbc().execute("alter table library_document disable trigger library_document_changed");
    try {
      owner
          .jdbc()
          .update("update library_document set title = 'Bathing, renamed' where id = ?", briefing);
    } finally {
      owner.jdbc().execute("alter table library_document enable trigger library_document_changed");
    }
    assertThat(search.searchPublished(bathing).hits())
        .extracting(SearchHit::title)
        .as("kept: the library's version did not change")
        .containsExactly("Safer bathing");
    assertThat(search.searchPublishedAfresh(bathing).hits())
        .extracting(SearchHit::title)
        .containsExactly("Bathing, renamed");

    documents.withdraw(briefing, "Replaced by a newer briefing", Viewer.system("test"));
    assertThat(search.searchPublished(bathing).hits()).as("withdrawn").isEmpty();

    SearchRequest draftWords = SearchRequest.of("\"not yet published\"");
    assertThat(search.searchPublished(draftWords).hits()).isEmpty();
    documents.publish(draft, null, Viewer.system("panel.secretariat"));
    assertThat(ids(search.searchPublished(draftWords))).as("published").containsExactly(draft);
  }

  @Test
  void badSearchesNameTheirField() {
    assertThatThrownBy(
            () ->
                search.searchPublished(
                    request("neglect", Map.of(Facet.THEME, Set.of("NOT_A_THEME")))))
        .isInstanceOfSatisfying(
            InvalidDocumentException.class,
            e -> {
              assertThat(e.problems()).extracting(p -> p.field()).containsExactly("theme");
              assertThat(e.problems().get(0).message())
                  .contains("NOT_A_THEME")
                  .contains("CRITICAL_THINKING");
            });
    assertThatThrownBy(
            () -> search.searchPublished(request("", Map.of(Facet.YEAR, Set.of("last year")))))
        .isInstanceOfSatisfying(
            InvalidDocumentException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("year"));
    assertThatThrownBy(() -> search.searchPublished(new SearchRequest("x", Map.of(), null, 0, 20)))
        .isInstanceOfSatisfying(
            InvalidDocumentException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("page"));
    assertThatThrownBy(() -> search.searchPublished(new SearchRequest("x", Map.of(), null, 1, 101)))
        .isInstanceOfSatisfying(
            InvalidDocumentException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("pageSize"));
    assertThatThrownBy(() -> search.searchPublished(SearchRequest.of("a".repeat(501))))
        .isInstanceOfSatisfying(
            InvalidDocumentException.class,
            e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("q"));
  }

  // --- the corpus

  /**
   * Adds a document with a PDF of these pages (one line each) as the secretariat, and publishes it
   * (the register holds no child, so the check is clear) unless it stays a draft.
   */
  private long store(
      DocumentType type,
      String title,
      LocalDate publishedOn,
      String la,
      List<String> themes,
      String summary,
      boolean published,
      String... pages) {
    Viewer secretariat = Viewer.system("panel.secretariat");
    LibraryDocument added =
        documents.add(
            new NewDocument(
                new DocumentDetails(
                    type,
                    title,
                    publishedOn,
                    la,
                    null,
                    null,
                    null,
                    themes,
                    null,
                    summary,
                    null,
                    null),
                null,
                null,
                new PdfFile("report.pdf", TestPdfs.of(pages))),
            secretariat);
    if (published) {
      documents.publish(added.id(), null, secretariat);
    }
    return added.id();
  }

  private static SearchRequest request(String q, Map<Facet, Set<String>> filters) {
    return new SearchRequest(q, filters, null, 1, 20);
  }

  private static Viewer viewer(boolean everything, Set<String> las, Permission... permissions) {
    return new Viewer(
        "test", everything, las, false, List.of(), Set.copyOf(Arrays.asList(permissions)));
  }

  private static List<Long> ids(SearchResults results) {
    return results.hits().stream().map(SearchHit::id).toList();
  }

  private static SearchHit hit(SearchResults results, long id) {
    return results.hits().stream().filter(h -> h.id() == id).findFirst().orElseThrow();
  }
}
