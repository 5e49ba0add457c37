package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Account;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.analytics.Cell;
import uk.gov.observatory.analytics.Headline;
import uk.gov.observatory.analytics.ReportRequest;
import uk.gov.observatory.analytics.Reports;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.Browser;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.TestClock;

/**
 * {@code serve --demo}: the demo loads 2019 and 2020 into an empty register (2020's headline is the
 * annual report's 482 notifications), makes one account per role with secrets that work, and marks
 * the pages as synthetic. Loaded here by calling the demo's bean (the register is emptied before
 * each test, so it is not loaded at start-up).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"observatory.demo=true", "observatory.demo.load-at-start=false"})
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class DemoBrowserTest {

  static final String BANNER = "Synthetic data — demonstration";

  @LocalServerPort int port;
  @Autowired DemoData demo;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;
  @Autowired Reports reports;
  @Autowired Viewers viewers;

  private DemoData.Loaded load(StringBuilder console) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoData.Loaded loaded = demo.load(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    console.append(bytes.toString(StandardCharsets.UTF_8));
    return loaded;
  }

  @Test
  void loadsTwoYearsOnceAndMakesOneAccountPerRoleAfreshEachTime() {
    StringBuilder console = new StringBuilder();
    DemoData.Loaded first = load(console);

    assertThat(first.imported()).isTrue();
    assertThat(first.notifications()).isEqualTo(register.count()).isGreaterThan(482);
    Map<String, Long> h =
        reports
            .report(
                new ReportRequest(
                    LocalDate.of(2020, 1, 1),
                    LocalDate.of(2020, 12, 31),
                    LocalDate.of(2021, 3, 31),
                    null,
                    null),
                List.of(Headline.TABLE_ID),
                viewers.of("demo.secretariat"))
            .tables()
            .get(Headline.TABLE_ID)
            .stream()
            .collect(Collectors.toMap(Cell::rowCode, c -> Long.parseLong(c.value())));
    assertThat(h).containsEntry("NOTIFICATIONS", 482L);
    Map<String, Long> notifiedByLeeds =
        reports
            .report(
                new ReportRequest(
                    LocalDate.of(2020, 1, 1),
                    LocalDate.of(2020, 12, 31),
                    LocalDate.of(2021, 3, 31),
                    null,
                    DemoData.LA),
                List.of(Headline.TABLE_ID),
                viewers.of("demo.notifier"))
            .tables()
            .get(Headline.TABLE_ID)
            .stream()
            .collect(Collectors.toMap(Cell::rowCode, c -> Long.parseLong(c.value())));
    assertThat(notifiedByLeeds.get("NOTIFICATIONS")).as("Leeds has cases to show").isPositive();

    Map<String, Account> demoAccounts =
        accounts.list().stream()
            .filter(a -> a.username().startsWith(DemoData.PREFIX))
            .collect(Collectors.toMap(Account::username, Function.identity()));
    assertThat(demoAccounts.values())
        .extracting(Account::role)
        .containsExactlyInAnyOrder(Role.values());
    assertThat(first.accounts()).hasSize(Role.values().length);
    assertThat(console)
        .contains("DEMO ACCOUNTS (synthetic data only)")
        .contains(
            "Demo: imported " + String.format("%,d", first.notifications()) + " notifications");
    for (DemoData.DemoAccount a : first.accounts()) {
      assertThat(console).contains(a.username()).contains(a.password()).contains(a.totpSecret());
      assertThat(a.uri()).startsWith("otpauth://totp/");
    }

    // Started again on a register that holds data: nothing imported, the accounts made afresh.
    StringBuilder again = new StringBuilder();
    DemoData.Loaded second = load(again);
    assertThat(second.imported()).isFalse();
    assertThat(register.count()).isEqualTo(first.notifications());
    assertThat(again).contains("already holds").contains("nothing imported");
    assertThat(accounts.list()).hasSize(Role.values().length);
    assertThat(second.accounts().get(0).totpSecret())
        .isNotEqualTo(first.accounts().get(0).totpSecret());
    assertThat(
            accounts
                .verifyPassword(
                    first.accounts().get(0).username(), first.accounts().get(0).password())
                .name())
        .isNotEqualTo("ACCEPTED");
  }

  @Test
  void theSecretariatSignsInWithWhatTheDemoPrintedAndSeesThe2020Analytics() throws Exception {
    DemoData.DemoAccount secretariat =
        load(new StringBuilder()).accounts().stream()
            .filter(a -> a.role() == Role.PANEL_SECRETARIAT)
            .findFirst()
            .orElseThrow();
    String code =
        new DefaultCodeGenerator()
            .generate(secretariat.totpSecret(), TestClock.NOW.getEpochSecond() / 30);
    try (Browser browser = Browser.open("http://localhost:" + port)) {
      browser.signIn(secretariat.username(), secretariat.password(), code);
      browser.get(
          "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2021-03-31&section=authorities");
      assertThat(browser.h1()).isEqualTo("Local authorities");
      Object cells =
          ((JavascriptExecutor) browser.driver())
              .executeScript(
                  "for (const tr of document.querySelectorAll('#table-H tbody tr')) {"
                      + " const th = tr.querySelector('th[scope=row]');"
                      + " if (th && th.textContent.trim() === 'Notifications')"
                      + "  return Array.from(tr.querySelectorAll('td')).map(td =>"
                      + " td.textContent.trim()); }"
                      + " return null;");
      assertThat(cells).isEqualTo(List.of("482"));
      String banner = browser.driver().findElement(By.cssSelector(".govuk-phase-banner")).getText();
      assertThat(banner).contains("Demo").contains(BANNER);
      browser.assertAccessible("the 2020 analytics in the demo");
    }
  }
}
