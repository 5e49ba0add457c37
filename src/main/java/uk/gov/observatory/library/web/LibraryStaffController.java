package uk.gov.observatory.library.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import uk.gov.observatory.access.Permission;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.library.CheckStatus;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentNotFoundException;
import uk.gov.observatory.library.DocumentNotPermittedException;
import uk.gov.observatory.library.DocumentStatus;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.Finding;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.library.PublicationBlockedException;
import uk.gov.observatory.library.ReviewModel;
import uk.gov.observatory.library.TextStatus;
import uk.gov.observatory.reference.CodeLists;
import uk.gov.observatory.reference.LocalAuthority;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.Lcsprs;
import uk.gov.observatory.web.Fmt;
import uk.gov.observatory.web.FormErrors;
import uk.gov.observatory.web.PageController;
import uk.gov.observatory.web.WebErrorAdvice;

/**
 * The learning library's staff pages (/library): the documents the viewer manages, adding one with
 * its details and PDF, its page (details, the PDF's text status, the identifying-details check's
 * pages and lines, never what was found), editing its details, uploading a redacted PDF, checking
 * again, publishing (refused while blocked), the secretariat's override with a reason, and
 * withdrawal. The secretariat (MANAGE_LIBRARY) manages every document; a partnership
 * (SUBMIT_REVIEWS) the reports of the LCSPRs it reaches (the service decides which).
 */
@PageController
class LibraryStaffController {

  /** The largest PDF the pages take (the server's limit on an upload). */
  static final String MAX_UPLOAD_WORDS = "20 MB";

  /** Beyond this many LCSPRs to choose from, the reference is typed. */
  static final int MAX_CHOICES = 60;

  /** The code list of children's age bands (the reference data has no constant for it). */
  static final String AGE_BAND = "age_band";

  private final LibraryDocuments documents;
  private final LibrarySources sources;
  private final Lcsprs lcsprs;
  private final ReferenceData reference;
  private final Viewers viewers;
  private final Fmt fmt;

  LibraryStaffController(
      LibraryDocuments documents,
      LibrarySources sources,
      Lcsprs lcsprs,
      ReferenceData reference,
      Viewers viewers,
      Fmt fmt) {
    this.documents = documents;
    this.sources = sources;
    this.lcsprs = lcsprs;
    this.reference = reference;
    this.viewers = viewers;
    this.fmt = fmt;
  }

  /** A choice in a list: its value and its words. */
  public record Option(String value, String label) {}

  /**
   * A group of checkboxes: its field name, legend and choices; {@code target} when its first box is
   * the one an error about the field links to.
   */
  public record Checkboxes(String name, String legend, List<Option> options, boolean target) {}

  /** A document as the list shows it. */
  public record Row(
      long id,
      String title,
      String type,
      DocumentStatus status,
      String check,
      String checkColour,
      String published) {}

  /** Where the check found something, in words: "Page 3, line 12" / "A child's name". */
  public record Where(String where, String what) {}

  // ------------------------------------------------------------ the list

  @GetMapping("/library")
  public String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String added,
      Model model,
      Principal principal) {
    Viewer viewer = viewers.of(principal);
    List<LibraryDocument> all = documents.list(viewer);
    DocumentStatus only = null;
    if (status != null && !status.isBlank()) {
      try {
        only = DocumentStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        only = null;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (LibraryDocument d : all) {
      if (only == null || d.status() == only) {
        rows.add(row(d));
      }
    }
    List<Option> statuses = new ArrayList<>();
    statuses.add(new Option("", "All (" + fmt.number(all.size()) + ")"));
    for (DocumentStatus s : DocumentStatus.values()) {
      long n = all.stream().filter(d -> d.status() == s).count();
      statuses.add(new Option(s.name(), s.label() + " (" + fmt.number(n) + ")"));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("total", all.size());
    model.addAttribute("statuses", statuses);
    model.addAttribute("status", only == null ? "" : only.name());
    model.addAttribute("statusLabel", only == null ? null : only.label());
    model.addAttribute("secretariat", viewer.can(Permission.MANAGE_LIBRARY));
    model.addAttribute("added", added == null ? null : parseCount(added));
    return "library/staff-list";
  }

  private Row row(LibraryDocument d) {
    String[] check = checkTag(d);
    return new Row(
        d.id(),
        d.details().title(),
        d.details().type() == null ? "" : d.details().type().label(),
        d.status(),
        check[0],
        check[1],
        fmt.date(d.details().publishedOn()));
  }

  /** The check's tag: its words and its colour. */
  static String[] checkTag(LibraryDocument d) {
    if (d.checkStatus() == CheckStatus.OVERRIDDEN) {
      return new String[] {"Overridden", "govuk-tag--yellow"};
    }
    if (d.textStatus() == TextStatus.NO_TEXT) {
      return new String[] {"No text", "govuk-tag--orange"};
    }
    return switch (d.checkStatus()) {
      case CLEAR -> new String[] {"Clear", "govuk-tag--green"};
      case BLOCKED -> {
        int n = d.findings().size();
        yield new String[] {
          "Blocked (" + n + (n == 1 ? " finding)" : " findings)"), "govuk-tag--red"
        };
      }
      default -> new String[] {"Not checked", "govuk-tag--grey"};
    };
  }

  private static Integer parseCount(String s) {
    return s.matches("[0-9]{1,6}") ? Integer.valueOf(s) : null;
  }

  /** Adds the published thematic analyses and briefings not yet in the library, as drafts. */
  @PostMapping("/library/sources")
  public String addSources(Principal principal) {
    Viewer viewer = viewers.of(principal);
    if (!viewer.can(Permission.MANAGE_LIBRARY)) {
      throw new DocumentNotPermittedException(
          "Only the secretariat adds the Panel’s analyses and briefings to the library");
    }
    int n = sources.addPublishedAnalysesAndBriefings(viewer);
    return "redirect:/library?added=" + n;
  }

  // ------------------------------------------------------------ adding

  @GetMapping("/library/new")
  public String newDocument(
      @RequestParam(required = false) String lcspr, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LibraryDocumentForm form = new LibraryDocumentForm();
    boolean secretariat = viewer.can(Permission.MANAGE_LIBRARY);
    if (!secretariat) {
      form.type = DocumentType.LCSPR.name();
    }
    if (lcspr != null && !lcspr.isBlank()) {
      Optional<Lcspr> l = lcsprs.find(lcspr.strip(), viewer);
      if (l.isPresent()) {
        sources.prefill(form, l.get(), viewer);
      }
    }
    return formPage(model, viewer, form, null, new FormErrors(), false);
  }

  @PostMapping("/library/new")
  public String add(
      @RequestParam(required = false) MultipartFile pdf,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Viewer viewer = viewers.of(principal);
    LibraryDocumentForm form = LibraryDocumentForm.read(request);
    FormErrors errors = new FormErrors();
    DocumentDetails details = form.details(errors);
    boolean isLcspr = DocumentType.LCSPR.name().equals(form.type);
    if (!viewer.can(Permission.MANAGE_LIBRARY) && !isLcspr && errors.isEmpty()) {
      errors.add("type", "A partnership adds the reports of its own LCSPRs: choose that type");
    }
    if (isLcspr && form.lcspr.isEmpty()) {
      errors.add("lcspr", "Choose the LCSPR whose report this is");
    }
    PdfFile file = upload(pdf, errors);
    if (file == null && form.useLcsprReport && isLcspr && !form.lcspr.isEmpty()) {
      Optional<byte[]> report = lcsprs.report(form.lcspr, viewer);
      if (report.isPresent()) {
        file = new PdfFile(form.lcspr + ".pdf", report.get());
      } else {
        errors.add("pdf", "The LCSPR has no report uploaded: choose the PDF file");
      }
    }
    if (errors.isEmpty()) {
      try {
        LibraryDocument d =
            documents.add(
                new NewDocument(details, isLcspr ? form.lcspr : null, null, file), viewer);
        return "redirect:/library/" + d.id() + "?added";
      } catch (InvalidDocumentException e) {
        LibraryDocumentForm.addProblems(e, errors);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return formPage(model, viewer, form, null, errors, pdf != null && !pdf.isEmpty());
  }

  /** The uploaded file, or null when none was chosen; a file that is not a PDF is an error. */
  private static PdfFile upload(MultipartFile pdf, FormErrors errors) throws IOException {
    if (pdf == null || pdf.isEmpty()) {
      return null;
    }
    byte[] bytes = pdf.getBytes();
    if (bytes.length > LibraryDocuments.MAX_PDF_BYTES) {
      errors.add("pdf", "The file is larger than " + MAX_UPLOAD_WORDS);
      return null;
    }
    if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      errors.add("pdf", "The file must be a PDF");
      return null;
    }
    String name = pdf.getOriginalFilename();
    if (name != null) {
      // as given, without a path some browsers send
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
    return new PdfFile(name == null || name.isBlank() ? "document.pdf" : name, bytes);
  }

  private String formPage(
      Model model,
      Viewer viewer,
      LibraryDocumentForm form,
      LibraryDocument existing,
      FormErrors errors,
      boolean fileDropped) {
    boolean secretariat = viewer.can(Permission.MANAGE_LIBRARY);
    List<Option> types = new ArrayList<>();
    for (DocumentType t : DocumentType.values()) {
      if (secretariat || t == DocumentType.LCSPR) {
        types.add(new Option(t.name(), t.label()));
      }
    }
    List<Option> models = new ArrayList<>();
    models.add(new Option("", "Not known"));
    for (ReviewModel m : ReviewModel.values()) {
      models.add(new Option(m.name(), m.label()));
    }
    List<Option> authorities = new ArrayList<>();
    authorities.add(
        new Option("", existing == null ? "None, or the LCSPR’s authority" : "None (national)"));
    for (LocalAuthority la : reference.authorities()) {
      if (secretariat || viewer.reaches(la.code()) || la.code().equals(form.la)) {
        authorities.add(new Option(la.code(), fmt.laChoice(la)));
      }
    }
    model.addAttribute("form", form);
    model.addAttribute("document", existing);
    model.addAttribute("errors", errors);
    model.addAttribute("secretariat", secretariat);
    model.addAttribute("types", types);
    model.addAttribute("models", models);
    model.addAttribute("authorities", authorities);
    List<Option> choices = existing == null ? lcsprChoices(viewer, form) : List.of();
    model.addAttribute("lcsprChoices", choices);
    // hundreds of LCSPRs (the secretariat's) are typed, not scrolled through
    model.addAttribute("lcsprTyped", choices.size() > MAX_CHOICES);
    model.addAttribute(
        "lcsprExample", choices.size() > 1 ? choices.get(1).value() : "LCSPR-2020-00001");
    model.addAttribute(
        "lcsprReport",
        existing == null && !form.lcspr.isEmpty()
            ? lcsprs.find(form.lcspr, viewer).map(Lcspr::reportSha256).orElse(null)
            : null);
    model.addAttribute(
        "checkboxes",
        List.of(
            checkboxes("ageBands", "Children’s age bands", AGE_BAND, true),
            checkboxes("categories", "Categories of death", CodeLists.DEATH_CATEGORY, true),
            checkboxes("categories", "Categories of serious harm", CodeLists.HARM_CATEGORY, false),
            checkboxes("themes", "Practice themes", CodeLists.PRACTICE_THEMES, true)));
    model.addAttribute("fileDropped", fileDropped);
    model.addAttribute("maxUpload", MAX_UPLOAD_WORDS);
    return "library/staff-form";
  }

  private Checkboxes checkboxes(String name, String legend, String list, boolean target) {
    return new Checkboxes(
        name,
        legend,
        reference.codeList(list).codes().stream()
            .map(c -> new Option(c.code(), c.label()))
            .toList(),
        target);
  }

  /**
   * The LCSPRs whose report the viewer may add: those reached, neither withdrawn nor not to be
   * published (a draft may be prepared before the review is published).
   */
  private List<Option> lcsprChoices(Viewer viewer, LibraryDocumentForm form) {
    List<Option> out = new ArrayList<>();
    out.add(new Option("", "Choose an LCSPR"));
    lcsprs.all(viewer).stream()
        .filter(
            l ->
                l.status() != LcsprStatus.WITHDRAWN && l.status() != LcsprStatus.NOT_PUBLISHING
                    || l.ref().equals(form.lcspr))
        .sorted(Comparator.comparing(Lcspr::ref).reversed())
        .forEach(
            l ->
                out.add(
                    new Option(
                        l.ref(),
                        l.ref()
                            + " ("
                            + l.status().label().toLowerCase(Locale.ROOT)
                            + (l.publicationDate() == null
                                ? ""
                                : " " + fmt.date(l.publicationDate()))
                            + (l.reportSha256() == null ? "" : ", report uploaded")
                            + ")")));
    return out;
  }

  // ------------------------------------------------------------ a document

  @GetMapping("/library/{id}")
  public String document(
      @PathVariable long id, Model model, Principal principal, HttpServletRequest request) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    String banner = null;
    for (String[] flag : BANNERS) {
      if (request.getParameter(flag[0]) != null) {
        banner = flag[1];
      }
    }
    return documentPage(model, viewer, d, banner, new FormErrors());
  }

  private static final String[][] BANNERS = {
    {"added", "The document has been added as a draft"},
    {"saved", "The details have been saved and checked again"},
    {"replaced", "The new PDF has been uploaded and checked"},
    {"checked", "The document has been checked again"},
    {"published", "The document has been published in the learning library"},
    {"withdrawn", "The document has been withdrawn from the learning library"}
  };

  private String documentPage(
      Model model, Viewer viewer, LibraryDocument d, String banner, FormErrors errors) {
    DocumentDetails x = d.details();
    model.addAttribute("d", d);
    model.addAttribute("x", x);
    model.addAttribute("banner", banner);
    model.addAttribute("errors", errors);
    model.addAttribute("secretariat", viewer.can(Permission.MANAGE_LIBRARY));
    model.addAttribute("check", checkTag(d));
    model.addAttribute("where", where(d.findings()));
    model.addAttribute("authority", x.laCode() == null ? null : fmt.la(x.laCode()));
    model.addAttribute("ageBands", labels(AGE_BAND, x.ageBands()));
    model.addAttribute("categories", categories(x.categories()));
    model.addAttribute("themes", labels(CodeLists.PRACTICE_THEMES, x.themes()));
    model.addAttribute("maxUpload", MAX_UPLOAD_WORDS);
    return "library/staff-document";
  }

  static List<Where> where(List<Finding> findings) {
    List<Where> out = new ArrayList<>();
    for (Finding f : findings) {
      String where =
          f.page() != null
              ? "Page " + f.page() + ", line " + f.line()
              : LibraryDocumentForm.sentence(f.part().label()) + ", line " + f.line();
      out.add(new Where(where, LibraryDocumentForm.sentence(f.kind().label()).replace('\'', '’')));
    }
    return out;
  }

  private String labels(String list, List<String> codes) {
    return codes.isEmpty() ? "None given" : fmt.labels(list, codes);
  }

  /** death_category and harm_category codes (the lists share no code), by their labels. */
  private String categories(List<String> codes) {
    if (codes.isEmpty()) {
      return "None given";
    }
    List<String> out = new ArrayList<>();
    for (String c : codes) {
      if (reference.codeList(CodeLists.DEATH_CATEGORY).contains(c)) {
        out.add(fmt.label(CodeLists.DEATH_CATEGORY, c));
      } else if (reference.codeList(CodeLists.HARM_CATEGORY).contains(c)) {
        out.add(fmt.label(CodeLists.HARM_CATEGORY, c));
      } else {
        out.add(c);
      }
    }
    return String.join(", ", out);
  }

  @GetMapping("/library/{id}/pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable long id, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    byte[] pdf = documents.pdf(id, viewer).orElseThrow(() -> new DocumentNotFoundException(id));
    String name = d.pdfFilename() == null ? "document-" + id + ".pdf" : d.pdfFilename();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  /** Uploads a redacted (or any new) PDF in place of the document's. */
  @PostMapping("/library/{id}/pdf")
  public String replace(
      @PathVariable long id,
      @RequestParam(required = false) MultipartFile pdf,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    FormErrors errors = new FormErrors();
    PdfFile file = upload(pdf, errors);
    if (file == null && errors.isEmpty()) {
      errors.add("pdf", "Choose the redacted PDF file");
    }
    Integer expected = version(version, d, errors);
    if (errors.isEmpty()) {
      try {
        documents.replacePdf(id, file, expected, viewer);
        return "redirect:/library/" + id + "?replaced";
      } catch (InvalidDocumentException e) {
        for (InvalidDocumentException.Problem p : e.problems()) {
          if ("version".equals(p.field())) {
            errors.addLink("version", "#main-content", CONFLICT);
          } else {
            errors.add("pdf", LibraryDocumentForm.sentence(p.message()));
          }
        }
      } catch (PublicationBlockedException e) {
        // a published document keeps its PDF when the new one does not pass the check
        errors.add("pdf", LibraryDocumentForm.sentence(e.getMessage()));
      }
    }
    response.setStatus(
        errors.has("version")
            ? HttpServletResponse.SC_CONFLICT
            : HttpServletResponse.SC_BAD_REQUEST);
    return documentPage(model, viewer, found(id, viewer), null, errors);
  }

  /**
   * The version the form was made from; a missing or an older one is a conflict, said plainly (the
   * page is shown again as it is now).
   */
  private static Integer version(String version, LibraryDocument d, FormErrors errors) {
    Integer v = version != null && version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
    if (v == null || v != d.version()) {
      errors.addLink("version", "#main-content", CONFLICT);
      return null;
    }
    return v;
  }

  static final String CONFLICT =
      "Someone else changed this document while you had it open. The page now shows it as it is:"
          + " check it, then make your change again";

  @PostMapping("/library/{id}/check")
  public String check(@PathVariable long id, Principal principal) {
    Viewer viewer = viewers.of(principal);
    found(id, viewer);
    documents.check(id, viewer);
    return "redirect:/library/" + id + "?checked";
  }

  // ------------------------------------------------------------ editing

  @GetMapping("/library/{id}/edit")
  public String edit(@PathVariable long id, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    return formPage(model, viewer, LibraryDocumentForm.of(d), d, new FormErrors(), false);
  }

  @PostMapping("/library/{id}/edit")
  public String save(
      @PathVariable long id,
      @RequestParam(required = false) String version,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    LibraryDocumentForm form = LibraryDocumentForm.read(request);
    form.lcspr = d.lcsprRef() == null ? "" : d.lcsprRef();
    FormErrors errors = new FormErrors();
    Integer expected = version(version, d, errors);
    DocumentDetails details = form.details(errors);
    if (errors.isEmpty()) {
      try {
        documents.update(id, details, expected, viewer);
        return "redirect:/library/" + id + "?saved";
      } catch (InvalidDocumentException e) {
        LibraryDocumentForm.addProblems(e, errors);
      } catch (PublicationBlockedException e) {
        // a published document keeps its details when the new ones do not pass the check
        errors.addLink("blocked", null, LibraryDocumentForm.sentence(e.getMessage()));
        for (Where w : where(e.findings())) {
          errors.addLink(
              "blocked-" + w.where(), null, w.where() + ": " + w.what().toLowerCase(Locale.ROOT));
        }
      }
    }
    response.setStatus(
        errors.has("version")
            ? HttpServletResponse.SC_CONFLICT
            : HttpServletResponse.SC_BAD_REQUEST);
    // what was typed is kept; the version is the document's as it is now
    return formPage(model, viewer, form, found(id, viewer), errors, false);
  }

  // ------------------------------------------------------------ publishing

  @GetMapping("/library/{id}/publish")
  public String confirmPublish(@PathVariable long id, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    return publishPage(model, viewer, d, false, "", new FormErrors());
  }

  private String publishPage(
      Model model,
      Viewer viewer,
      LibraryDocument d,
      boolean override,
      String reason,
      FormErrors errors) {
    model.addAttribute("d", d);
    model.addAttribute("check", checkTag(d));
    model.addAttribute("where", where(d.findings()));
    model.addAttribute("blocked", !publishable(d));
    model.addAttribute("override", override);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("secretariat", viewer.can(Permission.MANAGE_LIBRARY));
    return "library/staff-publish";
  }

  /** Whether the document may be published without an override. */
  static boolean publishable(LibraryDocument d) {
    return d.checkStatus() != CheckStatus.BLOCKED;
  }

  @PostMapping("/library/{id}/publish")
  public String publish(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    FormErrors errors = new FormErrors();
    try {
      documents.publish(id, null, viewer);
      return "redirect:/library/" + id + "?published";
    } catch (PublicationBlockedException e) {
      errors.addLink("findings", "#findings-heading", blockedMessage(e));
    } catch (InvalidDocumentException e) {
      int n = 0;
      for (InvalidDocumentException.Problem p : e.problems()) {
        errors.addLink(
            "problem-" + n++,
            "pdf".equals(p.field()) ? "/library/" + id + "#pdf-heading" : null,
            LibraryDocumentForm.sentence(p.message()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return publishPage(model, viewer, found(id, viewer), false, "", errors);
  }

  private static String blockedMessage(PublicationBlockedException e) {
    int n = e.findings().size();
    return n == 0
        ? "The document cannot be published: " + LibraryDocumentForm.sentence(e.getMessage())
        : "The document cannot be published: the check found "
            + (n == 1 ? "1 child’s identifying detail" : n + " children’s identifying details")
            + ". Upload a redacted version, then publish";
  }

  @GetMapping("/library/{id}/override")
  public String confirmOverride(@PathVariable long id, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    requireSecretariat(viewer);
    return publishPage(model, viewer, d, true, "", new FormErrors());
  }

  @PostMapping("/library/{id}/override")
  public String override(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    requireSecretariat(viewer);
    String reason = LibraryDocumentForm.multiline(request, "reason");
    FormErrors errors = new FormErrors();
    if (reason.isEmpty()) {
      errors.add(
          "reason", "Enter why the document may be published although the check found something");
    } else {
      try {
        documents.publish(id, reason, viewer);
        return "redirect:/library/" + id + "?published";
      } catch (PublicationBlockedException e) {
        errors.add("reason", blockedMessage(e));
      } catch (InvalidDocumentException e) {
        e.problems().forEach(p -> errors.add("reason", LibraryDocumentForm.sentence(p.message())));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return publishPage(model, viewer, found(id, viewer), true, reason, errors);
  }

  private static void requireSecretariat(Viewer viewer) {
    if (!viewer.can(Permission.MANAGE_LIBRARY)) {
      throw new DocumentNotPermittedException(
          "Only the secretariat can publish a document with an override of the check. Upload a"
              + " redacted version instead, or ask the secretariat");
    }
  }

  // ------------------------------------------------------------ withdrawing

  @GetMapping("/library/{id}/withdraw")
  public String confirmWithdraw(@PathVariable long id, Model model, Principal principal) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    return withdrawPage(model, d, "", new FormErrors());
  }

  private String withdrawPage(Model model, LibraryDocument d, String reason, FormErrors errors) {
    model.addAttribute("d", d);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    return "library/staff-withdraw";
  }

  @PostMapping("/library/{id}/withdraw")
  public String withdraw(
      @PathVariable long id,
      Model model,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    Viewer viewer = viewers.of(principal);
    LibraryDocument d = found(id, viewer);
    String reason = LibraryDocumentForm.multiline(request, "reason");
    FormErrors errors = new FormErrors();
    if (reason.isEmpty()) {
      errors.add("reason", "Enter why the document is withdrawn from the library");
    } else if (!d.published()) {
      errors.add("reason", "Only a published document can be withdrawn");
    } else {
      try {
        documents.withdraw(id, reason, viewer);
        return "redirect:/library/" + id + "?withdrawn";
      } catch (InvalidDocumentException e) {
        e.problems().forEach(p -> errors.add("reason", LibraryDocumentForm.sentence(p.message())));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return withdrawPage(model, found(id, viewer), reason, errors);
  }

  // ------------------------------------------------------------ helpers

  private LibraryDocument found(long id, Viewer viewer) {
    return documents.find(id, viewer).orElseThrow(() -> new DocumentNotFoundException(id));
  }

  @ExceptionHandler(DocumentNotFoundException.class)
  ModelAndView notFound(DocumentNotFoundException e) {
    return WebErrorAdvice.refusal(
        HttpStatus.NOT_FOUND,
        "There is no such document in the library, or it is not one you manage.");
  }

  @ExceptionHandler(DocumentNotPermittedException.class)
  ModelAndView forbidden(DocumentNotPermittedException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return WebErrorAdvice.refusal(
        HttpStatus.FORBIDDEN, LibraryDocumentForm.sentence(m) + (m.endsWith(".") ? "" : "."));
  }

  /** Publication or a change refused by the check, where the page has no form for it. */
  @ExceptionHandler(PublicationBlockedException.class)
  ModelAndView blocked(PublicationBlockedException e) {
    return WebErrorAdvice.refusal(
        HttpStatus.BAD_REQUEST, LibraryDocumentForm.sentence(e.getMessage()));
  }

  /** A refusal met where the page has no form to show it beside (checking again, say). */
  @ExceptionHandler(InvalidDocumentException.class)
  ModelAndView invalid(InvalidDocumentException e) {
    return WebErrorAdvice.refusal(
        HttpStatus.BAD_REQUEST,
        String.join(
            " ",
            e.problems().stream().map(p -> LibraryDocumentForm.sentence(p.message())).toList()));
  }
}
