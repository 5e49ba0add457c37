package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.review.Decision;
import uk.gov.observatory.review.OutboxSender;
import uk.gov.observatory.review.PanelView;
import uk.gov.observatory.review.PartnershipContacts;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Issue 15's review pages over HTTP: the Panel reads the rapid review (never the partnership's
 * form), Submit keeps everything typed, a conflict keeps both texts, a challenge's answer reaches
 * the Panel (worklist and email), and the response letter is emailed with its PDF (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class PanelReviewPagesHttpTest {

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  static final String WESTMINSTER = "E09000033";
  static final String CONTACT = "westminster-lscp@example.org";
  static final String PANEL = "panel@example.org";

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("observatory.reminders.panel-address", () -> PANEL);
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired RapidReviews rapidReviews;
  @Autowired PartnershipContacts contacts;
  @Autowired OutboxSender sender;
  @Autowired JdbcTemplate jdbc;

  final Viewer system = Viewer.system("test.setup");

  @BeforeEach
  void emptyMailbox() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  SignedInHttp signedIn(String username, Role role, String... las) throws Exception {
    return new SignedInHttp(port).signIn(TestAccounts.create(accounts, username, role, las));
  }

  static Map<String, String> date(String prefix, LocalDate d) {
    return Map.of(
        prefix + "-day", String.valueOf(d.getDayOfMonth()),
        prefix + "-month", String.valueOf(d.getMonthValue()),
        prefix + "-year", String.valueOf(d.getYear()));
  }

  @SafeVarargs
  static Map<String, String> form(Map<String, String>... parts) {
    Map<String, String> all = new HashMap<>();
    for (Map<String, String> p : parts) {
      all.putAll(p);
    }
    return all;
  }

  Notification notification() {
    // Notified Wednesday 4 November 2026.
    return register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2026, 11, 2), 2, 1));
  }

  static final LocalDate SIGNED = LocalDate.of(2026, 11, 20);

  static RapidReviewContent content(String learning) {
    return new RapidReviewContent(
        "Early help, the health visitor and the police.",
        "The family moved home twice in the year before the incident.",
        "A strategy meeting was held the next day and the siblings were seen.",
        learning,
        "Through the partnership's learning briefings.",
        null,
        Decision.LCSPR,
        null,
        "Agencies did not share what each knew.",
        java.util.Set.of(uk.gov.observatory.review.Regulation11Criterion.AGENCIES_WORKING_TOGETHER),
        false,
        null,
        true,
        true,
        SIGNED,
        SIGNED,
        SIGNED,
        List.of());
  }

  /** A rapid review submitted on 24 November, then amended once (the learning rewritten). */
  RapidReview submittedAndAmended(String ref) {
    RapidReview draft =
        rapidReviews
            .save(
                ref, content("Information sharing between health and police was slow."), 0, system)
            .orElseThrow();
    RapidReview submitted =
        rapidReviews.submit(ref, LocalDate.of(2026, 11, 24), draft.version(), system).orElseThrow();
    return rapidReviews
        .save(
            ref,
            content("Information sharing between health and police was slow and partial."),
            submitted.version(),
            system)
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "a Panel member reads the rapid review's whole text, its versions and what changed, on its"
          + " own page, the case page and the consideration page; never the form, never a 403")
  void memberReadsTheRapidReview() throws Exception {
    Notification n = notification();
    submittedAndAmended(n.ref());
    SignedInHttp member = signedIn("panel.reader", Role.PANEL_MEMBER);

    HttpResponse<String> writeUrl = member.get("/notifications/" + n.ref() + "/rapid-review");
    assertThat(writeUrl.statusCode()).as("never 403").isEqualTo(302);
    assertThat(writeUrl.headers().firstValue("Location").orElseThrow())
        .endsWith("/notifications/" + n.ref() + "/rapid-review/read");

    HttpResponse<String> read = member.get("/notifications/" + n.ref() + "/rapid-review/read");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body())
        .contains("A strategy meeting was held the next day and the siblings were seen.")
        .contains("The family moved home twice in the year before the incident.")
        .contains("Information sharing between health and police was slow and partial.")
        .contains("Agencies did not share what each knew.")
        // Labels, not codes.
        .contains("Local child safeguarding practice review")
        .contains("It raises concerns about how organisations worked together")
        .contains("20 November 2026")
        .doesNotContain("AGENCIES_WORKING_TOGETHER")
        // Its versions: submitted, then amended with the section it changed, word by word.
        .contains("Submitted, received 24 November 2026")
        .contains("Amended after submission")
        .contains("Changed: Learning identified")
        .containsPattern("<ins class=\"app-diff__added\">.*and partial")
        // Read-only: no form of the partnership's.
        .doesNotContain("id=\"save-review\"")
        .doesNotContain("name=\"immediateActions\"");

    String casePage = member.get("/notifications/" + n.ref()).body();
    assertThat(casePage)
        .contains("A strategy meeting was held the next day and the siblings were seen.")
        .contains("id=\"read-rapid-review\"");
    HttpResponse<String> consideration = member.get("/notifications/" + n.ref() + "/consideration");
    assertThat(consideration.statusCode()).isEqualTo(200);
    assertThat(consideration.body())
        .contains("A strategy meeting was held the next day and the siblings were seen.")
        .contains("Changed: Learning identified")
        .contains("id=\"record-view\"")
        .contains("id=\"assess\"")
        .contains("id=\"send-challenge\"");

    // Reading it is audited; the inspector's role does not read cases.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'panel.reader'"
                    + " and action = 'VIEWED' and record_type = 'rapid_review'",
                Integer.class))
        .isPositive();
    SignedInHttp inspector = signedIn("dfe.reader2", Role.INSPECTOR);
    assertThat(inspector.get("/notifications/" + n.ref() + "/rapid-review/read").statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "Submit with things missing lists every one of them and keeps every typed field; what can be"
          + " saved is saved; completed, it submits")
  void submitKeepsEveryField() throws Exception {
    Notification n = notification();
    String page = "/notifications/" + n.ref() + "/rapid-review";
    SignedInHttp partnership = signedIn("wm.writer", Role.PARTNERSHIP, WESTMINSTER);
    assertThat(partnership.get(page).body())
        .contains("id=\"save-review\"")
        .contains("id=\"submit-review\"")
        .contains("receivedDate-day");

    // Immediate actions and three sign-off dates; no decision, no received date.
    HttpResponse<String> first =
        partnership.post(
            page,
            form(
                Map.of(
                    "action", "submit",
                    "version", "0",
                    "immediateActions", "Siblings were seen by a social worker the same evening."),
                date("signedOffLa", LocalDate.of(2026, 11, 20)),
                date("signedOffHealth", LocalDate.of(2026, 11, 21)),
                date("signedOffPolice", LocalDate.of(2026, 11, 23))));
    assertThat(first.statusCode()).isEqualTo(400);
    assertThat(errorSummary(first.body()))
        .contains("Select the decision on a local child safeguarding practice review")
        .contains("Enter the date the Panel received the rapid review");
    assertThat(first.body())
        .contains("Siblings were seen by a social worker the same evening.")
        .contains("name=\"signedOffLa-day\" type=\"text\" inputmode=\"numeric\" value=\"20\"")
        .contains("name=\"signedOffHealth-day\" type=\"text\" inputmode=\"numeric\" value=\"21\"")
        .contains("name=\"signedOffPolice-day\" type=\"text\" inputmode=\"numeric\" value=\"23\"")
        .contains("value=\"2026\"");

    // With a decision but no police sign-off and no received date: saved, listed, kept.
    HttpResponse<String> second =
        partnership.post(
            page,
            form(
                Map.of(
                    "action", "submit",
                    "version", "0",
                    "decision", "LCSPR",
                    "immediateActions", "Siblings were seen by a social worker the same evening."),
                date("signedOffLa", LocalDate.of(2026, 11, 20)),
                date("signedOffHealth", LocalDate.of(2026, 11, 21))));
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(errorSummary(second.body()))
        .contains("Enter the date the police signed off the rapid review")
        .contains("Enter the date the Panel received the rapid review")
        .doesNotContain("the local authority signed off")
        .doesNotContain("health signed off");
    assertThat(second.body())
        .contains("Saved, not submitted")
        .contains("Siblings were seen by a social worker the same evening.")
        .contains("name=\"version\" value=\"1\"");
    RapidReview saved = rapidReviews.find(n.ref(), system).orElseThrow();
    assertThat(saved.submitted()).isFalse();
    assertThat(saved.content().immediateActions())
        .isEqualTo("Siblings were seen by a social worker the same evening.");

    HttpResponse<String> done =
        partnership.post(
            page,
            form(
                Map.of(
                    "action", "submit",
                    "version", "1",
                    "decision", "LCSPR",
                    "immediateActions", "Siblings were seen by a social worker the same evening."),
                date("signedOffLa", LocalDate.of(2026, 11, 20)),
                date("signedOffHealth", LocalDate.of(2026, 11, 21)),
                date("signedOffPolice", LocalDate.of(2026, 11, 23)),
                date("receivedDate", LocalDate.of(2026, 11, 24))));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElseThrow()).contains("saved=submitted");
    RapidReview submitted = rapidReviews.find(n.ref(), system).orElseThrow();
    assertThat(submitted.submitted()).isTrue();
    assertThat(submitted.receivedDate()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(submitted.content().signedOffPolice()).isEqualTo(LocalDate.of(2026, 11, 23));
  }

  @Test
  @DisplayName(
      "a save that meets someone else's newer version keeps both texts: the person's own in the"
          + " fields, the other version's above, and saving again replaces it on purpose")
  void conflictKeepsBothTexts() throws Exception {
    Notification n = notification();
    String page = "/notifications/" + n.ref() + "/rapid-review";
    RapidReview first = rapidReviews.save(n.ref(), content("First learning."), 0, system).get();
    rapidReviews.save(n.ref(), content("Their newer learning."), first.version(), system);
    SignedInHttp partnership = signedIn("wm.second", Role.PARTNERSHIP, WESTMINSTER);
    partnership.get(page);

    HttpResponse<String> stale =
        partnership.post(
            page,
            Map.of(
                "action",
                "save",
                "version",
                String.valueOf(first.version()),
                "decision",
                "LCSPR",
                "learningIdentified",
                "My own learning, typed for an hour."));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains("Someone else saved this rapid review while you were writing")
        .contains("Their newer learning.")
        .contains("My own learning, typed for an hour.")
        .contains("Where the two differ:")
        .contains("Learning identified")
        .contains("id=\"their-version\"")
        .contains("id=\"your-version\"")
        .contains("name=\"version\" value=\"2\"");
    assertThat(rapidReviews.find(n.ref(), system).get().content().learningIdentified())
        .as("theirs is not overwritten by the refused save")
        .isEqualTo("Their newer learning.");

    HttpResponse<String> again =
        partnership.post(
            page,
            Map.of(
                "action", "save",
                "version", "2",
                "decision", "LCSPR",
                "learningIdentified", "My own learning, typed for an hour."));
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(rapidReviews.find(n.ref(), system).get().content().learningIdentified())
        .isEqualTo("My own learning, typed for an hour.");
    assertThat(rapidReviews.versions(n.ref(), system))
        .as("their version stays in the history")
        .anySatisfy(
            v -> assertThat(v.content().learningIdentified()).isEqualTo("Their newer learning."));
  }

  @Test
  @DisplayName(
      "the partnership's answer to a challenge reaches the Panel: its worklist and an email; an"
          + " empty answer is an error on the case page, not a dead end")
  void challengeAnswerReachesThePanel() throws Exception {
    Notification n = notification();
    RapidReview r = submittedAndAmended(n.ref());
    rapidReviews.challenge(n.ref(), "Please say more about the early help offer.", system);
    SignedInHttp partnership = signedIn("wm.answers", Role.PARTNERSHIP, WESTMINSTER);
    String casePage = partnership.get("/notifications/" + n.ref()).body();
    Matcher reply =
        Pattern.compile("/notifications/" + n.ref() + "/challenges/(\\d+)/replies")
            .matcher(casePage);
    assertThat(reply.find()).isTrue();

    HttpResponse<String> empty = partnership.post(reply.group(), Map.of("body", "  "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(errorSummary(empty.body())).contains("Enter your reply");
    assertThat(empty.body())
        .contains("<title>Error: Notification " + n.ref())
        .contains("href=\"#reply-" + reply.group(1) + "\"")
        .contains("id=\"send-reply-" + reply.group(1) + "\"")
        .contains("Please say more about the early help offer.");

    SignedInHttp secretariat = signedIn("panel.secretary", Role.PANEL_SECRETARIAT);
    assertThat(worklistAnswered(secretariat)).contains("No answered challenges");

    assertThat(
            partnership
                .post(reply.group(), Map.of("body", "Early help was offered twice."))
                .statusCode())
        .isEqualTo(302);
    String answered = worklistAnswered(secretariat);
    assertThat(answered).contains(n.ref()).contains("26 November 2026");
    assertThat(worklistAnswered(signedIn("panel.member2", Role.PANEL_MEMBER))).contains(n.ref());

    assertThat(sender.sendDue().sent()).isEqualTo(1);
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo(PANEL);
    assertThat(mail[0].getSubject()).isEqualTo("Challenge answered: " + n.ref());
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail[0]))
        .contains("Westminster")
        .doesNotContain("Early help was offered twice")
        .doesNotContain("Synthetic");

    // The Panel follows up: off the "answered" list.
    SignedInHttp member = signedIn("panel.member3", Role.PANEL_MEMBER);
    member.get("/notifications/" + n.ref());
    member.post(reply.group(), Map.of("body", "Thank you.", "close", "yes"));
    assertThat(worklistAnswered(secretariat)).doesNotContain(n.ref());
    assertThat(r).isNotNull();
  }

  @Test
  @DisplayName(
      "the secretariat sends the response letter from its page: an email to the partnership's"
          + " contact with the PDF attached, on the timeline, audited, confirmed; twice asks first")
  void responseLetterSent() throws Exception {
    Notification n = notification();
    RapidReview r = submittedAndAmended(n.ref());
    rapidReviews.recordPanelView(
        n.ref(), PanelView.AGREE, "The criteria are met.", r.version(), system);
    String letter = "/notifications/" + n.ref() + "/response-letter";
    SignedInHttp secretariat = signedIn("letters.secretary", Role.PANEL_SECRETARIAT);

    assertThat(secretariat.get(letter).body())
        .contains("no contact address")
        .doesNotContain("id=\"send-letter-button\"");
    contacts.set(WESTMINSTER, CONTACT, "test");
    assertThat(secretariat.get(letter).body())
        .contains("id=\"send-letter-button\"")
        .contains(CONTACT)
        .contains("This letter has not been sent yet");

    HttpResponse<String> sent = secretariat.post(letter + "/send", Map.of());
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith(letter + "/sent");
    HttpResponse<String> confirmation = secretariat.get(letter + "/sent");
    assertThat(confirmation.body()).contains("Response letter sent").contains("to " + CONTACT);
    assertThat(secretariat.get("/notifications/" + n.ref()).body())
        .contains("Response letter sent to " + CONTACT);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'letters.secretary'"
                    + " and record_type = 'response_letter' and action = 'EXPORTED'"
                    + " and details like 'emailed to "
                    + CONTACT
                    + "%'",
                Integer.class))
        .isEqualTo(1);

    assertThat(sender.sendDue().sent()).isEqualTo(1);
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo(CONTACT);
    assertThat(mail[0].getSubject()).contains(n.ref());
    Part pdf = attachment(mail[0]);
    assertThat(pdf).as("a PDF attached").isNotNull();
    assertThat(pdf.getFileName()).isEqualTo("response-letter-" + n.ref() + ".pdf");
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    pdf.getInputStream().transferTo(bytes);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes.toByteArray())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Rapid review of notification " + n.ref())
          .contains("The criteria are met.");
    }

    // A second send asks first, saying when it was last sent; nothing is queued until confirmed.
    assertThat(secretariat.get(letter).body()).contains("It was last sent to " + CONTACT);
    HttpResponse<String> twice = secretariat.post(letter + "/send", Map.of());
    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(twice.body())
        .contains("This letter has already been sent")
        .contains("to " + CONTACT + " on 26 November 2026");
    assertThat(jdbc.queryForObject("select count(*) from outbox_email", Integer.class))
        .isEqualTo(1);
    assertThat(secretariat.post(letter + "/send", Map.of("again", "yes")).statusCode())
        .isEqualTo(302);
    assertThat(jdbc.queryForObject("select count(*) from outbox_email", Integer.class))
        .isEqualTo(2);

    // A Panel member reads the letter but does not send it.
    SignedInHttp member = signedIn("letters.member", Role.PANEL_MEMBER);
    assertThat(member.get(letter).body()).doesNotContain("id=\"send-letter-button\"");
    assertThat(member.post(letter + "/send", Map.of("again", "yes")).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from outbox_email", Integer.class))
        .isEqualTo(2);
  }

  private static String worklistAnswered(SignedInHttp who) throws Exception {
    String body = who.get("/worklist?list=challenges-answered").body();
    int from = body.indexOf("id=\"challenges-answered\"");
    assertThat(from).as("the worklist's answered challenges").isPositive();
    int to = body.indexOf("</main>", from);
    return body.substring(from, to < 0 ? body.length() : to);
  }

  private static String errorSummary(String body) {
    int from = body.indexOf("govuk-error-summary__list");
    assertThat(from).as("an error summary").isPositive();
    return body.substring(from, body.indexOf("</ul>", from));
  }

  private static Part attachment(MimeMessage m) throws Exception {
    if (!(m.getContent() instanceof Multipart multipart)) {
      return null;
    }
    return find(multipart);
  }

  private static Part find(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return part;
      }
      if (part.getContent() instanceof Multipart inner) {
        Part found = find(inner);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
