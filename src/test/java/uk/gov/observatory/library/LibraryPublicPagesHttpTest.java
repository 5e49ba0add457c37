package uk.gov.observatory.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.review.OutboxSender;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.support.TestPdfs;

/**
 * The learning library's monthly email over real HTTP and a real SMTP server (GreenMail): double
 * opt-in (the emailed link's page confirms nothing until its button is pressed), the same answer
 * for an address given twice, one email per month however often it is asked for (and none for a
 * month without documents), the List-Unsubscribe headers, and the one-click unsubscribe (RFC 8058).
 * No answer sets a cookie or may be cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class LibraryPublicPagesHttpTest {

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  static final String READER = "reader@example.org";

  @LocalServerPort int port;
  @Autowired LibrarySubscriptions subscriptions;
  @Autowired OutboxSender sender;
  @Autowired DatabaseOwner owner;
  @Autowired LibraryDocuments documents;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("learningRateLimit")
  org.springframework.boot.web.servlet.FilterRegistrationBean<?> learningRateLimit;

  final Viewer secretariat = Viewer.system("test");

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void emptyMailbox() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  HttpResponse<String> get(String pathOrUrl) throws Exception {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Set-Cookie")).as("Set-Cookie on GET " + url).isEmpty();
    return r;
  }

  HttpResponse<String> post(String pathOrUrl, String form) throws Exception {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Set-Cookie")).as("Set-Cookie on POST " + url).isEmpty();
    assertThat(r.headers().firstValue("Cache-Control")).as(url).hasValue("no-store");
    return r;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String status(String email) {
    return owner
        .jdbc()
        .queryForObject(
            "select status from library_subscriber where lower(email) = lower(?)",
            String.class,
            email);
  }

  /** A document as the library holds it once published (or not), in {@code month} of 2026. */
  long document(String title, String status, Instant publishedAt) {
    return owner
        .jdbc()
        .queryForObject(
            "insert into library_document (doc_type, status, title, published_on, la_code,"
                + " region_code, check_status, checked_at, created_at, created_by, updated_at,"
                + " published_at, published_by) values ('LCSPR', ?, ?, ?, 'E09000033',"
                + " 'E12000007', 'CLEAR', ?, ?, 'test', ?, ?, ?) returning id",
            Long.class,
            status,
            title,
            LocalDate.of(2026, 11, 2),
            Timestamp.from(publishedAt),
            Timestamp.from(publishedAt),
            Timestamp.from(publishedAt),
            "DRAFT".equals(status) ? null : Timestamp.from(publishedAt),
            "DRAFT".equals(status) ? null : "test");
  }

  static String link(String body, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(body);
    assertThat(m.find()).as("a link like " + pattern + " in:\n" + body).isTrue();
    return m.group();
  }

  @Test
  @DisplayName(
      "subscribe, confirm by the page's button (not by the link), one monthly email with the"
          + " List-Unsubscribe headers and only published documents, sent once; one-click"
          + " unsubscribe")
  void subscribeConfirmMonthlyUnsubscribe() throws Exception {
    Instant november = Instant.parse("2026-11-10T10:00:00Z");
    document("Learning from the review of Child P in Westminster", "PUBLISHED", november);
    document("A draft nobody may see yet", "DRAFT", november);
    document("A report withdrawn from the library", "WITHDRAWN", november);
    document("Published in October", "PUBLISHED", Instant.parse("2026-10-30T10:00:00Z"));

    // The form, not cached; a wrong address is named, 400, nothing queued.
    HttpResponse<String> form = get("/learning/subscribe");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(form.body()).contains("Email address");
    HttpResponse<String> blank = post("/learning/subscribe", "email=");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("There is a problem").contains("Enter your email address");
    HttpResponse<String> wrong = post("/learning/subscribe", "email=" + enc("reader at example"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains("Enter an email address in the correct format, like name@example.com")
        .contains("href=\"#email\"");

    // Given twice (in another case): the same answer; one email, one subscriber.
    HttpResponse<String> asked = post("/learning/subscribe", "email=" + enc(READER));
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(asked.headers().firstValue("Location").orElseThrow())
        .endsWith("/learning/subscribe/check-your-email");
    HttpResponse<String> again = post("/learning/subscribe", "email=" + enc("Reader@Example.org"));
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(asked.headers().firstValue("Location"));
    assertThat(get("/learning/subscribe/check-your-email").body()).contains("Check your email");
    assertThat(sender.sendDue().sent()).isEqualTo(1);
    MimeMessage[] mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(1);
    assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo(READER);
    String confirmUrl =
        link(
            GreenMailUtil.getBody(mail[0]),
            "http://localhost:[0-9]+/learning/subscribe/confirm\\?token=[A-Za-z0-9_=-]+");
    assertThat(status(READER)).isEqualTo("PENDING");
    // Only a hash of the link's secret is stored.
    String token = confirmUrl.substring(confirmUrl.indexOf("token=") + 6);
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select count(*) from library_subscriber where token_sha256 = ?",
                    Integer.class,
                    token))
        .isZero();

    // Following the link (as a link scanner would) confirms nothing: its page has a button.
    HttpResponse<String> confirmPage = get(confirmUrl);
    assertThat(confirmPage.statusCode()).isEqualTo(200);
    assertThat(confirmPage.body()).contains("Confirm your subscription").contains("id=\"confirm\"");
    assertThat(status(READER)).isEqualTo("PENDING");
    // Nothing is sent to a subscriber who has not confirmed.
    assertThat(subscriptions.sendMonthly(YearMonth.of(2026, 9))).isZero();
    HttpResponse<String> confirmed = post("/learning/subscribe/confirm", "token=" + token);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("You have subscribed");
    assertThat(status(READER)).isEqualTo("CONFIRMED");
    HttpResponse<String> badToken = post("/learning/subscribe/confirm", "token=not-a-token");
    assertThat(badToken.statusCode()).isEqualTo(404);
    assertThat(badToken.body()).contains("This link does not work");

    // November's email: once, whatever the number of calls; only what is published.
    assertThat(subscriptions.sendMonthly(YearMonth.of(2026, 11))).isEqualTo(1);
    assertThat(subscriptions.sendMonthly(YearMonth.of(2026, 11))).isZero();
    assertThat(sender.sendDue().sent()).isEqualTo(1);
    assertThat(sender.sendDue().sent()).isZero();
    mail = smtp.getReceivedMessages();
    assertThat(mail).hasSize(2);
    MimeMessage monthly = mail[1];
    assertThat(monthly.getSubject()).isEqualTo("New in the learning library: November 2026");
    String body = GreenMailUtil.getBody(monthly);
    assertThat(body)
        .contains("Learning from the review of Child P in Westminster")
        .contains(
            "Local child safeguarding practice review, Westminster, published 2 November 2026")
        .doesNotContain("A draft nobody may see yet")
        .doesNotContain("A report withdrawn from the library")
        .doesNotContain("Published in October");
    String unsubscribeUrl =
        link(body, "http://localhost:[0-9]+/learning/unsubscribe/[A-Za-z0-9_-]+");
    assertThat(monthly.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribeUrl + ">");
    assertThat(monthly.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select documents || '/' || recipients from library_mailing where month = ?",
                    String.class,
                    LocalDate.of(2026, 11, 1)))
        .isEqualTo("1/1");

    // A month with nothing published: claimed, nothing sent.
    assertThat(subscriptions.sendMonthly(YearMonth.of(2026, 8))).isZero();
    assertThat(sender.sendDue().sent()).isZero();
    assertThat(
            owner
                .jdbc()
                .queryForObject(
                    "select recipients from library_mailing where month = ?",
                    Integer.class,
                    LocalDate.of(2026, 8, 1)))
        .isZero();

    // The emailed link's page has a button (following it changes nothing); the one-click POST
    // (what a mail program sends) unsubscribes, from the OLDER email's token too: every email's
    // link works, not only the newest one's.
    assertThat(token).isNotEqualTo(unsubscribeUrl.substring(unsubscribeUrl.lastIndexOf('/') + 1));
    HttpResponse<String> unsubscribePage = get(unsubscribeUrl);
    assertThat(unsubscribePage.statusCode()).isEqualTo(200);
    assertThat(unsubscribePage.body()).contains("id=\"unsubscribe\"");
    assertThat(status(READER)).isEqualTo("CONFIRMED");
    HttpResponse<String> oneClick =
        post("/learning/unsubscribe/" + token, "List-Unsubscribe=One-Click");
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(oneClick.body()).contains("You have unsubscribed");
    assertThat(status(READER)).isEqualTo("UNSUBSCRIBED");
    // The newest email's link then says the same; December sends nothing to an address that left.
    HttpResponse<String> newest = post(unsubscribeUrl, "List-Unsubscribe=One-Click");
    assertThat(newest.statusCode()).isEqualTo(200);
    assertThat(newest.body()).contains("You have unsubscribed");
    document("Published in December", "PUBLISHED", Instant.parse("2026-12-02T10:00:00Z"));
    assertThat(subscriptions.sendMonthly(YearMonth.of(2026, 12))).isZero();
    assertThat(get("/learning/unsubscribe/nonsense").statusCode()).isEqualTo(404);
  }

  /** Adds a document with its PDF (the pages' texts) through the library, as a draft. */
  long add(
      DocumentType type,
      String title,
      LocalDate publishedOn,
      String la,
      List<String> themes,
      String filename,
      String... pages) {
    return documents
        .add(
            new NewDocument(
                new DocumentDetails(
                    type,
                    title,
                    publishedOn,
                    la,
                    ReviewModel.SYSTEMS,
                    List.of("UNDER_1"),
                    List.of(),
                    themes,
                    List.of("home conditions"),
                    "What happened to the baby at home, and what the services knew.",
                    "Practitioners did not see where the baby slept.",
                    "Visit the home and see where the baby sleeps."),
                null,
                null,
                new PdfFile(filename, TestPdfs.of(pages))),
            secretariat)
        .id();
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<byte[]> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.headers().firstValue("Set-Cookie")).as("Set-Cookie on GET " + path).isEmpty();
    assertThat(r.statusCode()).as("GET " + path).isLessThan(500);
    return r;
  }

  @Test
  @DisplayName(
      "the public finds a published document by words and facets, reads its page, its PDF and"
          + " the feed, cacheable and without a cookie; a draft and a withdrawn document are"
          + " reachable by no public address, nor counted in any facet; wrong input is a named"
          + " 400")
  void onlyPublishedIsPublic() throws Exception {
    long westminster =
        add(
            DocumentType.LCSPR,
            "Baby Amber: learning about neglect at home",
            LocalDate.of(2020, 5, 1),
            "E09000033",
            List.of("CRITICAL_THINKING"),
            "Baby A & review (final).pdf",
            "Introduction to the review",
            "The family was known to services",
            "Practitioners missed the signs of neglect in the home");
    long leeds =
        add(
            DocumentType.SCR,
            "Information sharing between agencies in Leeds",
            LocalDate.of(2019, 3, 4),
            "E08000035",
            List.of("INFORMATION_SHARING"),
            "leeds.pdf",
            "Agencies shared information late",
            "Neglected children waited for help");
    long draft =
        add(
            DocumentType.THEMATIC,
            "Quokka draft about neglect",
            LocalDate.of(2021, 1, 1),
            "E08000025",
            List.of("LEADERSHIP_CULTURE"),
            "draft.pdf",
            "A quokka page about neglect");
    long withdrawn =
        add(
            DocumentType.BRIEFING,
            "Wallaby briefing about neglect",
            LocalDate.of(2018, 1, 1),
            "E08000003",
            List.of("CHANGING_RISK"),
            "withdrawn.pdf",
            "A wallaby page about neglect");
    documents.publish(westminster, null, secretariat);
    documents.publish(leeds, null, secretariat);
    documents.publish(withdrawn, null, secretariat);
    documents.withdraw(withdrawn, "Published in error", secretariat);

    // Words: a stemmed word finds both published documents, with snippets and pages.
    HttpResponse<byte[]> found = getBytes("/learning?q=neglect");
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
    assertThat(found.headers().firstValue("ETag")).isPresent();
    String page = text(found);
    assertThat(page)
        .contains("2 documents")
        .contains("Baby Amber: learning about neglect at home")
        .contains("Information sharing between agencies in Leeds")
        .contains("href=\"/learning/documents/" + westminster + "\"")
        .contains("<mark>neglect</mark>")
        .contains("Found on page 3")
        .contains("rel=\"alternate\" type=\"application/atom+xml\" href=\"/learning/feed.atom\"")
        .doesNotContain("Quokka")
        .doesNotContain("Wallaby");
    // A facet narrows it, and is shown chosen with a link to remove it.
    String narrowed = text(getBytes("/learning?q=neglect&theme=CRITICAL_THINKING"));
    assertThat(narrowed)
        .contains("1 document")
        .contains("Baby Amber")
        .doesNotContain("Information sharing between agencies in Leeds")
        .contains("Practice theme: Critical thinking and challenge")
        .contains("href=\"/learning?q=neglect\"");
    // The words of a draft and of a withdrawn document find nothing.
    assertThat(text(getBytes("/learning?q=quokka"))).contains("No documents found");
    assertThat(text(getBytes("/learning?q=wallaby"))).contains("No documents found");
    // Every document, newest first: neither is counted under any facet.
    String all = text(getBytes("/learning"));
    assertThat(all).contains("2 documents");
    for (String hidden :
        List.of(
            "value=\"THEMATIC\"",
            "value=\"BRIEFING\"",
            "value=\"E08000025\"",
            "value=\"E08000003\"",
            "value=\"LEADERSHIP_CULTURE\"",
            "value=\"CHANGING_RISK\"",
            "value=\"2021\"",
            "value=\"2018\"")) {
      assertThat(all).as(hidden).doesNotContain(hidden);
    }
    assertThat(all).contains("value=\"LCSPR\"").contains("value=\"E09000033\"");
    // Choosing the draft's type (a real type) finds none.
    assertThat(text(getBytes("/learning?type=THEMATIC"))).contains("No documents found");

    // The document's page and its PDF.
    HttpResponse<byte[]> doc = getBytes("/learning/documents/" + westminster);
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
    assertThat(text(doc))
        .contains("Baby Amber: learning about neglect at home")
        .contains("Local child safeguarding practice review")
        .contains("Westminster")
        .contains("London")
        .contains("Under 1")
        .contains("Critical thinking and challenge")
        .contains("Practitioners did not see where the baby slept.")
        .contains("Visit the home and see where the baby sleeps.")
        .contains("3 pages")
        .contains("href=\"/learning/documents/" + westminster + ".pdf\"");
    HttpResponse<byte[]> pdf = getBytes("/learning/documents/" + westminster + ".pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"Baby-A-review-final.pdf\"");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String etag = pdf.headers().firstValue("ETag").orElseThrow();
    assertThat(
            getBytes("/learning/documents/" + westminster + ".pdf", "If-None-Match", etag)
                .statusCode())
        .isEqualTo(304);

    // The feed lists the published documents only, and parses as Atom.
    HttpResponse<byte[]> feed = getBytes("/learning/feed.atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/atom+xml");
    assertThat(feed.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
    assertThat(feed.headers().firstValue("ETag")).isPresent();
    org.w3c.dom.Document atom = atom(feed.body());
    List<String> titles = new java.util.ArrayList<>();
    org.w3c.dom.NodeList entries =
        atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      titles.add(
          ((org.w3c.dom.Element) entries.item(i))
              .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")
              .item(0)
              .getTextContent());
    }
    assertThat(titles)
        .containsExactlyInAnyOrder(
            "Baby Amber: learning about neglect at home",
            "Information sharing between agencies in Leeds");

    // A draft, a withdrawn and an unknown document: the 404 page by every address.
    for (long id : List.of(draft, withdrawn, 999_999L)) {
      for (String path :
          List.of("/learning/documents/" + id, "/learning/documents/" + id + ".pdf")) {
        HttpResponse<byte[]> r = getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(text(r)).as(path).contains("Page not found");
      }
    }
    assertThat(getBytes("/learning/documents/abc").statusCode()).isEqualTo(404);

    // Every public address is rate limited per client (the limit is set high for the tests).
    assertThat(learningRateLimit.getFilter())
        .isInstanceOf(uk.gov.observatory.web.PublicRateLimit.class);
    assertThat(learningRateLimit.getUrlPatterns()).containsExactly("/learning", "/learning/*");

    // Wrong input: the error summary naming what to change, 400, never a 500.
    HttpResponse<byte[]> badTheme = getBytes("/learning?q=neglect&theme=NOT_A_THEME");
    assertThat(badTheme.statusCode()).isEqualTo(400);
    assertThat(text(badTheme))
        .contains("There is a problem")
        .contains("Practice theme: \u2018NOT_A_THEME\u2019 is not one of its values");
    assertThat(getBytes("/learning?page=0").statusCode()).isEqualTo(400);
    assertThat(getBytes("/learning?sort=sideways").statusCode()).isEqualTo(400);
    assertThat(getBytes("/learning?year=20x0").statusCode()).isEqualTo(400);
    assertThat(getBytes("/learning?q=" + enc("\"unclosed phrase -")).statusCode()).isEqualTo(200);
  }

  static org.w3c.dom.Document atom(byte[] xml) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("feed");
    assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    return d;
  }
}
