package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * An authority followed through its codes, over HTTP: Sheffield was E08000019 until 30 April 2025
 * and is E08000039 since, so a Sheffield notifier's account (E08000039) lists, opens and exports
 * the notifications made under either code, and nothing of Barnsley (E08000016, E08000038, recoded
 * the same day) or Rotherham (E08000018).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class AuthorityThroughItsCodesHttpTest {

  static final Pattern REF_LINK = Pattern.compile("href=\"/notifications/(SIN-\\d{4}-\\d{5})\"");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  Notification notify(String la, String incident) {
    return register.notify(Submissions.of(la, "DEATH", LocalDate.parse(incident), 1, 1));
  }

  static List<String> refsListed(String page) {
    Matcher m = REF_LINK.matcher(page);
    List<String> refs = new java.util.ArrayList<>();
    while (m.find()) {
      refs.add(m.group(1));
    }
    return refs;
  }

  @Test
  @DisplayName(
      "a Sheffield notifier (E08000039) lists, opens and exports Sheffield's notifications made"
          + " under E08000019, and gets 404 for Barnsley's under either code and Rotherham's")
  void sheffieldThroughItsCodes() throws Exception {
    Notification sheffieldBefore = notify("E08000019", "2024-06-01");
    Notification sheffieldSince = notify("E08000039", "2025-06-01");
    Notification barnsleyBefore = notify("E08000016", "2024-06-01");
    Notification barnsleySince = notify("E08000038", "2025-06-01");
    Notification rotherham = notify("E08000018", "2024-06-01");
    SignedInHttp sheffield =
        new SignedInHttp(port)
            .signIn(
                TestAccounts.create(accounts, "sheffield.notifier", Role.LA_NOTIFIER, "E08000039"));

    HttpResponse<String> list = sheffield.get("/notifications?size=50");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(refsListed(list.body()))
        .containsExactlyInAnyOrder(sheffieldBefore.ref(), sheffieldSince.ref());

    for (Notification n : List.of(sheffieldBefore, sheffieldSince)) {
      HttpResponse<String> page = sheffield.get("/notifications/" + n.ref());
      assertThat(page.statusCode()).as(n.ref()).isEqualTo(200);
      assertThat(page.body()).contains(n.ref()).contains("Sheffield");
    }
    for (Notification n : List.of(barnsleyBefore, barnsleySince, rotherham)) {
      assertThat(sheffield.get("/notifications/" + n.ref()).statusCode())
          .as(n.laCode() + " " + n.ref())
          .isEqualTo(404);
    }

    String csv = sheffield.get("/notifications/export.csv").body();
    assertThat(csv).contains(sheffieldBefore.ref()).contains(sheffieldSince.ref());
    assertThat(csv)
        .doesNotContain(barnsleyBefore.ref())
        .doesNotContain(barnsleySince.ref())
        .doesNotContain(rotherham.ref());
  }

  @Test
  @DisplayName(
      "the register's filter offers Sheffield once, under its current code, and it finds the"
          + " notifications under both codes")
  void oneSheffieldInTheFilter() throws Exception {
    Notification sheffieldBefore = notify("E08000019", "2024-06-01");
    Notification sheffieldSince = notify("E08000039", "2025-06-01");
    Notification barnsley = notify("E08000016", "2024-06-01");
    SignedInHttp member =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "filter.member", Role.PANEL_MEMBER));

    String page = member.get("/notifications").body();
    String picker = page.substring(page.indexOf("id=\"la\""), page.indexOf("</select>"));
    assertThat(Pattern.compile(">Sheffield<").matcher(picker).results().count()).isEqualTo(1);
    assertThat(picker).contains("<option value=\"E08000039\">Sheffield</option>");
    assertThat(picker).doesNotContain("value=\"E08000019\"");
    // Two authorities of one name are told apart by the day the ended one ended.
    assertThat(picker)
        .contains("<option value=\"E10000009\">Dorset (until 31 March 2019)</option>")
        .contains("<option value=\"E06000059\">Dorset</option>");

    String filtered = member.get("/notifications?la=E08000039&size=50").body();
    assertThat(refsListed(filtered))
        .containsExactlyInAnyOrder(sheffieldBefore.ref(), sheffieldSince.ref())
        .doesNotContain(barnsley.ref());
    // An old link by the earlier code finds the same, with Sheffield chosen in the filter.
    String byEarlierCode = member.get("/notifications?la=E08000019&size=50").body();
    assertThat(refsListed(byEarlierCode))
        .containsExactlyInAnyOrder(sheffieldBefore.ref(), sheffieldSince.ref());
    assertThat(byEarlierCode)
        .contains("<option value=\"E08000039\" selected=\"selected\">Sheffield");
  }

  @Test
  @DisplayName(
      "analytics, which counts each code on its own, names each of Sheffield's codes with its"
          + " period, so the live code is not taken for the whole history")
  void analyticsNamesEachCodeWithItsPeriod() throws Exception {
    SignedInHttp member =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "analytics.member", Role.PANEL_MEMBER));
    String page = member.get("/analytics").body();
    String picker = page.substring(page.indexOf("id=\"la\""));
    picker = picker.substring(0, picker.indexOf("</select>"));
    assertThat(picker)
        .contains("<option value=\"E08000019\">Sheffield (until 30 April 2025)</option>")
        .contains("<option value=\"E08000039\">Sheffield (from 1 May 2025)</option>")
        .contains("<option value=\"E06000059\">Dorset</option>")
        .doesNotContain(">Sheffield<");
    String tables = member.get("/analytics/tables").body();
    assertThat(tables)
        .contains("Sheffield (until 30 April 2025)")
        .contains("Sheffield (from 1 May 2025)");
  }
}
