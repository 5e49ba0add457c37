package uk.gov.observatory.learning.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.learning.Analysis;
import uk.gov.observatory.learning.AnalysisCase;
import uk.gov.observatory.learning.AnalysisStatus;
import uk.gov.observatory.learning.Assignment;
import uk.gov.observatory.learning.Coding;
import uk.gov.observatory.learning.DrawRequest;
import uk.gov.observatory.learning.FrameCode;
import uk.gov.observatory.learning.Group;
import uk.gov.observatory.learning.Population;
import uk.gov.observatory.learning.Scale;
import uk.gov.observatory.learning.Stratify;

/** The learning module's tables (V19): analyses, frames, drawn cases, assignments, codings. */
@Repository
public class AnalysisStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;

  public AnalysisStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A drawn case as stored, with what the rules need besides the record. */
  public record StoredCase(AnalysisCase snapshot, LocalDate incidentDate, Integer firstChildAge) {}

  /** One candidate of a population, as the population query reads it. */
  public record Candidate(
      long id,
      String notificationRef,
      String laCode,
      String regionCode,
      LocalDate incidentDate,
      String notificationType,
      String deathCategory,
      String harmCategory,
      Integer firstChildAge,
      String ageBand) {}

  // ------------------------------------------------------------------ populations

  public static String json(Population population) {
    return population == null ? null : JSON.writeValueAsString(population);
  }

  public static Population population(String json) {
    return json == null ? null : JSON.readValue(json, Population.class);
  }

  public int count(Population population) {
    PopulationSql q = PopulationSql.of(population);
    Integer n = jdbc.queryForObject(q.countSql(), Integer.class, q.args());
    return n == null ? 0 : n;
  }

  public List<Candidate> candidates(Population population) {
    PopulationSql q = PopulationSql.of(population);
    return jdbc.query(
        q.sql(),
        (rs, i) ->
            new Candidate(
                rs.getLong("id"),
                rs.getString("notification_ref"),
                rs.getString("la_code"),
                rs.getString("region_code"),
                rs.getObject("incident_date", LocalDate.class),
                rs.getString("notification_type"),
                rs.getString("death_category"),
                rs.getString("harm_category"),
                (Integer) rs.getObject("age_years", Integer.class),
                rs.getString("age_band")),
        q.args());
  }

  // ------------------------------------------------------------------ analyses

  private static final String ANALYSIS =
      "select id, ref, title, question, lead_username, status, population::text as population,"
          + " created_at, published_on, seed, sample_size, sample_percent, stratify, control_size,"
          + " control_population::text as control_population from thematic_analysis";

  public Optional<Long> idOf(String ref) {
    return jdbc
        .query("select id from thematic_analysis where ref = ?", (rs, i) -> rs.getLong(1), ref)
        .stream()
        .findFirst();
  }

  /** Locks the analysis's row for the rest of the transaction. */
  public Optional<Long> lock(String ref) {
    return jdbc
        .query(
            "select id from thematic_analysis where ref = ? for update",
            (rs, i) -> rs.getLong(1),
            ref)
        .stream()
        .findFirst();
  }

  public Optional<Analysis> find(String ref) {
    return jdbc.query(ANALYSIS + " where ref = ?", (rs, i) -> analysis(rs), ref).stream()
        .findFirst();
  }

  public List<Analysis> all() {
    return jdbc.query(ANALYSIS + " order by created_at desc, id desc", (rs, i) -> analysis(rs));
  }

  /** The analyses in which {@code coder} codes a case. */
  public List<Analysis> codedBy(String coder) {
    return jdbc.query(
        ANALYSIS
            + " a where exists (select 1 from analysis_assignment s where s.analysis_id = a.id"
            + " and (s.first_coder = ? or s.second_coder = ?)) order by created_at desc, id desc",
        (rs, i) -> analysis(rs),
        coder,
        coder);
  }

  public List<Analysis> published(LocalDate from, LocalDate to) {
    return jdbc.query(
        ANALYSIS
            + " where status = 'PUBLISHED' and published_on >= ? and published_on <= ?"
            + " order by published_on, ref",
        (rs, i) -> analysis(rs),
        Date.valueOf(from),
        Date.valueOf(to));
  }

  /** The highest number of the refs TA-{year}-NN, or 0. */
  public int lastNumber(int year) {
    List<String> refs =
        jdbc.queryForList(
            "select ref from thematic_analysis where ref like ?",
            String.class,
            "TA-" + year + "-%");
    int last = 0;
    for (String ref : refs) {
      String tail = ref.substring(("TA-" + year + "-").length());
      if (tail.matches("[0-9]{1,9}")) {
        last = Math.max(last, Integer.parseInt(tail));
      }
    }
    return last;
  }

  public long insert(
      String ref,
      String title,
      String question,
      long leadId,
      String lead,
      Population population,
      Instant now,
      String actor) {
    Long id =
        jdbc.queryForObject(
            "insert into thematic_analysis (ref, title, question, lead_account_id, lead_username,"
                + " population, created_at, created_by) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                + " returning id",
            Long.class,
            ref,
            title,
            question,
            leadId,
            lead,
            json(population),
            Timestamp.from(now),
            actor);
    return id;
  }

  public void update(
      long id, String title, String question, long leadId, String lead, Population population) {
    jdbc.update(
        "update thematic_analysis set title = ?, question = ?, lead_account_id = ?,"
            + " lead_username = ?, population = ?::jsonb where id = ?",
        title,
        question,
        leadId,
        lead,
        json(population),
        id);
  }

  public void drawn(
      long id,
      DrawRequest request,
      Population control,
      int populationCount,
      Integer controlCount,
      Instant now,
      String actor) {
    jdbc.update(
        "update thematic_analysis set status = 'CODING', drawn_at = ?, drawn_by = ?, seed = ?,"
            + " sample_size = ?, sample_percent = ?, stratify = ?, control_size = ?,"
            + " control_population = ?::jsonb, population_count = ?, control_population_count = ?"
            + " where id = ?",
        Timestamp.from(now),
        actor,
        request.seed(),
        request.size(),
        request.percent(),
        request.stratify().name(),
        request.controlSize(),
        json(control),
        populationCount,
        controlCount,
        id);
  }

  public void status(long id, AnalysisStatus status, LocalDate publishedOn) {
    jdbc.update(
        "update thematic_analysis set status = ?, published_on = ? where id = ?",
        status.name(),
        publishedOn == null ? null : Date.valueOf(publishedOn),
        id);
  }

  private Analysis analysis(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    Long seed = (Long) rs.getObject("seed", Long.class);
    DrawRequest draw = null;
    if (seed != null) {
      BigDecimal percent = rs.getBigDecimal("sample_percent");
      draw =
          new DrawRequest(
              (Integer) rs.getObject("sample_size", Integer.class),
              percent == null ? null : percent.stripTrailingZeros(),
              seed,
              Stratify.valueOf(rs.getString("stratify")),
              (Integer) rs.getObject("control_size", Integer.class),
              population(rs.getString("control_population")));
    }
    return new Analysis(
        rs.getString("ref"),
        rs.getString("title"),
        rs.getString("question"),
        rs.getString("lead_username"),
        AnalysisStatus.valueOf(rs.getString("status")),
        population(rs.getString("population")),
        frame(id),
        draw,
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("published_on", LocalDate.class));
  }

  // ------------------------------------------------------------------ frame

  public List<FrameCode> frame(long id) {
    return jdbc.query(
        "select code, label, definition, scale from analysis_frame_code where analysis_id = ?"
            + " order by seq",
        (rs, i) ->
            new FrameCode(
                rs.getString("code"),
                rs.getString("label"),
                rs.getString("definition"),
                Scale.valueOf(rs.getString("scale"))),
        id);
  }

  public void replaceFrame(long id, List<FrameCode> frame) {
    jdbc.update("delete from analysis_frame_code where analysis_id = ?", id);
    int seq = 1;
    for (FrameCode c : frame) {
      jdbc.update(
          "insert into analysis_frame_code (analysis_id, seq, code, label, definition, scale)"
              + " values (?, ?, ?, ?, ?, ?)",
          id,
          seq++,
          c.code(),
          c.label(),
          c.definition(),
          c.scale().name());
    }
  }

  // ------------------------------------------------------------------ cases

  public void insertCase(long id, AnalysisCase c, LocalDate incidentDate, Integer age) {
    jdbc.update(
        "insert into analysis_case (analysis_id, notification_ref, grp, position, la_code,"
            + " region_code, incident_date, notification_type, death_category, harm_category,"
            + " age_band, first_child_age, case_theme) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)",
        id,
        c.notificationRef(),
        c.group().name(),
        c.position(),
        c.laCode(),
        c.regionCode(),
        Date.valueOf(incidentDate),
        c.notificationType(),
        c.deathCategory(),
        c.harmCategory(),
        c.ageBand(),
        age,
        c.caseTheme());
  }

  /** The drawn cases, sample then control, each in the order drawn (not flagged here). */
  public List<StoredCase> cases(long id) {
    return jdbc.query(
        "select * from analysis_case where analysis_id = ?"
            + " order by case grp when 'SAMPLE' then 0 else 1 end, position",
        (rs, i) ->
            new StoredCase(
                new AnalysisCase(
                    rs.getString("notification_ref"),
                    Group.valueOf(rs.getString("grp")),
                    rs.getInt("position"),
                    rs.getString("la_code"),
                    rs.getString("region_code"),
                    rs.getString("notification_type"),
                    rs.getString("death_category"),
                    rs.getString("harm_category"),
                    rs.getString("age_band"),
                    rs.getString("case_theme"),
                    false),
                rs.getObject("incident_date", LocalDate.class),
                (Integer) rs.getObject("first_child_age", Integer.class)),
        id);
  }

  // ------------------------------------------------------------------ assignments

  public List<Assignment> assignments(long id) {
    return jdbc.query(
        "select s.notification_ref, s.first_coder, s.second_coder from analysis_assignment s"
            + " join analysis_case c on c.analysis_id = s.analysis_id"
            + " and c.notification_ref = s.notification_ref where s.analysis_id = ?"
            + " order by case c.grp when 'SAMPLE' then 0 else 1 end, c.position",
        (rs, i) -> new Assignment(rs.getString(1), rs.getString(2), rs.getString(3)),
        id);
  }

  public void deleteAssignments(long id) {
    jdbc.update("delete from analysis_assignment where analysis_id = ?", id);
  }

  public void insertAssignment(
      long id, String ref, long firstId, String first, Long secondId, String second) {
    jdbc.update(
        "insert into analysis_assignment (analysis_id, notification_ref, first_coder_id,"
            + " first_coder, second_coder_id, second_coder) values (?, ?, ?, ?, ?, ?)",
        id,
        ref,
        firstId,
        first,
        secondId,
        second);
  }

  // ------------------------------------------------------------------ codings

  public List<Coding> codings(long id) {
    return jdbc.query(
        "select g.notification_ref, g.coder, g.code, g.value from analysis_coding g"
            + " join analysis_case c on c.analysis_id = g.analysis_id"
            + " and c.notification_ref = g.notification_ref"
            + " left join analysis_frame_code f on f.analysis_id = g.analysis_id and f.code = g.code"
            + " where g.analysis_id = ?"
            + " order by case c.grp when 'SAMPLE' then 0 else 1 end, c.position, g.coder, f.seq",
        (rs, i) -> new Coding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        id);
  }

  public int codingCount(long id) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from analysis_coding where analysis_id = ?", Integer.class, id);
    return n == null ? 0 : n;
  }

  public void deleteCodings(long id, String ref, long coderId) {
    jdbc.update(
        "delete from analysis_coding where analysis_id = ? and notification_ref = ?"
            + " and coder_id = ?",
        id,
        ref,
        coderId);
  }

  public void upsertCoding(
      long id, String ref, long coderId, String coder, String code, String value, Instant now) {
    jdbc.update(
        "insert into analysis_coding (analysis_id, notification_ref, coder_id, coder, code, value,"
            + " coded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (analysis_id, notification_ref,"
            + " coder_id, code) do update set value = excluded.value, coded_at = excluded.coded_at",
        id,
        ref,
        coderId,
        coder,
        code,
        value,
        Timestamp.from(now));
  }

  // ------------------------------------------------------------------ resolutions

  /** Resolutions by "ref code" → {resolver, value}. */
  public List<String[]> resolutions(long id) {
    List<String[]> out = new ArrayList<>();
    jdbc.query(
        "select notification_ref, code, resolver, value from analysis_resolution"
            + " where analysis_id = ?",
        rs -> {
          out.add(
              new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        },
        id);
    return out;
  }

  public void upsertResolution(
      long id,
      String ref,
      String code,
      long resolverId,
      String resolver,
      String value,
      Instant now) {
    jdbc.update(
        "insert into analysis_resolution (analysis_id, notification_ref, code, resolver_id,"
            + " resolver, value, resolved_at) values (?, ?, ?, ?, ?, ?, ?) on conflict"
            + " (analysis_id, notification_ref, code) do update set resolver_id ="
            + " excluded.resolver_id, resolver = excluded.resolver, value = excluded.value,"
            + " resolved_at = excluded.resolved_at",
        id,
        ref,
        code,
        resolverId,
        resolver,
        value,
        Timestamp.from(now));
  }
}
