package uk.gov.observatory.library.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.InvalidDocumentException;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.ReviewModel;
import uk.gov.observatory.web.DateParts;
import uk.gov.observatory.web.FormErrors;

/**
 * A document's details as typed on the staff pages (add and edit): every field kept as typed, so
 * that a page shown again with its errors loses nothing (except the chosen file, which a browser
 * never sends back).
 */
public class LibraryDocumentForm {

  public String type = "";
  public String title = "";
  public DateParts published = new DateParts();
  public String lcspr = "";
  public String la = "";
  public String model = "";
  public List<String> ageBands = new ArrayList<>();
  public List<String> categories = new ArrayList<>();
  public List<String> themes = new ArrayList<>();
  public String keywords = "";
  public String summary = "";
  public String learning = "";
  public String recommendations = "";

  /** For a new LCSPR document: take the LCSPR's uploaded report as the PDF. */
  public boolean useLcsprReport;

  public String getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public DateParts getPublished() {
    return published;
  }

  public String getLcspr() {
    return lcspr;
  }

  public String getLa() {
    return la;
  }

  public String getModel() {
    return model;
  }

  public List<String> getAgeBands() {
    return ageBands;
  }

  public List<String> getCategories() {
    return categories;
  }

  public List<String> getThemes() {
    return themes;
  }

  public String getKeywords() {
    return keywords;
  }

  public String getSummary() {
    return summary;
  }

  public String getLearning() {
    return learning;
  }

  public String getRecommendations() {
    return recommendations;
  }

  public boolean isUseLcsprReport() {
    return useLcsprReport;
  }

  /** The form as sent. */
  static LibraryDocumentForm read(HttpServletRequest request) {
    LibraryDocumentForm f = new LibraryDocumentForm();
    f.type = text(request, "type");
    f.title = text(request, "title");
    f.published =
        new DateParts(
            request.getParameter("published-day"),
            request.getParameter("published-month"),
            request.getParameter("published-year"));
    f.lcspr = text(request, "lcspr");
    f.la = text(request, "la");
    f.model = text(request, "model");
    f.ageBands = values(request, "ageBands");
    f.categories = values(request, "categories");
    f.themes = values(request, "themes");
    f.keywords = text(request, "keywords");
    f.summary = multiline(request, "summary");
    f.learning = multiline(request, "learning");
    f.recommendations = multiline(request, "recommendations");
    f.useLcsprReport = "yes".equals(request.getParameter("useLcsprReport"));
    return f;
  }

  /** A stored document's details, to edit. */
  static LibraryDocumentForm of(LibraryDocument d) {
    LibraryDocumentForm f = new LibraryDocumentForm();
    DocumentDetails x = d.details();
    f.type = x.type() == null ? "" : x.type().name();
    f.title = nz(x.title());
    LocalDate on = x.publishedOn();
    f.published =
        on == null
            ? new DateParts()
            : new DateParts(
                String.valueOf(on.getDayOfMonth()),
                String.valueOf(on.getMonthValue()),
                String.valueOf(on.getYear()));
    f.lcspr = nz(d.lcsprRef());
    f.la = nz(x.laCode());
    f.model = x.reviewModel() == null ? "" : x.reviewModel().name();
    f.ageBands = new ArrayList<>(x.ageBands());
    f.categories = new ArrayList<>(x.categories());
    f.themes = new ArrayList<>(x.themes());
    f.keywords = String.join(", ", x.keywords());
    f.summary = nz(x.summary());
    f.learning = nz(x.learning());
    f.recommendations = nz(x.recommendations());
    return f;
  }

  /**
   * The details these fields give, or the problems found on the page itself (each on its field: the
   * date's parts, a type or model not offered), thrown before anything is asked of the service.
   */
  DocumentDetails details(FormErrors errors) {
    DocumentType t = null;
    if (type.isEmpty()) {
      errors.add("type", "Choose the type of document");
    } else {
      try {
        t = DocumentType.valueOf(type);
      } catch (IllegalArgumentException e) {
        errors.add("type", "Choose one of the types of document listed");
      }
    }
    if (title.isEmpty()) {
      errors.add("title", "Enter the document’s title");
    }
    LocalDate on = null;
    String[] problem = published.problem("The publication date");
    if (published.isBlank()) {
      errors.add("published-day", "Enter the date the document was published");
      errors.mark("published", "Enter the date the document was published");
    } else if (problem != null) {
      errors.add("published-" + problem[1], problem[0]);
      errors.mark("published", problem[0]);
    } else {
      on = published.toDate();
    }
    ReviewModel m = null;
    if (!model.isEmpty()) {
      try {
        m = ReviewModel.valueOf(model);
      } catch (IllegalArgumentException e) {
        errors.add("model", "Choose one of the review models listed, or none");
      }
    }
    return new DocumentDetails(
        t,
        title,
        on,
        la.isEmpty() ? null : la,
        m,
        ageBands,
        categories,
        themes,
        keywordList(keywords),
        blankToNull(summary),
        blankToNull(learning),
        blankToNull(recommendations));
  }

  /** Keywords typed on one line, separated by commas (or semicolons). */
  static List<String> keywordList(String line) {
    List<String> out = new ArrayList<>();
    for (String k : line.split("[,;]")) {
      String w = k.strip();
      if (!w.isEmpty() && !out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The page's field for a field a problem names (the service's names in any spelling: laCode,
   * la_code, la), or null when the page has none.
   */
  static String fieldOf(String field) {
    if (field == null) {
      return null;
    }
    String f = field.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toLowerCase();
    return FIELDS.get(f);
  }

  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    put("type", "type", "doc_type", "document_type");
    put("title", "title");
    put("published-day", "published_on", "published", "publication_date", "date");
    put("lcspr", "lcspr", "lcspr_ref");
    put("la", "la", "la_code", "local_authority", "authority");
    put("model", "model", "review_model");
    put("ageBands", "age_bands", "age_band", "age");
    put("categories", "categories", "category");
    put("themes", "themes", "theme", "practice_themes");
    put("keywords", "keywords", "keyword");
    put("summary", "summary");
    put("learning", "learning");
    put("recommendations", "recommendations");
    put("pdf", "pdf", "file", "report");
  }

  private static void put(String id, String... names) {
    Arrays.stream(names).forEach(n -> FIELDS.put(n, id));
  }

  /** The service's problems on the page, each beside its field where the page has one. */
  static void addProblems(InvalidDocumentException e, FormErrors errors) {
    int n = 0;
    for (InvalidDocumentException.Problem p : e.problems()) {
      String id = fieldOf(p.field());
      String message = sentence(p.message());
      if ("version".equals(p.field())) {
        errors.addLink("version", "#main-content", LibraryStaffController.CONFLICT);
      } else if (id == null) {
        errors.addLink("problem-" + n++, null, message);
      } else {
        errors.add(id, message);
        if (id.equals("published-day")) {
          errors.mark("published", message);
        }
      }
    }
  }

  /** A message as a sentence: its first letter a capital. */
  static String sentence(String message) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  static String text(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.strip();
  }

  static String multiline(HttpServletRequest request, String name) {
    String v = request.getParameter(name);
    return v == null ? "" : v.replace("\r\n", "\n").strip();
  }

  private static List<String> values(HttpServletRequest request, String name) {
    String[] v = request.getParameterValues(name);
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String s : v) {
        if (s != null && !s.isBlank() && !out.contains(s.strip())) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
