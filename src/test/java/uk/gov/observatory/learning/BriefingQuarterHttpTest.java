package uk.gov.observatory.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.analytics.DisclosureControl;
import uk.gov.observatory.analytics.Report;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.calendar.WorkingDayCalendar;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.notification.ImportProgress;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.notification.NotificationSubmission;
import uk.gov.observatory.reference.ReferenceData;
import uk.gov.observatory.review.RapidReview;
import uk.gov.observatory.review.RapidReviewContent;
import uk.gov.observatory.review.RapidReviews;
import uk.gov.observatory.review.StandardCsv;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;
import uk.gov.observatory.synthetic.SyntheticData;

/**
 * Issue 17, "Done when": the briefing for 2020 Q2 renders as a page and a PDF (read back). On the
 * demonstration's data (2019 and 2020, as {@code serve --demo} makes it), the secretariat drafts
 * the briefing for April to June 2020 on its pages, adds a rapid review's learning as an excerpt,
 * is refused approval while a child's name from the register is in it (a GOV.UK error, the name not
 * repeated), approves it once the name is gone, and publishes. The public page (no sign-in, no
 * cookie, cacheable) and the PDF (PDF/UA-1 by veraPDF, read back with PDFBox) carry the quarter's
 * disclosure-controlled figures as the analytics compute them, the practice themes and the approved
 * excerpt; a draft is found at no public address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class BriefingQuarterHttpTest {

  static final LocalDate FROM = LocalDate.of(2020, 4, 1);
  static final LocalDate TO = LocalDate.of(2020, 6, 30);

  static final String LEARNING =
      "Practitioners relied on telephone contact while schools were closed, so no one saw where"
          + " the baby slept. Agencies should agree who visits in person when contact moves online.";

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired StandardCsv csv;
  @Autowired Reports reports;
  @Autowired RapidReviews reviews;
  @Autowired NotificationRegister register;
  @Autowired LearningBriefings briefings;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path dir;

  final HttpClient anonymous =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  @DisplayName(
      "the briefing for 2020 Q2: drafted, checked and published on the pages; page and PDF")
  void quarter() throws Exception {
    new SyntheticData(ReferenceData.fromClasspath(), new WorkingDayCalendar())
        .generate(
            DemoData.YEARS,
            1.0,
            DemoData.SEED,
            true, // with children's names and dates of birth, as the demonstration has
            TestClock.TODAY,
            dir,
            SyntheticData.Progress.NONE);
    assertThat(csv.importFrom(dir, false, ImportProgress.NONE).problems()).isEmpty();
    Viewer system = Viewer.system("test");

    // A rapid review received in the quarter, its learning written (the demo records none).
    String ref =
        jdbc.queryForList(
                "select notification_ref from published_rapid_review"
                    + " where received_date between ? and ? order by received_date, notification_ref",
                String.class,
                FROM,
                TO)
            .get(0);
    RapidReview r = reviews.find(ref, system).orElseThrow();
    RapidReviewContent c = r.content();
    reviews.save(
        ref,
        new RapidReviewContent(
            c.agenciesInvolved(),
            c.chronology(),
            c.immediateActions(),
            LEARNING,
            c.disseminationPlan(),
            c.disseminationBy(),
            c.decision(),
            c.noLcsprReason(),
            c.decisionRationale(),
            c.criteria(),
            c.alternativeMethodology(),
            c.alternativeMethodologyDetail(),
            c.ethnicityRecorded(),
            c.familyContextRecorded(),
            // the standard's CSV records no sign-off; an amended review keeps all three
            r.receivedDate(),
            r.receivedDate(),
            r.receivedDate(),
            c.practiceThemes()),
        r.version(),
        system);
    // A child of another year, named in the register, to check the excerpt against.
    String childName = "Amelia Hartley";
    register.notify(
        new NotificationSubmission(
            null,
            "E09000033",
            "2019-03-01",
            "2019-03-01",
            "2019-03-04",
            "DEATH",
            "SUDI",
            null,
            "3",
            List.of(),
            null,
            "NONE",
            "NONE",
            "AT_HOME",
            List.of(),
            List.of(
                new NotificationSubmission.ChildSubmission(
                    "1", "FEMALE", "0", "WBRI", childName, "2018-11-23"))));

    // The secretariat, on the pages.
    SignedInHttp secretariat =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "lb.secretariat", Role.PANEL_SECRETARIAT));
    HttpResponse<String> made =
        secretariat.post("/briefings", Map.of("year", "2020", "quarter", "2"));
    assertThat(made.statusCode()).isEqualTo(302);
    String draft = made.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(draft.replaceAll(".*/briefings/", ""));
    HttpResponse<String> sources =
        secretariat.get("/briefings/" + id + "/sources?search=telephone");
    assertThat(sources.statusCode()).isEqualTo(200);
    assertThat(sources.body()).contains(ref).contains("schools were closed");
    HttpResponse<String> added =
        secretariat.post(
            "/briefings/" + id + "/excerpts", Map.of("source", "RAPID_REVIEW", "ref", ref));
    assertThat(added.statusCode()).isEqualTo(302);
    long excerptId = briefings.excerpts(id, system).get(0).id();

    // With the child's name in it, approval is refused with a GOV.UK error saying where.
    String named = "When " + childName.split(" ")[0] + " was seen, " + LEARNING;
    HttpResponse<String> refused =
        secretariat.post(
            "/briefings/" + id + "/excerpts/" + excerptId,
            Map.of("action", "approve", "excerpt-" + excerptId, named));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("govuk-error-summary")
        .contains("href=\"#excerpt-" + excerptId + "\"")
        .contains("Excerpt 1: The excerpt contains a child&#39;s name from the register, at")
        .contains("character 6 (word 2)");
    assertThat(refused.body().split("govuk-error-summary")[1].split("</main>")[0])
        .doesNotContain(childName.split(" ")[0] + " was seen");
    assertThat(briefings.excerpt(excerptId).orElseThrow().approved()).isFalse();

    // Without it, approved; then published.
    HttpResponse<String> approved =
        secretariat.post(
            "/briefings/" + id + "/excerpts/" + excerptId,
            Map.of("action", "approve", "excerpt-" + excerptId, LEARNING));
    assertThat(approved.statusCode()).isEqualTo(302);
    assertThat(briefings.excerpt(excerptId).orElseThrow().approved()).isTrue();
    HttpResponse<String> page = secretariat.get("/briefings/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("1 of 1 approved").contains("How the briefing will read");
    HttpResponse<String> unconfirmed = secretariat.post("/briefings/" + id + "/publish", Map.of());
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("Tick the box to confirm");
    HttpResponse<String> published =
        secretariat.post("/briefings/" + id + "/publish", Map.of("confirm", "yes"));
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(published.headers().firstValue("Location").orElseThrow())
        .endsWith("/statistics/learning-briefings/2020-q2");

    // The quarter's figures as the analytics compute them, disclosure-controlled.
    Report figures =
        DisclosureControl.apply(
            reports.report(
                new ReportRequest(FROM, TO, TestClock.TODAY, null, null), List.of("H"), system));
    Map<String, String> headline = new LinkedHashMap<>();
    figures.tables().get("H").forEach(cell -> headline.put(cell.rowCode(), cell.value()));
    String notified = thousands(headline.get("NOTIFICATIONS"));
    String deaths = thousands(headline.get("DEATH"));
    Integer received =
        jdbc.queryForObject(
            "select count(*) from published_rapid_review where received_date between ? and ?",
            Integer.class,
            FROM,
            TO);
    assertThat(Integer.parseInt(headline.get("NOTIFICATIONS"))).isGreaterThan(100);

    // The public page: no sign-in, no cookie, cacheable.
    HttpResponse<String> pub = get("/statistics/learning-briefings/2020-q2");
    assertThat(pub.statusCode()).isEqualTo(200);
    assertThat(pub.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(pub.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
    String body = pub.body();
    assertThat(body)
        .contains("Learning briefing: April to June 2020")
        .contains(LEARNING)
        .contains("From a rapid review")
        .doesNotContain(ref)
        .contains("Sharing information in a timely and appropriate way")
        .contains("No thematic analysis was published in the quarter.");
    assertThat(cellAfter(body, "Serious incidents notified")).isEqualTo(notified);
    assertThat(cellAfter(body, "Child deaths")).isEqualTo(deaths);
    assertThat(body).contains("<strong>" + thousands(String.valueOf(received)) + "</strong>");
    assertThat(get("/statistics/learning-briefings").body())
        .contains("/statistics/learning-briefings/2020-q2");

    // The PDF, read back.
    HttpRequest pdfRequest =
        HttpRequest.newBuilder(
                URI.create(base() + "/statistics/learning-briefings/2020-q2/briefing.pdf"))
            .build();
    HttpResponse<byte[]> pdf = anonymous.send(pdfRequest, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).contains("application/pdf");
    Files.createDirectories(Path.of("target", "learning-briefing"));
    Files.write(Path.of("target", "learning-briefing", "2020-q2.pdf"), pdf.body());
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      // (NFKC: the font's ligatures, such as "ﬁ", read back as their letters)
      text =
          java.text.Normalizer.normalize(
                  new PDFTextStripper().getText(doc), java.text.Normalizer.Form.NFKC)
              .replaceAll("\\s+", " ");
    }
    assertThat(text)
        .contains("Learning briefing: April to June 2020")
        .contains("Serious incidents notified " + notified)
        .contains("Child deaths " + deaths)
        .contains(
            "Rapid reviews received from 1 April 2020 to 30 June 2020: "
                + thousands(String.valueOf(received)))
        .contains(LEARNING)
        .contains("From a rapid review")
        .doesNotContain(ref)
        .doesNotContain(childName);
    assertThat(failedPdfUaRules(pdf.body())).as("failed PDF/UA-1 rules").isEmpty();

    // A draft is found at no public address.
    briefings.create(2020, 3, system);
    assertThat(get("/statistics/learning-briefings/2020-q3").statusCode()).isEqualTo(404);
    assertThat(get("/statistics/learning-briefings/2020-q3/briefing.pdf").statusCode())
        .isEqualTo(404);
    // Nor can the public reach the secretariat's pages.
    assertThat(get("/briefings/" + id).statusCode()).isEqualTo(302);
  }

  String base() {
    return "http://localhost:" + port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return anonymous.send(
        HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The first cell after a row's label in a page's table. */
  static String cellAfter(String html, String label) {
    Matcher m =
        Pattern.compile(Pattern.quote(label) + "</th>\\s*<td[^>]*>([^<]*)</td>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("a row labelled %s", label).isTrue();
    return m.group(1).strip();
  }

  static String thousands(String v) {
    return v.matches("[0-9]+") ? String.format(java.util.Locale.UK, "%,d", Long.parseLong(v)) : v;
  }

  static List<String> failedPdfUaRules(byte[] pdf) throws Exception {
    ValidationResult result;
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      result = validator.validate(parser);
    }
    List<String> failed = new ArrayList<>();
    for (TestAssertion a : result.getTestAssertions()) {
      if (a.getStatus() == TestAssertion.Status.FAILED) {
        failed.add(
            a.getRuleId().getClause()
                + "-"
                + a.getRuleId().getTestNumber()
                + ": "
                + a.getMessage());
      }
    }
    if (failed.isEmpty() && !result.isCompliant()) {
      failed.add("not compliant, with no failed assertion listed");
    }
    return failed.stream().distinct().toList();
  }
}
