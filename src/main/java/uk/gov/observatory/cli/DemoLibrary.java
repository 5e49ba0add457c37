package uk.gov.observatory.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.library.DocumentDetails;
import uk.gov.observatory.library.DocumentType;
import uk.gov.observatory.library.LibraryDocument;
import uk.gov.observatory.library.LibraryDocuments;
import uk.gov.observatory.library.NewDocument;
import uk.gov.observatory.library.PdfFile;
import uk.gov.observatory.library.ReviewModel;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.Lcspr;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.Lcsprs;

/**
 * The demonstration's learning library, when it holds no document yet: a handful of fictitious
 * documents (each PDF marked as synthetic on every page), published so that the public pages have
 * something to find, one of them the report of a published Leeds LCSPR; and one draft, the report
 * of another Leeds LCSPR, in which the name of one of that LCSPR's (synthetic) children was left by
 * mistake, so that the staff pages show a document the check blocks, with its page and line.
 */
class DemoLibrary {

  /** On every page of every demonstration PDF. */
  static final String MARKER =
      "FICTITIOUS - SYNTHETIC DATA FOR THE DEMONSTRATION - NOT A REAL REVIEW";

  private final LibraryDocuments documents;
  private final Lcsprs lcsprs;
  private final NotificationRegister register;

  DemoLibrary(LibraryDocuments documents, Lcsprs lcsprs, NotificationRegister register) {
    this.documents = documents;
    this.lcsprs = lcsprs;
    this.register = register;
  }

  /** A document of the demonstration: its details and its pages' paragraphs. */
  record Doc(DocumentDetails details, List<List<String>> pages) {}

  /** Loads the library when it is empty; says what it did on {@code out}. */
  void load(PrintStream out) {
    Viewer secretariat = Viewer.system(DemoData.PREFIX + "secretariat");
    if (!documents.list(secretariat).isEmpty()) {
      return;
    }
    List<Lcspr> leeds = leedsLcsprs(secretariat);
    int published = 0;
    for (Doc d : published()) {
      LibraryDocument added =
          documents.add(
              new NewDocument(d.details(), null, null, pdf(d.details().title(), d.pages())),
              secretariat);
      documents.publish(added.id(), null, secretariat);
      published++;
    }
    String blocked = null;
    if (!leeds.isEmpty() && leeds.get(0).status() == LcsprStatus.PUBLISHED) {
      Lcspr first = leeds.remove(0);
      Doc d = lcsprReport(first, false, null);
      LibraryDocument added =
          documents.add(
              new NewDocument(d.details(), first.ref(), null, pdf(d.details().title(), d.pages())),
              secretariat);
      documents.publish(added.id(), null, secretariat);
      published++;
    }
    if (!leeds.isEmpty()) {
      Lcspr second = leeds.get(0);
      Optional<String> name = childName(second);
      if (name.isPresent()) {
        Doc d = lcsprReport(second, true, name.get());
        LibraryDocument added =
            documents.add(
                new NewDocument(
                    d.details(), second.ref(), null, pdf(d.details().title(), d.pages())),
                secretariat);
        blocked = added.id() + " (" + second.ref() + ")";
      }
    }
    out.printf(
        "Demo: the learning library holds %d published documents%s.%n",
        published, blocked == null ? "" : " and a draft the check blocks, document " + blocked);
  }

  /**
   * Leeds's LCSPRs (the demo partnership's) that will be published: the published first, then the
   * furthest on.
   */
  private List<Lcspr> leedsLcsprs(Viewer viewer) {
    List<Lcspr> out = new ArrayList<>();
    for (Lcsprs.Listed l : lcsprs.listed(viewer)) {
      LcsprStatus s = l.lcspr().status();
      if (s != LcsprStatus.WITHDRAWN
          && s != LcsprStatus.NOT_PUBLISHING
          && l.laCodes().equals(List.of(DemoData.LA))) {
        out.add(l.lcspr());
      }
    }
    out.sort(Comparator.comparing((Lcspr l) -> -l.status().ordinal()).thenComparing(Lcspr::ref));
    return out;
  }

  /** The day an LCSPR's report is (or is to be) published. */
  static LocalDate publishedOn(Lcspr l) {
    if (l.publicationDate() != null) {
      return l.publicationDate();
    }
    return l.completedDate() != null ? l.completedDate() : l.initiatedDate().plusMonths(6);
  }

  /** The first named child of the LCSPR's notifications (synthetic), read in memory. */
  private Optional<String> childName(Lcspr l) {
    Viewer system = Viewer.system("demo");
    for (String ref : l.notificationRefs()) {
      Optional<Notification> n = register.showIdentifyingDetails(ref, system);
      if (n.isPresent()) {
        for (Notification.Child c : n.get().children()) {
          if (c.childName() != null && !c.childName().isBlank()) {
            return Optional.of(c.childName());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static DocumentDetails details(
      DocumentType type,
      String title,
      LocalDate on,
      String la,
      ReviewModel model,
      List<String> ages,
      List<String> categories,
      List<String> themes,
      List<String> keywords,
      String summary,
      String learning,
      String recommendations) {
    return new DocumentDetails(
        type,
        title,
        on,
        la,
        model,
        ages,
        categories,
        themes,
        keywords,
        summary,
        learning,
        recommendations);
  }

  /** The published documents (fictitious). */
  static List<Doc> published() {
    return List.of(
        new Doc(
            details(
                DocumentType.NATIONAL_REVIEW,
                "Safer sleep in families under stress: a national review",
                LocalDate.of(2020, 7, 14),
                null,
                ReviewModel.SYSTEMS,
                List.of("UNDER_1"),
                List.of("SUDI"),
                List.of("CHILD_DAILY_LIFE", "CHANGING_RISK", "INFORMATION_SHARING"),
                List.of("safer sleep", "infants", "co-sleeping", "alcohol", "synthetic"),
                "A fictitious national review of the sudden unexpected deaths of infants in"
                    + " families already known to children's social care, where parents slept with"
                    + " their baby after drinking alcohol or when the family's routine was"
                    + " disrupted.",
                "Safer sleep advice was given once, at birth, and not revisited when the family's"
                    + " circumstances changed. Practitioners rarely saw where the baby slept.",
                "Health visitors and social workers ask to see where the baby sleeps at every"
                    + " visit. Safer sleep plans are reviewed whenever the family's routine"
                    + " changes."),
            List.of(
                List.of(
                    "Introduction",
                    "This fictitious review looked at the sudden unexpected deaths of infants in"
                        + " families where the children were considered at risk of significant"
                        + " harm. In most of the deaths the baby was sleeping with a parent on a"
                        + " sofa or in an adult bed after the parent had been drinking alcohol.",
                    "Understanding what the child's daily life is like",
                    "Practitioners knew the family's history but rarely saw the baby's sleeping"
                        + " arrangements. Home visits were often planned in advance and took place"
                        + " in the front room."),
                List.of(
                    "Responding to changing risk and need",
                    "Risk rose when routines were disrupted: a house move, a new partner, a family"
                        + " celebration or a period of illness. Plans made at birth were not"
                        + " revisited.",
                    "Sharing information in a timely and appropriate way",
                    "Midwives, health visitors and children's social care each held part of the"
                        + " picture. Information about parental alcohol use was not shared with"
                        + " the health visitor."),
                List.of(
                    "Recommendations",
                    "Every agency in contact with a family with a baby asks where the baby sleeps"
                        + " and looks, and records what it saw.",
                    "Safer sleep plans are reviewed whenever the family's circumstances"
                        + " change."))),
        new Doc(
            details(
                DocumentType.NATIONAL_REVIEW,
                "Drawn in: protecting adolescents from criminal exploitation",
                LocalDate.of(2020, 3, 3),
                null,
                ReviewModel.APPRECIATIVE_INQUIRY,
                List.of("AGE_10_14", "AGE_15_17"),
                List.of("CRIMINAL_EXPLOITATION", "EXTRA_FAMILIAL_HOMICIDE"),
                List.of("CRITICAL_THINKING", "RELUCTANT_ENGAGEMENT", "LEADERSHIP_CULTURE"),
                List.of("county lines", "exclusion", "adolescents", "contextual safeguarding"),
                "A fictitious national review of adolescents harmed through criminal"
                    + " exploitation, many of them excluded from school in the months before.",
                "Exclusion from school was a trigger point. Young people were seen as making"
                    + " choices rather than as children being exploited.",
                "Schools, youth offending services and the police agree a plan before a child"
                    + " at risk of exploitation is excluded."),
            List.of(
                List.of(
                    "Introduction",
                    "This fictitious review looked at adolescents who were seriously harmed or"
                        + " killed while being criminally exploited. Many had been excluded from"
                        + " mainstream school in the months before.",
                    "Critical thinking and challenge",
                    "Professionals too often accepted that the young person was choosing the"
                        + " risks they took, and did not challenge that view."),
                List.of(
                    "Working with families where engagement is reluctant and sporadic",
                    "Parents asked for help and were told their child did not meet the"
                        + " threshold. Young people missed appointments and were discharged.",
                    "Organisational leadership and culture for good outcomes",
                    "Where leaders had built a shared approach to extra-familial harm, the"
                        + " response was quicker and more joined up."))),
        new Doc(
            details(
                DocumentType.SCR,
                "Serious case review: Child D",
                LocalDate.of(2019, 5, 21),
                DemoData.LA,
                ReviewModel.TRADITIONAL,
                List.of("AGE_1_4"),
                List.of("NONFATAL_NEGLECT"),
                List.of("CHILD_DAILY_LIFE", "RELUCTANT_ENGAGEMENT"),
                List.of("neglect", "missed appointments", "synthetic"),
                "A fictitious serious case review of a young child who suffered long-term"
                    + " neglect while the family was known to several agencies.",
                "Missed health appointments were not seen as a sign of neglect. The child's"
                    + " experience was lost behind the parents' account.",
                "Agencies treat a pattern of missed appointments as a safeguarding concern."),
            List.of(
                List.of(
                    "Introduction",
                    "This fictitious serious case review considered the neglect of Child D, a"
                        + " young child, over two years.",
                    "Understanding what the child's daily life is like",
                    "Nobody asked what a day was like for Child D. Visits focused on the"
                        + " parents' difficulties."),
                List.of(
                    "Working with families where engagement is reluctant and sporadic",
                    "Appointments were missed again and again, and cases were closed rather than"
                        + " escalated. Disguised compliance was not recognised."))));
  }

  /** An LCSPR's report: with the child's name left in by mistake when {@code planted}. */
  static Doc lcsprReport(Lcspr l, boolean planted, String childName) {
    String who = planted ? childName : "the child";
    return new Doc(
        details(
            DocumentType.LCSPR,
            // not its reference: the demo's (SYN-LCSPR-...) shares a word with the synthetic
            // children's names ("... (synthetic SYN-2019-00001)"), which the check would find
            "Local child safeguarding practice review: Child " + (planted ? "L" : "K") + ", Leeds",
            publishedOn(l),
            DemoData.LA,
            ReviewModel.SILP,
            List.of(),
            List.of(),
            List.of("INFORMATION_SHARING", "CRITICAL_THINKING"),
            List.of("information sharing", "professional curiosity", "synthetic"),
            "A fictitious local review of the help given to a family in Leeds before a serious"
                + " incident.",
            "Agencies held important information that was not shared in time.",
            "The partnership agrees how information is shared when a family moves between"
                + " services."),
        List.of(
            List.of(
                "Introduction",
                "This fictitious review was commissioned by the Leeds safeguarding partnership"
                    + " after a serious incident. It follows the SILP model.",
                "Sharing information in a timely and appropriate way",
                "The school, the GP and children's social care each held part of the picture."),
            List.of(
                "Key practice episodes",
                "In the spring the family moved between two health visiting teams.",
                "The new team was not told of the earlier concerns.",
                "At a visit in the summer, "
                    + who
                    + " was seen with a bruise that was not explained.",
                "Critical thinking and challenge",
                "The explanation given was accepted without challenge.")));
  }

  /** A plain A4 PDF of the pages' paragraphs, the marker at the head of each page. */
  static PdfFile pdf(String title, List<List<String>> pages) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      float width = PDRectangle.A4.getWidth() - 120;
      boolean first = true;
      for (List<String> paragraphs : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
          c.beginText();
          c.setLeading(16);
          c.newLineAtOffset(60, PDRectangle.A4.getHeight() - 60);
          c.setFont(bold, 9);
          c.showText(MARKER);
          c.newLine();
          c.newLine();
          if (first) {
            c.setFont(bold, 14);
            for (String line : wrap(title, bold, 14, width)) {
              c.showText(line);
              c.newLine();
            }
            c.newLine();
            first = false;
          }
          for (String p : paragraphs) {
            boolean heading = p.length() < 80 && !p.endsWith(".");
            PDType1Font font = heading ? bold : regular;
            c.setFont(font, 11);
            for (String line : wrap(p, font, 11, width)) {
              c.showText(line);
              c.newLine();
            }
            c.newLine();
          }
          c.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      String name = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      return new PdfFile(name.replaceAll("^-|-$", "") + ".pdf", out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> wrap(String text, PDType1Font font, float size, float width)
      throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      String tried = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
        out.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(tried);
      }
    }
    out.add(line.toString());
    return out;
  }
}
