package uk.gov.observatory.notification.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.observatory.access.Interest;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationQuery;
import uk.gov.observatory.notification.ReviewStatus;
import uk.gov.observatory.protection.IdentifyingDetails;
import uk.gov.observatory.protection.Sealed;

/** The notification and child tables. Only the register uses it. */
@Repository
public class NotificationRepository {

  private static final String COLUMNS =
      "n.id, n.notification_ref, n.la_code, n.incident_date, n.aware_date, n.notified_date,"
          + " n.notification_type, n.death_category, n.harm_category, n.imd_decile,"
          + " n.case_characteristics, n.domestic_abuse_pattern, n.csc_involvement, n.court_order,"
          + " n.living_arrangement, n.covid_factors";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final IdentifyingDetails identifying;
  private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
  private final Set<Integer> preparedYears = ConcurrentHashMap.newKeySet();

  public NotificationRepository(
      JdbcTemplate jdbc,
      IdentifyingDetails identifying,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction =
        new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.identifying = identifying;
  }

  private static final String INSERT_NOTIFICATIONS =
      "insert into notification (notification_ref, la_code, incident_date, aware_date,"
          + " notified_date, notification_type, death_category, harm_category, imd_decile,"
          + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
          + " living_arrangement, covid_factors, recorded_at) values ";

  /** One notification's values in {@link #INSERT_NOTIFICATIONS}, as {@link #notificationRow}. */
  private static final String NOTIFICATION_VALUES =
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?::text[], ?)";

  private static final String INSERT_NOTIFICATION =
      INSERT_NOTIFICATIONS + NOTIFICATION_VALUES + " returning id";

  private static final String INSERT_CHILD =
      "insert into child (notification_id, child_seq, gender, age_years, ethnicity,"
          + " child_name_sealed, date_of_birth_sealed)";

  /** Stores notifications and their children (in the caller's transaction). */
  public void insert(List<Notification> notifications, Instant recordedAt) {
    Timestamp at = Timestamp.from(recordedAt);
    Map<String, Long> ids = new HashMap<>();
    for (Notification n : notifications) {
      ids.put(
          n.ref(), jdbc.queryForObject(INSERT_NOTIFICATION, Long.class, notificationRow(n, at)));
    }
    List<Object[]> childRows = new ArrayList<>();
    for (Notification n : notifications) {
      for (Notification.Child c : n.children()) {
        childRows.add(ChildColumns.row(identifying, ids.get(n.ref()), c));
      }
    }
    jdbc.batchUpdate(INSERT_CHILD + " values (?, ?, ?, ?, ?, ?, ?)", childRows);
  }

  /**
   * Stores new notifications sent at the same moment, with their children, in one statement (in the
   * caller's transaction): each notification's insert gives its id to its children's, matched by
   * reference.
   */
  public void insertNew(List<Notification> notifications, Instant recordedAt) {
    Timestamp at = Timestamp.from(recordedAt);
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("with n as (").append(INSERT_NOTIFICATIONS);
    for (int i = 0; i < notifications.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(NOTIFICATION_VALUES);
      args.addAll(Arrays.asList(notificationRow(notifications.get(i), at)));
    }
    sql.append(" returning id, notification_ref)");
    StringBuilder children = new StringBuilder();
    for (Notification n : notifications) {
      for (Notification.Child c : n.children()) {
        children
            .append(children.isEmpty() ? "" : ", ")
            .append("(?::text, ?::int, ?::text, ?::int, ?::text, ?::text, ?::text)");
        args.addAll(Arrays.asList(ChildColumns.row(identifying, n.ref(), c)));
      }
    }
    if (children.isEmpty()) {
      jdbc.queryForObject(
          sql.append(" select count(*) from n").toString(), Long.class, args.toArray());
      return;
    }
    sql.append(" ")
        .append(INSERT_CHILD)
        .append(" select n.id, c.child_seq, c.gender, c.age_years, c.ethnicity, c.name, c.dob")
        .append(" from n join (values ")
        .append(children)
        .append(") c (ref, child_seq, gender, age_years, ethnicity, name, dob)")
        .append(" on c.ref = n.notification_ref");
    jdbc.update(sql.toString(), args.toArray());
  }

  /**
   * Stores one new notification and its children in one statement (in the caller's transaction).
   */
  public void insertNew(Notification n, Instant recordedAt) {
    insertNew(List.of(n), recordedAt);
  }

  private static Object[] notificationRow(Notification n, Timestamp at) {
    return new Object[] {
      n.ref(),
      n.laCode(),
      Date.valueOf(n.incidentDate()),
      Date.valueOf(n.awareDate()),
      Date.valueOf(n.notifiedDate()),
      n.notificationType(),
      n.deathCategory(),
      n.harmCategory(),
      n.imdDecile(),
      arrayLiteral(n.caseCharacteristics()),
      n.domesticAbusePattern(),
      n.cscInvolvement(),
      n.courtOrder(),
      n.livingArrangement(),
      arrayLiteral(n.covidFactors()),
      at
    };
  }

  /** Removes notifications (and their children) by reference; returns how many went. */
  public int deleteByRefs(Collection<String> refs) {
    List<String> all = new ArrayList<>(refs);
    int deleted = 0;
    for (int i = 0; i < all.size(); i += 1000) {
      deleted +=
          named.update(
              "delete from notification where notification_ref in (:refs)",
              new MapSqlParameterSource("refs", all.subList(i, Math.min(all.size(), i + 1000))));
    }
    return deleted;
  }

  /** Which of these references the register already holds. */
  public List<String> existingRefs(Collection<String> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    List<String> all = new ArrayList<>(refs);
    for (int i = 0; i < all.size(); i += 1000) {
      found.addAll(
          named.queryForList(
              "select notification_ref from notification where notification_ref in (:refs)",
              new MapSqlParameterSource("refs", all.subList(i, Math.min(all.size(), i + 1000))),
              String.class));
    }
    return found;
  }

  /**
   * Makes sure a year's reference sequence exists, in a short transaction of its own: so the
   * notifying transaction does not create it and, until it commits, make every other notification
   * of that year wait for its catalog entry. Once a year is prepared this instance does not ask
   * again (a sequence that went missing since is made again by {@link #takeRef}, in the notifying
   * transaction).
   */
  public void prepareRefYear(int year) {
    if (preparedYears.contains(year)) {
      return;
    }
    ownTransaction.executeWithoutResult(
        status -> jdbc.query("select notification_ref_year(?)", rs -> {}, year));
    preparedYears.add(year);
  }

  /**
   * Forgets which years this instance prepared: for the tests, whose emptying of the register drops
   * every year's sequence (nothing else does).
   */
  public void forgetPreparedYears() {
    preparedYears.clear();
  }

  /**
   * A new SIN-YYYY-NNNNN reference of {@code year} that no notification holds, from that year's
   * sequence (migrations V24, V31): it never waits for another notification's transaction, and a
   * number taken by one that then fails or rolls back is not given again, so a year's numbers can
   * have gaps.
   */
  public String takeRef(int year) {
    return takeRefs(List.of(year)).get(0);
  }

  /**
   * New references for notifications sent at the same moment, one for each year given, in that
   * order: as {@link #takeRef}, in one statement.
   */
  public List<String> takeRefs(List<Integer> years) {
    List<String> refs =
        jdbc.queryForList(
            "select notification_ref_take(y) from unnest(?::int[]) with ordinality as u (y, k)"
                + " order by k",
            String.class,
            "{" + String.join(",", years.stream().map(String::valueOf).toList()) + "}");
    if (refs.size() != years.size() || refs.contains(null)) {
      throw new IllegalStateException("no references for " + years);
    }
    return refs;
  }

  public Optional<Notification> findByRef(String ref) {
    return findByRef(ref, true);
  }

  /**
   * A notification by reference; its children's names and dates of birth opened only when {@code
   * open} (each opening is a decryption: a page that shows none need not pay for them).
   */
  public Optional<Notification> findByRef(String ref, boolean open) {
    List<Row> rows =
        jdbc.query(
            "select " + COLUMNS + " from notification n where n.notification_ref = ?",
            this::row,
            ref);
    return withChildren(rows, open).stream().findFirst();
  }

  public long count(NotificationQuery q) {
    return count(q, null, List.of());
  }

  /**
   * The count within {@code scope} (the local authorities reached: null for all, never empty), less
   * the cases a viewer is withdrawn from.
   */
  public long count(NotificationQuery q, Collection<String> scope, List<Interest> withdrawn) {
    return count(q, scope, withdrawn, null);
  }

  /** {@link #count}, of the notifications whose review status is {@code reviewStatus} (or any). */
  public long count(
      NotificationQuery q,
      Collection<String> scope,
      List<Interest> withdrawn,
      ReviewStatus reviewStatus) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    Long n =
        named.queryForObject(
            "select count(*) from notification n" + where(q, scope, withdrawn, reviewStatus, p),
            p,
            Long.class);
    return n == null ? 0 : n;
  }

  /**
   * The review status of each notification named (see {@link ReviewStatus}): read through this
   * module's view for a few notifications (V33), which the review module fills in.
   */
  public Map<String, ReviewStatus> reviewStatuses(Collection<String> refs) {
    Map<String, ReviewStatus> out = new java.util.HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    named.query(
        "select s.notification_ref, s.review_status from notification_review_status_of_few s"
            + " where s.notification_ref in (:refs)",
        new MapSqlParameterSource("refs", refs),
        rs -> {
          ReviewStatus status = ReviewStatus.of(rs.getString(2));
          if (status != null) {
            out.put(rs.getString(1), status);
          }
        });
    return out;
  }

  public List<Notification> search(NotificationQuery q) {
    return search(q, null, List.of());
  }

  /** A page within {@code scope}, less withdrawn cases: see {@link #count}. */
  public List<Notification> search(
      NotificationQuery q, Collection<String> scope, List<Interest> withdrawn) {
    return search(q, scope, withdrawn, null);
  }

  /**
   * {@link #search}, of the notifications whose review status is {@code reviewStatus} (or any):
   * without the children's names and dates of birth (lists never show them, so none is decrypted).
   */
  public List<Notification> search(
      NotificationQuery q,
      Collection<String> scope,
      List<Interest> withdrawn,
      ReviewStatus reviewStatus) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String order = q.descending() ? " desc" : " asc";
    String sql =
        "select "
            + COLUMNS
            + " from notification n"
            + where(q, scope, withdrawn, reviewStatus, p)
            + " order by n."
            + q.sort().field()
            + order
            + ", n.notification_ref"
            + order
            + " limit :limit offset :offset";
    p.addValue("limit", q.size()).addValue("offset", q.offset());
    return withChildren(named.query(sql, p, this::row), false);
  }

  /**
   * Every notification with an incident date in [from, to] (and of one local authority when {@code
   * laCode} is given), within {@code scope} less withdrawn cases, in reference order, in batches.
   */
  public void forEachIncidentBetween(
      LocalDate from,
      LocalDate to,
      String laCode,
      Collection<String> scope,
      List<Interest> withdrawn,
      int batchSize,
      Consumer<Notification> each) {
    String after = "";
    while (true) {
      MapSqlParameterSource p = new MapSqlParameterSource();
      List<String> clauses =
          uk.gov.observatory.notification.NotificationScope.clauses(scope, withdrawn, p);
      clauses.add("n.incident_date between :from and :to");
      clauses.add("n.notification_ref > :after");
      p.addValue("from", Date.valueOf(from)).addValue("to", Date.valueOf(to));
      p.addValue("after", after).addValue("limit", batchSize);
      if (laCode != null) {
        clauses.add("n.la_code = :la");
        p.addValue("la", laCode);
      }
      List<Row> rows =
          named.query(
              "select "
                  + COLUMNS
                  + " from notification n where "
                  + String.join(" and ", clauses)
                  + " order by n.notification_ref limit :limit",
              p,
              this::row);
      if (rows.isEmpty()) {
        return;
      }
      withChildren(rows, false).forEach(each);
      after = rows.get(rows.size() - 1).notification.ref();
    }
  }

  /** Every notification, ordered by reference, in batches (for export). */
  public void forEachOrderedByRef(int batchSize, Consumer<Notification> each) {
    String after = "";
    while (true) {
      List<Row> rows =
          jdbc.query(
              "select "
                  + COLUMNS
                  + " from notification n where n.notification_ref > ?"
                  + " order by n.notification_ref limit ?",
              this::row,
              after,
              batchSize);
      if (rows.isEmpty()) {
        return;
      }
      withChildren(rows).forEach(each);
      after = rows.get(rows.size() - 1).notification.ref();
    }
  }

  /**
   * Every child's name and date of birth, opened in memory, in batches (for screening text that is
   * to be published; see NotificationRegister#screenIdentifyingDetails).
   */
  public void forEachChildIdentity(java.util.function.BiConsumer<String, LocalDate> each) {
    long afterId = Long.MIN_VALUE;
    int afterSeq = Integer.MIN_VALUE;
    while (true) {
      List<Object[]> rows =
          jdbc.query(
              "select notification_id, child_seq, child_name_sealed, date_of_birth_sealed from child"
                  + " where (child_name_sealed is not null or date_of_birth_sealed is not null)"
                  + " and (notification_id, child_seq) > (?, ?)"
                  + " order by notification_id, child_seq limit 2000",
              (rs, i) ->
                  new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)},
              afterId,
              afterSeq);
      if (rows.isEmpty()) {
        return;
      }
      for (Object[] r : rows) {
        each.accept(
            ChildColumns.openName(identifying, (String) r[2]),
            ChildColumns.openDateOfBirth(identifying, (String) r[3]));
      }
      Object[] last = rows.get(rows.size() - 1);
      afterId = (Long) last[0];
      afterSeq = (Integer) last[1];
    }
  }

  /**
   * The names and dates of birth of the children of the notifications {@code refs}, opened in
   * memory (for screening text about those notifications that is to be published).
   */
  public void forEachChildIdentityOf(
      List<String> refs, java.util.function.BiConsumer<String, LocalDate> each) {
    for (int i = 0; i < refs.size(); i += 500) {
      List<String> chunk = refs.subList(i, Math.min(refs.size(), i + 500));
      List<String[]> rows =
          jdbc.query(
              "select c.child_name_sealed, c.date_of_birth_sealed from child c"
                  + " join notification n on n.id = c.notification_id"
                  + " where n.notification_ref = any (?)"
                  + " and (c.child_name_sealed is not null or c.date_of_birth_sealed is not null)"
                  + " order by c.notification_id, c.child_seq",
              (rs, r) -> new String[] {rs.getString(1), rs.getString(2)},
              (Object) chunk.toArray(String[]::new));
      for (String[] r : rows) {
        each.accept(
            ChildColumns.openName(identifying, r[0]),
            ChildColumns.openDateOfBirth(identifying, r[1]));
      }
    }
  }

  public long countAll() {
    Long n = jdbc.queryForObject("select count(*) from notification", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Seals again, under the current key, every child's name and date of birth sealed under another
   * key (in the caller's transaction, which should be one for the whole table); returns how many
   * values changed.
   */
  public int resealIdentifyingDetails() {
    // No other writer may add values under an old key while this runs.
    jdbc.execute("lock table child in share row exclusive mode");
    String current = identifying.currentKeyId();
    int resealed = 0;
    long afterId = Long.MIN_VALUE;
    int afterSeq = Integer.MIN_VALUE;
    while (true) {
      List<Object[]> rows =
          jdbc.query(
              "select notification_id, child_seq, child_name_sealed, date_of_birth_sealed from child"
                  + " where (child_name_sealed is not null or date_of_birth_sealed is not null)"
                  + " and (notification_id, child_seq) > (?, ?)"
                  + " order by notification_id, child_seq limit 1000",
              (rs, i) ->
                  new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)},
              afterId,
              afterSeq);
      if (rows.isEmpty()) {
        return resealed;
      }
      List<Object[]> updates = new ArrayList<>();
      for (Object[] r : rows) {
        String name = (String) r[2];
        String dob = (String) r[3];
        String newName = name;
        String newDob = dob;
        boolean changed = false;
        if (name != null && !Sealed.parse(name).keyId().equals(current)) {
          newName = identifying.reseal(ChildColumns.NAME, Sealed.parse(name)).text();
          resealed++;
          changed = true;
        }
        if (dob != null && !Sealed.parse(dob).keyId().equals(current)) {
          newDob = identifying.reseal(ChildColumns.DATE_OF_BIRTH, Sealed.parse(dob)).text();
          resealed++;
          changed = true;
        }
        if (changed) {
          updates.add(new Object[] {newName, newDob, r[0], r[1]});
        }
      }
      jdbc.batchUpdate(
          "update child set child_name_sealed = ?, date_of_birth_sealed = ?"
              + " where notification_id = ? and child_seq = ?",
          updates);
      Object[] last = rows.get(rows.size() - 1);
      afterId = (Long) last[0];
      afterSeq = (Integer) last[1];
    }
  }

  private static String where(
      NotificationQuery q,
      Collection<String> scope,
      List<Interest> withdrawn,
      ReviewStatus reviewStatus,
      MapSqlParameterSource p) {
    List<String> clauses =
        uk.gov.observatory.notification.NotificationScope.clauses(scope, withdrawn, p);
    if (reviewStatus != null) {
      clauses.add(
          "exists (select 1 from notification_review_status s"
              + " where s.notification_ref = n.notification_ref and s.review_status = :review)");
      p.addValue("review", reviewStatus.name());
    }
    if (!q.laCodes().isEmpty()) {
      clauses.add("n.la_code in (:la)");
      p.addValue("la", q.laCodes());
    }
    if (q.notificationType() != null) {
      clauses.add("n.notification_type = :type");
      p.addValue("type", q.notificationType());
    }
    if (q.notifiedFrom() != null) {
      clauses.add("n.notified_date >= :from");
      p.addValue("from", Date.valueOf(q.notifiedFrom()));
    }
    if (q.notifiedTo() != null) {
      clauses.add("n.notified_date <= :to");
      p.addValue("to", Date.valueOf(q.notifiedTo()));
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  private record Row(long id, Notification notification) {}

  private Row row(ResultSet rs, int i) throws SQLException {
    int imd = rs.getInt("imd_decile");
    Integer imdDecile = rs.wasNull() ? null : imd;
    return new Row(
        rs.getLong("id"),
        new Notification(
            rs.getString("notification_ref"),
            rs.getString("la_code"),
            rs.getObject("incident_date", LocalDate.class),
            rs.getObject("aware_date", LocalDate.class),
            rs.getObject("notified_date", LocalDate.class),
            rs.getString("notification_type"),
            rs.getString("death_category"),
            rs.getString("harm_category"),
            imdDecile,
            strings(rs.getArray("case_characteristics")),
            rs.getString("domestic_abuse_pattern"),
            rs.getString("csc_involvement"),
            rs.getString("court_order"),
            rs.getString("living_arrangement"),
            strings(rs.getArray("covid_factors")),
            List.of()));
  }

  private List<Notification> withChildren(List<Row> rows) {
    return withChildren(rows, true);
  }

  /** The notifications with their children; names and dates of birth opened only if asked. */
  private List<Notification> withChildren(List<Row> rows, boolean open) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Notification.Child>> children = new LinkedHashMap<>();
    rows.forEach(r -> children.put(r.id(), new ArrayList<>()));
    named.query(
        "select notification_id, child_seq, gender, age_years, ethnicity, child_name_sealed,"
            + " date_of_birth_sealed from child where notification_id in (:ids) order by notification_id, child_seq",
        new MapSqlParameterSource("ids", children.keySet()),
        rs -> {
          children
              .get(rs.getLong("notification_id"))
              .add(
                  new Notification.Child(
                      rs.getInt("child_seq"),
                      rs.getString("gender"),
                      rs.getInt("age_years"),
                      rs.getString("ethnicity"),
                      open
                          ? ChildColumns.openName(
                              this.identifying, rs.getString("child_name_sealed"))
                          : null,
                      open
                          ? ChildColumns.openDateOfBirth(
                              this.identifying, rs.getString("date_of_birth_sealed"))
                          : null));
        });
    List<Notification> out = new ArrayList<>();
    for (Row r : rows) {
      Notification n = r.notification();
      out.add(
          new Notification(
              n.ref(),
              n.laCode(),
              n.incidentDate(),
              n.awareDate(),
              n.notifiedDate(),
              n.notificationType(),
              n.deathCategory(),
              n.harmCategory(),
              n.imdDecile(),
              n.caseCharacteristics(),
              n.domesticAbusePattern(),
              n.cscInvolvement(),
              n.courtOrder(),
              n.livingArrangement(),
              n.covidFactors(),
              children.get(r.id())));
    }
    return out;
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((String[]) array.getArray());
  }

  /** A PostgreSQL text[] literal; codes are upper-case identifiers, so no quoting is needed. */
  private static String arrayLiteral(List<String> codes) {
    return "{" + String.join(",", codes) + "}";
  }
}
