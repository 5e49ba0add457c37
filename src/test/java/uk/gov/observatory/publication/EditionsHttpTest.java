package uk.gov.observatory.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.analytics.PublishedReport;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.CodesInText;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Editions over HTTP (issue 16): the secretariat drafts, edits and publishes; the public reads only
 * what is published, by no address finds a draft, gets no cookie and cacheable answers; a published
 * edition never changes when the register does, and the next edition of its period lists the
 * figures revised; a published edition cannot be edited or deleted; other roles cannot reach the
 * secretariat's pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class EditionsHttpTest {

  static final String WESTMINSTER = "E09000033"; // London
  static final String LEEDS = "E08000035"; // Yorkshire and The Humber

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired Editions editions;
  @Autowired JdbcTemplate jdbc;
  @Autowired DatabaseOwner owner;

  final HttpClient anonymous =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  SignedInHttp secretariat;

  @BeforeEach
  void seed() throws Exception {
    owner.jdbc().execute("truncate edition cascade");
    // 2020: 4 deaths and 3 serious harm in Westminster and Leeds; 2019: 3 deaths in Westminster.
    for (int i = 0; i < 4; i++) {
      register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2020, 3, 2 + i), 2, 1));
    }
    for (int i = 0; i < 3; i++) {
      register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", LocalDate.of(2020, 6, 1 + i), 2, 1));
    }
    for (int i = 0; i < 3; i++) {
      register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2019, 7, 1 + i), 2, 1));
    }
    secretariat =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "ed.secretariat", Role.PANEL_SECRETARIAT));
  }

  HttpResponse<byte[]> publicGet(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return anonymous.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Drafts an edition of 2020 for England, as at 31 March 2021, through the form. */
  long draft2020() throws Exception {
    secretariat.get("/editions/new");
    HttpResponse<String> made =
        secretariat.post(
            "/editions/new",
            form(
                "kind",
                "year",
                "year",
                "2020",
                "as-at-day",
                "31",
                "as-at-month",
                "3",
                "as-at-year",
                "2021",
                "area",
                ""));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
    String location = made.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  long publish(long id) throws Exception {
    secretariat.get("/editions/" + id + "/publish");
    HttpResponse<String> done =
        secretariat.post("/editions/" + id + "/publish", form("confirm", "yes"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    return id;
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  @Test
  @DisplayName(
      "a draft is reachable by no public address; the published edition is, with no cookie,"
          + " cacheable, its files under distinct names")
  void onlyPublishedIsPublic() throws Exception {
    long published = publish(draft2020());
    Edition e = editions.find(published).orElseThrow();
    // A draft of the same period and area, and one of 2021 (as at 31 March 2022).
    long draft = draft2020();
    Edition d2021 =
        editions.draft(
            Edition.PeriodKind.YEAR, 2021, null, LocalDate.of(2022, 3, 31), null, "someone");

    // The list: the published edition, once; no draft.
    HttpResponse<byte[]> list = publicGet("/statistics");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(text(list))
        .contains("href=\"/statistics/" + e.slug() + "\"")
        .contains("31 March 2021")
        .doesNotContain("England, 2021")
        .doesNotContain("/editions/");
    assertThat(text(list).split("href=\"/statistics/" + e.slug() + "\"", -1)).hasSize(2);

    // The edition's page and each of its files.
    HttpResponse<byte[]> page = publicGet("/statistics/" + e.slug());
    assertThat(page.statusCode()).isEqualTo(200);
    List<Editions.FileInfo> files = editions.files(published);
    assertThat(files)
        .extracting(Editions.FileInfo::name)
        .doesNotHaveDuplicates()
        .contains(
            e.slug() + ".pdf",
            e.slug() + "-tables.ods",
            e.slug() + "-tables.xlsx",
            e.slug() + "-open-data.csv",
            e.slug() + "-open-data.meta.csv");
    for (Editions.FileInfo f : files) {
      assertThat(text(page)).contains("href=\"/statistics/" + e.slug() + "/" + f.name() + "\"");
      HttpResponse<byte[]> file = publicGet("/statistics/" + e.slug() + "/" + f.name());
      assertThat(file.statusCode()).as(f.name()).isEqualTo(200);
      assertThat(file.body()).hasSize((int) f.size());
      assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("attachment")
          .contains(f.name());
      assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
      String etag = file.headers().firstValue("ETag").orElseThrow();
      assertThat(file.headers().firstValue("Last-Modified")).isPresent();
      HttpResponse<byte[]> again =
          publicGet("/statistics/" + e.slug() + "/" + f.name(), "If-None-Match", etag);
      assertThat(again.statusCode()).as("conditional GET of " + f.name()).isEqualTo(304);
    }
    // Words, never codes, on the page and in the files a person reads.
    String main = text(page).substring(text(page).indexOf("<main"));
    String words =
        main.replaceAll("(?s)<script\\b.*?</script>", " ")
            .replaceAll("(?s)<svg\\b.*?</svg>", " ")
            .replaceAll("<[^>]+>", " ");
    assertThat(CodesInText.in(words)).as("codes on the edition's page").isEmpty();
    for (Editions.FileInfo f : files) {
      byte[] body = publicGet("/statistics/" + e.slug() + "/" + f.name()).body();
      String content;
      if (f.name().endsWith(".pdf")) {
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(body)) {
          content = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
      } else if (f.name().endsWith(".csv")) {
        // the open data's column names are snake_case by DfE's rule; its values are words
        String csv = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        content = csv.substring(csv.indexOf('\n') + 1);
        if (f.name().endsWith(".meta.csv")) {
          content = content.replaceAll("(?m)^[a-z_]+,", "").replaceAll(",[a-z_]+$", "");
        }
      } else {
        continue; // the workbooks: ReportWorkbooksTest reads every cell of them
      }
      assertThat(CodesInText.in(content)).as("codes in " + f.name()).isEmpty();
    }
    assertThat(page.headers().firstValue("Cache-Control").orElseThrow())
        .contains("public")
        .contains("max-age");
    String pageTag = page.headers().firstValue("ETag").orElseThrow();
    assertThat(publicGet("/statistics/" + e.slug(), "If-None-Match", pageTag).statusCode())
        .isEqualTo(304);

    // Every address a draft could have: its id, its would-be slugs, the files under them.
    String wouldBe = editions.slug(editions.find(draft).orElseThrow());
    String wouldBe2021 = editions.slug(d2021);
    List<String> draftAddresses = new ArrayList<>();
    for (String slug :
        List.of(
            String.valueOf(draft),
            String.valueOf(d2021.id()),
            wouldBe,
            wouldBe2021,
            "england-2021-as-at-31-march-2022",
            e.slug() + "-2")) {
      draftAddresses.add("/statistics/" + slug);
      for (String suffix :
          List.of(".pdf", "-tables.ods", "-tables.xlsx", "-open-data.csv", "-open-data.meta.csv")) {
        draftAddresses.add("/statistics/" + slug + "/" + slug + suffix);
      }
    }
    draftAddresses.add("/statistics/" + e.slug() + "/" + wouldBe2021 + ".pdf");
    draftAddresses.add("/editions/" + draft);
    draftAddresses.add("/editions/" + draft + "/preview");
    for (String address : draftAddresses) {
      HttpResponse<byte[]> r = publicGet(address);
      if (address.startsWith("/editions")) {
        // The secretariat's pages ask for signing in, and show nothing.
        assertThat(r.statusCode()).as(address).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
      } else {
        assertThat(r.statusCode()).as(address).isEqualTo(404);
        assertThat(text(r)).as(address).doesNotContain("2021");
      }
    }

    // No public answer sets a cookie: the list, the page, a file, a 304, a 404, a refused POST.
    List<HttpResponse<byte[]>> answers = new ArrayList<>();
    answers.add(list);
    answers.add(page);
    answers.add(publicGet("/statistics/" + e.slug() + "/" + files.get(0).name()));
    answers.add(publicGet("/statistics/" + e.slug(), "If-None-Match", pageTag));
    answers.add(publicGet("/statistics/" + wouldBe2021));
    answers.add(publicGet("/statistics/" + e.slug() + "/nothing.pdf"));
    answers.add(
        anonymous.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/statistics"))
                .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray()));
    // A signed-in person's session cookie is not touched either.
    answers.add(secretariat.getBytes("/statistics/" + e.slug()));
    for (HttpResponse<byte[]> r : answers) {
      assertThat(r.headers().allValues("Set-Cookie")).as(r.uri() + " " + r.statusCode()).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "a published edition does not change when the register does; the next edition of its period"
          + " lists the figures revised")
  void frozenThenRevised() throws Exception {
    long first = publish(draft2020());
    Edition e = editions.find(first).orElseThrow();
    List<String> addresses = new ArrayList<>();
    addresses.add("/statistics/" + e.slug());
    editions.files(first).forEach(f -> addresses.add("/statistics/" + e.slug() + "/" + f.name()));
    Map<String, byte[]> before = new LinkedHashMap<>();
    for (String a : addresses) {
      before.put(a, publicGet(a).body());
    }
    PublishedReport frozenBefore = editions.frozen(e);

    // The register changes: two more deaths in 2020, notified before the as-at date.
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2020, 9, 1), 2, 1));
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2020, 9, 2), 2, 1));

    for (String a : addresses) {
      assertThat(publicGet(a).body())
          .as(a + " after the register changed")
          .isEqualTo(before.get(a));
    }
    assertThat(editions.frozen(e)).isEqualTo(frozenBefore);
    // While the draft of the same period now counts them.
    long second = draft2020();
    assertThat(secretariat.get("/editions/" + second).body())
        .contains("id=\"revisions\"")
        .doesNotContain("No figure has changed");

    publish(second);
    Edition next = editions.find(second).orElseThrow();
    assertThat(next.revisesId()).isEqualTo(first);
    assertThat(next.slug()).isNotEqualTo(e.slug());
    List<PublishedReport.Revision> revisions = editions.frozen(next).revisions();
    // 7 notifications became 9; in words, never codes.
    assertThat(revisions)
        .anySatisfy(
            r -> {
              assertThat(r.before()).isEqualTo("7");
              assertThat(r.after()).isEqualTo("9");
              assertThat(r.row()).doesNotMatch("[A-Z0-9_]+");
              assertThat(r.column()).doesNotMatch("[A-Z0-9_]+");
            });
    String page = text(publicGet("/statistics/" + next.slug()));
    assertThat(page).contains("id=\"revisions-table\"");
    for (PublishedReport.Revision r : revisions.subList(0, Math.min(5, revisions.size()))) {
      assertThat(page).contains(r.table()).contains(r.row());
    }
    // The first edition is still there, unchanged, and both are listed.
    assertThat(publicGet("/statistics/" + e.slug()).body())
        .isEqualTo(before.get("/statistics/" + e.slug()));
    String list = text(publicGet("/statistics"));
    assertThat(list).contains(e.slug()).contains(next.slug());
    assertThat(list.indexOf(next.slug())).isLessThan(list.indexOf(e.slug() + "\""));
  }

  @Test
  @DisplayName(
      "the secretariat edits a draft's paragraphs (nothing typed lost on an error); a published"
          + " edition cannot be edited or deleted")
  void editThenFrozen() throws Exception {
    long id = draft2020();
    String draftPage = secretariat.get("/editions/" + id).body();
    assertThat(draftPage).contains("name=\"paragraph-H\"");
    // A blank paragraph is refused, naming it; what was typed in the others stays.
    HttpResponse<String> refused =
        secretariat.post(
            "/editions/" + id,
            form("paragraph-H", "  ", "paragraph-T1", "Typed about ethnicity, kept."));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("There is a problem")
        .contains("href=\"#paragraph-H\"")
        .contains("cannot be blank")
        .contains("Typed about ethnicity, kept.");
    assertThat(editions.paragraphs(id)).isEmpty();

    HttpResponse<String> saved =
        secretariat.post(
            "/editions/" + id,
            form("paragraph-H", "The Panel received notification of 7 serious incidents."));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(editions.paragraphs(id))
        .containsEntry("H", "The Panel received notification of 7 serious incidents.");
    assertThat(secretariat.get("/editions/" + id).body())
        .contains("The Panel received notification of 7 serious incidents.");

    // Publishing asks first: without the box ticked, nothing is published.
    secretariat.get("/editions/" + id + "/publish");
    HttpResponse<String> unticked = secretariat.post("/editions/" + id + "/publish", form());
    assertThat(unticked.statusCode()).isEqualTo(400);
    assertThat(unticked.body()).contains("Tick the box");
    assertThat(editions.find(id).orElseThrow().published()).isFalse();
    publish(id);
    Edition e = editions.find(id).orElseThrow();
    assertThat(text(publicGet("/statistics/" + e.slug())))
        .contains("The Panel received notification of 7 serious incidents.");
    // Audited: drafted, edited, published.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where record_type = 'EDITION' and record_ref = ?",
                Long.class,
                String.valueOf(id)))
        .isEqualTo(3L);

    // Published: editing, publishing again and deleting are refused with a message.
    String frozenWords = "was published and cannot be changed or deleted";
    HttpResponse<String> edit =
        secretariat.post("/editions/" + id, form("paragraph-H", "Changed afterwards."));
    assertThat(edit.statusCode()).isEqualTo(409);
    assertThat(edit.body()).contains(frozenWords);
    HttpResponse<String> again =
        secretariat.post("/editions/" + id + "/publish", form("confirm", "yes"));
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<String> delete =
        secretariat.post("/editions/" + id + "/delete", form("confirm", "yes"));
    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(delete.body()).contains(frozenWords);
    assertThat(editions.paragraphs(id))
        .containsEntry("H", "The Panel received notification of 7 serious incidents.");
    assertThatThrownBy(() -> editions.saveParagraphs(id, Map.of("H", "x"), "someone"))
        .isInstanceOf(EditionFrozenException.class);
    // And the database refuses too, whatever asks.
    assertThatThrownBy(() -> jdbc.update("update edition set as_at = as_at where id = ?", id))
        .hasMessageContaining("published");
    assertThatThrownBy(() -> jdbc.update("delete from edition_file where edition_id = ?", id))
        .hasMessageContaining("published");
  }

  @Test
  @DisplayName(
      "a new edition's form: a blank as-at date and a missing quarter are errors, nothing stored;"
          + " other roles cannot reach the editions")
  void draftErrorsAndRoles() throws Exception {
    secretariat.get("/editions/new");
    HttpResponse<String> blank =
        secretariat.post(
            "/editions/new", form("kind", "quarter", "year", "2020", "quarter", "", "area", ""));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("Enter the as-at date")
        .contains("href=\"#as-at-day\"")
        .contains("Choose the quarter")
        .contains("value=\"2020\"");
    HttpResponse<String> early =
        secretariat.post(
            "/editions/new",
            form(
                "kind",
                "year",
                "year",
                "2020",
                "as-at-day",
                "1",
                "as-at-month",
                "12",
                "as-at-year",
                "2020",
                "area",
                "E12000099"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body())
        .contains("on or after the end of the period (31 December 2020)")
        .contains("Choose England or one of the nine regions");
    assertThat(editions.count()).isZero();

    // A quarter for a region: no open data (it is published for years only), named in words.
    HttpResponse<String> quarter =
        secretariat.post(
            "/editions/new",
            form(
                "kind",
                "quarter",
                "year",
                "2020",
                "quarter",
                "2",
                "as-at-day",
                "30",
                "as-at-month",
                "9",
                "as-at-year",
                "2020",
                "area",
                "E12000007"));
    assertThat(quarter.statusCode()).as(quarter.body()).isEqualTo(302);
    Edition q = editions.all().get(0);
    assertThat(q.name()).isEqualTo("London, April to June 2020");
    assertThat(q.from()).isEqualTo(LocalDate.of(2020, 4, 1));
    assertThat(q.to()).isEqualTo(LocalDate.of(2020, 6, 30));

    for (Role role : List.of(Role.PANEL_MEMBER, Role.INSPECTOR)) {
      SignedInHttp other =
          new SignedInHttp(port)
              .signIn(TestAccounts.create(accounts, "ed." + role.name().toLowerCase(), role));
      assertThat(other.get("/editions").statusCode()).as(role.name()).isEqualTo(403);
      assertThat(other.get("/editions/" + q.id()).statusCode()).as(role.name()).isEqualTo(403);
      assertThat(other.get("/editions").body()).doesNotContain("href=\"/editions\"");
    }
  }
}
