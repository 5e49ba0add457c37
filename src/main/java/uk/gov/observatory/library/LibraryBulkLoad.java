package uk.gov.observatory.library;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.audit.AuditEvent;
import uk.gov.observatory.audit.AuditJson;
import uk.gov.observatory.audit.AuditLog;
import uk.gov.observatory.learning.ExcerptScreen;
import uk.gov.observatory.library.internal.BulkStore;
import uk.gov.observatory.library.internal.PdfText;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;

/**
 * Many documents at once, published, for the benchmark ({@code library import --bulk}): the
 * secretariat's documents that are not an LCSPR's report, each PDF's text extracted as {@link
 * LibraryDocuments#add} does, each checked against every child's name and date of birth in the
 * register (one screen built for the whole batch, one audit entry for it), and the clear ones
 * stored as published in batches (one audit entry a batch naming their ids). A document the check
 * blocks, or that is not valid, is not stored: its problem is returned. {@link
 * LibraryDocuments#add} and {@link LibraryDocuments#publish} remain the way for everything else
 * (one document, one transaction, its own audit entries).
 */
@Service
public class LibraryBulkLoad {

  /** What became of each document given, in order: its id, or why it was not stored. */
  public record Outcome(Long id, List<String> problems) {
    public boolean stored() {
      return id != null;
    }
  }

  private final BulkStore store;
  private final NotificationRegister register;
  private final ReferenceData reference;
  private final AuditLog audit;
  private final Clock clock;

  public LibraryBulkLoad(
      BulkStore store,
      NotificationRegister register,
      ReferenceData reference,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.register = register;
    this.reference = reference;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks and stores {@code documents} as published, in one transaction. */
  @Transactional
  public List<Outcome> publishAll(List<NewDocument> documents, Viewer viewer) {
    if (!viewer.can(Permission.MANAGE_LIBRARY)) {
      throw new DocumentNotPermittedException(
          "Only the Panel's secretariat may load documents in bulk");
    }
    ExcerptScreen screen = new ExcerptScreen();
    register.screenIdentifyingDetails(
        "library bulk load of " + documents.size() + " documents before they are published",
        viewer.actor(),
        screen::add);
    List<Outcome> outcomes = new ArrayList<>();
    List<BulkStore.Row> rows = new ArrayList<>();
    List<Integer> rowOf = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      NewDocument doc = documents.get(i);
      List<String> problems = new ArrayList<>();
      BulkStore.Row row = row(doc, screen, problems);
      outcomes.add(new Outcome(null, problems));
      if (problems.isEmpty()) {
        rows.add(row);
        rowOf.add(i);
      }
    }
    Instant now = clock.instant();
    List<Long> ids = store.insertPublished(rows, now, viewer.actor());
    for (int k = 0; k < ids.size(); k++) {
      outcomes.set(rowOf.get(k), new Outcome(ids.get(k), List.of()));
    }
    if (!ids.isEmpty()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("event", "added and published in bulk, the identifying-details check clear");
      details.put("documents", ids.size());
      details.put("ids", ids);
      audit.record(
          AuditEvent.of(
                  viewer.actor(),
                  AuditAction.IMPORTED,
                  LibraryDocuments.AUDIT_RECORD_TYPE,
                  ids.get(0) + ".." + ids.get(ids.size() - 1))
              .withDetails(AuditJson.of(details)));
    }
    return outcomes;
  }

  private BulkStore.Row row(NewDocument doc, ExcerptScreen screen, List<String> problems) {
    DocumentDetails d = doc.details();
    if (doc.lcsprRef() != null) {
      problems.add("lcspr: an LCSPR's report is added with library add, not in bulk");
    }
    if (d.type() == null) {
      problems.add("type: give the document's type");
    }
    if (d.title() == null || d.title().isBlank() || d.title().length() > 300) {
      problems.add("title: give a title of 1 to 300 characters");
    }
    if (d.publishedOn() == null) {
      problems.add("published: give the date of publication");
    }
    String region = null;
    if (d.laCode() != null) {
      Optional<LocalAuthority> la = reference.localAuthority(d.laCode());
      if (la.isEmpty()) {
        problems.add("la: " + d.laCode() + " is not a local authority's code");
      } else {
        region = la.get().regionCode();
      }
    }
    codes(d.ageBands(), LibraryDocuments.AGE_BAND_LIST, "age_bands", problems);
    for (String c : d.categories()) {
      if (!reference.codeList("death_category").contains(c)
          && !reference.codeList("harm_category").contains(c)) {
        problems.add("categories: " + c + " is not a death_category or harm_category code");
      }
    }
    codes(d.themes(), "practice_themes", "themes", problems);
    if (doc.pdf() == null) {
      problems.add("file: give the document's PDF");
      return null;
    }
    PdfText.Extracted text;
    try {
      text = PdfText.extract(doc.pdf().content());
    } catch (PdfText.NotAPdfException e) {
      problems.add("file: " + e.getMessage());
      return null;
    }
    if (!text.hasText()) {
      problems.add("file: the PDF has no text (a scan?): add it with library add and override");
      return null;
    }
    List<String> where = new ArrayList<>();
    for (int p = 0; p < text.pages().size(); p++) {
      List<String> lines = PdfText.lines(text.pages().get(p));
      for (int i = 0; i < lines.size(); i++) {
        int length = lines.get(i).length();
        String line = i + 1 < lines.size() ? lines.get(i) + " " + lines.get(i + 1) : lines.get(i);
        if (screen.check(line).stream().anyMatch(f -> f.character() <= length)) {
          where.add("page " + (p + 1) + ", line " + (i + 1));
        }
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", d.title());
    fields.put("summary", d.summary());
    fields.put("learning", d.learning());
    fields.put("recommendations", d.recommendations());
    fields.put("keywords", String.join("\n", d.keywords()));
    fields.forEach(
        (name, value) -> {
          if (value != null && !screen.check(value).isEmpty()) {
            where.add("the " + name);
          }
        });
    if (!where.isEmpty()) {
      problems.add(
          "the identifying-details check found a child's name or date of birth at "
              + String.join("; ", where)
              + ": not published, nothing stored");
    }
    return new BulkStore.Row(
        d, region, doc.pdf().filename(), doc.pdf().content(), text.sha256(), text.pages());
  }

  private void codes(List<String> values, String list, String field, List<String> problems) {
    for (String c : values) {
      if (!reference.codeList(list).contains(c)) {
        problems.add(field + ": " + c + " is not a code of the list " + list);
      }
    }
  }
}
