package uk.gov.observatory.learning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.AnnualReportLayout;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.analytics.DisclosureControl;
import uk.gov.observatory.analytics.PublishedReport;
import uk.gov.observatory.analytics.Report;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.Code;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.Recommendation;

/**
 * The quarterly learning briefings (permission LEAD_ANALYSES, the secretariat): one a quarter,
 * drafted with an introduction and learning excerpts picked from the quarter's rapid reviews and
 * LCSPRs, each excerpt approved only after {@link ExcerptScreen} finds no child's name or date of
 * birth from the register in it; then published, which freezes it (its content and PDF are stored,
 * and the database refuses any change). Published briefings are public. Every change is audited;
 * bad input is refused with an {@link InvalidAnalysisException} naming the field, nothing stored.
 */
@Service
public class LearningBriefings {

  public static final String AUDIT_BRIEFING = "learning_briefing";
  public static final String AUDIT_EXCERPT = "learning_excerpt";

  /** The longest introduction and excerpt, in characters. */
  public static final int MAX_TEXT = 5_000;

  /** The analytics tables a briefing shows: headline figures, categories of death and of harm. */
  static final List<String> FIGURES = List.of("H", "T2", "T3");

  private static final Logger log = LoggerFactory.getLogger(LearningBriefings.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Reports reports;
  private final ReferenceData reference;
  private final RapidReviews rapidReviews;
  private final Lcsprs lcsprs;
  private final NotificationRegister register;
  private final ThematicAnalyses analyses;
  private final AuditLog audit;
  private final Clock clock;

  public LearningBriefings(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Reports reports,
      ReferenceData reference,
      RapidReviews rapidReviews,
      Lcsprs lcsprs,
      NotificationRegister register,
      ThematicAnalyses analyses,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.reports = reports;
    this.reference = reference;
    this.rapidReviews = rapidReviews;
    this.lcsprs = lcsprs;
    this.register = register;
    this.analyses = analyses;
    this.audit = audit;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ briefings

  /**
   * Starts the briefing of a quarter (a null argument is one not given): the year from 2000 to this
   * year, the quarter 1 to 4 and started; one briefing a quarter.
   */
  public Briefing create(Integer year, Integer quarter, Viewer viewer) {
    require(viewer, "start a learning briefing");
    List<InvalidAnalysisException.Problem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (year == null) {
      problems.add(problem("year", "Enter the year as 4 numbers, for example 2020"));
    } else if (year < 2000 || year > today.getYear()) {
      problems.add(problem("year", "The year must be from 2000 to " + today.getYear()));
    }
    if (quarter == null || quarter < 1 || quarter > 4) {
      problems.add(problem("quarter", "Choose the quarter"));
    }
    if (problems.isEmpty() && Briefing.from(year, quarter).isAfter(today)) {
      problems.add(
          problem(
              "quarter",
              "The quarter "
                  + Briefing.quarterWords(year, quarter)
                  + " has not started: choose one that has"));
    }
    if (problems.isEmpty() && findQuarter(year, quarter).isPresent()) {
      problems.add(
          problem(
              "quarter",
              "There is already a briefing for "
                  + Briefing.quarterWords(year, quarter)
                  + ": open it from the list"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    Long id =
        tx.execute(
            s -> {
              Long made =
                  jdbc.queryForObject(
                      "insert into learning_briefing (period_year, period_quarter, created_at,"
                          + " created_by) values (?, ?, ?, ?) on conflict do nothing returning id",
                      Long.class,
                      year,
                      quarter,
                      Timestamp.from(clock.instant()),
                      viewer.actor());
              audit.record(
                  AuditEvent.of(
                          viewer.actor(), AuditAction.CREATED, AUDIT_BRIEFING, String.valueOf(made))
                      .withAfter(
                          AuditJson.of(
                              ordered("year", year, "quarter", quarter, "status", "DRAFT"))));
              return made;
            });
    return find(id).orElseThrow();
  }

  /** Every briefing, drafts first, then the published ones, newest quarter first. */
  public List<Briefing> all(Viewer viewer) {
    require(viewer, "read learning briefings");
    return jdbc.query(
        "select * from learning_briefing order by (status = 'DRAFT') desc,"
            + " period_year desc, period_quarter desc",
        LearningBriefings::briefing);
  }

  /** A briefing, draft or published, for the secretariat. */
  public Briefing get(long id, Viewer viewer) {
    require(viewer, "read learning briefings");
    return find(id).orElseThrow(() -> new BriefingNotFoundException(String.valueOf(id)));
  }

  /** The published briefings, newest quarter first (public). */
  public List<Briefing> published() {
    return jdbc.query(
        "select * from learning_briefing where status = 'PUBLISHED'"
            + " order by period_year desc, period_quarter desc",
        LearningBriefings::briefing);
  }

  /** A published briefing by its address ("2020-q2"); a draft is never found this way. */
  public Optional<Briefing> publishedBySlug(String slug) {
    if (slug == null || !slug.matches("[0-9]{4}-q[1-4]")) {
      return Optional.empty();
    }
    int year = Integer.parseInt(slug.substring(0, 4));
    int quarter = slug.charAt(6) - '0';
    return findQuarter(year, quarter).filter(Briefing::isPublished);
  }

  /** Saves a draft's introduction (blank: none). */
  public Briefing introduce(long id, String text, Viewer viewer) {
    require(viewer, "change a learning briefing");
    Briefing b = draft(id);
    String value = text == null ? "" : text.strip();
    if (value.length() > MAX_TEXT) {
      throw new InvalidAnalysisException(
          "introduction",
          String.format(
              Locale.UK,
              "The introduction must be %,d characters or fewer (it has %,d)",
              MAX_TEXT,
              value.length()));
    }
    String stored = value.isEmpty() ? null : value;
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              "update learning_briefing set introduction = ? where id = ? and status = 'DRAFT'",
              stored,
              id);
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_BRIEFING, String.valueOf(id))
                  .withBefore(AuditJson.of(ordered("introduction", b.introduction())))
                  .withAfter(AuditJson.of(ordered("introduction", stored))));
        });
    return find(id).orElseThrow();
  }

  // ------------------------------------------------------------------ excerpts

  /** What the secretariat can take an excerpt from: a rapid review or LCSPR of the quarter. */
  public record Candidate(
      Excerpt.Source source, String ref, LocalDate date, String authority, String text) {}

  /**
   * The rapid reviews received in the briefing's quarter and the LCSPRs completed or published in
   * it that have learning written, whose reference or text contains {@code search} (blank: all),
   * rapid reviews first, each in date order.
   */
  public List<Candidate> candidates(long id, String search, Viewer viewer) {
    require(viewer, "read learning briefings");
    Briefing b = get(id, viewer);
    String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    List<Candidate> out = new ArrayList<>();
    List<String> refs =
        jdbc.queryForList(
            "select notification_ref from published_rapid_review"
                + " where received_date between ? and ? order by received_date, notification_ref",
            String.class,
            b.from(),
            b.to());
    for (String ref : refs) {
      Optional<RapidReview> r = rapidReviews.find(ref, viewer);
      if (r.isEmpty()) {
        continue;
      }
      String text = r.get().content().learningIdentified();
      if (text == null || text.isBlank()) {
        continue;
      }
      Candidate c =
          new Candidate(
              Excerpt.Source.RAPID_REVIEW,
              ref,
              r.get().receivedDate(),
              authorityName(r.get().laCode()),
              text.strip());
      if (matches(c, needle)) {
        out.add(c);
      }
    }
    for (Lcspr l : lcsprs.all(viewer)) {
      LocalDate when =
          within(l.publicationDate(), b)
              ? l.publicationDate()
              : within(l.completedDate(), b) ? l.completedDate() : null;
      String text = lcsprText(l);
      if (when == null || text == null) {
        continue;
      }
      Candidate c = new Candidate(Excerpt.Source.LCSPR, l.ref(), when, null, text);
      if (matches(c, needle)) {
        out.add(c);
      }
    }
    return out;
  }

  /** How many rapid reviews were received in the briefing's quarter (for the search's words). */
  public int reviewsReceived(long id, Viewer viewer) {
    Briefing b = get(id, viewer);
    Integer n =
        jdbc.queryForObject(
            "select count(*) from published_rapid_review where received_date between ? and ?",
            Integer.class,
            b.from(),
            b.to());
    return n == null ? 0 : n;
  }

  /** An LCSPR's learning in words: its recommendations, one a paragraph; else its scope. */
  static String lcsprText(Lcspr l) {
    List<String> parts = new ArrayList<>();
    for (Recommendation r : l.recommendations()) {
      if (r.text() != null && !r.text().isBlank()) {
        parts.add(r.text().strip());
      }
    }
    if (parts.isEmpty() && l.details().scope() != null && !l.details().scope().isBlank()) {
      parts.add(l.details().scope().strip());
    }
    return parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  /**
   * Adds an excerpt to a draft from a rapid review (the notification's reference) or an LCSPR (its
   * reference): its text is {@code text} when given, else the source's learning in full (to edit).
   * Not yet approved.
   */
  public Excerpt addExcerpt(
      long id, Excerpt.Source source, String sourceRef, String text, Viewer viewer) {
    require(viewer, "change a learning briefing");
    draft(id);
    String ref = sourceRef == null ? "" : sourceRef.strip();
    if (source == null) {
      throw new InvalidAnalysisException(
          "source", "Choose where the excerpt is from: a rapid review or an LCSPR");
    }
    String learning;
    if (source == Excerpt.Source.RAPID_REVIEW) {
      Optional<RapidReview> r = ref.isEmpty() ? Optional.empty() : rapidReviews.find(ref, viewer);
      if (r.isEmpty()) {
        throw new InvalidAnalysisException(
            "source-ref",
            "There is no rapid review for notification '" + shortRef(ref) + "' in the register");
      }
      learning = r.get().content().learningIdentified();
    } else {
      Optional<Lcspr> l = ref.isEmpty() ? Optional.empty() : lcsprs.find(ref, viewer);
      if (l.isEmpty()) {
        throw new InvalidAnalysisException(
            "source-ref", "There is no LCSPR '" + shortRef(ref) + "' in the register");
      }
      learning = lcsprText(l.get());
    }
    String body = text == null || text.isBlank() ? learning : text;
    body = body == null ? "" : body.strip();
    if (body.isEmpty()) {
      throw new InvalidAnalysisException(
          "source-ref",
          (source == Excerpt.Source.RAPID_REVIEW
                  ? "The rapid review for notification " + ref + " has no learning identified"
                  : "The LCSPR " + ref + " has no recommendations or scope written")
              + ": there is nothing to take an excerpt from");
    }
    checkLength("text", body);
    String finalBody = body;
    Long made =
        tx.execute(
            s -> {
              Integer position =
                  jdbc.queryForObject(
                      "select coalesce(max(position), 0) + 1 from learning_excerpt"
                          + " where briefing_id = ?",
                      Integer.class,
                      id);
              Long excerpt =
                  jdbc.queryForObject(
                      "insert into learning_excerpt (briefing_id, source_kind, source_ref, text,"
                          + " position, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)"
                          + " returning id",
                      Long.class,
                      id,
                      source.name(),
                      ref,
                      finalBody,
                      position,
                      Timestamp.from(clock.instant()),
                      viewer.actor());
              audit.record(
                  AuditEvent.of(
                          viewer.actor(),
                          AuditAction.CREATED,
                          AUDIT_EXCERPT,
                          String.valueOf(excerpt))
                      .withAfter(
                          AuditJson.of(
                              ordered(
                                  "briefing", id, "source", source.name(), "source_ref", ref))));
              return excerpt;
            });
    return excerpt(made).orElseThrow();
  }

  /** A briefing's excerpts, in order. */
  public List<Excerpt> excerpts(long id, Viewer viewer) {
    require(viewer, "read learning briefings");
    return excerptsOf(id);
  }

  private List<Excerpt> excerptsOf(long id) {
    return jdbc.query(
        "select * from learning_excerpt where briefing_id = ? order by position, id",
        LearningBriefings::excerpt,
        id);
  }

  /** Changes an excerpt's text; an approved excerpt must then be approved again. */
  public Excerpt editExcerpt(long excerptId, String text, Viewer viewer) {
    require(viewer, "change a learning briefing");
    Excerpt e = excerpt(excerptId).orElseThrow(() -> notFound(excerptId));
    draft(e.briefingId());
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new InvalidAnalysisException("text", "Enter the excerpt's text, or remove the excerpt");
    }
    checkLength("text", body);
    if (body.equals(e.text())) {
      return e;
    }
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              "update learning_excerpt set text = ?, approved_at = null, approved_by = null"
                  + " where id = ?",
              body,
              excerptId);
          audit.record(
              AuditEvent.of(
                      viewer.actor(), AuditAction.UPDATED, AUDIT_EXCERPT, String.valueOf(excerptId))
                  .withDetails(
                      AuditJson.of(
                          ordered(
                              "briefing",
                              e.briefingId(),
                              "text_changed",
                              true,
                              "approval_withdrawn",
                              e.approved()))));
        });
    return excerpt(excerptId).orElseThrow();
  }

  /**
   * Approves an excerpt after the check: refused ({@link InvalidAnalysisException} on {@code text})
   * when a child's name or date of birth from the register is in it, saying where but not what.
   */
  public Excerpt approve(long excerptId, Viewer viewer) {
    require(viewer, "approve a learning excerpt");
    Excerpt e = excerpt(excerptId).orElseThrow(() -> notFound(excerptId));
    draft(e.briefingId());
    screen(List.of(e), "learning excerpt " + excerptId, viewer);
    tx.executeWithoutResult(
        s -> {
          jdbc.update(
              "update learning_excerpt set approved_at = ?, approved_by = ? where id = ?"
                  + " and text = ?",
              Timestamp.from(clock.instant()),
              viewer.actor(),
              excerptId,
              e.text());
          audit.record(
              AuditEvent.of(
                      viewer.actor(), AuditAction.UPDATED, AUDIT_EXCERPT, String.valueOf(excerptId))
                  .withDetails(
                      AuditJson.of(
                          ordered(
                              "briefing",
                              e.briefingId(),
                              "approved",
                              true,
                              "check",
                              "no child's name or date of birth from the register found"))));
        });
    return excerpt(excerptId).orElseThrow();
  }

  /** Removes an excerpt from a draft. */
  public void removeExcerpt(long excerptId, Viewer viewer) {
    require(viewer, "change a learning briefing");
    Excerpt e = excerpt(excerptId).orElseThrow(() -> notFound(excerptId));
    draft(e.briefingId());
    tx.executeWithoutResult(
        s -> {
          jdbc.update("delete from learning_excerpt where id = ?", excerptId);
          audit.record(
              AuditEvent.of(
                      viewer.actor(), AuditAction.DELETED, AUDIT_EXCERPT, String.valueOf(excerptId))
                  .withBefore(
                      AuditJson.of(
                          ordered(
                              "briefing",
                              e.briefingId(),
                              "source",
                              e.source().name(),
                              "source_ref",
                              e.sourceRef()))));
        });
  }

  public Optional<Excerpt> excerpt(long excerptId) {
    return jdbc
        .query("select * from learning_excerpt where id = ?", LearningBriefings::excerpt, excerptId)
        .stream()
        .findFirst();
  }

  /**
   * Screens excerpts against every child in the register (decrypted in memory for this check only);
   * refuses on the first excerpt with a finding, naming it by its field ({@code text}, or {@code
   * excerpt-ID} when several are screened).
   */
  private void screen(List<Excerpt> excerpts, String purpose, Viewer viewer) {
    ExcerptScreen screen = new ExcerptScreen();
    register.screenIdentifyingDetails(purpose, viewer.actor(), screen::add);
    List<InvalidAnalysisException.Problem> problems = new ArrayList<>();
    for (Excerpt e : excerpts) {
      List<ExcerptScreen.Finding> found = screen.check(e.text());
      String field = excerpts.size() == 1 ? "text" : "excerpt-" + e.id();
      for (ExcerptScreen.Kind kind : ExcerptScreen.Kind.values()) {
        String message = ExcerptScreen.message(found, kind);
        if (message != null) {
          problems.add(
              problem(
                  field,
                  excerpts.size() == 1 ? message : "Excerpt " + e.position() + ": " + message));
        }
      }
    }
    if (!problems.isEmpty()) {
      audit.record(
          AuditEvent.of(viewer.actor(), AuditAction.ACCESS_REFUSED, AUDIT_EXCERPT, null)
              .withDetails(
                  purpose + ": refused, the check found a child's details (not recorded)"));
      throw new InvalidAnalysisException(problems);
    }
  }

  // ------------------------------------------------------------------ content

  /**
   * A briefing's content: a published one's as frozen; a draft's computed from the register now
   * (figures as at today), with only its approved excerpts.
   */
  public BriefingContent content(Briefing b, Viewer viewer) {
    if (b.isPublished()) {
      return frozen(b);
    }
    require(viewer, "read learning briefings");
    return compute(b, viewer.actor());
  }

  /** A published briefing's content as it was frozen (public). */
  public BriefingContent frozen(Briefing b) {
    String json =
        jdbc.queryForObject(
            "select content_json::text from learning_briefing where id = ? and status = 'PUBLISHED'",
            String.class,
            b.id());
    return JSON.readValue(json, BriefingContent.class);
  }

  /** A published briefing's PDF as frozen (public). */
  public byte[] frozenPdf(Briefing b) {
    return jdbc.queryForObject(
        "select pdf from learning_briefing where id = ? and status = 'PUBLISHED'",
        byte[].class,
        b.id());
  }

  /** The PDF's digest, for caches (published only). */
  public String frozenPdfSha256(Briefing b) {
    return jdbc.queryForObject(
        "select pdf_sha256 from learning_briefing where id = ? and status = 'PUBLISHED'",
        String.class,
        b.id());
  }

  /** A draft's PDF as it would be published now (a preview). */
  public byte[] pdf(Briefing b, Viewer viewer) {
    return render(content(b, viewer));
  }

  BriefingContent compute(Briefing b, String actor) {
    Viewer system = Viewer.system(actor);
    LocalDate today = LocalDate.now(clock);
    LocalDate asAt = today.isAfter(ReportRequest.LATEST) ? ReportRequest.LATEST : today;
    ReportRequest request = new ReportRequest(b.from(), b.to(), asAt, null, null);
    Report controlled = DisclosureControl.apply(reports.report(request, FIGURES, system));
    PublishedReport laid = AnnualReportLayout.lay(controlled, null, "England");
    List<PublishedReport.Table> figures =
        laid.tables().stream().filter(t -> FIGURES.contains(t.id())).toList();

    // The practice themes of the rapid reviews received in the quarter, controlled.
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Code c : reference.codeList(CodeLists.PRACTICE_THEMES).codes()) {
      counts.put(c.code(), 0L);
    }
    jdbc.query(
        "select theme, count(*) from published_rapid_review, unnest(practice_themes) theme"
            + " where received_date between ? and ? group by theme",
        rs -> {
          counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
        },
        b.from(),
        b.to());
    Long received =
        jdbc.queryForObject(
            "select count(*) from published_rapid_review where received_date between ? and ?",
            Long.class,
            b.from(),
            b.to());
    List<Cell> cells = new ArrayList<>();
    counts.forEach((code, n) -> cells.add(new Cell("LB_THEMES", code, "COUNT", String.valueOf(n))));
    Map<String, List<Cell>> tables = new LinkedHashMap<>();
    tables.put("LB_THEMES", cells);
    tables.put(
        "LB_RECEIVED",
        List.of(new Cell("LB_RECEIVED", "RECEIVED", "COUNT", String.valueOf(received))));
    Report themeReport = DisclosureControl.apply(new Report(request, tables));
    List<BriefingContent.Theme> themes = new ArrayList<>();
    for (Cell c : themeReport.tables().get("LB_THEMES")) {
      themes.add(
          new BriefingContent.Theme(
              c.rowCode(),
              reference.codeList(CodeLists.PRACTICE_THEMES).label(c.rowCode()),
              c.value()));
    }
    String reviewsReceived = themeReport.tables().get("LB_RECEIVED").get(0).value();

    List<BriefingContent.AnalysisSummary> published = new ArrayList<>();
    for (Analysis a : analyses.published(b.from(), b.to())) {
      published.add(summary(a, system));
    }

    List<BriefingContent.ExcerptText> excerpts =
        excerptsOf(b.id()).stream()
            .filter(Excerpt::approved)
            .map(e -> new BriefingContent.ExcerptText(e.publicSourceWords(), e.text()))
            .toList();
    return new BriefingContent(
        b.year(),
        b.quarter(),
        b.title(),
        b.from(),
        b.to(),
        asAt,
        b.introduction(),
        figures,
        reviewsReceived,
        themes,
        published,
        excerpts);
  }

  /** An analysis's headline: for each code, the share present (or of high impact). */
  private BriefingContent.AnalysisSummary summary(Analysis a, Viewer system) {
    List<BriefingContent.Headline> headlines = new ArrayList<>();
    String note = null;
    try {
      AnalysisResults results = analyses.results(a.ref(), null, system);
      for (FrameCode code : a.frame()) {
        String value = code.scale() == Scale.PRESENCE ? "Y" : "HIGH";
        ResultRow sample = row(results, code.code(), value, Group.SAMPLE);
        ResultRow control = row(results, code.code(), value, Group.CONTROL);
        ResultRow difference = row(results, code.code(), value, Group.DIFFERENCE);
        if (sample == null) {
          continue;
        }
        headlines.add(
            new BriefingContent.Headline(
                code.code(),
                code.label(),
                code.scale() == Scale.PRESENCE ? "Present" : "High impact",
                share(sample),
                control == null ? "" : share(control),
                difference == null ? "" : points(difference)));
      }
    } catch (RuntimeException e) {
      log.warn("The results of analysis {} could not be read for a learning briefing", a.ref());
      note = "The results of this analysis could not be read.";
    }
    return new BriefingContent.AnalysisSummary(
        a.ref(), a.title(), a.question(), a.published(), headlines, note);
  }

  private static ResultRow row(AnalysisResults r, String code, String value, Group group) {
    return r.rows().stream()
        .filter(
            x ->
                x.code().equals(code)
                    && x.value().equals(value)
                    && x.group() == group
                    && ResultRow.ALL.equals(x.grouping()))
        .findFirst()
        .orElse(null);
  }

  /** "34.9% of 43 cases (95% interval 22.4% to 49.8%)" */
  private static String share(ResultRow r) {
    return pct(r.percent())
        + "% of "
        + r.cases()
        + " cases (95% interval "
        + pct(r.ciLow())
        + "% to "
        + pct(r.ciHigh())
        + "%)";
  }

  /** "+12.3 percentage points (95% interval -3.1 to 27.0)" */
  private static String points(ResultRow r) {
    String sign = r.percent() != null && r.percent().signum() > 0 ? "+" : "";
    return sign
        + pct(r.percent())
        + " percentage points (95% interval "
        + pct(r.ciLow())
        + " to "
        + pct(r.ciHigh())
        + ")";
  }

  private static String pct(BigDecimal b) {
    return b == null ? "" : b.toPlainString().replace('-', '−');
  }

  /** The content as a PDF. */
  static byte[] render(BriefingContent content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      BriefingDocuments.pdf(content, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ publishing

  /**
   * Publishes a draft: the quarter must have ended and every excerpt be approved (each is checked
   * again, as the register may have changed since); computes the content once more, renders the PDF
   * and freezes both.
   */
  public Briefing publish(long id, Viewer viewer) {
    require(viewer, "publish a learning briefing");
    Briefing b = draft(id);
    List<InvalidAnalysisException.Problem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    if (!b.to().isBefore(today)) {
      problems.add(
          problem(
              "publish",
              "The quarter ends on "
                  + uk.gov.observatory.web.Fmt.dateOf(b.to())
                  + ": publish its briefing after then"));
    }
    List<Excerpt> excerpts = excerptsOf(id);
    for (Excerpt e : excerpts) {
      if (!e.approved()) {
        problems.add(
            problem(
                "excerpt-" + e.id(),
                "Excerpt "
                    + e.position()
                    + " ("
                    + e.sourceWords()
                    + ") is not approved: approve it or remove it"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAnalysisException(problems);
    }
    if (!excerpts.isEmpty()) {
      screen(excerpts, "the excerpts of learning briefing " + id + " before publishing", viewer);
    }
    BriefingContent content = compute(b, viewer.actor());
    byte[] pdf = render(content);
    String json = JSON.writeValueAsString(content);
    tx.executeWithoutResult(
        s -> {
          int changed =
              jdbc.update(
                  "update learning_briefing set status = 'PUBLISHED', published_at = ?,"
                      + " published_by = ?, content_json = ?::jsonb, pdf = ?, pdf_sha256 = ?"
                      + " where id = ? and status = 'DRAFT'",
                  Timestamp.from(clock.instant()),
                  viewer.actor(),
                  json,
                  pdf,
                  sha256(pdf),
                  id);
          if (changed == 0) {
            throw new InvalidAnalysisException("publish", "This briefing is already published");
          }
          audit.record(
              AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_BRIEFING, String.valueOf(id))
                  .withBefore(AuditJson.of(ordered("status", "DRAFT")))
                  .withAfter(
                      AuditJson.of(
                          ordered(
                              "status",
                              "PUBLISHED",
                              "excerpts",
                              excerpts.size(),
                              "analyses",
                              content.analyses().size()))));
        });
    return find(id).orElseThrow();
  }

  // ------------------------------------------------------------------ helpers

  private void require(Viewer viewer, String what) {
    if (!viewer.can(Permission.LEAD_ANALYSES)) {
      audit.record(
          AuditEvent.of(viewer.actor(), AuditAction.ACCESS_REFUSED, AUDIT_BRIEFING, null)
              .withDetails(what + ": not allowed to this account's role (answered 403)"));
      throw new BriefingNotPermittedException("Your role does not allow you to " + what + ".");
    }
  }

  /** The briefing, which must be a draft. */
  private Briefing draft(long id) {
    Briefing b = find(id).orElseThrow(() -> new BriefingNotFoundException(String.valueOf(id)));
    if (b.isPublished()) {
      throw new InvalidAnalysisException(
          "publish", b.title() + " is published: it cannot be changed");
    }
    return b;
  }

  public Optional<Briefing> find(long id) {
    return jdbc
        .query("select * from learning_briefing where id = ?", LearningBriefings::briefing, id)
        .stream()
        .findFirst();
  }

  private Optional<Briefing> findQuarter(int year, int quarter) {
    return jdbc
        .query(
            "select * from learning_briefing where period_year = ? and period_quarter = ?",
            LearningBriefings::briefing,
            year,
            quarter)
        .stream()
        .findFirst();
  }

  private BriefingNotFoundException notFound(long excerptId) {
    return new BriefingNotFoundException("excerpt " + excerptId);
  }

  private static void checkLength(String field, String body) {
    if (body.length() > MAX_TEXT) {
      throw new InvalidAnalysisException(
          field,
          String.format(
              Locale.UK,
              "The excerpt must be %,d characters or fewer (it has %,d)",
              MAX_TEXT,
              body.length()));
    }
  }

  private String authorityName(String laCode) {
    return laCode == null
        ? null
        : reference.localAuthority(laCode).map(la -> la.name()).orElse(laCode);
  }

  private static boolean within(LocalDate d, Briefing b) {
    return d != null && !d.isBefore(b.from()) && !d.isAfter(b.to());
  }

  private static boolean matches(Candidate c, String needle) {
    return needle.isEmpty()
        || c.ref().toLowerCase(Locale.ROOT).contains(needle)
        || c.text().toLowerCase(Locale.ROOT).contains(needle);
  }

  private static String shortRef(String ref) {
    return ref.length() > 40 ? ref.substring(0, 40) + "…" : ref;
  }

  private static InvalidAnalysisException.Problem problem(String field, String message) {
    return new InvalidAnalysisException.Problem(field, message);
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Briefing briefing(ResultSet rs, int n) throws SQLException {
    Timestamp published = rs.getTimestamp("published_at");
    return new Briefing(
        rs.getLong("id"),
        rs.getInt("period_year"),
        rs.getInt("period_quarter"),
        Briefing.Status.valueOf(rs.getString("status")),
        rs.getString("introduction"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"),
        published == null ? null : published.toInstant(),
        rs.getString("published_by"));
  }

  private static Excerpt excerpt(ResultSet rs, int n) throws SQLException {
    Timestamp approved = rs.getTimestamp("approved_at");
    return new Excerpt(
        rs.getLong("id"),
        rs.getLong("briefing_id"),
        Excerpt.Source.valueOf(rs.getString("source_kind")),
        rs.getString("source_ref"),
        rs.getString("text"),
        rs.getInt("position"),
        rs.getString("approved_by"),
        approved == null ? null : approved.toInstant());
  }
}
