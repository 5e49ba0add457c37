package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.util.HtmlUtils;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.AuditAction;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.review.LcsprStatus;
import uk.gov.observatory.review.RapidReviewStatus;
import uk.gov.observatory.support.CodesInText;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.TestClock;

/**
 * Every role's pages on the demonstration's data (two years, about 1,200 notifications): signed in
 * as each demo account, every page of the service's menu, and the first page of each kind linked
 * from them (a case, an LCSPR, a worklist item...), answers 200, shows no list or table over 200
 * rows without paging, and shows no raw code where a label exists (checked against the code lists
 * and the statuses, roles and audit actions a person reads).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"observatory.demo=true", "observatory.demo.load-at-start=false"})
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class EveryRolesPagesTest {

  /** The most rows a page may show at once (a list or a table). */
  static final int MOST_ROWS = 200;

  /** Pages of one kind visited from a menu page at most (the first of each kind is enough). */
  static final int KINDS_PER_MENU_PAGE = 12;

  private static final Pattern NAV =
      Pattern.compile("class=\"govuk-service-navigation__link\"[^>]*href=\"([^\"]+)\"");
  private static final Pattern MAIN = Pattern.compile("(?s)<main\\b.*?</main>");
  private static final Pattern HREF = Pattern.compile("<a\\b[^>]*href=\"(/[^\"#]*)\"");

  @LocalServerPort int port;
  @Autowired DemoData demo;

  @Test
  void everyMenuPageOfEveryRoleWorksWithTheDemonstrationsData() throws Exception {
    DemoData.Loaded loaded = demo.load(new PrintStream(new ByteArrayOutputStream(), true));
    Set<String> codes = rawCodes();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    Map<String, Integer> visited = new LinkedHashMap<>();
    for (DemoData.DemoAccount a : loaded.accounts()) {
      SignedInHttp http = new SignedInHttp(port);
      http.signIn(
          a.username(),
          a.password(),
          new DefaultCodeGenerator().generate(a.totpSecret(), TestClock.NOW.getEpochSecond() / 30));
      List<String> found = new ArrayList<>();
      HttpResponse<String> start = follow(http, "/");
      if (start.statusCode() != 200) {
        found.add("/ answered " + start.statusCode());
      }
      Set<String> menu = new LinkedHashSet<>();
      Matcher nav = NAV.matcher(start.body());
      while (nav.find()) {
        String href = HtmlUtils.htmlUnescape(nav.group(1));
        if (href.startsWith("/") && !href.equals("/sign-in")) {
          menu.add(href);
        }
      }
      if (menu.isEmpty()) {
        found.add("the start page offers no menu");
      }
      Set<String> pages = new LinkedHashSet<>(menu);
      pages.add("/");
      Set<String> kinds = new LinkedHashSet<>();
      for (String page : menu) {
        HttpResponse<String> r = follow(http, page);
        Matcher links = HREF.matcher(main(r.body()));
        int added = 0;
        while (links.find() && added < KINDS_PER_MENU_PAGE) {
          String href = HtmlUtils.htmlUnescape(links.group(1));
          if (skipped(href) || !kinds.add(kind(href))) {
            continue;
          }
          pages.add(href);
          added++;
        }
      }
      for (String page : pages) {
        HttpResponse<String> r = follow(http, page);
        visited.merge(a.username(), 1, Integer::sum);
        check(page, r, codes, found);
      }
      if (!found.isEmpty()) {
        problems.put(a.username() + " (" + a.role() + ")", found);
      }
    }
    assertThat(visited).hasSize(Role.values().length);
    assertThat(problems).as("pages visited per account: %s; problems", visited).isEmpty();
  }

  private static void check(
      String page, HttpResponse<String> r, Set<String> codes, List<String> found) {
    if (r.statusCode() != 200) {
      found.add(page + " answered " + r.statusCode());
      return;
    }
    String main = main(r.body());
    int rows = count(main, "<tr\\b") - count(main, "<thead\\b");
    int items = count(main, "<li\\b") - count(main, "govuk-pagination__item");
    if (rows > MOST_ROWS) {
      found.add(page + " shows " + rows + " table rows at once");
    }
    if (items > MOST_ROWS) {
      found.add(page + " shows " + items + " list items at once");
    }
    Set<String> raw = CodesInText.in(visibleText(main), codes);
    if (!raw.isEmpty()) {
      found.add(page + " shows codes instead of labels: " + raw);
    }
  }

  /** A GET that follows redirects within the service (sign-in steps excluded). */
  private static HttpResponse<String> follow(SignedInHttp http, String path) throws Exception {
    HttpResponse<String> r = http.get(path);
    for (int i = 0; i < 3 && r.statusCode() / 100 == 3; i++) {
      String to = URI.create(r.headers().firstValue("Location").orElseThrow()).getRawPath();
      String query = URI.create(r.headers().firstValue("Location").orElseThrow()).getRawQuery();
      r = http.get(query == null ? to : to + "?" + query);
    }
    return r;
  }

  /** Links not followed: signing out, files to download, and the journey's later steps. */
  private static boolean skipped(String href) {
    String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
    return path.equals("/sign-out")
        || path.startsWith("/sign-in")
        || path.startsWith("/assets")
        || path.startsWith("/webjars")
        || path.startsWith("/api/")
        || path.matches(".*\\.(csv|pdf|xlsx|ods|json|zip)$")
        || path.contains("/download")
        || path.contains("/export");
  }

  /** A link's kind: its path with references and numbers taken out. */
  private static String kind(String href) {
    String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
    return path.replaceAll("[A-Z]{3}-\\d{4}-\\d+", "{ref}")
        .replaceAll("LCSPR-[A-Za-z0-9-]+", "{lcspr}")
        .replaceAll("/\\d+", "/{n}")
        .replaceAll("E\\d{8}", "{la}");
  }

  private static String main(String html) {
    Matcher m = MAIN.matcher(html == null ? "" : html);
    return m.find() ? m.group() : "";
  }

  private static String visibleText(String html) {
    String s =
        html.replaceAll("(?s)<script\\b.*?</script>", " ")
            .replaceAll("(?s)<style\\b.*?</style>", " ")
            .replaceAll("(?s)<!--.*?-->", " ")
            .replaceAll("(?s)<[^>]*>", " ");
    return HtmlUtils.htmlUnescape(s);
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * The names of statuses, roles and audit actions (the code lists' codes are CodesInText's own).
   */
  private static Set<String> rawCodes() {
    Set<String> codes = new LinkedHashSet<>();
    for (Class<? extends Enum<?>> e :
        List.of(RapidReviewStatus.class, LcsprStatus.class, Role.class, AuditAction.class)) {
      for (Enum<?> c : e.getEnumConstants()) {
        codes.add(c.name());
      }
    }
    codes.remove("LCSPR"); // the Panel's name for a local child safeguarding practice review
    return codes;
  }
}
