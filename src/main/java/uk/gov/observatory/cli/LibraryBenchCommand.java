package uk.gov.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.library.Facet;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibrarySearch;
import uk.gov.observatory.library.SearchRequest;

/**
 * {@code library bench}: the search's benchmark (bench/library.sh runs it over a library of 20,000
 * synthetic documents). A fixed set of searches, with and without facets, at 1 and at 20 concurrent
 * clients, each way in the same run over the same table:
 *
 * <ul>
 *   <li>{@code search}: the public's whole search through {@link LibrarySearch#searchPublished} (as
 *       the public role: the page of hits, the facets' counts, the snippets and pages), as the
 *       public pages run it: a search asked before of the same version of the library is answered
 *       from the kept answers (the warm-up round asks each first);
 *   <li>{@code afresh}: the same through {@link LibrarySearch#searchPublishedAfresh}, every search
 *       from the database (what a search new to this version of the library costs);
 *   <li>{@code psql}: the bare query (the same {@code websearch_to_tsquery}, the facets' filters,
 *       rank, order and limit, and nothing else) run by {@code pgbench} (PostgreSQL's own client,
 *       as psql runs it) over the same view, each client its own connection, latencies from its
 *       per-transaction log.
 * </ul>
 *
 * Each way and client count is run {@code --repeats} times; each run gives its p50 and p95 (every
 * search of every client), and the figures are the minimum, median and maximum of the runs.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks the library's search (run it through bench/library.sh) on the database given.",
      "A fixed set of searches (--queries: one a line, QUERY then | NAME=VALUE facets) at each number"
          + " of --clients, through the public's search and as the bare SQL query run by pgbench,"
          + " --repeats times each: p50 and p95 in milliseconds (min / median / max of the runs)."
    })
class LibraryBenchCommand implements Callable<Integer> {

  static final int BAD_INPUT = 2;

  /**
   * The searches when no --queries file is given (words of the synthetic reports' six practice
   * themes): a word, a stemmed word, a phrase, two words, an or, an exclusion, a word nowhere; the
   * same kinds with facets; facets alone.
   */
  static final List<String> DEFAULT_QUERIES =
      List.of(
          "neglect",
          "escalated",
          "\"working together\"",
          "domestic abuse",
          "\"disguised compliance\" or \"missed appointments\"",
          "\"mental health\" -substance",
          "drowning",
          "\"information sharing\" | year=2020",
          "neglect | theme=CRITICAL_THINKING",
          "supervision | type=LCSPR | age=UNDER_1",
          "\"professional curiosity\" | theme=RELUCTANT_ENGAGEMENT | theme=CHILD_DAILY_LIFE",
          "| theme=CHANGING_RISK");

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description = "The searches, one a line: QUERY | NAME=VALUE | ... (default: a built-in set).")
  Path queriesFile;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "1,20",
      description = "Concurrent clients, each run (default ${DEFAULT-VALUE}).")
  List<Integer> clients;

  @Option(
      names = "--ways",
      split = ",",
      defaultValue = "search,afresh,psql",
      description =
          "Which ways to time: search (as the public pages run it, answers kept by the library's"
              + " version), afresh (every search from the database), psql (the bare query by"
              + " pgbench); default ${DEFAULT-VALUE}.")
  List<String> ways;

  @Option(names = "--repeats", defaultValue = "3", description = "Runs of each (default 3).")
  int repeats;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Each client runs every search this many times a run (default 5).")
  int rounds;

  @Option(names = "--warmup", defaultValue = "1", description = "Untimed rounds first.")
  int warmup;

  @Option(
      names = "--pgbench",
      defaultValue = "pgbench",
      description = "PostgreSQL's pgbench (for the bare query), or 'none'.")
  String pgbench;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the figures as CSV.")
  Path out;

  @Mixin DatabaseOptions db;

  @Spec CommandSpec spec;

  /** A search of the set: its words and its facets' values. */
  record Search(String text, SearchRequest request) {}

  /** One run's percentiles, in milliseconds. */
  record Run(double p50, double p95, int searches) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    List<Search> searches;
    try {
      searches = parse(queriesFile == null ? DEFAULT_QUERIES : Files.readAllLines(queriesFile));
    } catch (IllegalArgumentException e) {
      err.println("error: --queries: " + e.getMessage());
      return BAD_INPUT;
    }
    if (!List.of("search", "afresh", "psql").containsAll(ways) || ways.isEmpty()) {
      err.println("error: --ways: each of search, afresh, psql (not " + ways + ")");
      return BAD_INPUT;
    }
    if (repeats < 1 || rounds < 1 || clients.stream().anyMatch(c -> c < 1 || c > 200)) {
      err.println("error: --repeats and --rounds must be 1 or more, --clients from 1 to 200");
      return BAD_INPUT;
    }
    try (ConfigurableApplicationContext app = Applications.startQuietly(db)) {
      LibrarySearch search = app.getBean(LibrarySearch.class);
      DatabaseOwner owner = app.getBean(DatabaseOwner.class);
      for (Search s : searches) {
        try {
          search.validate(s.request());
        } catch (InvalidDocumentException e) {
          err.println("error: --queries: " + s.text() + ": " + e.getMessage());
          return BAD_INPUT;
        }
      }
      JdbcTemplate jdbc = owner.jdbc();
      long documents =
          jdbc.queryForObject("select count(*) from library_public_document", Long.class);
      o.printf(
          "library bench: %,d published documents (%,d pages), %d searches, %d rounds a client,"
              + " %d repeats, %d cores%n",
          documents,
          jdbc.queryForObject("select count(*) from library_public_page", Long.class),
          searches.size(),
          rounds,
          repeats,
          Runtime.getRuntime().availableProcessors());
      for (Search s : searches) {
        o.printf("  %,7d found: %s%n", search.searchPublished(s.request()).total(), s.text());
      }
      Map<String, List<Run>> figures = new LinkedHashMap<>();
      Path scripts = pgbench.equals("none") || !ways.contains("psql") ? null : scripts(searches);
      try {
        for (int c : clients) {
          // warm each way first (the JIT, PostgreSQL's caches, the kept answers)
          if (ways.contains("afresh")) {
            service(search::searchPublishedAfresh, searches, c, warmup);
          }
          if (ways.contains("search")) {
            service(search::searchPublished, searches, c, warmup);
          }
          for (int r = 0; r < repeats; r++) {
            if (ways.contains("search")) {
              figures
                  .computeIfAbsent("search," + c, k -> new ArrayList<>())
                  .add(service(search::searchPublished, searches, c, rounds));
            }
            if (ways.contains("afresh")) {
              figures
                  .computeIfAbsent("afresh," + c, k -> new ArrayList<>())
                  .add(service(search::searchPublishedAfresh, searches, c, rounds));
            }
            if (scripts != null) {
              figures
                  .computeIfAbsent("psql," + c, k -> new ArrayList<>())
                  .add(pgbench(owner, scripts, searches.size(), c));
            }
          }
        }
      } finally {
        if (scripts != null) {
          try (var paths = Files.walk(scripts)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
      }
      report(o, figures);
      return 0;
    }
  }

  /** Reads the searches: {@code QUERY | NAME=VALUE | ...}; blank lines and # comments skipped. */
  static List<Search> parse(List<String> lines) {
    List<Search> searches = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|");
      Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
      for (int i = 1; i < parts.length; i++) {
        String part = parts[i].strip();
        int eq = part.indexOf('=');
        Facet f = eq < 0 ? null : Facet.byParam(part.substring(0, eq));
        if (f == null) {
          throw new IllegalArgumentException(
              "'" + part + "' in '" + line + "' is not NAME=VALUE with a facet's NAME");
        }
        filters.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(part.substring(eq + 1).strip());
      }
      searches.add(
          new Search(
              line.strip(),
              new SearchRequest(
                  parts.length == 0 ? "" : parts[0].strip(),
                  filters,
                  null,
                  1,
                  SearchRequest.DEFAULT_PAGE_SIZE)));
    }
    if (searches.isEmpty()) {
      throw new IllegalArgumentException("no searches");
    }
    return searches;
  }

  /** {@code clients} threads, each running every search {@code rounds} times in its own order. */
  static Run service(
      java.util.function.Function<SearchRequest, ?> search,
      List<Search> searches,
      int clients,
      int rounds)
      throws Exception {
    if (rounds == 0) {
      return null;
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        long seed = c;
        futures.add(
            pool.submit(
                () -> {
                  List<Search> order = new ArrayList<>();
                  for (int r = 0; r < rounds; r++) {
                    order.addAll(searches);
                  }
                  Collections.shuffle(order, new Random(seed));
                  List<Long> nanos = new ArrayList<>();
                  for (Search s : order) {
                    long start = System.nanoTime();
                    search.apply(s.request());
                    nanos.add(System.nanoTime() - start);
                  }
                  return nanos;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : futures) {
        all.addAll(f.get(30, TimeUnit.MINUTES));
      }
      return percentiles(all.stream().map(n -> n / 1_000_000.0).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The bare query of a search, as one would type it in psql. */
  static String bare(SearchRequest request) {
    StringBuilder sql = new StringBuilder();
    boolean words = !request.query().isEmpty();
    sql.append("select d.id");
    if (words) {
      sql.append(", ts_rank_cd(d.search_tsv, q) as score");
    }
    sql.append(" from library_public_document d");
    if (words) {
      sql.append(", websearch_to_tsquery('english', ")
          .append(literal(request.query()))
          .append(") q");
    }
    List<String> where = new ArrayList<>();
    if (words) {
      where.add("d.search_tsv @@ q");
    }
    request
        .filters()
        .forEach(
            (facet, values) -> {
              String list =
                  values.stream().sorted().map(v -> literal(v)).collect(Collectors.joining(", "));
              where.add(
                  switch (facet) {
                    case YEAR -> "extract(year from d.published_on)::int in (" + list + ")";
                    case REGION -> "d.region_code in (" + list + ")";
                    case AUTHORITY -> "d.la_code in (" + list + ")";
                    case MODEL -> "d.review_model in (" + list + ")";
                    case TYPE -> "d.doc_type in (" + list + ")";
                    case AGE_BAND -> "d.age_bands && array[" + list + "]";
                    case CATEGORY -> "d.categories && array[" + list + "]";
                    case THEME -> "d.themes && array[" + list + "]";
                  });
            });
    if (!where.isEmpty()) {
      sql.append(" where ").append(String.join(" and ", where));
    }
    sql.append(
            words
                ? " order by score desc, d.published_on desc, d.id desc"
                : " order by d.published_on desc, d.id desc")
        .append(" limit ")
        .append(request.pageSize())
        .append(";");
    return sql.toString();
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** One pgbench script a search (pgbench picks them at random, with the same weight). */
  private static Path scripts(List<Search> searches) throws IOException {
    Path dir = Files.createTempDirectory("observatory-library-bench-");
    for (int i = 0; i < searches.size(); i++) {
      Files.writeString(
          dir.resolve("q" + i + ".sql"),
          bare(searches.get(i).request()) + "\n",
          StandardCharsets.UTF_8);
    }
    return dir;
  }

  /**
   * pgbench over the same database: {@code clients} connections, each running {@code rounds}
   * searches a search of the set (picked at random), every latency logged.
   */
  private Run pgbench(DatabaseOwner owner, Path scripts, int count, int clients)
      throws IOException, InterruptedException {
    Connection c = Connection.of(owner.url());
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            pgbench,
            "-n",
            "-h",
            c.host(),
            "-p",
            String.valueOf(c.port()),
            "-U",
            owner.username(),
            "-c",
            String.valueOf(clients),
            "-j",
            String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
            "-t",
            String.valueOf(rounds * count),
            "-l",
            "--log-prefix",
            scripts.resolve("log").toString()));
    for (int i = 0; i < count; i++) {
      command.add("-f");
      command.add(scripts.resolve("q" + i + ".sql") + "@1");
    }
    command.add(c.database());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (owner.password() != null && !owner.password().isEmpty()) {
      builder.environment().put("PGPASSWORD", owner.password());
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("pgbench failed: " + output);
    }
    List<Double> millis = new ArrayList<>();
    try (var logs = Files.list(scripts)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log")).toList()) {
        // client_id transaction_no time script_no time_epoch time_us: time is the latency in us;
        // each connection's first search is left out (a new backend's cold caches: the
        // service's pooled connections were warmed first)
        for (String line : Files.readAllLines(log)) {
          String[] f = line.split(" ");
          if (f.length >= 3 && !f[1].equals("0")) {
            millis.add(Long.parseLong(f[2]) / 1000.0);
          }
        }
        Files.delete(log);
      }
    }
    return percentiles(millis);
  }

  /** Host, port and database of a jdbc:postgresql://host:port/db URL. */
  record Connection(String host, int port, String database) {
    static Connection of(String url) {
      String rest = url.substring(url.indexOf("//") + 2);
      int q = rest.indexOf('?');
      if (q >= 0) {
        rest = rest.substring(0, q);
      }
      String hostPort = rest.substring(0, rest.indexOf('/'));
      String database = rest.substring(rest.indexOf('/') + 1);
      int colon = hostPort.lastIndexOf(':');
      return colon < 0
          ? new Connection(hostPort, 5432, database)
          : new Connection(
              hostPort.substring(0, colon),
              Integer.parseInt(hostPort.substring(colon + 1)),
              database);
    }
  }

  static Run percentiles(List<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Run(percentile(sorted, 50), percentile(sorted, 95), sorted.length);
  }

  /** The nearest-rank percentile. */
  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private void report(PrintWriter o, Map<String, List<Run>> figures) throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add(
        "way,clients,searches_a_run,p50_min_ms,p50_median_ms,p50_max_ms,p95_min_ms,p95_median_ms,"
            + "p95_max_ms");
    o.println();
    o.printf(
        "%-8s %7s  %-26s  %-26s%n", "way", "clients", "p50 ms (min/median/max)", "p95 ms (...)");
    figures.forEach(
        (key, runs) -> {
          String[] k = key.split(",");
          double[] p50 = runs.stream().mapToDouble(Run::p50).sorted().toArray();
          double[] p95 = runs.stream().mapToDouble(Run::p95).sorted().toArray();
          o.printf(Locale.ROOT, "%-8s %7s  %-26s  %-26s%n", k[0], k[1], triple(p50), triple(p95));
          rows.add(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f",
                  k[0],
                  k[1],
                  runs.get(0).searches(),
                  p50[0],
                  median(p50),
                  p50[p50.length - 1],
                  p95[0],
                  median(p95),
                  p95[p95.length - 1]));
        });
    // the ratio asked for: the search's p95 over the bare query's, at each number of clients
    for (int c : clients) {
      List<Run> bare = figures.get("psql," + c);
      for (String way : List.of("search", "afresh")) {
        List<Run> service = figures.get(way + "," + c);
        if (service != null && bare != null) {
          double s = median(service.stream().mapToDouble(Run::p95).sorted().toArray());
          double b = median(bare.stream().mapToDouble(Run::p95).sorted().toArray());
          o.printf(
              Locale.ROOT,
              "%d client%s: the %s's p95 is %.4f times the bare query's (median of %d runs)%n",
              c,
              c == 1 ? "" : "s",
              way.equals("search") ? "search" : "search afresh",
              s / b,
              repeats);
        }
      }
    }
    if (out != null) {
      Files.write(out, rows, StandardCharsets.UTF_8);
      o.println("Figures written to " + out);
    }
  }

  private static String triple(double[] sorted) {
    return String.format(
        Locale.ROOT, "%.1f / %.1f / %.1f", sorted[0], median(sorted), sorted[sorted.length - 1]);
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
