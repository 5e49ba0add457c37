package uk.gov.observatory.library.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.gov.observatory.library.Facet;
import uk.gov.observatory.library.SearchRequest;

/**
 * The library's search in SQL, written once over a pair of relations: the public views ({@code
 * library_public_document}, {@code library_public_page}: published documents only, read as the
 * public role) or the staff's tables ({@code library_document}, {@code library_page}, with the
 * viewer's reach as an extra condition). Three statements a search:
 *
 * <ol>
 *   <li>the page of hits: the documents matching {@code websearch_to_tsquery('english', q)} (the
 *       GIN index) and the chosen facets, ranked with {@code ts_rank_cd} over the weighted {@code
 *       search_tsv} (title A, summary/learning/keywords B, recommendations C, the PDF's text D),
 *       sorted and cut to the page ({@code limit}/{@code offset});
 *   <li>the counts: one pass over the documents matching the words (not their ranks), each facet's
 *       values counted over the documents that pass every OTHER facet's filter (so a facet keeps
 *       showing its alternatives once one of its values is chosen), the total over those that pass
 *       them all: one grouping-sets aggregate for the single-valued facets, one unnest for each
 *       array facet;
 *   <li>for the hits shown only: the score when sorted by date (by relevance every match is ranked
 *       in (1)), the snippet ({@code ts_headline} over the summary, the learning and the first page
 *       where the words are (ts_headline is costly: one page, not all), the matches between private
 *       marker characters, never HTML) and the pages where the words are ({@code
 *       library_page.tsv @@ q}, ascending).
 * </ol>
 *
 * With words, the plans are kept to the GIN index (a bitmap scan: the matching rows' tsvectors are
 * read, never the others'), as a sequential scan would read every document's tsvector to test it.
 */
public final class SearchSql {

  /** Marks the start of a matched word in a headline (a private-use character, removed first). */
  public static final char START = '\uE000';

  /** Marks the end of a matched word in a headline. */
  public static final char STOP = '\uE001';

  private static final String HEADLINE_OPTIONS =
      "StartSel="
          + START
          + ", StopSel="
          + STOP
          + ", MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=\" … \"";

  /** The relations searched and the reach: the public's, or a member of staff's. */
  public record Relations(
      String documents, String pages, String reach, Map<String, Object> reachParams) {}

  /** The public's: published documents only (the views), read as the public role. */
  public static final Relations PUBLIC =
      new Relations("library_public_document", "library_public_page", "true", Map.of());

  /** The staff's: every document (drafts too) within {@code reach} (SQL over {@code d.}). */
  public static Relations staff(String reach, Map<String, Object> reachParams) {
    return new Relations("library_document", "library_page", reach, reachParams);
  }

  /** A hit as stored. */
  public record HitRow(
      long id,
      String type,
      String title,
      LocalDate publishedOn,
      String laCode,
      String regionCode,
      String summary,
      double score) {}

  /** What the three statements found. */
  public record Found(
      List<HitRow> hits,
      long total,
      Map<Facet, Map<String, Long>> counts,
      Map<Long, String> headlines,
      Map<Long, List<Integer>> pages) {}

  private final Relations relations;

  public SearchSql(Relations relations) {
    this.relations = relations;
  }

  /** Runs the search (inside a transaction: the plan settings are local to it). */
  public Found run(JdbcTemplate plain, SearchRequest request) {
    NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(plain);
    boolean words = !request.query().isEmpty();
    if (words) {
      plain.execute("set local enable_seqscan = off");
    }
    MapSqlParameterSource params = new MapSqlParameterSource(relations.reachParams());
    params.addValue("q", request.query());
    Map<Facet, String> conditions = conditions(request.filters(), params);
    String from =
        relations.documents() + " d" + (words ? ", websearch_to_tsquery('english', :q) q" : "");
    String matched = (words ? "d.search_tsv @@ q" : "true") + " and (" + relations.reach() + ")";

    List<HitRow> hits = hits(jdbc, request, params, from, matched, conditions, words);
    Counts counts = counts(jdbc, params, from, matched, conditions);
    Map<Long, String> headlines = new HashMap<>();
    Map<Long, List<Integer>> pages = new HashMap<>();
    Map<Long, Double> scores = new HashMap<>();
    if (words && !hits.isEmpty()) {
      snippets(jdbc, params, hits, headlines, pages, scores);
      if (request.sort() != SearchRequest.Sort.RELEVANCE) {
        // sorted by date, the hits were not ranked: their scores come with their snippets
        hits =
            hits.stream()
                .map(
                    h ->
                        new HitRow(
                            h.id(),
                            h.type(),
                            h.title(),
                            h.publishedOn(),
                            h.laCode(),
                            h.regionCode(),
                            h.summary(),
                            scores.getOrDefault(h.id(), 0.0)))
                .toList();
      }
    }
    return new Found(hits, counts.total, counts.byFacet, headlines, pages);
  }

  private static Map<Facet, String> conditions(
      Map<Facet, Set<String>> filters, MapSqlParameterSource params) {
    Map<Facet, String> conditions = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      Set<String> values = filters.get(facet);
      if (values == null || values.isEmpty()) {
        continue;
      }
      String name = "f_" + facet.param();
      if (facet == Facet.YEAR) {
        params.addValue(name, values.stream().map(Integer::valueOf).sorted().toList());
      } else {
        params.addValue(name, values.stream().sorted().toList());
      }
      conditions.put(
          facet,
          switch (facet) {
            case YEAR -> "extract(year from d.published_on)::int in (:" + name + ")";
            case REGION -> "d.region_code in (:" + name + ")";
            case AUTHORITY -> "d.la_code in (:" + name + ")";
            case MODEL -> "d.review_model in (:" + name + ")";
            case TYPE -> "d.doc_type in (:" + name + ")";
            case AGE_BAND -> "d.age_bands && array[:" + name + "]::text[]";
            case CATEGORY -> "d.categories && array[:" + name + "]::text[]";
            case THEME -> "d.themes && array[:" + name + "]::text[]";
          });
    }
    return conditions;
  }

  /** Every chosen facet's condition but {@code except}'s (null: all of them), or true. */
  private static String passing(Map<Facet, String> conditions, Facet except) {
    String all =
        conditions.entrySet().stream()
            .filter(e -> e.getKey() != except)
            .map(e -> "(" + e.getValue() + ")")
            .collect(Collectors.joining(" and "));
    return all.isEmpty() ? "true" : all;
  }

  private static List<HitRow> hits(
      NamedParameterJdbcTemplate jdbc,
      SearchRequest request,
      MapSqlParameterSource params,
      String from,
      String matched,
      Map<Facet, String> conditions,
      boolean words) {
    String order =
        switch (request.sort()) {
          case RELEVANCE -> "score desc, d.published_on desc, d.id desc";
          case NEWEST -> "d.published_on desc, d.id desc";
          case OLDEST -> "d.published_on, d.id";
        };
    String sql =
        "select d.id, d.doc_type, d.title, d.published_on, d.la_code, d.region_code, d.summary, "
            // ranked only when sorted by relevance: by date, only the page's hits get a score
            + (words && request.sort() == SearchRequest.Sort.RELEVANCE
                ? "ts_rank_cd(d.search_tsv, q)::float8"
                : "0::float8")
            + " as score from "
            + from
            + " where "
            + matched
            + " and "
            + passing(conditions, null)
            + " order by "
            + order
            + " limit :limit offset :offset";
    MapSqlParameterSource p = copy(params);
    p.addValue("limit", request.pageSize());
    p.addValue("offset", (long) (request.page() - 1) * request.pageSize());
    return jdbc.query(
        sql,
        p,
        (rs, i) ->
            new HitRow(
                rs.getLong("id"),
                rs.getString("doc_type"),
                rs.getString("title"),
                rs.getObject("published_on", LocalDate.class),
                rs.getString("la_code"),
                rs.getString("region_code"),
                rs.getString("summary"),
                rs.getDouble("score")));
  }

  private record Counts(long total, Map<Facet, Map<String, Long>> byFacet) {}

  /** Facets stored in one column, in the order of the grouping sets below. */
  private static final List<Facet> SINGLE =
      List.of(Facet.YEAR, Facet.REGION, Facet.AUTHORITY, Facet.MODEL, Facet.TYPE);

  private static Counts counts(
      NamedParameterJdbcTemplate jdbc,
      MapSqlParameterSource params,
      String from,
      String matched,
      Map<Facet, String> conditions) {
    StringBuilder sql = new StringBuilder();
    sql.append(
        "with m as materialized (select extract(year from d.published_on)::int::text as year,"
            + " d.region_code as region, d.la_code as authority, d.review_model as model,"
            + " d.doc_type as type, d.age_bands as age, d.categories as category,"
            + " d.themes as theme");
    for (Facet facet : Facet.values()) {
      sql.append(", ").append(passing(conditions, facet)).append(" as x_").append(facet.param());
    }
    sql.append(", ").append(passing(conditions, null)).append(" as x_all");
    sql.append(" from ").append(from).append(" where ").append(matched).append(")");
    // (1) the single-valued facets and the total: grouping(...) tells the set (a bit set for each
    // column NOT grouped on, the first column the highest bit)
    sql.append(" select grouping(year, region, authority, model, type) as g,")
        .append(" coalesce(year, region, authority, model, type) as v, case grouping(year,")
        .append(" region, authority, model, type)");
    for (int i = 0; i < SINGLE.size(); i++) {
      int mask = 0b11111 & ~(1 << (SINGLE.size() - 1 - i));
      sql.append(" when ")
          .append(mask)
          .append(" then count(*) filter (where x_")
          .append(SINGLE.get(i).param())
          .append(")");
    }
    sql.append(" else count(*) filter (where x_all) end as n from m")
        .append(" group by grouping sets ((year), (region), (authority), (model), (type), ())");
    // (2) the array facets, one unnest each
    int g = 100;
    for (Facet facet : List.of(Facet.AGE_BAND, Facet.CATEGORY, Facet.THEME)) {
      String column = facet.param();
      sql.append(" union all select ")
          .append(g++)
          .append(", a, count(*) from m, unnest(m.")
          .append(column)
          .append(") a where m.x_")
          .append(column)
          .append(" group by a");
    }
    Map<Facet, Map<String, Long>> byFacet = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      byFacet.put(facet, new LinkedHashMap<>());
    }
    long[] total = {0};
    jdbc.query(
        sql.toString(),
        params,
        (ResultSet rs) -> {
          int group = rs.getInt("g");
          String value = rs.getString("v");
          long n = rs.getLong("n");
          Facet facet =
              switch (group) {
                case 15 -> Facet.YEAR;
                case 23 -> Facet.REGION;
                case 27 -> Facet.AUTHORITY;
                case 29 -> Facet.MODEL;
                case 30 -> Facet.TYPE;
                case 100 -> Facet.AGE_BAND;
                case 101 -> Facet.CATEGORY;
                case 102 -> Facet.THEME;
                default -> null;
              };
          if (facet == null) {
            total[0] = n;
          } else if (value != null && n > 0) {
            byFacet.get(facet).put(value, n);
          }
        });
    return new Counts(total[0], byFacet);
  }

  private void snippets(
      NamedParameterJdbcTemplate jdbc,
      MapSqlParameterSource params,
      List<HitRow> hits,
      Map<Long, String> headlines,
      Map<Long, List<Integer>> pages,
      Map<Long, Double> scores) {
    String pageRelation = relations.pages();
    String sql =
        "select d.id, ts_headline('english', translate(concat_ws(' … ', d.summary, d.learning,"
            + " (select string_agg(x.text, ' … ' order by x.page_no) from (select p.text,"
            + " p.page_no from "
            + pageRelation
            + " p where p.document_id = d.id and p.tsv @@ q order by p.page_no limit 1) x)),"
            + " :markers, ''), q, :options) as headline,"
            + " ts_rank_cd(d.search_tsv, q)::float8 as score,"
            + " array(select p.page_no from "
            + pageRelation
            + " p where p.document_id = d.id and p.tsv @@ q order by p.page_no) as pages"
            + " from "
            + relations.documents()
            + " d, websearch_to_tsquery('english', :q) q where d.id in (:ids)";
    MapSqlParameterSource p = copy(params);
    p.addValue("ids", hits.stream().map(HitRow::id).toList());
    p.addValue("markers", "" + START + STOP);
    p.addValue("options", HEADLINE_OPTIONS);
    jdbc.query(
        sql,
        p,
        (ResultSet rs) -> {
          long id = rs.getLong("id");
          headlines.put(id, rs.getString("headline"));
          scores.put(id, rs.getDouble("score"));
          pages.put(id, integers(rs.getArray("pages")));
        });
  }

  private static List<Integer> integers(Array array) throws SQLException {
    List<Integer> list = new ArrayList<>();
    if (array != null) {
      for (Object o : (Object[]) array.getArray()) {
        list.add(((Number) o).intValue());
      }
    }
    return list;
  }

  private static MapSqlParameterSource copy(MapSqlParameterSource params) {
    return new MapSqlParameterSource(params.getValues());
  }
}
