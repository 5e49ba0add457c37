package uk.gov.observatory.library;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.learning.ExcerptScreen;
import uk.gov.observatory.library.InvalidDocumentException.Problem;
import uk.gov.observatory.library.internal.DocumentStore;
import uk.gov.observatory.library.internal.PdfText;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.CodeList;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.Lcsprs;

/**
 * The library's documents: added with their details and PDF (its text extracted page by page with
 * PDFBox; a PDF without text flagged), edited, given a redacted PDF, checked for children's
 * identifying details, published (refused while the check finds something, unless the secretariat
 * overrides with a reason) and withdrawn. Who: MANAGE_LIBRARY (the secretariat) for every document;
 * a partnership (SUBMIT_REVIEWS) for the reports of the LCSPRs it reaches. Every change audited.
 *
 * <p>The check: a document that is an LCSPR's report is checked against the names and dates of
 * birth of the children of that LCSPR's notifications; every other document against every child in
 * the register (decrypted in memory for the check only, through {@link NotificationRegister}). It
 * reads the PDF's text line by line, page by page, and the title, summary, learning,
 * recommendations and keywords (published too). A finding says where (the part, the page, the line:
 * the n-th line of that page or field that holds text) and what kind, never what. A PDF with no
 * text cannot be checked: it is blocked, and publishes only with an override.
 *
 * <p>Problems name their field by the {@link DocumentDetails} component ({@code title}, {@code
 * publishedOn}, {@code laCode}, {@code ageBands}, {@code categories}, {@code themes}, {@code
 * keywords}, {@code summary}, {@code learning}, {@code recommendations}, {@code type}, {@code
 * reviewModel}), or {@code pdf}, {@code lcsprRef}, {@code overrideReason}, {@code reason}, {@code
 * version}.
 */
@Service
public class LibraryDocuments {

  public static final String AUDIT_RECORD_TYPE = "library_document";

  /** The largest PDF accepted, in bytes. */
  public static final int MAX_PDF_BYTES = 50 * 1024 * 1024;

  public static final int MAX_TITLE = 300;
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_KEYWORD = 100;
  public static final int MAX_KEYWORDS = 50;
  public static final int MAX_REASON = 2000;
  public static final int MAX_FILENAME = 255;

  /** The code list of the children's age bands (as the reports band them). */
  public static final String AGE_BAND_LIST = "age_band";

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final DocumentStore store;
  private final NotificationRegister register;
  private final Lcsprs lcsprs;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  public LibraryDocuments(
      DocumentStore store,
      NotificationRegister register,
      Lcsprs lcsprs,
      ReferenceData reference,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.register = register;
    this.lcsprs = lcsprs;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a draft document; checks its text at once. Returns it. */
  @Transactional(noRollbackFor = DocumentNotPermittedException.class)
  public LibraryDocument add(NewDocument document, Viewer viewer) {
    if (document == null || document.details() == null) {
      throw new InvalidDocumentException("title", "Enter the document's details");
    }
    DocumentDetails details = document.details();
    String lcsprRef = blankToNull(document.lcsprRef());
    List<Problem> problems = new ArrayList<>();
    List<String> notificationRefs = List.of();
    if (!viewer.can(Permission.MANAGE_LIBRARY)
        && (lcsprRef == null || !viewer.can(Permission.SUBMIT_REVIEWS))) {
      throw refused(
          viewer,
          null,
          lcsprRef == null
              ? "add a document that is not an LCSPR's report (a partnership adds its own"
                  + " LCSPRs' reports)"
              : "add a document to the library");
    }
    if (lcsprRef != null) {
      if (details.type() == null) {
        details = withType(details, DocumentType.LCSPR);
      }
      Optional<Lcspr> lcspr = lcsprs.find(lcsprRef, viewer);
      if (lcspr.isEmpty()) {
        problems.add(
            new Problem(
                "lcsprRef",
                "There is no LCSPR "
                    + lcsprRef
                    + " within your reach: check its reference, as the LCSPR's page shows it"));
      } else {
        notificationRefs = lcspr.get().notificationRefs();
        if (details.type() != null && details.type() != DocumentType.LCSPR) {
          problems.add(
              new Problem(
                  "type",
                  "An LCSPR's report is of the type "
                      + DocumentType.LCSPR.label()
                      + ": choose it, or leave out the LCSPR"));
        }
        details = fillFromLcspr(details, notificationRefs);
      }
    }
    details = normalised(details);
    problems.addAll(problems(details));
    String sourceRef = blankToNull(document.sourceRef());
    if (sourceRef != null && sourceRef.length() > 200) {
      problems.add(new Problem("sourceRef", "The source reference is longer than 200 characters"));
    }
    PdfFile pdf = document.pdf();
    PdfText.Extracted text = pdf == null ? null : extract(pdf, problems);
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    Instant now = clock.instant();
    String regionCode = regionOf(details.laCode());
    long id =
        store.insert(
            new DocumentStore.NewRow(
                details, regionCode, lcsprRef, sourceRef, notificationRefs, now, viewer.actor()));
    if (text != null) {
      store.replaceFile(id, filename(pdf), pdf.content(), text, textStatus(text), now);
    }
    store.reindex(id);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("type", details.type().name());
    after.put("published_on", details.publishedOn());
    after.put("la_code", details.laCode());
    after.put("lcspr_ref", lcsprRef);
    after.put("source_ref", sourceRef);
    after.put("notification_refs", notificationRefs);
    after.put("pdf_sha256", text == null ? null : text.sha256());
    after.put("page_count", text == null ? null : text.pageCount());
    after.put("text_status", text == null ? TextStatus.NO_FILE.name() : textStatus(text).name());
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.CREATED, AUDIT_RECORD_TYPE, String.valueOf(id))
            .withAfter(AuditJson.of(after))
            .withDetails("added to the library as a draft"));
    return runCheck(store.find(id).orElseThrow(), viewer);
  }

  /**
   * Changes a document's details (from the version seen); the check runs again. A published
   * document whose new details the check blocks is refused ({@link PublicationBlockedException})
   * and stays as it was, unless its publication overrode the check and the check finds nothing the
   * override did not cover.
   */
  @Transactional(noRollbackFor = DocumentNotPermittedException.class)
  public LibraryDocument update(long id, DocumentDetails details, int expectedVersion, Viewer v) {
    LibraryDocument d = reached(id, v, true);
    version(d, expectedVersion);
    if (details == null) {
      throw new InvalidDocumentException("title", "Enter the document's details");
    }
    DocumentDetails changed = normalised(details);
    List<Problem> problems = new ArrayList<>(problems(changed));
    if (d.lcsprRef() != null && changed.type() != DocumentType.LCSPR) {
      problems.add(
          new Problem(
              "type",
              "This document is the report of "
                  + d.lcsprRef()
                  + ": its type stays "
                  + DocumentType.LCSPR.label()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    Instant now = clock.instant();
    store.updateDetails(id, changed, regionOf(changed.laCode()), now);
    store.reindex(id);
    LibraryDocument updated = store.find(id).orElseThrow();
    Check check = check(updated, store.pages(id), v);
    if (d.status() != DocumentStatus.DRAFT && check.status() != CheckStatus.CLEAR) {
      boolean covered =
          d.checkStatus() == CheckStatus.OVERRIDDEN
              && d.findings().containsAll(check.findings())
              && d.textStatus() == updated.textStatus();
      if (!covered) {
        throw blockedEdit(d, check);
      }
      store.saveOverriddenCheck(id, check.findings(), now);
    } else {
      store.saveCheck(id, check.status(), check.findings(), now);
    }
    audit.record(
        AuditEvent.of(v.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
            .withDetails(
                AuditJson.of(
                    ordered(
                        "event",
                        "details changed",
                        "fields",
                        changedFields(d.details(), changed),
                        "version",
                        d.version()))));
    auditCheck(id, check, v);
    return store.find(id).orElseThrow();
  }

  /**
   * Replaces the PDF (e.g. a redacted version); its text is extracted and checked again. A
   * published document's new PDF must pass the check (or it is refused and stays as it was).
   */
  @Transactional(noRollbackFor = DocumentNotPermittedException.class)
  public LibraryDocument replacePdf(long id, PdfFile pdf, int expectedVersion, Viewer viewer) {
    LibraryDocument d = reached(id, viewer, true);
    version(d, expectedVersion);
    List<Problem> problems = new ArrayList<>();
    if (pdf == null) {
      problems.add(new Problem("pdf", "Choose the PDF to upload"));
    }
    PdfText.Extracted text = pdf == null ? null : extract(pdf, problems);
    if (!problems.isEmpty()) {
      throw new InvalidDocumentException(problems);
    }
    Instant now = clock.instant();
    store.replaceFile(id, filename(pdf), pdf.content(), text, textStatus(text), now);
    store.reindex(id);
    LibraryDocument replaced = store.find(id).orElseThrow();
    Check check = check(replaced, store.pages(id), viewer);
    if (d.status() != DocumentStatus.DRAFT && check.status() != CheckStatus.CLEAR) {
      throw blockedEdit(d, check);
    }
    store.saveCheck(id, check.status(), check.findings(), now);
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
            .withBefore(AuditJson.of(ordered("pdf_sha256", d.pdfSha256())))
            .withAfter(
                AuditJson.of(
                    ordered(
                        "pdf_sha256",
                        text.sha256(),
                        "page_count",
                        text.pageCount(),
                        "text_status",
                        textStatus(text).name())))
            .withDetails(AuditJson.of(ordered("event", "PDF replaced"))));
    auditCheck(id, check, viewer);
    return store.find(id).orElseThrow();
  }

  /** Runs the identifying-details check again (e.g. after the register changed). */
  @Transactional(noRollbackFor = DocumentNotPermittedException.class)
  public LibraryDocument check(long id, Viewer viewer) {
    LibraryDocument d = reached(id, viewer, true);
    if (d.status() != DocumentStatus.DRAFT) {
      // Published (or withdrawn): the result is recorded, and the document stays as it is; what is
      // found shows on the staff pages so that it can be withdrawn or given a redacted PDF.
      Check check = check(d, store.pages(id), viewer);
      Instant now = clock.instant();
      if (check.status() == CheckStatus.CLEAR) {
        if (d.checkStatus() != CheckStatus.OVERRIDDEN) {
          store.saveCheck(id, CheckStatus.CLEAR, check.findings(), now);
        } else {
          store.saveOverriddenCheck(id, check.findings(), now);
        }
      } else {
        store.saveOverriddenCheck(id, check.findings(), now);
      }
      auditCheck(id, check, viewer);
      return store.find(id).orElseThrow();
    }
    return runCheck(d, viewer);
  }

  /**
   * Publishes: refused with {@link PublicationBlockedException} (where the check found something)
   * unless the check is clear, or {@code overrideReason} is given by MANAGE_LIBRARY (audited).
   */
  @Transactional(
      noRollbackFor = {PublicationBlockedException.class, DocumentNotPermittedException.class})
  public LibraryDocument publish(long id, String overrideReason, Viewer viewer) {
    LibraryDocument d = reached(id, viewer, true);
    if (d.status() == DocumentStatus.PUBLISHED) {
      return d;
    }
    if (d.textStatus() == TextStatus.NO_FILE) {
      throw new InvalidDocumentException(
          "pdf", "Upload the document's PDF before publishing it: the library publishes PDFs");
    }
    String reason = blankToNull(overrideReason);
    LibraryDocument checked = d;
    if (d.checkStatus() != CheckStatus.CLEAR && d.checkStatus() != CheckStatus.OVERRIDDEN) {
      checked = runCheck(d, viewer);
    }
    Instant now = clock.instant();
    if (checked.checkStatus() == CheckStatus.BLOCKED) {
      if (reason == null) {
        throw blocked(checked);
      }
      if (!viewer.can(Permission.MANAGE_LIBRARY)) {
        throw refused(
            viewer,
            id,
            "override the identifying-details check (only the Panel's secretariat may)");
      }
      if (reason.length() > MAX_REASON) {
        throw new InvalidDocumentException(
            "overrideReason",
            "The reason for overriding the check is longer than "
                + MAX_REASON
                + " characters: shorten it");
      }
      store.override(id, reason, now, viewer.actor());
      store.publish(id, now, viewer.actor());
      audit.record(
          AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
              .withDetails(
                  AuditJson.of(
                      ordered(
                          "event",
                          "published with the identifying-details check overridden",
                          "reason",
                          reason,
                          "findings",
                          checked.findings().size(),
                          "text_status",
                          checked.textStatus().name()))));
    } else {
      store.publish(id, now, viewer.actor());
      audit.record(
          AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
              .withDetails(
                  AuditJson.of(
                      ordered("event", "published", "check", checked.checkStatus().name()))));
    }
    return store.find(id).orElseThrow();
  }

  /** Takes a published document out of the public library, with a reason (kept, audited). */
  @Transactional(noRollbackFor = DocumentNotPermittedException.class)
  public LibraryDocument withdraw(long id, String reason, Viewer viewer) {
    LibraryDocument d = reached(id, viewer, true);
    String why = blankToNull(reason);
    if (why == null) {
      throw new InvalidDocumentException(
          "reason", "Enter why the document is withdrawn from the public library");
    }
    if (why.length() > MAX_REASON) {
      throw new InvalidDocumentException(
          "reason", "The reason is longer than " + MAX_REASON + " characters: shorten it");
    }
    if (d.status() != DocumentStatus.PUBLISHED) {
      throw new InvalidDocumentException(
          "reason",
          "Only a published document can be withdrawn: this one is "
              + d.status().label().toLowerCase(java.util.Locale.ROOT));
    }
    store.setStatus(id, DocumentStatus.WITHDRAWN, clock.instant());
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
            .withDetails(
                AuditJson.of(
                    ordered("event", "withdrawn from the public library", "reason", why))));
    return store.find(id).orElseThrow();
  }

  /** A document as its staff see it (drafts too), if the viewer reaches it. */
  @Transactional(readOnly = true)
  public Optional<LibraryDocument> find(long id, Viewer viewer) {
    return store.find(id).filter(d -> reaches(d, viewer, new HashMap<>()));
  }

  /** The documents the viewer may manage, newest first. */
  @Transactional(readOnly = true)
  public List<LibraryDocument> list(Viewer viewer) {
    if (viewer.can(Permission.MANAGE_LIBRARY)) {
      return store.all();
    }
    if (!viewer.can(Permission.SUBMIT_REVIEWS)) {
      return List.of();
    }
    Map<String, Boolean> reached = new HashMap<>();
    return store.ofLcsprs().stream().filter(d -> reaches(d, viewer, reached)).toList();
  }

  /** The document's PDF for its staff (drafts too). */
  @Transactional(readOnly = true)
  public Optional<byte[]> pdf(long id, Viewer viewer) {
    return find(id, viewer).flatMap(d -> store.pdf(id));
  }

  /** A published document, read through the public role (nothing else is reachable). */
  public Optional<LibraryDocument> published(long id) {
    return store.published(id);
  }

  /** A published document's PDF, read through the public role. */
  public Optional<byte[]> publishedPdf(long id) {
    return store.publishedPdf(id);
  }

  /**
   * The documents published in the library on or after {@code since} (from midnight, UK time),
   * newest first (the feed, the email), read through the public role.
   */
  public List<LibraryDocument> publishedSince(LocalDate since, int limit) {
    return store.publishedSince(
        since.atStartOfDay(LONDON).toInstant(), Math.max(0, Math.min(limit, 10_000)));
  }

  // ------------------------------------------------------------------ who

  private boolean reaches(LibraryDocument d, Viewer viewer, Map<String, Boolean> lcsprReached) {
    if (viewer.can(Permission.MANAGE_LIBRARY)) {
      return true;
    }
    if (!viewer.can(Permission.SUBMIT_REVIEWS) || d.lcsprRef() == null) {
      return false;
    }
    return lcsprReached.computeIfAbsent(d.lcsprRef(), ref -> lcsprs.find(ref, viewer).isPresent());
  }

  /** The document, if the viewer may manage it (locked for a change); else refused (audited). */
  private LibraryDocument reached(long id, Viewer viewer, boolean forUpdate) {
    Optional<LibraryDocument> d = forUpdate ? store.findForUpdate(id) : store.find(id);
    if (d.isEmpty()) {
      throw new DocumentNotFoundException(id);
    }
    if (!reaches(d.get(), viewer, new HashMap<>())) {
      throw refused(viewer, id, "change document " + id);
    }
    return d.get();
  }

  private DocumentNotPermittedException refused(Viewer viewer, Long id, String what) {
    audit.record(
        AuditEvent.of(
                viewer.actor(),
                AuditAction.ACCESS_REFUSED,
                AUDIT_RECORD_TYPE,
                id == null ? null : String.valueOf(id))
            .withDetails("refused: " + what));
    return new DocumentNotPermittedException(
        "You cannot " + what + ": the Panel's secretariat manages the library");
  }

  private static void version(LibraryDocument d, int expected) {
    if (d.version() != expected) {
      throw new InvalidDocumentException(
          "version",
          "Someone else changed this document while you were editing it (it is now at version "
              + d.version()
              + "): look at it again and make your change again");
    }
  }

  // ------------------------------------------------------------------ the check

  /** What the check found: where (never what), and whether publication is blocked. */
  private record Check(CheckStatus status, List<Finding> findings, TextStatus textStatus) {}

  /** Checks a draft and stores the result. */
  private LibraryDocument runCheck(LibraryDocument d, Viewer viewer) {
    Check check = check(d, store.pages(d.id()), viewer);
    store.saveCheck(d.id(), check.status(), check.findings(), clock.instant());
    auditCheck(d.id(), check, viewer);
    return store.find(d.id()).orElseThrow();
  }

  /**
   * The document's text (the PDF's pages, line by line, and the metadata that is published with it)
   * screened against the children's names and dates of birth: those of its notifications when it
   * has some, else every child in the register.
   */
  private Check check(LibraryDocument d, List<String> pages, Viewer viewer) {
    ExcerptScreen screen = new ExcerptScreen();
    String purpose = "library document " + d.id() + " before it is published";
    if (!d.notificationRefs().isEmpty()) {
      register.screenIdentifyingDetails(purpose, viewer.actor(), d.notificationRefs(), screen::add);
    } else {
      register.screenIdentifyingDetails(purpose, viewer.actor(), screen::add);
    }
    Set<Finding> found = new LinkedHashSet<>();
    if (d.textStatus() == TextStatus.TEXT) {
      for (int p = 0; p < pages.size(); p++) {
        screenLines(screen, PdfText.lines(pages.get(p)), Finding.Part.PDF, p + 1, found);
      }
    }
    DocumentDetails x = d.details();
    screenLines(screen, PdfText.lines(x.title()), Finding.Part.TITLE, null, found);
    screenLines(screen, PdfText.lines(x.summary()), Finding.Part.SUMMARY, null, found);
    screenLines(screen, PdfText.lines(x.learning()), Finding.Part.LEARNING, null, found);
    screenLines(
        screen, PdfText.lines(x.recommendations()), Finding.Part.RECOMMENDATIONS, null, found);
    screenLines(screen, x.keywords(), Finding.Part.KEYWORDS, null, found);
    List<Finding> findings = List.copyOf(found);
    CheckStatus status =
        findings.isEmpty() && d.textStatus() != TextStatus.NO_TEXT
            ? CheckStatus.CLEAR
            : CheckStatus.BLOCKED;
    return new Check(status, findings, d.textStatus());
  }

  /**
   * Each line screened (with the next line after it, so that a date or a name broken across two
   * lines is found too, on the line where it starts).
   */
  private static void screenLines(
      ExcerptScreen screen,
      List<String> lines,
      Finding.Part part,
      Integer page,
      Set<Finding> found) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String text = i + 1 < lines.size() ? line + " " + lines.get(i + 1) : line;
      for (ExcerptScreen.Finding f : screen.check(text)) {
        if (f.character() <= line.length()) {
          found.add(
              new Finding(
                  part,
                  page,
                  i + 1,
                  f.kind() == ExcerptScreen.Kind.NAME
                      ? Finding.Kind.NAME
                      : Finding.Kind.DATE_OF_BIRTH));
        }
      }
    }
  }

  private void auditCheck(long id, Check check, Viewer viewer) {
    long names = check.findings().stream().filter(f -> f.kind() == Finding.Kind.NAME).count();
    audit.record(
        AuditEvent.of(viewer.actor(), AuditAction.UPDATED, AUDIT_RECORD_TYPE, String.valueOf(id))
            .withDetails(
                AuditJson.of(
                    ordered(
                        "event",
                        "checked for identifying details",
                        "check",
                        check.status().name(),
                        "text_status",
                        check.textStatus().name(),
                        "names",
                        names,
                        "dates_of_birth",
                        check.findings().size() - names))));
  }

  private static PublicationBlockedException blocked(LibraryDocument d) {
    return new PublicationBlockedException(
        blockedMessage(d.textStatus(), d.findings()), d.findings());
  }

  private static PublicationBlockedException blockedEdit(LibraryDocument d, Check check) {
    return new PublicationBlockedException(
        "Not changed: document "
            + d.id()
            + " is "
            + d.status().label().toLowerCase(java.util.Locale.ROOT)
            + " and "
            + blockedMessage(check.textStatus(), check.findings()),
        check.findings());
  }

  static String blockedMessage(TextStatus text, List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    if (text == TextStatus.NO_TEXT) {
      b.append(
          "the PDF has no text to check (a scan?): upload a PDF with its text, or the Panel's"
              + " secretariat may publish it with a reason for overriding the check");
    }
    if (!findings.isEmpty()) {
      if (b.length() > 0) {
        b.append("; and ");
      }
      b.append("the identifying-details check found a child's details at ");
      for (int i = 0; i < findings.size(); i++) {
        if (i > 0) {
          b.append(i == findings.size() - 1 ? " and " : "; ");
        }
        b.append(findings.get(i).describe());
      }
      b.append(
          ": upload a redacted PDF or correct the details, or the Panel's secretariat may publish"
              + " it with a reason for overriding the check");
    }
    String s = b.toString();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ details

  private static DocumentDetails withType(DocumentDetails d, DocumentType type) {
    return new DocumentDetails(
        type,
        d.title(),
        d.publishedOn(),
        d.laCode(),
        d.reviewModel(),
        d.ageBands(),
        d.categories(),
        d.themes(),
        d.keywords(),
        d.summary(),
        d.learning(),
        d.recommendations());
  }

  /** Blank details filled from the LCSPR's notifications. */
  private DocumentDetails fillFromLcspr(DocumentDetails d, List<String> refs) {
    String la = blankToNull(d.laCode());
    if (la == null && !refs.isEmpty()) {
      la = store.laOf(refs.get(0)).orElse(null);
    }
    return new DocumentDetails(
        DocumentType.LCSPR,
        d.title(),
        d.publishedOn(),
        la,
        d.reviewModel(),
        d.ageBands().isEmpty() ? store.ageBandsOf(refs) : d.ageBands(),
        d.categories().isEmpty() ? store.categoriesOf(refs) : d.categories(),
        d.themes().isEmpty() ? store.themesOf(refs) : d.themes(),
        d.keywords(),
        d.summary(),
        d.learning(),
        d.recommendations());
  }

  /** Trimmed: blank text as none, codes upper case, lists without blanks or repeats. */
  private static DocumentDetails normalised(DocumentDetails d) {
    return new DocumentDetails(
        d.type(),
        d.title() == null ? null : d.title().strip(),
        d.publishedOn(),
        blankToNull(d.laCode()),
        d.reviewModel(),
        codes(d.ageBands()),
        codes(d.categories()),
        codes(d.themes()),
        words(d.keywords()),
        text(d.summary()),
        text(d.learning()),
        text(d.recommendations()));
  }

  private List<Problem> problems(DocumentDetails d) {
    List<Problem> problems = new ArrayList<>();
    if (d.type() == null) {
      problems.add(
          new Problem(
              "type",
              "Choose the type of document: "
                  + String.join(
                      ", ",
                      java.util.Arrays.stream(DocumentType.values())
                          .map(t -> t.name() + " (" + t.label() + ")")
                          .toList())));
    }
    if (d.title() == null || d.title().isEmpty()) {
      problems.add(new Problem("title", "Enter the document's title"));
    } else if (d.title().length() > MAX_TITLE) {
      problems.add(
          new Problem(
              "title",
              "The title is "
                  + d.title().length()
                  + " characters long: it can be at most "
                  + MAX_TITLE));
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    if (d.publishedOn() == null) {
      problems.add(new Problem("publishedOn", "Enter the date the document was published"));
    } else if (d.publishedOn().isAfter(today)) {
      problems.add(
          new Problem(
              "publishedOn",
              "The date the document was published cannot be in the future (today is "
                  + today
                  + ")"));
    } else if (d.publishedOn().getYear() < 1945) {
      problems.add(new Problem("publishedOn", "The date published must be 1945 or later"));
    }
    if (d.laCode() != null && reference.localAuthority(d.laCode()).isEmpty()) {
      problems.add(
          new Problem(
              "laCode",
              "'"
                  + d.laCode()
                  + "' is not a local authority's code: give its GSS code (for example"
                  + " E09000033 for Westminster)"));
    }
    codesIn(problems, "ageBands", d.ageBands(), reference.codeList(AGE_BAND_LIST), null);
    codesIn(
        problems,
        "categories",
        d.categories(),
        reference.codeList(CodeLists.DEATH_CATEGORY),
        reference.codeList(CodeLists.HARM_CATEGORY));
    codesIn(problems, "themes", d.themes(), reference.codeList(CodeLists.PRACTICE_THEMES), null);
    if (d.keywords().size() > MAX_KEYWORDS) {
      problems.add(new Problem("keywords", "Give at most " + MAX_KEYWORDS + " keywords"));
    }
    for (String k : d.keywords()) {
      if (k.length() > MAX_KEYWORD) {
        problems.add(
            new Problem(
                "keywords",
                "A keyword is longer than " + MAX_KEYWORD + " characters: keep keywords short"));
        break;
      }
    }
    longText(problems, "summary", "The summary", d.summary());
    longText(problems, "learning", "'Learning includes'", d.learning());
    longText(problems, "recommendations", "'Recommendations include'", d.recommendations());
    return problems;
  }

  private static void longText(List<Problem> problems, String field, String name, String text) {
    if (text != null && text.length() > MAX_TEXT) {
      problems.add(
          new Problem(
              field,
              name
                  + " is "
                  + text.length()
                  + " characters long: it can be at most "
                  + String.format("%,d", MAX_TEXT)));
    }
  }

  private static void codesIn(
      List<Problem> problems, String field, List<String> codes, CodeList list, CodeList other) {
    for (String c : codes) {
      if (!list.contains(c) && (other == null || !other.contains(c))) {
        problems.add(
            new Problem(
                field,
                "'"
                    + c
                    + "' is not allowed: use "
                    + list.allowed()
                    + (other == null ? "" : ", " + other.allowed())));
      }
    }
  }

  private String regionOf(String laCode) {
    return laCode == null
        ? null
        : reference.localAuthority(laCode).map(LocalAuthority::regionCode).orElse(null);
  }

  private static List<String> changedFields(DocumentDetails a, DocumentDetails b) {
    List<String> fields = new ArrayList<>();
    add(fields, "type", a.type(), b.type());
    add(fields, "title", a.title(), b.title());
    add(fields, "publishedOn", a.publishedOn(), b.publishedOn());
    add(fields, "laCode", a.laCode(), b.laCode());
    add(fields, "reviewModel", a.reviewModel(), b.reviewModel());
    add(fields, "ageBands", a.ageBands(), b.ageBands());
    add(fields, "categories", a.categories(), b.categories());
    add(fields, "themes", a.themes(), b.themes());
    add(fields, "keywords", a.keywords(), b.keywords());
    add(fields, "summary", a.summary(), b.summary());
    add(fields, "learning", a.learning(), b.learning());
    add(fields, "recommendations", a.recommendations(), b.recommendations());
    return fields;
  }

  private static void add(List<String> fields, String name, Object a, Object b) {
    if (!java.util.Objects.equals(a, b)) {
      fields.add(name);
    }
  }

  // ------------------------------------------------------------------ the PDF

  private static PdfText.Extracted extract(PdfFile pdf, List<Problem> problems) {
    if (pdf.content() == null || pdf.content().length == 0) {
      problems.add(new Problem("pdf", "The file is empty: choose the document's PDF"));
      return null;
    }
    if (pdf.content().length > MAX_PDF_BYTES) {
      problems.add(
          new Problem(
              "pdf",
              "The PDF is "
                  + String.format("%,d", pdf.content().length / (1024 * 1024))
                  + " MB: it can be at most "
                  + MAX_PDF_BYTES / (1024 * 1024)
                  + " MB"));
      return null;
    }
    try {
      return PdfText.extract(pdf.content());
    } catch (PdfText.NotAPdfException e) {
      problems.add(
          new Problem("pdf", "The file is not a PDF the library can read: " + e.getMessage()));
      return null;
    }
  }

  private static TextStatus textStatus(PdfText.Extracted text) {
    return text.hasText() ? TextStatus.TEXT : TextStatus.NO_TEXT;
  }

  private static String filename(PdfFile pdf) {
    String name = pdf.filename() == null ? "" : pdf.filename().strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"]", "");
    if (name.isEmpty()) {
      name = "document.pdf";
    }
    return name.length() > MAX_FILENAME ? name.substring(name.length() - MAX_FILENAME) : name;
  }

  // ------------------------------------------------------------------ small things

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<String> codes(List<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      if (s != null && !s.isBlank()) {
        out.add(s.strip().toUpperCase(java.util.Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  private static List<String> words(List<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      if (s != null && !s.isBlank()) {
        out.add(s.strip().replaceAll("\\s+", " "));
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
