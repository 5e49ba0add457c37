package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import uk.gov.observatory.library.Facet;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibrarySearch;
import uk.gov.observatory.library.SearchHit;
import uk.gov.observatory.library.SearchRequest;
import uk.gov.observatory.library.SearchResults;
import uk.gov.observatory.notification.CsvCells;

/**
 * {@code library search}: the public's search (published documents only, through the public
 * database role) written to a CSV file: {@code rank, id, title, score, pages, snippet}, the pages
 * where the words are joined with ";" and the snippet's matched words in double asterisks.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the published documents of the learning library and writes the hits to a CSV file.",
      "QUERY is in web search syntax: words, \"a phrase\", or, -word (a blank QUERY: every document,"
          + " newest first). The CSV's columns: rank, id, title, score, pages (where the words are,"
          + " as 3;7), snippet (the matched words in **double asterisks**)."
    })
class LibrarySearchCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  @Parameters(paramLabel = "QUERY", description = "The words to search for.")
  String query;

  @Option(
      names = "--facet",
      paramLabel = "NAME=VALUE",
      description =
          "Only documents with this value (repeatable; values of one facet are alternatives, facets"
              + " combine). NAME: year, region, authority, model, age, category, theme or type;"
              + " VALUE a code, e.g. theme=CRITICAL_THINKING, year=2020, type=LCSPR.")
  List<String> facets = new ArrayList<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N hits, the best first (1 to 100; default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "relevance (the default with words), newest (without) or oldest.")
  String sort;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV to write.")
  Path out;

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
    for (String facet : facets) {
      int eq = facet.indexOf('=');
      Facet f = eq < 0 ? null : Facet.byParam(facet.substring(0, eq));
      if (f == null || eq == facet.length() - 1) {
        err.printf(
            "error: --facet %s: give NAME=VALUE with NAME one of %s%n",
            facet,
            Arrays.stream(Facet.values()).map(Facet::param).collect(Collectors.joining(", ")));
        return BAD_INPUT;
      }
      filters.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(facet.substring(eq + 1).strip());
    }
    SearchRequest.Sort order = null;
    if (sort != null) {
      try {
        order = SearchRequest.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        err.printf("error: --sort %s: use relevance, newest or oldest%n", sort);
        return BAD_INPUT;
      }
    }
    if (limit < 1 || limit > SearchRequest.MAX_PAGE_SIZE) {
      err.printf(
          "error: --limit %d: give a number of hits from 1 to %d%n",
          limit, SearchRequest.MAX_PAGE_SIZE);
      return BAD_INPUT;
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      err.printf("error: cannot write %s: its folder does not exist or is not writable%n", out);
      return BAD_INPUT;
    }
    SearchRequest request = new SearchRequest(query, filters, order, 1, limit);
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      SearchResults results;
      try {
        results = app.getBean(LibrarySearch.class).searchPublished(request);
      } catch (InvalidDocumentException e) {
        e.problems()
            .forEach(
                p ->
                    err.printf(
                        "error: %s: %s%n",
                        p.field().equals("q") ? "QUERY" : "--facet " + p.field(), p.message()));
        return BAD_INPUT;
      }
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
          CsvCells csv = CsvCells.printer(w, "rank", "id", "title", "score", "pages", "snippet")) {
        for (SearchHit hit : results.hits()) {
          csv.printRecord(
              hit.rank(),
              hit.id(),
              hit.title(),
              String.format(Locale.ROOT, "%.6f", hit.score()),
              hit.pages().stream().map(String::valueOf).collect(Collectors.joining(";")),
              hit.snippet().marked());
        }
      }
      spec.commandLine()
          .getOut()
          .printf(
              "%d of %,d documents found written to %s%n",
              results.hits().size(), results.total(), out);
      return 0;
    }
  }
}
