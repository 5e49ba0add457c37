package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * The analytics pages over HTTP: a section at a time with its charts, an area chosen from England,
 * a region or an authority, two periods and an authority against England side by side, and clear
 * errors. The counts are those seeded here, counted by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class AnalyticsPagesHttpTest {

  static final String WESTMINSTER = "E09000033"; // London, E12000007
  static final String LEEDS = "E08000035"; // Yorkshire and The Humber, E12000003

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  SignedInHttp secretariat;

  @BeforeEach
  void seed() throws Exception {
    // 2020: Westminster 3 deaths (SUDI), Leeds 1 death and 2 serious harm. 2019: Westminster 1.
    for (int i = 0; i < 3; i++) {
      register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2020, 3, 2 + i), 2, 1));
    }
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2020, 5, 4), 2, 1));
    register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 2, 1));
    register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", LocalDate.of(2020, 7, 1), 2, 2));
    register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2019, 7, 1), 2, 1));
    secretariat =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "an.secretariat", Role.PANEL_SECRETARIAT));
  }

  /** The text of the table cells of a row, by its header cell's words, in a table by id. */
  static List<String> row(String html, String tableId, String rowWords) {
    int start = html.indexOf("id=\"" + tableId + "\"");
    assertThat(start).as("table " + tableId).isPositive();
    String table = html.substring(start, html.indexOf("</table>", start));
    Matcher m =
        Pattern.compile(
                "<th scope=\"row\" class=\"govuk-table__header\">"
                    + Pattern.quote(rowWords)
                    + "</th>(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(table);
    assertThat(m.find()).as(tableId + " row " + rowWords).isTrue();
    List<String> cells = new ArrayList<>();
    Matcher td = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(m.group(1));
    while (td.find()) {
      cells.add(td.group(1));
    }
    return cells;
  }

  @Test
  @DisplayName("a section shows its tables with a chart each, and only its tables")
  void section() throws Exception {
    HttpResponse<String> r =
        secretariat.get(
            "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31&section=incidents");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html).contains("<h1 class=\"govuk-heading-l\">What happened</h1>");
    assertThat(html).contains("id=\"table-T2\"").contains("id=\"table-T3\"");
    assertThat(html).doesNotContain("id=\"table-T1\"").doesNotContain("id=\"table-H\"");
    // T2: 4 deaths, all SUDI (100.0%); T3: 2 non-fatal, both neglect.
    assertThat(row(html, "table-T2", "SUDI")).containsExactly("4", "100.0");
    assertThat(row(html, "table-T2", "Total")).containsExactly("4", "100.0");
    // The chart of T2 is an image with a title and a description naming the largest category.
    assertThat(html)
        .contains("role=\"img\"")
        .contains("<title id=\"chart-T2-title\">Deaths by category</title>")
        .contains("Deaths: largest SUDI (4).");
    // CV1 has no chart.
    assertThat(html).doesNotContain("chart-CV1");
    // The section link is marked as the current page.
    assertThat(html).containsPattern("aria-current=\"page\"[^>]*>What happened<");
  }

  @Test
  @DisplayName(
      "the tables laid out once a report are the same for the next reader, kept apart for"
          + " publication, and a new notification shows at once")
  void figuresLaidOutOnceAreNeverStale() throws Exception {
    String page =
        "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2030-01-01&section=incidents";
    String first = secretariat.get(page).body();
    // 4 deaths in 2020, all SUDI; 2 serious harm (counted by hand from the seed).
    assertThat(row(first, "table-T2", "Total")).containsExactly("4", "100.0");
    SignedInHttp other =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "an.member", Role.PANEL_MEMBER));
    String second = other.get(page).body();
    assertThat(row(second, "table-T2", "Total")).containsExactly("4", "100.0");
    assertThat(tables(second)).isEqualTo(tables(first));
    // For publication, from the same report: the 2 serious harm cases are shown as "c" there and
    // as counts on the page not for publication, asked for again after it.
    String forPublication = other.get(page + "&suppress=yes").body();
    assertThat(row(forPublication, "table-T3", "Total").get(0)).isEqualTo("c");
    assertThat(row(secretariat.get(page).body(), "table-T3", "Total").get(0)).isEqualTo("2");
    // A fifth death in 2020: the next reader sees it (a new version of the data, a new report).
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2020, 8, 3), 2, 1));
    assertThat(row(other.get(page).body(), "table-T2", "Total")).containsExactly("5", "100.0");
    assertThat(row(other.get(page + "&suppress=yes").body(), "table-T2", "Total").get(0))
        .isEqualTo("5");
  }

  /** The page from its first table's heading to the end of its main part. */
  private static String tables(String html) {
    return html.substring(html.indexOf("<h2 class=\"govuk-heading-m\""), html.indexOf("</main>"));
  }

  @Test
  @DisplayName("an area is England, a region or an authority; an unknown one is a clear error")
  void areas() throws Exception {
    String base = "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31&section=";
    String region = secretariat.get(base + "authorities&area=region:E12000003").body();
    assertThat(row(region, "table-H", "Notifications")).containsExactly("3"); // Leeds only
    String la = secretariat.get(base + "authorities&area=la:" + WESTMINSTER).body();
    assertThat(row(la, "table-H", "Notifications")).containsExactly("3");
    String england = secretariat.get(base + "authorities").body();
    assertThat(row(england, "table-H", "Notifications")).containsExactly("6");
    // Old links with la= still work.
    String old = secretariat.get(base + "authorities&la=" + LEEDS).body();
    assertThat(row(old, "table-H", "Notifications")).containsExactly("3");

    HttpResponse<String> bad = secretariat.get(base + "authorities&area=somewhere");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("There is a problem")
        .contains("Choose England, a region or a local authority from the list");
    HttpResponse<String> unknown = secretariat.get(base + "authorities&area=region:E12999999");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("is not a region");
    HttpResponse<String> asAt =
        secretariat.get("/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2019-01-01");
    assertThat(asAt.statusCode()).isEqualTo(400);
    assertThat(asAt.body()).contains("The as-at date cannot be before the period starts");
  }

  @Test
  @DisplayName("two periods side by side, and an authority against England, with a chart")
  void compare() throws Exception {
    HttpResponse<String> r =
        secretariat.get(
            "/analytics/compare?table=H&from=2020-01-01&to=2020-12-31"
                + "&from2=2019-01-01&to2=2019-12-31&asAt=2021-03-31");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html).contains("Count, 2020, England").contains("Count, 2019, England");
    assertThat(row(html, "comparison", "Notifications")).containsExactly("6", "1");
    assertThat(row(html, "comparison", "Death")).containsExactly("4", "1");
    assertThat(html).contains("<svg").contains("role=\"img\"");

    String vsEngland =
        secretariat
            .get(
                "/analytics/compare?table=T2&from=2020-01-01&to=2020-12-31&area=la:"
                    + LEEDS
                    + "&from2=2020-01-01&to2=2020-12-31&asAt=2021-03-31")
            .body();
    assertThat(vsEngland).contains("Count, 2020, Leeds").contains("Percent, 2020, England");
    // Leeds: 1 death of 1 (100.0%); England: 4 of 4.
    assertThat(row(vsEngland, "comparison", "SUDI")).containsExactly("1", "4", "100.0", "100.0");
    // The chart compares percentages, fair between areas of different sizes.
    assertThat(vsEngland).contains("The chart compares the percent of each row");

    HttpResponse<String> bad =
        secretariat.get(
            "/analytics/compare?table=T99&from=2020-01-01&to=2020-12-31&to2=2019-13-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("Choose a table from the list")
        .contains("The end of the period must be a real date");
  }

  @Test
  @DisplayName("an authority's notifier compares only what it may see, and publication hides 1s")
  void scopedAndSuppressed() throws Exception {
    SignedInHttp notifier =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "an.leeds", Role.LA_NOTIFIER, LEEDS));
    String html =
        notifier
            .get(
                "/analytics/compare?table=H&from=2020-01-01&to=2020-12-31"
                    + "&from2=2019-01-01&to2=2019-12-31&asAt=2021-03-31")
            .body();
    // Leeds's 3 in 2020 and none in 2019: Westminster's are not counted.
    assertThat(row(html, "comparison", "Notifications")).containsExactly("3", "0");
    String published =
        secretariat
            .get(
                "/analytics/compare?table=H&from=2020-01-01&to=2020-12-31"
                    + "&from2=2019-01-01&to2=2019-12-31&asAt=2021-03-31&suppress=yes")
            .body();
    assertThat(row(published, "comparison", "Notifications")).containsExactly("6", "c");
  }

  @Test
  @DisplayName(
      "downloads are for publication: controlled whatever the page shows, scoped, in each format")
  void downloads() throws Exception {
    String q = "from=2019-01-01&to=2019-12-31&asAt=2021-03-31";
    String page = secretariat.get("/analytics/tables?" + q + "&section=authorities").body();
    assertThat(page).contains("id=\"download-ods\"").contains("id=\"download-opendata\"");
    // 2019: Westminster's one notification, published as c in every format.
    HttpResponse<String> csv =
        secretariat.get("/analytics/download?format=csv&section=authorities&" + q);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).contains("attachment").contains(".csv"));
    assertThat(csv.body())
        .startsWith("table_id,row_code,column_code,value")
        .contains("H,NOTIFICATIONS,COUNT,c")
        .doesNotContain("H,NOTIFICATIONS,COUNT,1");
    assertThat(csv.body()).doesNotContain("T1,"); // only the section's tables
    HttpResponse<byte[]> xlsx =
        secretariat.getBytes("/analytics/download?format=xlsx&section=authorities&" + q);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      // A cover, contents and notes, then a sheet a table of the section, named in words.
      assertThat(book.getNumberOfSheets()).isEqualTo(5);
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Cover");
      assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Contents");
      assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("Notes");
      assertThat(book.getSheetAt(3).getSheetName()).doesNotContain("H ").isNotEqualTo("H");
      assertThat(book.getSheetAt(4).getSheetName()).doesNotStartWith("LA1");
    }
    HttpResponse<byte[]> pdf = secretariat.getBytes("/analytics/download?format=pdf&" + q);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    HttpResponse<String> open = secretariat.get("/analytics/download?format=opendata&" + q);
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body())
        .startsWith("time_period,time_identifier,geographic_level")
        .contains("2019,Calendar year,National,E92000001,England");
    HttpResponse<String> meta = secretariat.get("/analytics/download?format=opendata-meta&" + q);
    assertThat(meta.body()).startsWith("col_name,col_type,label");
    // Open data is for a calendar or financial year only: said on the page, as a 400.
    HttpResponse<String> half =
        secretariat.get("/analytics/download?format=opendata&from=2020-01-01&to=2020-06-30");
    assertThat(half.statusCode()).isEqualTo(400);
    assertThat(half.body()).contains("There is a problem").contains("calendar year");
    // Each download has its own file name, saying the period, the section and what it is.
    Map<String, String> names = new java.util.LinkedHashMap<>();
    for (String format : List.of("csv", "ods", "xlsx", "pdf", "opendata", "opendata-meta")) {
      HttpResponse<byte[]> d =
          secretariat.getBytes(
              "/analytics/download?format=" + format + "&section=authorities&" + q);
      assertThat(d.statusCode()).as(format).isEqualTo(200);
      String disposition = d.headers().firstValue("Content-Disposition").orElseThrow();
      names.put(format, disposition.replaceAll(".*filename=\"([^\"]+)\".*", "$1"));
    }
    assertThat(names)
        .containsEntry("csv", "serious-incidents-2019-01-01-to-2019-12-31-authorities-tables.csv")
        .containsEntry("ods", "serious-incidents-2019-01-01-to-2019-12-31-authorities-tables.ods")
        .containsEntry("xlsx", "serious-incidents-2019-01-01-to-2019-12-31-authorities-tables.xlsx")
        .containsEntry("pdf", "serious-incidents-2019-01-01-to-2019-12-31-authorities-report.pdf")
        .containsEntry("opendata", "serious-incidents-2019-01-01-to-2019-12-31-open-data.csv")
        .containsEntry(
            "opendata-meta", "serious-incidents-2019-01-01-to-2019-12-31-open-data.meta.csv");
    assertThat(new java.util.HashSet<>(names.values())).hasSameSizeAs(names.values());
    HttpResponse<byte[]> london =
        secretariat.getBytes("/analytics/download?format=csv&area=region:E12000007&" + q);
    assertThat(london.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .contains("serious-incidents-2019-01-01-to-2019-12-31-london-tables.csv"));
    HttpResponse<String> unknown = secretariat.get("/analytics/download?format=doc&" + q);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Choose a download from the list");
    // A Leeds notifier's download counts Leeds only: none in 2019.
    SignedInHttp notifier =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "dl.leeds", Role.LA_NOTIFIER, LEEDS));
    assertThat(notifier.get("/analytics/download?format=csv&section=authorities&" + q).body())
        .contains("H,NOTIFICATIONS,COUNT,0");
    // Its workbook says whose figures they are; open data (England's and every region's rows) is
    // neither offered nor given to someone who sees only some authorities.
    HttpResponse<byte[]> leedsBook =
        notifier.getBytes("/analytics/download?format=xlsx&section=authorities&" + q);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(leedsBook.body()))) {
      StringBuilder cover = new StringBuilder();
      book.getSheet("Cover").forEach(r -> r.forEach(c -> cover.append(c.getStringCellValue())));
      assertThat(cover.toString()).contains("Leeds (only the local authorities you can see)");
    }
    assertThat(notifier.get("/analytics/tables?" + q).body())
        .contains("id=\"download-xlsx\"")
        .doesNotContain("id=\"download-opendata");
    HttpResponse<String> refused = notifier.get("/analytics/download?format=opendata&" + q);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Open data counts every local authority");
  }
}
