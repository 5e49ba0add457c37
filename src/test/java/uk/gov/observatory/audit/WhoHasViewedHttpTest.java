package uk.gov.observatory.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.audit.internal.AuditRepository;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.Notification;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * Who has viewed a case, on its page for the secretariat: one row a person with their count and
 * last time, 20 people a page, so a case viewed 6,000 times is a page of the same size as one
 * viewed 30 times (it was 1.5 MB, every view a row).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class WhoHasViewedHttpTest {

  private static final Pattern ROW =
      Pattern.compile(
          "<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\">([^<]+)</td>\\s*"
              + "<td[^>]*>([^<]+)</td>\\s*<td[^>]*>([^<]+)</td>\\s*<td[^>]*>([^<]+)</td>");

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired AuditLog audit;
  @Autowired AuditRepository repository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TransactionTemplate tx;
  @Autowired DatabaseOwner owner;

  @Test
  @DisplayName(
      "6,000 views by 27 people: the secretariat's page is small, one row a person with the right"
          + " counts, the latest first, and pages through the rest")
  void sixThousandViewsSummarisedAndPaged() throws Exception {
    AuditTables.empty(owner);
    Notification n = register.notify(Submissions.death());
    // Worked by hand: alice 3,000 views, bob 2,000 views and his identifying details shown twice,
    // 25 others (reader.01 to reader.25) 40 views each = 1,000; 6,000 views in all by 27 people.
    tx.executeWithoutResult(
        status -> {
          view("alice.reader", AuditAction.VIEWED, n.ref(), 2500);
          view("bob.reader", AuditAction.VIEWED, n.ref(), 2000);
          view("bob.reader", AuditAction.IDENTIFYING_DETAILS_SHOWN, n.ref(), 2);
          for (int i = 1; i <= 25; i++) {
            view(String.format("reader.%02d", i), AuditAction.VIEWED, n.ref(), 40);
          }
        });
    // Those are sealed (and counted in the sealer's summary); alice's last 500 are not yet (and
    // counted from the log): the page adds the two.
    audit.seal();
    tx.executeWithoutResult(status -> view("alice.reader", AuditAction.VIEWED, n.ref(), 500));
    // A day after all of them, someone looks once more: they come first.
    AuditLog tomorrow =
        new AuditLog(
            repository,
            transactions,
            Clock.fixed(TestClock.NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC));
    tomorrow.record(AuditEvent.of("zed.reader", AuditAction.VIEWED, "notification", n.ref()));

    SignedInHttp secretariat =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "views.secretary", Role.PANEL_SECRETARIAT));
    // Its own view (the 6,002nd, by the 29th person) is on record before the page is drawn.
    HttpResponse<String> first = secretariat.get("/notifications/" + n.ref());
    assertThat(first.statusCode()).isEqualTo(200);
    // Every view a row was 1.5 MB; now the page is the size of a page of people.
    assertThat(first.body().length()).isLessThan(80_000);
    assertThat(first.body())
        .contains("29 people have viewed this case, 6,002 times in all")
        .contains("Page 1 of 2");
    List<List<String>> rows = rows(first.body());
    assertThat(rows).hasSize(20);
    assertThat(rows.get(0))
        .containsExactly("zed.reader", "1", "Never", "27 November 2026 at 12:00pm");
    // The rest were all at the test clock's noon: by name.
    assertThat(rows.get(1))
        .containsExactly("alice.reader", "3,000", "Never", "26 November 2026 at 12:00pm");
    assertThat(rows.get(2))
        .containsExactly("bob.reader", "2,000", "2 times", "26 November 2026 at 12:00pm");
    assertThat(rows.get(3))
        .containsExactly("reader.01", "40", "Never", "26 November 2026 at 12:00pm");
    assertThat(rows.get(19).get(0)).isEqualTo("reader.17");

    HttpResponse<String> second = secretariat.get("/notifications/" + n.ref() + "?viewers=2");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body())
        .contains("Page 2 of 2")
        .contains("29 people have viewed this case, 6,003 times in all");
    List<List<String>> rest = rows(second.body());
    // Still 29 people (the secretary's second look is their second view), 20 on the first page.
    assertThat(rest)
        .extracting(r -> r.get(0))
        .containsExactly(
            "reader.18",
            "reader.19",
            "reader.20",
            "reader.21",
            "reader.22",
            "reader.23",
            "reader.24",
            "reader.25",
            "views.secretary");

    // A page past the last lists nobody, and still says how many people and views there are.
    HttpResponse<String> past = secretariat.get("/notifications/" + n.ref() + "?viewers=3");
    assertThat(past.statusCode()).isEqualTo(200);
    assertThat(past.body())
        .contains("29 people have viewed this case, 6,004 times in all")
        .contains("There is no page <span>3</span> of who has viewed this case")
        .doesNotContain("id=\"viewers\"");
  }

  private void view(String actor, AuditAction action, String ref, int times) {
    for (int i = 0; i < times; i++) {
      audit.record(AuditEvent.of(actor, action, "notification", ref));
    }
  }

  private static List<List<String>> rows(String html) {
    int table = html.indexOf("<table class=\"govuk-table\" id=\"viewers\"");
    assertThat(table).isPositive();
    String body = html.substring(table, html.indexOf("</table>", table));
    List<List<String>> rows = new ArrayList<>();
    Matcher m = ROW.matcher(body);
    while (m.find()) {
      rows.add(
          List.of(m.group(1).strip(), m.group(2).strip(), m.group(3).strip(), m.group(4).strip()));
    }
    return rows;
  }
}
