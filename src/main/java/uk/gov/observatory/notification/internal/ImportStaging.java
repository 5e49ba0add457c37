package uk.gov.observatory.notification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationCsv;
import uk.gov.observatory.protection.IdentifyingDetails;
import uk.gov.observatory.protection.Sealed;

/**
 * The staging tables of an import of notifications.csv and children.csv: temporary tables of the
 * import's own transaction (gone at its end, seen by no one else), filled with COPY as the files
 * are read, so that neither file is ever held in memory whole. The rows are staged as the files
 * give them ({@code import_notification_raw}, {@code import_child_raw}; children's names and dates
 * of birth sealed before they reach the database), checked across rows in SQL (repeated references,
 * children without a notification, references the register holds), read back a page at a time to be
 * checked by the rules, and those that pass staged again in the register's form ({@code
 * import_notification}, {@code import_child}) to be moved into the register by two statements.
 */
@Component
public class ImportStaging {

  /** Associated data of a raw name or date of birth sealed in staging (never the child table's). */
  private static final String RAW_NAME = "import.child_name";

  private static final String RAW_DATE_OF_BIRTH = "import.date_of_birth";

  /** The raw columns of notifications.csv, in the staging table's order: the file's columns. */
  public static final List<String> NOTIFICATION_COLUMNS = NotificationCsv.NOTIFICATION_COLUMNS;

  /** The raw columns of children.csv (the last two sealed), in the staging table's order. */
  public static final List<String> CHILD_COLUMNS =
      List.of("child_seq", "gender", "age_years", "ethnicity", "child_name", "date_of_birth");

  private final JdbcTemplate jdbc;
  private final IdentifyingDetails identifying;

  public ImportStaging(JdbcTemplate jdbc, IdentifyingDetails identifying) {
    this.jdbc = jdbc;
    this.identifying = identifying;
  }

  /** Makes the four staging tables afresh; in the caller's transaction, which must be one. */
  public void create() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("an import is staged inside one transaction");
    }
    StringBuilder raw = new StringBuilder();
    for (String c : NOTIFICATION_COLUMNS) {
      raw.append(", ").append(c).append(" text");
    }
    jdbc.execute(
        "drop table if exists import_notification_raw, import_child_raw, import_notification,"
            + " import_child");
    jdbc.execute(
        "create temporary table import_notification_raw (line bigint primary key, ref text"
            + raw
            + ") on commit drop");
    jdbc.execute(
        "create temporary table import_child_raw (line bigint primary key, ref text, child_seq"
            + " text, gender text, age_years text, ethnicity text, child_name text, date_of_birth"
            + " text) on commit drop");
    jdbc.execute(
        "create temporary table import_notification (line bigint primary key, ref text not null,"
            + " la_code text, incident_date date, aware_date date, notified_date date,"
            + " notification_type text, death_category text, harm_category text, imd_decile"
            + " integer, case_characteristics text[], domestic_abuse_pattern text, csc_involvement"
            + " text, court_order text, living_arrangement text, covid_factors text[])"
            + " on commit drop");
    jdbc.execute(
        "create temporary table import_child (ref text not null, child_seq integer, gender text,"
            + " age_years integer, ethnicity text, child_name_sealed text, date_of_birth_sealed"
            + " text) on commit drop");
  }

  /** A COPY into {@code import_notification_raw}: line, trimmed reference, the raw values. */
  public Copy rawNotifications() {
    return new Copy(
        "copy import_notification_raw (line, ref, "
            + String.join(", ", NOTIFICATION_COLUMNS)
            + ") from stdin");
  }

  /** A COPY into {@code import_child_raw}; add rows with {@link #addRawChild}. */
  public Copy rawChildren() {
    return new Copy(
        "copy import_child_raw (line, ref, " + String.join(", ", CHILD_COLUMNS) + ") from stdin");
  }

  /** A row of children.csv, its name and date of birth sealed before they leave the JVM. */
  public void addRawChild(Copy copy, long line, String ref, Map<String, String> values) {
    Object[] row = new Object[2 + CHILD_COLUMNS.size()];
    row[0] = line;
    row[1] = ref;
    for (int i = 0; i < 4; i++) {
      row[2 + i] = values.get(CHILD_COLUMNS.get(i));
    }
    String name = values.get("child_name");
    String dob = values.get("date_of_birth");
    row[6] = name == null ? null : identifying.seal(RAW_NAME, name).text();
    row[7] = dob == null ? null : identifying.seal(RAW_DATE_OF_BIRTH, dob).text();
    copy.add(row);
  }

  /** Indexes the raw tables for the checks and the pages; after their COPY. */
  public void indexRaw() {
    jdbc.execute("create index on import_notification_raw (ref)");
    jdbc.execute("create index on import_child_raw (ref, line)");
    jdbc.execute("analyze import_notification_raw");
    jdbc.execute("analyze import_child_raw");
  }

  /** A row of a problem found in SQL: its line, reference, and another line it names. */
  public record Found(long line, String ref, long other) {}

  /**
   * Rows of notifications.csv whose reference is on an earlier row too, with that row's line, in
   * file order; at most {@code limit}.
   */
  public List<Found> repeatedRefs(int limit) {
    return jdbc.query(
        "select line, ref, first from (select line, ref, min(line) over (partition by ref) first"
            + " from import_notification_raw where ref is not null) r where line <> first"
            + " order by line limit ?",
        (rs, i) -> new Found(rs.getLong(1), rs.getString(2), rs.getLong(3)),
        limit);
  }

  /** Rows of children.csv whose reference no row of notifications.csv has; at most limit. */
  public List<Found> childrenWithoutNotification(int limit) {
    return jdbc.query(
        "select c.line, c.ref from import_child_raw c where c.ref is not null and not exists"
            + " (select 1 from import_notification_raw n where n.ref = c.ref) order by c.line"
            + " limit ?",
        (rs, i) -> new Found(rs.getLong(1), rs.getString(2), 0),
        limit);
  }

  /** Rows of notifications.csv whose reference the register holds, in file order; at most limit. */
  public List<Found> refsHeld(int limit) {
    return jdbc.query(
        "select s.line, s.ref from import_notification_raw s where exists (select 1 from"
            + " notification n where n.notification_ref = s.ref) order by s.line limit ?",
        (rs, i) -> new Found(rs.getLong(1), rs.getString(2), 0),
        limit);
  }

  /** How many rows {@link #refsHeld} would give without a limit. */
  public long countRefsHeld() {
    Long n =
        jdbc.queryForObject(
            "select count(*) from import_notification_raw s where exists (select 1 from"
                + " notification n where n.notification_ref = s.ref)",
            Long.class);
    return n == null ? 0 : n;
  }

  /** A staged row of notifications.csv with the rows of children.csv of its reference. */
  public record RawNotification(long line, Map<String, String> values, List<RawChild> children) {}

  /** A staged row of children.csv, its name and date of birth opened again. */
  public record RawChild(long line, Map<String, String> values) {}

  /**
   * The staged rows of notifications.csv after line {@code after}, at most {@code size}, in file
   * order, each with its children in file order.
   */
  public List<RawNotification> page(long after, int size) {
    List<RawNotification> rows = new ArrayList<>();
    Map<String, List<RawChild>> byRef = new HashMap<>();
    jdbc.query(
        "select line, ref, "
            + String.join(", ", NOTIFICATION_COLUMNS)
            + " from import_notification_raw where line > ? order by line limit ?",
        rs -> {
          Map<String, String> values = new LinkedHashMap<>();
          for (String c : NOTIFICATION_COLUMNS) {
            values.put(c, rs.getString(c));
          }
          String ref = rs.getString("ref");
          List<RawChild> kids =
              ref == null ? new ArrayList<>() : byRef.computeIfAbsent(ref, k -> new ArrayList<>());
          rows.add(new RawNotification(rs.getLong("line"), values, kids));
        },
        after,
        size);
    if (byRef.isEmpty()) {
      return rows;
    }
    jdbc.query(
        "select line, ref, "
            + String.join(", ", CHILD_COLUMNS)
            + " from import_child_raw where ref = any (?) order by line",
        rs -> {
          Map<String, String> values = new LinkedHashMap<>();
          for (String c : CHILD_COLUMNS) {
            values.put(c, rs.getString(c));
          }
          String name = values.get("child_name");
          String dob = values.get("date_of_birth");
          values.put("child_name", name == null ? null : identifying.open(RAW_NAME, parse(name)));
          values.put(
              "date_of_birth",
              dob == null ? null : identifying.open(RAW_DATE_OF_BIRTH, parse(dob)));
          byRef.get(rs.getString("ref")).add(new RawChild(rs.getLong("line"), values));
        },
        (Object) byRef.keySet().toArray(String[]::new));
    return rows;
  }

  private static Sealed parse(String text) {
    return Sealed.parse(text);
  }

  /** A COPY of notifications that passed every rule into {@code import_notification}. */
  public Copy validNotifications() {
    return new Copy(
        "copy import_notification (line, ref, la_code, incident_date, aware_date, notified_date,"
            + " notification_type, death_category, harm_category, imd_decile,"
            + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
            + " living_arrangement, covid_factors) from stdin");
  }

  /** A COPY of their children into {@code import_child}. */
  public Copy validChildren() {
    return new Copy(
        "copy import_child (ref, child_seq, gender, age_years, ethnicity, child_name_sealed,"
            + " date_of_birth_sealed) from stdin");
  }

  /** Stages a notification that passed every rule (its children's details sealed as stored). */
  public void addValid(Copy notifications, Copy children, long line, Notification n) {
    notifications.add(
        line,
        n.ref(),
        n.laCode(),
        n.incidentDate(),
        n.awareDate(),
        n.notifiedDate(),
        n.notificationType(),
        n.deathCategory(),
        n.harmCategory(),
        n.imdDecile(),
        "{" + String.join(",", n.caseCharacteristics()) + "}",
        n.domesticAbusePattern(),
        n.cscInvolvement(),
        n.courtOrder(),
        n.livingArrangement(),
        "{" + String.join(",", n.covidFactors()) + "}");
    for (Notification.Child c : n.children()) {
      children.add(ChildColumns.row(identifying, n.ref(), c));
    }
  }

  /** The first line of each of these references in notifications.csv (those it has). */
  public Map<String, Long> firstLines(Collection<String> refs) {
    Map<String, Long> lines = new HashMap<>();
    if (refs.isEmpty()) {
      return lines;
    }
    jdbc.query(
        "select ref, min(line) from import_notification_raw where ref = any (?) group by ref",
        rs -> {
          lines.put(rs.getString(1), rs.getLong(2));
        },
        (Object) refs.toArray(String[]::new));
    return lines;
  }

  /** The notified date of each of these references among the notifications that passed. */
  public Map<String, LocalDate> notifiedDates(Collection<String> refs) {
    Map<String, LocalDate> dates = new HashMap<>();
    if (refs.isEmpty()) {
      return dates;
    }
    jdbc.query(
        "select distinct on (ref) ref, notified_date from import_notification where ref = any (?)"
            + " order by ref, line",
        rs -> {
          dates.put(rs.getString(1), rs.getObject(2, LocalDate.class));
        },
        (Object) refs.toArray(String[]::new));
    return dates;
  }

  /** Every reference in notifications.csv, in order, {@code size} at a time. */
  public void forEachRef(int size, Consumer<List<String>> each) {
    String after = "";
    while (true) {
      List<String> refs =
          jdbc.queryForList(
              "select distinct ref from import_notification_raw where ref > ? order by ref limit ?",
              String.class,
              after,
              size);
      if (refs.isEmpty()) {
        return;
      }
      each.accept(refs);
      after = refs.get(refs.size() - 1);
    }
  }

  /** The staged references the register holds (replaced by the move). */
  public List<String> heldRefs() {
    return jdbc.queryForList(
        "select n.notification_ref from notification n where n.notification_ref in"
            + " (select ref from import_notification) order by n.notification_ref",
        String.class);
  }

  /**
   * Moves the staged notifications into the register, removing first those it holds under the same
   * references (with their children, and what else goes with them by foreign key); returns how many
   * notifications and children were stored.
   */
  public long[] move(Instant recordedAt) {
    jdbc.update(
        "delete from notification where notification_ref in (select ref from"
            + " import_notification)");
    int notifications =
        jdbc.update(
            "insert into notification (notification_ref, la_code, incident_date, aware_date,"
                + " notified_date, notification_type, death_category, harm_category, imd_decile,"
                + " case_characteristics, domestic_abuse_pattern, csc_involvement, court_order,"
                + " living_arrangement, covid_factors, recorded_at) select ref, la_code,"
                + " incident_date, aware_date, notified_date, notification_type, death_category,"
                + " harm_category, imd_decile, case_characteristics, domestic_abuse_pattern,"
                + " csc_involvement, court_order, living_arrangement, covid_factors, ? from"
                + " import_notification order by line",
            Timestamp.from(recordedAt));
    int children =
        jdbc.update(
            "insert into child (notification_id, child_seq, gender, age_years, ethnicity,"
                + " child_name_sealed, date_of_birth_sealed) select n.id, c.child_seq, c.gender,"
                + " c.age_years, c.ethnicity, c.child_name_sealed, c.date_of_birth_sealed from"
                + " import_child c join notification n on n.notification_ref = c.ref"
                + " order by n.id, c.child_seq");
    return new long[] {notifications, children};
  }

  /**
   * Rows for one COPY ... FROM STDIN, sent in chunks (each chunk its own COPY, so that other
   * statements may run on the connection between them) in PostgreSQL's text format.
   */
  public final class Copy implements AutoCloseable {
    private static final int CHUNK = 1 << 18;
    private final String sql;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);
    private final StringBuilder row = new StringBuilder(256);
    private long rows;

    private Copy(String sql) {
      this.sql = sql;
    }

    /** One row; null is NULL, a date is ISO, anything else its text. */
    public void add(Object... values) {
      row.setLength(0);
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          row.append('\t');
        }
        Object v = values[i];
        if (v == null) {
          row.append("\\N");
        } else {
          String s = v instanceof Date d ? d.toLocalDate().toString() : v.toString();
          for (int j = 0; j < s.length(); j++) {
            char ch = s.charAt(j);
            switch (ch) {
              case '\\' -> row.append("\\\\");
              case '\n' -> row.append("\\n");
              case '\r' -> row.append("\\r");
              case '\t' -> row.append("\\t");
              // NUL cannot be sent; a value with one is refused as a control character anyway.
              case '\0' -> row.append('\uFFFD');
              default -> row.append(ch);
            }
          }
        }
      }
      row.append('\n');
      byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
      buffer.write(bytes, 0, bytes.length);
      rows++;
      if (buffer.size() >= CHUNK) {
        flush();
      }
    }

    /** Sends what is buffered. */
    public void flush() {
      if (buffer.size() == 0) {
        return;
      }
      DataSource ds = jdbc.getDataSource();
      Connection connection = DataSourceUtils.getConnection(ds);
      try {
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(sql, new ByteArrayInputStream(buffer.toByteArray()));
      } catch (SQLException e) {
        throw new IllegalStateException("the import's staging COPY failed: " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        DataSourceUtils.releaseConnection(connection, ds);
      }
      buffer.reset();
    }

    /** How many rows were added. */
    public long rows() {
      return rows;
    }

    @Override
    public void close() {
      flush();
    }
  }
}
