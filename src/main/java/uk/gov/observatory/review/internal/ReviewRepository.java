package uk.gov.observatory.review.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.observatory.review.CaseEvent;
import uk.gov.observatory.review.Challenge;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.LcsprDetails;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.NoLcsprReason;
import uk.gov.observatory.review.PanelView;
import uk.gov.observatory.review.PublicationIntention;
import uk.gov.observatory.review.QualityCriterion;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviewStatus;
import uk.gov.observatory.review.Recommendation;
import uk.gov.observatory.review.Regulation11Criterion;
import uk.gov.observatory.review.TimelinessPolicyPeriod;

/** The review tables (migration V7). Callers hold the transaction. */
@Repository
public class ReviewRepository {

  private static final String RAPID_REVIEW_COLUMNS =
      "r.id, r.notification_ref, n.la_code, n.incident_date, n.notified_date, r.status, r.version,"
          + " r.received_date, r.decision, r.no_lcspr_reason, r.decision_rationale, r.criteria,"
          + " r.alternative_methodology, r.alternative_methodology_detail, r.agencies_involved,"
          + " r.chronology, r.immediate_actions, r.learning_identified, r.dissemination_plan,"
          + " r.dissemination_by, r.ethnicity_recorded, r.family_context_recorded,"
          + " r.signed_off_la, r.signed_off_health, r.signed_off_police, r.practice_themes,"
          + " r.panel_view, r.panel_view_reasons, r.panel_view_by, r.panel_view_at,"
          + " r.national_review, r.quality_scores";

  private static final String RAPID_REVIEW_FROM =
      " from rapid_review r join published_notification n on n.notification_ref = r.notification_ref";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  public ReviewRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  // Rapid reviews

  public Optional<RapidReview> findRapidReview(String notificationRef) {
    return jdbc
        .query(
            "select " + RAPID_REVIEW_COLUMNS + RAPID_REVIEW_FROM + " where r.notification_ref = ?",
            this::rapidReview,
            notificationRef)
        .stream()
        .findFirst();
  }

  /** Locks the row for the rest of the transaction (so two saves queue, then the second sees). */
  public Optional<RapidReview> findRapidReviewForUpdate(String notificationRef) {
    jdbc.query(
        "select id from rapid_review where notification_ref = ? for update",
        (rs, i) -> rs.getLong(1),
        notificationRef);
    return findRapidReview(notificationRef);
  }

  /**
   * Rapid reviews of the given notifications, by notification reference (for worklists and exports:
   * callers pass only references the reader reaches).
   */
  public Map<String, RapidReview> rapidReviewsOf(List<String> notificationRefs) {
    Map<String, RapidReview> out = new LinkedHashMap<>();
    if (notificationRefs.isEmpty()) {
      return out;
    }
    for (int i = 0; i < notificationRefs.size(); i += 1000) {
      List<String> chunk = notificationRefs.subList(i, Math.min(notificationRefs.size(), i + 1000));
      named
          .query(
              "select "
                  + RAPID_REVIEW_COLUMNS
                  + RAPID_REVIEW_FROM
                  + " where r.notification_ref in (:refs)",
              new MapSqlParameterSource("refs", chunk),
              this::rapidReview)
          .forEach(r -> out.put(r.notificationRef(), r));
    }
    return out;
  }

  public long insertRapidReview(RapidReview r, Instant at, String by) {
    Long id =
        jdbc.queryForObject(
            "insert into rapid_review (notification_ref, status, version, received_date, decision,"
                + " created_at, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
            Long.class,
            r.notificationRef(),
            r.status().name(),
            r.version(),
            date(r.receivedDate()),
            r.content().decision().name(),
            Timestamp.from(at),
            Timestamp.from(at),
            by);
    RapidReview stored =
        new RapidReview(
            id,
            r.notificationRef(),
            r.laCode(),
            r.incidentDate(),
            r.notifiedDate(),
            r.status(),
            r.version(),
            r.receivedDate(),
            r.content(),
            r.panelView(),
            r.panelViewReasons(),
            r.panelViewBy(),
            r.panelViewAt(),
            r.nationalReview(),
            r.quality());
    updateRapidReview(stored, at, by);
    return id;
  }

  private static final String RAPID_REVIEW_FIELDS =
      "status, version, received_date, decision, no_lcspr_reason, decision_rationale, criteria,"
          + " alternative_methodology, alternative_methodology_detail, agencies_involved,"
          + " chronology, immediate_actions, learning_identified, dissemination_plan,"
          + " dissemination_by, ethnicity_recorded, family_context_recorded, signed_off_la,"
          + " signed_off_health, signed_off_police, practice_themes, panel_view,"
          + " panel_view_reasons, panel_view_by, panel_view_at, national_review, quality_scores";

  private static final int RAPID_REVIEW_FIELD_COUNT = 27;

  /** Writes every field of a rapid review and keeps its version in the history. */
  public void updateRapidReview(RapidReview r, Instant at, String by) {
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "update rapid_review set ("
                      + RAPID_REVIEW_FIELDS
                      + ", updated_at, updated_by) = ("
                      + "?, ".repeat(RAPID_REVIEW_FIELD_COUNT)
                      + "?, ?) where id = ?");
          int i = bindRapidReview(ps, r, 1);
          ps.setTimestamp(i++, Timestamp.from(at));
          ps.setString(i++, by);
          ps.setLong(i, r.id());
          return ps;
        });
    jdbc.update(
        "insert into rapid_review_version (rapid_review_id, version, status, content,"
            + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)"
            + " on conflict (rapid_review_id, version) do nothing",
        r.id(),
        r.version(),
        r.status().name(),
        ReviewJson.of(r),
        Timestamp.from(at),
        by);
  }

  /**
   * Inserts new rapid reviews in batches (an import's), every field, each with its version in the
   * history, as {@link #insertRapidReview} does one by one.
   */
  public void insertRapidReviews(List<RapidReview> reviews, Instant at, String by) {
    if (reviews.isEmpty()) {
      return;
    }
    Timestamp when = Timestamp.from(at);
    jdbc.batchUpdate(
        "insert into rapid_review (notification_ref, "
            + RAPID_REVIEW_FIELDS
            + ", created_at, updated_at, updated_by) values (?, "
            + "?, ".repeat(RAPID_REVIEW_FIELD_COUNT)
            + "?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int n) throws SQLException {
            RapidReview r = reviews.get(n);
            ps.setString(1, r.notificationRef());
            int i = bindRapidReview(ps, r, 2);
            ps.setTimestamp(i++, when);
            ps.setTimestamp(i++, when);
            ps.setString(i, by);
          }

          @Override
          public int getBatchSize() {
            return reviews.size();
          }
        });
    Map<String, RapidReview> stored =
        rapidReviewsOf(reviews.stream().map(RapidReview::notificationRef).toList());
    List<RapidReview> versions =
        reviews.stream().map(r -> stored.get(r.notificationRef())).toList();
    jdbc.batchUpdate(
        "insert into rapid_review_version (rapid_review_id, version, status, content,"
            + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int n) throws SQLException {
            RapidReview r = versions.get(n);
            ps.setLong(1, r.id());
            ps.setInt(2, r.version());
            ps.setString(3, r.status().name());
            ps.setString(4, ReviewJson.of(r));
            ps.setTimestamp(5, when);
            ps.setString(6, by);
          }

          @Override
          public int getBatchSize() {
            return versions.size();
          }
        });
  }

  /** Binds the {@link #RAPID_REVIEW_FIELDS} from parameter {@code i}; returns the next one. */
  private static int bindRapidReview(PreparedStatement ps, RapidReview r, int i)
      throws SQLException {
    RapidReviewContent c = r.content();
    Connection con = ps.getConnection();
    ps.setString(i++, r.status().name());
    ps.setInt(i++, r.version());
    ps.setObject(i++, date(r.receivedDate()));
    ps.setString(i++, c.decision().name());
    ps.setString(i++, c.noLcsprReason() == null ? null : c.noLcsprReason().name());
    ps.setString(i++, c.decisionRationale());
    ps.setArray(
        i++,
        con.createArrayOf(
            "text", c.criteria().stream().map(Enum::name).sorted().toArray(String[]::new)));
    ps.setBoolean(i++, c.alternativeMethodology());
    ps.setString(i++, c.alternativeMethodologyDetail());
    ps.setString(i++, c.agenciesInvolved());
    ps.setString(i++, c.chronology());
    ps.setString(i++, c.immediateActions());
    ps.setString(i++, c.learningIdentified());
    ps.setString(i++, c.disseminationPlan());
    ps.setObject(i++, date(c.disseminationBy()));
    ps.setObject(i++, c.ethnicityRecorded());
    ps.setObject(i++, c.familyContextRecorded());
    ps.setObject(i++, date(c.signedOffLocalAuthority()));
    ps.setObject(i++, date(c.signedOffHealth()));
    ps.setObject(i++, date(c.signedOffPolice()));
    ps.setArray(i++, con.createArrayOf("text", c.practiceThemes().toArray()));
    ps.setString(i++, r.panelView() == null ? null : r.panelView().name());
    ps.setString(i++, r.panelViewReasons());
    ps.setString(i++, r.panelViewBy());
    ps.setObject(i++, r.panelViewAt() == null ? null : Timestamp.from(r.panelViewAt()));
    ps.setBoolean(i++, r.nationalReview());
    if (r.quality().isEmpty()) {
      ps.setObject(i++, null);
    } else {
      Short[] scores = new Short[QualityCriterion.values().length];
      for (QualityCriterion q : QualityCriterion.values()) {
        scores[q.ordinal()] = r.quality().get(q).shortValue();
      }
      ps.setArray(i++, con.createArrayOf("smallint", scores));
    }
    return i;
  }

  /** How many versions of a rapid review are kept. */
  public int versionCount(long rapidReviewId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from rapid_review_version where rapid_review_id = ?",
            Integer.class,
            rapidReviewId);
    return n == null ? 0 : n;
  }

  /** Every stored version of a rapid review, oldest first. */
  public List<uk.gov.observatory.review.RapidReviewVersion> versionsOf(long rapidReviewId) {
    return jdbc.query(
        "select version, status, content, recorded_at, recorded_by from rapid_review_version"
            + " where rapid_review_id = ? order by version",
        (rs, i) -> {
          String json = rs.getString("content");
          return new uk.gov.observatory.review.RapidReviewVersion(
              rs.getInt("version"),
              RapidReviewStatus.valueOf(rs.getString("status")),
              ReviewJson.receivedDateOf(json),
              ReviewJson.contentOf(json),
              rs.getTimestamp("recorded_at").toInstant(),
              rs.getString("recorded_by"));
        },
        rapidReviewId);
  }

  private RapidReview rapidReview(ResultSet rs, int row) throws SQLException {
    Set<Regulation11Criterion> criteria = EnumSet.noneOf(Regulation11Criterion.class);
    for (String c : strings(rs.getArray("criteria"))) {
      criteria.add(Regulation11Criterion.valueOf(c));
    }
    String reason = rs.getString("no_lcspr_reason");
    RapidReviewContent content =
        new RapidReviewContent(
            rs.getString("agencies_involved"),
            rs.getString("chronology"),
            rs.getString("immediate_actions"),
            rs.getString("learning_identified"),
            rs.getString("dissemination_plan"),
            rs.getObject("dissemination_by", LocalDate.class),
            Decision.valueOf(rs.getString("decision")),
            reason == null ? null : NoLcsprReason.valueOf(reason),
            rs.getString("decision_rationale"),
            criteria,
            rs.getBoolean("alternative_methodology"),
            rs.getString("alternative_methodology_detail"),
            (Boolean) rs.getObject("ethnicity_recorded"),
            (Boolean) rs.getObject("family_context_recorded"),
            rs.getObject("signed_off_la", LocalDate.class),
            rs.getObject("signed_off_health", LocalDate.class),
            rs.getObject("signed_off_police", LocalDate.class),
            strings(rs.getArray("practice_themes")));
    Map<QualityCriterion, Integer> quality = new EnumMap<>(QualityCriterion.class);
    Array scores = rs.getArray("quality_scores");
    if (scores != null) {
      Object[] values = (Object[]) scores.getArray();
      for (QualityCriterion q : QualityCriterion.values()) {
        quality.put(q, ((Number) values[q.ordinal()]).intValue());
      }
    }
    String view = rs.getString("panel_view");
    Timestamp viewAt = rs.getTimestamp("panel_view_at");
    return new RapidReview(
        rs.getLong("id"),
        rs.getString("notification_ref"),
        rs.getString("la_code"),
        rs.getObject("incident_date", LocalDate.class),
        rs.getObject("notified_date", LocalDate.class),
        RapidReviewStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        rs.getObject("received_date", LocalDate.class),
        content,
        view == null ? null : PanelView.valueOf(view),
        rs.getString("panel_view_reasons"),
        rs.getString("panel_view_by"),
        viewAt == null ? null : viewAt.toInstant(),
        rs.getBoolean("national_review"),
        quality);
  }

  // Challenges

  public long insertChallenge(long rapidReviewId, String by, Instant at, String question) {
    Long id =
        jdbc.queryForObject(
            "insert into challenge (rapid_review_id, status, raised_by, raised_at)"
                + " values (?, 'AWAITING_PARTNERSHIP', ?, ?) returning id",
            Long.class,
            rapidReviewId,
            by,
            Timestamp.from(at));
    addMessage(id, by, at, true, question);
    return id;
  }

  public void addMessage(long challengeId, String by, Instant at, boolean fromPanel, String body) {
    jdbc.update(
        "insert into challenge_message (challenge_id, author, written_at, from_panel, body)"
            + " values (?, ?, ?, ?, ?)",
        challengeId,
        by,
        Timestamp.from(at),
        fromPanel,
        body);
  }

  public void setChallengeStatus(long challengeId, Challenge.Status status) {
    jdbc.update("update challenge set status = ? where id = ?", status.name(), challengeId);
  }

  /**
   * The challenges waiting for a partnership's answer, one query for all: each notification's
   * reference with when its open challenge was raised (the earliest, when there are several).
   */
  public Map<String, Instant> challengesAwaitingPartnership() {
    Map<String, Instant> out = new LinkedHashMap<>();
    jdbc.query(
        "select r.notification_ref, min(c.raised_at) from challenge c"
            + " join rapid_review r on r.id = c.rapid_review_id"
            + " where c.status = 'AWAITING_PARTNERSHIP' group by r.notification_ref",
        rs -> {
          out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        });
    return out;
  }

  public List<Challenge> challengesOf(long rapidReviewId) {
    List<Challenge> out = new ArrayList<>();
    List<Object[]> rows =
        jdbc.query(
            "select id, status, raised_by, raised_at from challenge where rapid_review_id = ?"
                + " order by id",
            (rs, i) ->
                new Object[] {
                  rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()
                },
            rapidReviewId);
    for (Object[] r : rows) {
      long id = (Long) r[0];
      List<Challenge.Message> messages =
          jdbc.query(
              "select author, written_at, from_panel, body from challenge_message"
                  + " where challenge_id = ? order by id",
              (rs, i) ->
                  new Challenge.Message(
                      rs.getString(1),
                      rs.getTimestamp(2).toInstant(),
                      rs.getBoolean(3),
                      rs.getString(4)),
              id);
      out.add(
          new Challenge(
              id,
              Challenge.Status.valueOf((String) r[1]),
              (String) r[2],
              (Instant) r[3],
              messages));
    }
    return out;
  }

  /** The rapid review a challenge belongs to, by its notification reference. */
  /** A challenge the partnership has answered, its notification and when it last answered. */
  public record AnsweredChallenge(long challengeId, String notificationRef, Instant answeredAt) {}

  /** Every challenge answered by the partnership and waiting for the Panel, oldest answer first. */
  public List<AnsweredChallenge> answeredChallenges() {
    return jdbc.query(
        "select c.id, r.notification_ref,"
            + " (select max(m.written_at) from challenge_message m"
            + "   where m.challenge_id = c.id and not m.from_panel) as answered_at"
            + " from challenge c join rapid_review r on r.id = c.rapid_review_id"
            + " where c.status = 'ANSWERED' order by answered_at, c.id",
        (rs, i) ->
            new AnsweredChallenge(
                rs.getLong(1),
                rs.getString(2),
                rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()),
        new Object[] {});
  }

  public Optional<String> notificationOfChallenge(long challengeId) {
    return jdbc
        .query(
            "select r.notification_ref from challenge c join rapid_review r"
                + " on r.id = c.rapid_review_id where c.id = ?",
            (rs, i) -> rs.getString(1),
            challengeId)
        .stream()
        .findFirst();
  }

  // LCSPRs

  private static final String LCSPR_COLUMNS =
      "l.id, l.lcspr_ref, l.status, l.publication_intention, l.version, l.initiated_date,"
          + " l.completed_date, l.panel_notified_of_publication_date, l.publication_date,"
          + " l.not_publishing_reason, l.scope, l.review_questions, l.methodology,"
          + " l.family_involvement, l.practitioner_involvement, l.dissemination_plan,"
          + " l.report_sha256, l.public_url";

  public Optional<Lcspr> findLcspr(String ref) {
    return jdbc
        .query("select " + LCSPR_COLUMNS + " from lcspr l where l.lcspr_ref = ?", this::lcspr, ref)
        .stream()
        .findFirst();
  }

  public Optional<Lcspr> findLcsprForUpdate(String ref) {
    jdbc.query(
        "select id from lcspr where lcspr_ref = ? for update", (rs, i) -> rs.getLong(1), ref);
    return findLcspr(ref);
  }

  /** The LCSPRs covering a notification. */
  public List<Lcspr> lcsprsOf(String notificationRef) {
    return jdbc.query(
        "select "
            + LCSPR_COLUMNS
            + " from lcspr l where l.id in (select lcspr_id from lcspr_notification"
            + " where notification_ref = ?) order by l.lcspr_ref",
        this::lcspr,
        notificationRef);
  }

  /** Every LCSPR, by reference (callers filter by reach). */
  public List<Lcspr> allLcsprs() {
    // three queries in all (not two more per LCSPR): a list of hundreds stays quick
    Map<Long, List<String>> refs = new java.util.HashMap<>();
    jdbc.query(
        "select lcspr_id, notification_ref from lcspr_notification"
            + " order by lcspr_id, notification_ref",
        rs -> {
          refs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    Map<Long, List<Recommendation>> recommendations = new java.util.HashMap<>();
    jdbc.query(
        "select lcspr_id, text, owner, due_date, specific, measurable, achievable, relevant,"
            + " time_bound from lcspr_recommendation order by lcspr_id, seq",
        rs -> {
          recommendations
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new Recommendation(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getObject(4, LocalDate.class),
                      rs.getBoolean(5),
                      rs.getBoolean(6),
                      rs.getBoolean(7),
                      rs.getBoolean(8),
                      rs.getBoolean(9)));
        });
    return jdbc.query(
        "select " + LCSPR_COLUMNS + " from lcspr l order by l.lcspr_ref",
        (rs, i) ->
            lcspr(
                rs,
                refs.getOrDefault(rs.getLong("id"), List.of()),
                recommendations.getOrDefault(rs.getLong("id"), List.of())));
  }

  public boolean lcsprExists(String ref) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from lcspr where lcspr_ref = ?)", Boolean.class, ref));
  }

  /** The advisory lock that puts LCSPR creation in one line ("OBSLCSPR" in ASCII). */
  static final long LCSPR_REF_LOCK = 0x4F42534C43535052L;

  /**
   * Holds, until the transaction ends, the lock that lets one LCSPR at a time choose and take its
   * reference (so two started at the same moment are not given the same one).
   */
  public void lockLcsprRefs() {
    jdbc.query("select pg_advisory_xact_lock(?)", rs -> {}, LCSPR_REF_LOCK);
  }

  /** The next free reference of the form LCSPR-YYYY-NNNNN. */
  public String nextLcsprRef(int year) {
    String prefix = "LCSPR-" + year + "-";
    Integer max =
        jdbc.queryForObject(
            "select coalesce(max(substring(lcspr_ref from 12)::int), 0) from lcspr"
                + " where lcspr_ref like ? and lcspr_ref ~ '^LCSPR-[0-9]{4}-[0-9]{5}$'",
            Integer.class, prefix + "%");
    return prefix + String.format("%05d", (max == null ? 0 : max) + 1);
  }

  public long insertLcspr(Lcspr l, Instant at) {
    Long id =
        jdbc.queryForObject(
            "insert into lcspr (lcspr_ref, status, publication_intention, version,"
                + " initiated_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)"
                + " returning id",
            Long.class,
            l.ref(),
            l.status().name(),
            l.intention().name(),
            l.version(),
            date(l.initiatedDate()),
            Timestamp.from(at),
            Timestamp.from(at));
    for (String ref : l.notificationRefs()) {
      jdbc.update(
          "insert into lcspr_notification (lcspr_id, notification_ref) values (?, ?)", id, ref);
    }
    updateLcspr(withId(l, id), at);
    return id;
  }

  public void updateLcspr(Lcspr l, Instant at) {
    Object[] fields = lcsprFields(l, at);
    Object[] args = java.util.Arrays.copyOf(fields, fields.length + 1);
    args[fields.length] = l.id();
    jdbc.update(
        "update lcspr set ("
            + LCSPR_FIELDS
            + ") = ("
            + "?, ".repeat(LCSPR_FIELD_COUNT - 1)
            + "?) where id = ?",
        args);
    jdbc.update("delete from lcspr_recommendation where lcspr_id = ?", l.id());
    insertRecommendations(l.id(), l.recommendations());
  }

  private void insertRecommendations(long lcsprId, List<Recommendation> recommendations) {
    int seq = 1;
    for (Recommendation r : recommendations) {
      jdbc.update(
          "insert into lcspr_recommendation (lcspr_id, seq, text, owner, due_date, specific,"
              + " measurable, achievable, relevant, time_bound)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          lcsprId,
          seq++,
          r.text(),
          r.owner(),
          date(r.dueDate()),
          r.specific(),
          r.measurable(),
          r.achievable(),
          r.relevant(),
          r.timeBound());
    }
  }

  /**
   * Inserts new LCSPRs in batches (an import's) with the notifications they cover and their
   * recommendations; returns their ids by reference.
   */
  public Map<String, Long> insertLcsprs(List<Lcspr> lcsprs, Instant at) {
    Map<String, Long> ids = new LinkedHashMap<>();
    if (lcsprs.isEmpty()) {
      return ids;
    }
    Timestamp when = Timestamp.from(at);
    jdbc.batchUpdate(
        "insert into lcspr (lcspr_ref, initiated_date, created_at, "
            + LCSPR_FIELDS
            + ") values (?, ?, ?, "
            + "?, ".repeat(LCSPR_FIELD_COUNT - 1)
            + "?)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int n) throws SQLException {
            Lcspr l = lcsprs.get(n);
            ps.setString(1, l.ref());
            ps.setObject(2, date(l.initiatedDate()));
            ps.setTimestamp(3, when);
            Object[] fields = lcsprFields(l, at);
            for (int i = 0; i < fields.length; i++) {
              StatementCreatorUtils.setParameterValue(
                  ps, 4 + i, SqlTypeValue.TYPE_UNKNOWN, fields[i]);
            }
          }

          @Override
          public int getBatchSize() {
            return lcsprs.size();
          }
        });
    List<String> refs = lcsprs.stream().map(Lcspr::ref).toList();
    for (int i = 0; i < refs.size(); i += 1000) {
      named.query(
          "select lcspr_ref, id from lcspr where lcspr_ref in (:refs)",
          new MapSqlParameterSource("refs", refs.subList(i, Math.min(refs.size(), i + 1000))),
          rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
          });
    }
    List<Object[]> links = new ArrayList<>();
    for (Lcspr l : lcsprs) {
      long id = ids.get(l.ref());
      l.notificationRefs().forEach(ref -> links.add(new Object[] {id, ref}));
      insertRecommendations(id, l.recommendations());
    }
    jdbc.batchUpdate(
        "insert into lcspr_notification (lcspr_id, notification_ref) values (?, ?)", links);
    return ids;
  }

  /**
   * Writes every field of an LCSPR held under the same id, its start date and the notifications it
   * covers too (an import replacing it), in one statement so that its dates are checked together.
   */
  public void replaceLcspr(Lcspr l, Instant at) {
    Object[] fields = lcsprFields(l, at);
    Object[] args = new Object[fields.length + 2];
    args[0] = date(l.initiatedDate());
    System.arraycopy(fields, 0, args, 1, fields.length);
    args[args.length - 1] = l.id();
    jdbc.update(
        "update lcspr set (initiated_date, "
            + LCSPR_FIELDS
            + ") = (?, "
            + "?, ".repeat(LCSPR_FIELD_COUNT - 1)
            + "?) where id = ?",
        args);
    jdbc.update("delete from lcspr_recommendation where lcspr_id = ?", l.id());
    insertRecommendations(l.id(), l.recommendations());
    jdbc.update("delete from lcspr_notification where lcspr_id = ?", l.id());
    jdbc.batchUpdate(
        "insert into lcspr_notification (lcspr_id, notification_ref) values (?, ?)",
        l.notificationRefs().stream().map(ref -> new Object[] {l.id(), ref}).toList());
  }

  private static final String LCSPR_FIELDS =
      "status, publication_intention, version, completed_date,"
          + " panel_notified_of_publication_date, publication_date, not_publishing_reason, scope,"
          + " review_questions, methodology, family_involvement, practitioner_involvement,"
          + " dissemination_plan, public_url, updated_at";

  private static final int LCSPR_FIELD_COUNT = 15;

  /** The values of {@link #LCSPR_FIELDS}. */
  private static Object[] lcsprFields(Lcspr l, Instant at) {
    LcsprDetails d = l.details();
    return new Object[] {
      l.status().name(),
      l.intention().name(),
      l.version(),
      date(l.completedDate()),
      date(l.panelNotifiedOfPublicationDate()),
      date(l.publicationDate()),
      l.notPublishingReason(),
      d.scope(),
      d.reviewQuestions(),
      d.methodology(),
      d.familyInvolvement(),
      d.practitionerInvolvement(),
      d.disseminationPlan(),
      l.publicUrl(),
      Timestamp.from(at)
    };
  }

  /** Withdraws an LCSPR: its new state and version, with the reason, when and by whom. */
  public void withdrawLcspr(Lcspr l, String reason, Instant at, String by) {
    jdbc.update(
        "update lcspr set status = ?, version = ?, withdrawn_reason = ?, withdrawn_at = ?,"
            + " withdrawn_by = ?, updated_at = ? where id = ?",
        l.status().name(),
        l.version(),
        reason,
        Timestamp.from(at),
        by,
        Timestamp.from(at),
        l.id());
  }

  /** Why, when and by whom an LCSPR was withdrawn. */
  public Optional<uk.gov.observatory.review.LcsprWithdrawal> withdrawal(long lcsprId) {
    return jdbc
        .query(
            "select withdrawn_reason, withdrawn_at, withdrawn_by from lcspr"
                + " where id = ? and withdrawn_at is not null",
            (rs, i) ->
                new uk.gov.observatory.review.LcsprWithdrawal(
                    rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
            lcsprId)
        .stream()
        .findFirst();
  }

  /** Stores the published report's PDF with its SHA-256. */
  public void storeReport(long lcsprId, byte[] pdf, String sha256) {
    jdbc.update(
        "update lcspr set report_pdf = ?, report_sha256 = ?, version = version + 1 where id = ?",
        pdf,
        sha256,
        lcsprId);
  }

  public Optional<byte[]> report(long lcsprId) {
    return jdbc
        .query(
            "select report_pdf from lcspr where id = ? and report_pdf is not null",
            (rs, i) -> rs.getBytes(1),
            lcsprId)
        .stream()
        .findFirst();
  }

  private static Lcspr withId(Lcspr l, long id) {
    return new Lcspr(
        id,
        l.ref(),
        l.status(),
        l.intention(),
        l.version(),
        l.notificationRefs(),
        l.initiatedDate(),
        l.completedDate(),
        l.panelNotifiedOfPublicationDate(),
        l.publicationDate(),
        l.notPublishingReason(),
        l.details(),
        l.recommendations(),
        l.reportSha256(),
        l.publicUrl());
  }

  private Lcspr lcspr(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<String> refs =
        jdbc.queryForList(
            "select notification_ref from lcspr_notification where lcspr_id = ?"
                + " order by notification_ref",
            String.class,
            id);
    List<Recommendation> recommendations =
        jdbc.query(
            "select text, owner, due_date, specific, measurable, achievable, relevant, time_bound"
                + " from lcspr_recommendation where lcspr_id = ? order by seq",
            (r, i) ->
                new Recommendation(
                    r.getString(1),
                    r.getString(2),
                    r.getObject(3, LocalDate.class),
                    r.getBoolean(4),
                    r.getBoolean(5),
                    r.getBoolean(6),
                    r.getBoolean(7),
                    r.getBoolean(8)),
            id);
    return lcspr(rs, refs, recommendations);
  }

  private static Lcspr lcspr(ResultSet rs, List<String> refs, List<Recommendation> recommendations)
      throws SQLException {
    return new Lcspr(
        rs.getLong("id"),
        rs.getString("lcspr_ref"),
        LcsprStatus.valueOf(rs.getString("status")),
        PublicationIntention.valueOf(rs.getString("publication_intention")),
        rs.getInt("version"),
        refs,
        rs.getObject("initiated_date", LocalDate.class),
        rs.getObject("completed_date", LocalDate.class),
        rs.getObject("panel_notified_of_publication_date", LocalDate.class),
        rs.getObject("publication_date", LocalDate.class),
        rs.getString("not_publishing_reason"),
        new LcsprDetails(
            rs.getString("scope"),
            rs.getString("review_questions"),
            rs.getString("methodology"),
            rs.getString("family_involvement"),
            rs.getString("practitioner_involvement"),
            rs.getString("dissemination_plan")),
        recommendations,
        rs.getString("report_sha256"),
        rs.getString("public_url"));
  }

  // The case timeline

  public void addEvent(
      String notificationRef,
      Long lcsprId,
      Instant at,
      String actor,
      String event,
      String from,
      String to,
      String details) {
    jdbc.update(
        "insert into case_event (notification_ref, lcspr_id, occurred_at, actor, event,"
            + " from_state, to_state, details) values (?, ?, ?, ?, ?, ?, ?, ?)",
        notificationRef,
        lcsprId,
        Timestamp.from(at),
        actor,
        event,
        from,
        to,
        details);
  }

  /** An event to add to a case's timeline (see {@link #addEvents}). */
  public record NewEvent(
      String notificationRef,
      Long lcsprId,
      Instant at,
      String actor,
      String event,
      String from,
      String to,
      String details) {}

  /** Adds events in one batch (an import's), as {@link #addEvent} does one by one. */
  public void addEvents(List<NewEvent> events) {
    jdbc.batchUpdate(
        "insert into case_event (notification_ref, lcspr_id, occurred_at, actor, event,"
            + " from_state, to_state, details) values (?, ?, ?, ?, ?, ?, ?, ?)",
        events.stream()
            .map(
                e ->
                    new Object[] {
                      e.notificationRef(),
                      e.lcsprId(),
                      Timestamp.from(e.at()),
                      e.actor(),
                      e.event(),
                      e.from(),
                      e.to(),
                      e.details()
                    })
            .toList());
  }

  /**
   * A case's events: the notification's own and those of every LCSPR covering it, in order. (Two
   * branches, each on its index: one condition "this notification's or its LCSPRs'" read every
   * event of every case on each case page.)
   */
  public List<CaseEvent> eventsOf(String notificationRef) {
    return jdbc.query(
        "select e.occurred_at, e.actor, e.event, e.from_state, e.to_state, e.details,"
            + " l.lcspr_ref from (select * from case_event where notification_ref = ?"
            + " union all select c.* from case_event c"
            + " join lcspr_notification ln on ln.lcspr_id = c.lcspr_id"
            + " where ln.notification_ref = ? and c.notification_ref is distinct from ?) e"
            + " left join lcspr l on l.id = e.lcspr_id"
            + " order by e.occurred_at, e.id",
        (rs, i) ->
            new CaseEvent(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7)),
        notificationRef,
        notificationRef,
        notificationRef);
  }

  // Timeliness policy periods

  public List<TimelinessPolicyPeriod> policyPeriods() {
    return jdbc.query(
        "select id, name, notified_from, notified_to, target_working_days, authorised_extension"
            + " from timeliness_policy_period order by notified_from, id",
        (rs, i) ->
            new TimelinessPolicyPeriod(
                rs.getLong(1),
                rs.getString(2),
                rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class),
                rs.getInt(5),
                rs.getBoolean(6)));
  }

  public long insertPolicyPeriod(TimelinessPolicyPeriod p) {
    Long id =
        jdbc.queryForObject(
            "insert into timeliness_policy_period (name, notified_from, notified_to,"
                + " target_working_days, authorised_extension) values (?, ?, ?, ?, ?)"
                + " returning id",
            Long.class,
            p.name(),
            date(p.notifiedFrom()),
            date(p.notifiedTo()),
            p.targetWorkingDays(),
            p.authorisedExtension());
    return id == null ? 0 : id;
  }

  public int deletePolicyPeriod(long id) {
    return jdbc.update("delete from timeliness_policy_period where id = ?", id);
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static List<String> strings(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
