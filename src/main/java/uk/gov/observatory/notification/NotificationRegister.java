package uk.gov.observatory.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.Actors;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.calendar.StatutoryDeadlines;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.notification.internal.NotificationRepository;

/**
 * The register of serious incident notifications: every read and write of a notification, from the
 * pages, the API and the command line, goes through here (so access rules have one place to live).
 */
@Service
public class NotificationRegister {

  private final NotificationRules rules;
  private final NotificationRepository repository;
  private final StatutoryDeadlines deadlines;
  private final WorkingDayCalendar calendar;
  private final TransactionTemplate tx;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final AuditLog audit;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final GroupCommit groupCommit;

  /** The record type of notifications in the audit log. */
  public static final String AUDIT_RECORD_TYPE = "notification";

  /** An Idempotency-Key's row, refused when the key was already used; each row's values follow. */
  static final String INSERT_IDEMPOTENCY_KEYS =
      "insert into idempotency_key (idempotency_key, request_hash, notification_ref, recorded_at)"
          + " values ";

  public NotificationRegister(
      NotificationRules rules,
      NotificationRepository repository,
      StatutoryDeadlines deadlines,
      WorkingDayCalendar calendar,
      TransactionTemplate tx,
      JdbcTemplate jdbc,
      Clock clock,
      AuditLog audit,
      org.springframework.context.ApplicationEventPublisher events,
      GroupCommit groupCommit) {
    this.events = events;
    this.groupCommit = groupCommit;
    this.rules = rules;
    this.repository = repository;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.tx = tx;
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /** What a notify call did: the notification, and whether it was a retry of an earlier call. */
  public record Notified(Notification notification, boolean replayed) {}

  /**
   * Records a new notification and gives it its reference. Throws {@link
   * InvalidNotificationException} with every broken rule, storing nothing.
   */
  public Notification notify(NotificationSubmission submission) {
    return notify(submission, null, Actors.SYSTEM).notification();
  }

  /**
   * As {@link #notify(NotificationSubmission)}, but a repeated idempotency key returns the first
   * result and stores nothing new. The same key with a different notification is refused.
   */
  public Notified notify(NotificationSubmission submission, String idempotencyKey) {
    return notify(submission, idempotencyKey, Actors.SYSTEM);
  }

  /**
   * As {@link #notify(NotificationSubmission, String)}, audited as done by {@code actor} (a
   * username once accounts exist; see {@link Actors}). The audit entry is written in the same
   * transaction: if it cannot be written, nothing is stored.
   */
  public Notified notify(NotificationSubmission submission, String idempotencyKey, String actor) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      Notification valid = checkNew(submission);
      repository.prepareRefYear(valid.notifiedDate().getYear());
      Optional<Notification> together = together(valid, actor, null, null);
      if (together.isPresent()) {
        return new Notified(together.get(), false);
      }
      return new Notified(tx.execute(status -> store(valid, actor)), false);
    }
    if (idempotencyKey.length() > 200) {
      throw new InvalidNotificationException(
          List.of(Violation.of("Idempotency-Key", null, "is longer than 200 characters")));
    }
    Notification valid = checkNew(submission);
    // The hash of the checked notification, so spacing differences count as the same request.
    String hash = hash(valid);
    repository.prepareRefYear(valid.notifiedDate().getYear());
    Optional<Notification> together = together(valid, actor, idempotencyKey, hash);
    if (together.isPresent()) {
      return new Notified(together.get(), false);
    }
    // The key is not looked up first: a retry is rare, and its key's row, inserted last, refuses
    // it (rolling back the notification it began, whose reference number is then a gap).
    try {
      return tx.execute(
          status -> {
            Notification stored = store(valid, actor);
            jdbc.update(
                INSERT_IDEMPOTENCY_KEYS + "(?, ?, ?, ?)",
                idempotencyKey,
                hash,
                stored.ref(),
                java.sql.Timestamp.from(Instant.now(clock)));
            return new Notified(stored, false);
          });
    } catch (DuplicateKeyException used) {
      // A request with the same key committed first (earlier, or at the same time): answer as it
      // did, or refuse a different notification under that key.
      return replay(idempotencyKey, hash).orElseThrow(() -> used);
    }
  }

  /**
   * Stores a checked notification together with others sent at the same moment ({@link
   * GroupCommit}); empty when it is to be stored alone: when the caller has a transaction of its
   * own (the notification must commit or roll back with it), or when the notifications sent
   * together could not be stored (one of them may be at fault).
   */
  private Optional<Notification> together(
      Notification valid, String actor, String idempotencyKey, String hash) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return Optional.empty();
    }
    return groupCommit.store(valid, actor, idempotencyKey, hash);
  }

  private Notification checkNew(NotificationSubmission submission) {
    if (NotificationRules.trim(submission.notificationRef()) != null) {
      throw new InvalidNotificationException(
          List.of(
              Violation.of(
                  "notification_ref",
                  submission.notificationRef(),
                  "is assigned by the register: leave it out")));
    }
    return rules.check(submission, false).orThrow();
  }

  /** The first answer to a key; a key's row goes with its notification (foreign key cascade). */
  private Optional<Notified> replay(String key, String hash) {
    List<String[]> rows =
        jdbc.query(
            "select request_hash, notification_ref from idempotency_key where idempotency_key = ?",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
            key);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    if (!rows.get(0)[0].equals(hash)) {
      throw new IdempotencyKeyReusedException(key);
    }
    return repository.findByRef(rows.get(0)[1]).map(n -> new Notified(n, true));
  }

  private Notification store(Notification valid, String actor) {
    String ref = repository.takeRef(valid.notifiedDate().getYear());
    Notification withRef = valid.withRef(ref);
    repository.insertNew(withRef, Instant.now(clock));
    audit.record(created(actor, withRef));
    return withRef;
  }

  /** The audit entry of a new notification: created by {@code actor}, with its state. */
  static AuditEvent created(String actor, Notification n) {
    return AuditEvent.of(actor, AuditAction.CREATED, AUDIT_RECORD_TYPE, n.ref())
        .withAfter(auditState(n));
  }

  /**
   * A notification read for a person (its page, or the API's record), audited as viewed by {@code
   * actor}. Empty, and not audited, when there is no such notification.
   */
  public Optional<Notification> view(String ref, String actor) {
    return view(ref, Viewer.system(actor));
  }

  /**
   * A notification as the audit log keeps it: every field except the children's identifying details
   * (name and date of birth), which never go into the audit.
   */
  static String auditState(Notification n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("notification_ref", n.ref());
    m.put("la_code", n.laCode());
    m.put("incident_date", n.incidentDate());
    m.put("aware_date", n.awareDate());
    m.put("notified_date", n.notifiedDate());
    m.put("notification_type", n.notificationType());
    m.put("death_category", n.deathCategory());
    m.put("harm_category", n.harmCategory());
    m.put("imd_decile", n.imdDecile());
    m.put("case_characteristics", n.caseCharacteristics());
    m.put("domestic_abuse_pattern", n.domesticAbusePattern());
    m.put("csc_involvement", n.cscInvolvement());
    m.put("court_order", n.courtOrder());
    m.put("living_arrangement", n.livingArrangement());
    m.put("covid_factors", n.covidFactors());
    List<Map<String, Object>> children = new ArrayList<>();
    for (Notification.Child c : n.children()) {
      Map<String, Object> child = new LinkedHashMap<>();
      child.put("child_seq", c.childSeq());
      child.put("gender", c.gender());
      child.put("age_years", c.ageYears());
      child.put("ethnicity", c.ethnicity());
      children.add(child);
    }
    m.put("children", children);
    return AuditJson.of(m);
  }

  public Optional<Notification> find(String ref) {
    if (ref == null || !NotificationRules.REF.matcher(ref).matches()) {
      return Optional.empty();
    }
    return repository.findByRef(ref);
  }

  /**
   * {@link #find} without the children's names and dates of birth, none of them decrypted: for
   * checks of reach and pages that never show them (a case page asks several times).
   */
  public Optional<Notification> findWithoutIdentifying(String ref) {
    if (ref == null || !NotificationRules.REF.matcher(ref).matches()) {
      return Optional.empty();
    }
    return repository.findByRef(ref, false);
  }

  /**
   * A page of the register as a viewer may see it: only the local authorities they reach (in the
   * query itself, so totals and paging are right), never with identifying details (those are shown
   * one notification at a time, by {@link #showIdentifyingDetails}). Every page and API call uses
   * this; {@link #search(NotificationQuery)} is the system's view.
   */
  public NotificationPage search(NotificationQuery query, Viewer viewer) {
    return search(query, null, viewer);
  }

  /**
   * {@link #search(NotificationQuery, Viewer)}, of the notifications whose review status is {@code
   * reviewStatus} (null: any).
   */
  public NotificationPage search(
      NotificationQuery query, ReviewStatus reviewStatus, Viewer viewer) {
    if (!viewer.everything() && viewer.laCodes().isEmpty()) {
      return new NotificationPage(List.of(), 0, query.page(), query.size());
    }
    var scope = viewer.everything() ? null : viewer.laCodes();
    return withoutIdentifying(
        new NotificationPage(
            repository.search(query, scope, viewer.withdrawals(), reviewStatus),
            repository.count(query, scope, viewer.withdrawals(), reviewStatus),
            query.page(),
            query.size()));
  }

  /** The review status of each notification given (those that have one: all that exist). */
  public java.util.Map<String, ReviewStatus> reviewStatuses(List<Notification> notifications) {
    return repository.reviewStatuses(notifications.stream().map(Notification::ref).toList());
  }

  /**
   * A notification read by a viewer, audited as viewed, without identifying details. Empty when
   * there is no such notification or it is outside the viewer's reach: the two answer alike (404),
   * and both are audited as refused.
   */
  public Optional<Notification> view(String ref, Viewer viewer) {
    return tx.execute(
        status ->
            reached(ref, viewer, false)
                .map(
                    n -> {
                      audit.record(
                          AuditEvent.of(
                              viewer.actor(), AuditAction.VIEWED, AUDIT_RECORD_TYPE, n.ref()));
                      return withoutIdentifying(n);
                    }));
  }

  /**
   * A notification with its children's identifying details (names, dates of birth), for a viewer
   * who asked to see them and may: audited as shown. Empty (and audited as refused) when not found
   * or out of reach; {@link IdentifyingDetailsNotAllowedException} (audited) when within reach but
   * the viewer may not see identifying details.
   */
  public Optional<Notification> showIdentifyingDetails(String ref, Viewer viewer) {
    // The refusal's audit entry must commit, so the exception is thrown after the transaction.
    record Outcome(Optional<Notification> shown, boolean forbidden) {}
    Outcome outcome =
        tx.execute(
            status -> {
              Optional<Notification> found = reached(ref, viewer, true);
              if (found.isEmpty()) {
                return new Outcome(found, false);
              }
              if (!viewer.identifyingDetails()) {
                audit.record(
                    AuditEvent.of(
                            viewer.actor(), AuditAction.ACCESS_REFUSED, AUDIT_RECORD_TYPE, ref)
                        .withDetails("may not see identifying details (answered 403)"));
                return new Outcome(Optional.empty(), true);
              }
              audit.record(
                  AuditEvent.of(
                      viewer.actor(),
                      AuditAction.IDENTIFYING_DETAILS_SHOWN,
                      AUDIT_RECORD_TYPE,
                      ref));
              return new Outcome(found, false);
            });
    if (outcome.forbidden()) {
      throw new IdentifyingDetailsNotAllowedException(ref);
    }
    return outcome.shown();
  }

  /** The notification if the viewer reaches it; otherwise empty, with the refusal audited. */
  /** {@link #find}, within the viewer's reach; identifying details opened only if asked. */
  private Optional<Notification> reached(String ref, Viewer viewer, boolean identifying) {
    Optional<Notification> found =
        (ref == null || !NotificationRules.REF.matcher(ref).matches()
                ? Optional.<Notification>empty()
                : repository.findByRef(ref, identifying))
            .filter(n -> viewer.reaches(n.laCode(), n.incidentDate()));
    if (found.isEmpty()) {
      audit.record(
          AuditEvent.of(
                  viewer.actor(),
                  AuditAction.ACCESS_REFUSED,
                  AUDIT_RECORD_TYPE,
                  ref != null && ref.length() <= 40 ? ref : null)
              .withDetails("no such notification within reach (answered 404)"));
    }
    return found;
  }

  /**
   * A new notification from a viewer, who may notify only for the local authorities they reach
   * (refused as a broken rule on la_code, storing nothing).
   */
  public Notified notify(NotificationSubmission submission, String idempotencyKey, Viewer viewer) {
    String la = NotificationRules.trim(submission.laCode());
    if (la != null && !viewer.reaches(la)) {
      throw new InvalidNotificationException(
          List.of(
              Violation.of(
                  "la_code",
                  la,
                  "is not one of your local authorities: you can notify only for "
                      + String.join(", ", new java.util.TreeSet<>(viewer.laCodes())))));
    }
    return notify(submission, idempotencyKey, viewer.actor());
  }

  /**
   * As {@link #notify(NotificationSubmission, String, Viewer)}, keeping with the notification why
   * it is late (when it is): in the same transaction, so both or neither are stored. The reason is
   * not a field of the data standard and never goes into its CSV export.
   */
  public Notified notifyExplainingLateness(
      NotificationSubmission submission, Viewer viewer, String lateReason) {
    String reason = NotificationRules.trim(lateReason);
    if (reason == null) {
      return notify(submission, null, viewer);
    }
    String la = NotificationRules.trim(submission.laCode());
    if (la != null && !viewer.reaches(la)) {
      return notify(submission, null, viewer); // refused there, as a broken rule on la_code
    }
    Notification valid = checkNew(submission);
    return tx.execute(
        status -> {
          Notification stored = store(valid, viewer.actor());
          jdbc.update(
              "update notification set late_reason = ? where notification_ref = ?",
              reason,
              stored.ref());
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, stored.ref())
                  .withDetails("reason for the late notification recorded"));
          return new Notified(stored, false);
        });
  }

  /** Why the notification was late, as its notifier said; empty when none was given. */
  public Optional<String> lateReason(String ref) {
    return jdbc
        .query(
            "select late_reason from notification where notification_ref = ?",
            (rs, i) -> rs.getString(1),
            ref)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  // ---- amendment ----

  /** The answers of a sent notification an amendment may change, as typed, and why. */
  public record Amendment(
      String incidentDate,
      String awareDate,
      String category,
      String cscInvolvement,
      String courtOrder,
      String livingArrangement,
      String imdDecile,
      String reason) {}

  /** One field an amendment changed: the data standard's name, the value before and after. */
  public record Change(String field, String before, String after) {}

  /** A version made by an amendment (version 1 is the notification as first sent). */
  public record Version(
      int version, Instant amendedAt, String amendedBy, String reason, List<Change> changes) {}

  /** The names of the fields an amendment may change, as a person reads them. */
  public static final Map<String, String> AMENDABLE_LABELS =
      Map.of(
          "incident_date", "Date of the incident",
          "aware_date", "Date the local authority became aware",
          "death_category", "Category of death",
          "harm_category", "Category of harm",
          "csc_involvement", "Children's social care involvement",
          "court_order", "Court order",
          "living_arrangement", "Living arrangement",
          "imd_decile", "IMD decile");

  /** The longest reason for an amendment kept. */
  public static final int MAX_AMENDMENT_REASON = 2000;

  private static Map<String, String> amendable(Notification n) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("incident_date", n.incidentDate().toString());
    m.put("aware_date", n.awareDate().toString());
    m.put("death_category", n.deathCategory());
    m.put("harm_category", n.harmCategory());
    m.put("csc_involvement", n.cscInvolvement());
    m.put("court_order", n.courtOrder());
    m.put("living_arrangement", n.livingArrangement());
    m.put("imd_decile", n.imdDecile() == null ? null : n.imdDecile().toString());
    return m;
  }

  /**
   * Amends a sent notification the viewer reaches and may amend: the new answers checked by every
   * rule, the previous version kept, audited (before and after, with the reason), and {@link
   * NotificationAmended} published, all in one transaction. Empty when there is no such
   * notification within reach; {@link InvalidNotificationException} with every broken rule (a
   * reason is required, and at least one answer must change), storing nothing.
   */
  public Optional<Notification> amend(String ref, Viewer viewer, Amendment a) {
    if (!viewer.can(uk.gov.observatory.access.Permission.AMEND_NOTIFICATION)) {
      return Optional.empty();
    }
    Optional<Notification> found =
        find(ref).filter(n -> viewer.reaches(n.laCode(), n.incidentDate()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Notification n = found.get();
    boolean death = "DEATH".equals(n.notificationType());
    NotificationSubmission s =
        new NotificationSubmission(
            null,
            n.laCode(),
            a.incidentDate(),
            a.awareDate(),
            n.notifiedDate().toString(),
            n.notificationType(),
            death ? a.category() : null,
            death ? null : a.category(),
            a.imdDecile(),
            n.caseCharacteristics(),
            n.domesticAbusePattern(),
            a.cscInvolvement(),
            a.courtOrder(),
            a.livingArrangement(),
            n.covidFactors(),
            n.children().stream()
                .map(
                    c ->
                        new NotificationSubmission.ChildSubmission(
                            null,
                            c.gender(),
                            String.valueOf(c.ageYears()),
                            c.ethnicity(),
                            null,
                            null))
                .toList());
    NotificationRules.Outcome outcome = rules.check(s, false);
    List<Violation> violations = new ArrayList<>(outcome.violations());
    String reason = NotificationRules.trim(a.reason());
    if (reason == null) {
      violations.add(Violation.of("reason", null, "is required: say why the notification changes"));
    } else if (reason.length() > MAX_AMENDMENT_REASON) {
      violations.add(
          Violation.of("reason", null, "is longer than " + MAX_AMENDMENT_REASON + " characters"));
    }
    if (outcome.valid()
        && outcome.notification().incidentDate().isBefore(NotificationRules.NOTIFICATION_DUTY_BEGAN)
        && !outcome.notification().incidentDate().equals(n.incidentDate())) {
      violations.add(
          Violation.of(
              "incident_date",
              a.incidentDate(),
              "must be on or after 29 June 2018, when the duty to notify the Panel began"));
    }
    List<Change> changes = new ArrayList<>();
    if (outcome.valid()) {
      Map<String, String> before = amendable(n);
      Map<String, String> after = amendable(outcome.notification());
      for (String field : before.keySet()) {
        if (!java.util.Objects.equals(before.get(field), after.get(field))) {
          changes.add(new Change(field, before.get(field), after.get(field)));
        }
      }
      if (changes.isEmpty()) {
        violations.add(Violation.of("changes", null, "none: change at least one answer"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidNotificationException(violations);
    }
    Notification checked = outcome.notification();
    Notification amended =
        new Notification(
            n.ref(),
            n.laCode(),
            checked.incidentDate(),
            checked.awareDate(),
            n.notifiedDate(),
            n.notificationType(),
            checked.deathCategory(),
            checked.harmCategory(),
            checked.imdDecile(),
            n.caseCharacteristics(),
            n.domesticAbusePattern(),
            checked.cscInvolvement(),
            checked.courtOrder(),
            checked.livingArrangement(),
            n.covidFactors(),
            n.children());
    Instant now = Instant.now(clock);
    return Optional.of(
        tx.execute(
            status -> {
              Integer last =
                  jdbc.queryForObject(
                      "select coalesce(max(version), 1) from notification_version"
                          + " where notification_ref = ?",
                      Integer.class,
                      ref);
              int version = (last == null ? 1 : last) + 1;
              jdbc.update(
                  "insert into notification_version (notification_ref, version, amended_at,"
                      + " amended_by, reason, before_state, after_state)"
                      + " values (?, ?, ?, ?, ?, ?, ?)",
                  ref,
                  version,
                  java.sql.Timestamp.from(now),
                  viewer.actor(),
                  reason,
                  auditState(n),
                  auditState(amended));
              jdbc.update(
                  "update notification set incident_date = ?, aware_date = ?,"
                      + " death_category = ?, harm_category = ?, csc_involvement = ?,"
                      + " court_order = ?, living_arrangement = ?, imd_decile = ?"
                      + " where notification_ref = ?",
                  java.sql.Date.valueOf(amended.incidentDate()),
                  java.sql.Date.valueOf(amended.awareDate()),
                  amended.deathCategory(),
                  amended.harmCategory(),
                  amended.cscInvolvement(),
                  amended.courtOrder(),
                  amended.livingArrangement(),
                  amended.imdDecile(),
                  ref);
              audit.record(
                  AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, ref)
                      .withBefore(auditState(n))
                      .withAfter(auditState(amended))
                      .withDetails("amended (version " + version + "): " + reason));
              events.publishEvent(
                  new NotificationAmended(
                      ref,
                      n.laCode(),
                      version,
                      viewer.actor(),
                      now,
                      reason,
                      changes.stream().map(Change::field).toList()));
              return withoutIdentifying(amended);
            }));
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readJson(String text) {
    return JSON.readValue(text, Map.class);
  }

  /** The versions amendments made of a notification, the latest first. */
  public List<Version> versions(String ref) {
    return jdbc.query(
        "select version, amended_at, amended_by, reason, before_state, after_state"
            + " from notification_version where notification_ref = ? order by version desc",
        (rs, i) -> {
          List<Change> changes = new ArrayList<>();
          Map<String, Object> before = readJson(rs.getString(5));
          Map<String, Object> after = readJson(rs.getString(6));
          for (String field :
              List.of(
                  "incident_date",
                  "aware_date",
                  "death_category",
                  "harm_category",
                  "csc_involvement",
                  "court_order",
                  "living_arrangement",
                  "imd_decile")) {
            Object b = before.get(field);
            Object a = after.get(field);
            if (!java.util.Objects.equals(b, a)) {
              changes.add(
                  new Change(
                      field, b == null ? null : b.toString(), a == null ? null : a.toString()));
            }
          }
          return new Version(
              rs.getInt(1),
              rs.getTimestamp(2).toInstant(),
              rs.getString(3),
              rs.getString(4),
              changes);
        },
        ref);
  }

  private static NotificationPage withoutIdentifying(NotificationPage page) {
    return new NotificationPage(
        page.items().stream().map(NotificationRegister::withoutIdentifying).toList(),
        page.total(),
        page.page(),
        page.size());
  }

  private static Notification withoutIdentifying(Notification n) {
    return new Notification(
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
        n.children().stream()
            .map(
                c ->
                    new Notification.Child(
                        c.childSeq(), c.gender(), c.ageYears(), c.ethnicity(), null, null))
            .toList());
  }

  public NotificationPage search(NotificationQuery query) {
    return new NotificationPage(
        repository.search(query), repository.count(query), query.page(), query.size());
  }

  /**
   * Every notification a viewer reaches whose incident date is in [from, to] (of one local
   * authority when {@code laCode} is given), without identifying details: what reports count.
   */
  public void forEachIncidentBetween(
      LocalDate from, LocalDate to, String laCode, Viewer viewer, Consumer<Notification> each) {
    if (!viewer.everything() && viewer.laCodes().isEmpty()) {
      return;
    }
    repository.forEachIncidentBetween(
        from,
        to,
        laCode,
        viewer.everything() ? null : viewer.laCodes(),
        viewer.withdrawals(),
        1000,
        n -> each.accept(withoutIdentifying(n)));
  }

  public Timeliness timeliness(Notification n) {
    return new Timeliness(
        calendar.workingDaysBetween(n.awareDate(), n.notifiedDate()),
        deadlines.isLateNotification(n.awareDate(), n.notifiedDate()),
        deadlines.rapidReviewDueDate(n.notifiedDate()));
  }

  /**
   * Stores already-checked notifications in one transaction: all or none. Without {@code replace} a
   * reference the register already holds is refused; with it, the held one is replaced.
   *
   * @return the references that were already held (refused, or replaced with {@code replace})
   */
  public List<String> importAll(
      List<Notification> notifications, boolean replace, ImportProgress progress) {
    return importAll(notifications, replace, progress, Actors.SYSTEM);
  }

  /**
   * As {@link #importAll(List, boolean, ImportProgress)}, audited (one IMPORTED entry with the
   * counts and the replaced references) in the same transaction.
   */
  public List<String> importAll(
      List<Notification> notifications, boolean replace, ImportProgress progress, String actor) {
    return tx.execute(
        status -> {
          List<String> refs = notifications.stream().map(Notification::ref).toList();
          List<String> existing = repository.existingRefs(refs);
          if (!existing.isEmpty() && !replace) {
            status.setRollbackOnly();
            return existing;
          }
          repository.deleteByRefs(existing);
          Instant now = Instant.now(clock);
          for (int i = 0; i < notifications.size(); i += 500) {
            List<Notification> chunk =
                notifications.subList(i, Math.min(notifications.size(), i + 500));
            repository.insert(chunk, now);
            chunk.forEach(n -> progress.step());
          }
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("notifications", notifications.size());
          details.put("children", notifications.stream().mapToInt(n -> n.children().size()).sum());
          details.put("replaced", existing.size());
          details.put("replaced_refs", existing);
          audit.record(
              AuditEvent.of(actor, AuditAction.IMPORTED, AUDIT_RECORD_TYPE, null)
                  .withDetails(AuditJson.of(details)));
          events.publishEvent(new NotificationsImported(notifications.size()));
          return existing;
        });
  }

  /**
   * Every child's name and date of birth in the register, decrypted in memory and handed to {@code
   * each}, to screen text that is about to be published (a learning excerpt) for them. Audited as
   * one entry by the system, naming the purpose and the person it is done for; the details
   * themselves are never logged, shown or returned in any other way.
   *
   * @param purpose what the screening is for, in words (no identifying details)
   * @param forActor the person whose action needs it
   */
  public void screenIdentifyingDetails(
      String purpose, String forActor, Consumer<ChildIdentity> each) {
    audit.record(
        AuditEvent.of(Actors.SYSTEM, AuditAction.VIEWED, AUDIT_RECORD_TYPE, null)
            .withDetails(
                "children's names and dates of birth read in memory (none shown) to screen "
                    + purpose
                    + " for "
                    + forActor));
    repository.forEachChildIdentity((name, dob) -> each.accept(new ChildIdentity(name, dob)));
  }

  /**
   * As {@link #screenIdentifyingDetails(String, String, Consumer)}, but only the children of the
   * notifications {@code refs} (e.g. those an LCSPR's report is about): their names and dates of
   * birth, decrypted in memory and handed to {@code each}. Audited as one entry by the system,
   * naming the purpose, the person and the notifications (never the details). References the
   * register does not hold are skipped.
   */
  public void screenIdentifyingDetails(
      String purpose,
      String forActor,
      java.util.Collection<String> refs,
      Consumer<ChildIdentity> each) {
    List<String> of = refs == null ? List.of() : List.copyOf(new java.util.TreeSet<>(refs));
    audit.record(
        AuditEvent.of(Actors.SYSTEM, AuditAction.VIEWED, AUDIT_RECORD_TYPE, null)
            .withDetails(
                "children's names and dates of birth of "
                    + (of.isEmpty() ? "no notification" : String.join(", ", of))
                    + " read in memory (none shown) to screen "
                    + purpose
                    + " for "
                    + forActor));
    if (!of.isEmpty()) {
      repository.forEachChildIdentityOf(
          of, (name, dob) -> each.accept(new ChildIdentity(name, dob)));
    }
  }

  /** Which of these references the register already holds. */
  public List<String> existingRefs(List<String> refs) {
    return repository.existingRefs(refs);
  }

  public long count() {
    return repository.countAll();
  }

  /** Every notification in reference order (for export). */
  public void forEachNotification(Consumer<Notification> each) {
    repository.forEachOrderedByRef(500, each);
  }

  /**
   * Seals every identifying detail not under the current key again under it, in one transaction;
   * returns how many values were sealed again (for {@code keys rotate}).
   */
  public int resealIdentifyingDetails() {
    Integer n = tx.execute(status -> repository.resealIdentifyingDetails());
    return n == null ? 0 : n;
  }

  /** A digest of every field, identifying details included (toString withholds them). */
  private static String hash(Notification n) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(n.toString().getBytes(StandardCharsets.UTF_8));
      for (Notification.Child c : n.children()) {
        sha.update(
            ("|" + c.childSeq() + "|" + c.childName() + "|" + c.dateOfBirth())
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
