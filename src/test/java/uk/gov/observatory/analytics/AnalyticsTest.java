package uk.gov.observatory.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.access.Viewer;
import uk.gov.observatory.access.Viewers;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;

@RegisterTest
class AnalyticsTest {

  static final String WESTMINSTER = "E09000033";
  static final String LEEDS = "E08000035";
  static final LocalDate FROM = LocalDate.of(2020, 1, 1);
  static final LocalDate TO = LocalDate.of(2020, 12, 31);

  @Autowired Analytics analytics;
  @Autowired NotificationRegister register;
  @Autowired Accounts accounts;
  @Autowired Viewers viewers;
  @Autowired JdbcTemplate jdbc;

  /**
   * Five notifications whose lateness is worked out by hand (aware on the incident date):
   *
   * <ul>
   *   <li>Mon 1 June 2020 to Mon 8 June: 5 working days, on time;
   *   <li>Mon 1 June 2020 to Tue 9 June: 6, late;
   *   <li>Wed 23 December 2020 to Mon 4 January 2021: 24, 29, 30, 31 December and 4 January are 5
   *       working days (25 December, the 28th for Boxing Day on a Saturday, and 1 January are bank
   *       holidays), on time;
   *   <li>the same to Tue 5 January: 6, late;
   *   <li>an incident on 10 January 2021, outside 2020.
   * </ul>
   */
  @BeforeEach
  void seed() {
    register.notify(Submissions.of(WESTMINSTER, "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of(LEEDS, "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    register.notify(Submissions.of(WESTMINSTER, "OTHER", LocalDate.of(2020, 12, 23), 12, 3));
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2020, 12, 23), 13, 1));
    register.notify(Submissions.of(LEEDS, "DEATH", LocalDate.of(2021, 1, 10), 1, 1));
  }

  @Test
  @DisplayName("the headline figures of 2020 for the Panel: counted by hand")
  void headlineForThePanel() {
    Headline h = analytics.headline(FROM, TO, null, Viewer.system("test"));
    assertThat(h.notifications()).isEqualTo(4);
    assertThat(h.deaths()).isEqualTo(2);
    assertThat(h.seriousHarm()).isEqualTo(1);
    assertThat(h.other()).isEqualTo(1);
    assertThat(h.children()).isEqualTo(2 + 1 + 3 + 1);
    assertThat(h.lasNotifying()).isEqualTo(2);
    assertThat(h.lateNotifications()).isEqualTo(2);
    assertThat(h.cells())
        .extracting(uk.gov.observatory.analytics.Cell::rowCode)
        .containsExactly(
            "NOTIFICATIONS",
            "DEATH",
            "SERIOUS_HARM",
            "OTHER",
            "CHILDREN",
            "LAS_NOTIFYING",
            "LATE_NOTIFICATIONS");
    assertThat(h.cells().get(0).value()).isEqualTo("4");
    // One authority, and a period of one day.
    assertThat(analytics.headline(FROM, TO, LEEDS, Viewer.system("test")).notifications())
        .isEqualTo(2);
    LocalDate christmas = LocalDate.of(2020, 12, 23);
    assertThat(analytics.headline(christmas, christmas, null, Viewer.system("test")).children())
        .isEqualTo(4);
  }

  @Test
  @DisplayName("an authority's notifier counts only its own authority's notifications")
  void scopedToTheReader() {
    TestAccounts.create(accounts, "leeds.analyst", Role.LA_NOTIFIER, LEEDS);
    Viewer leeds = viewers.of("leeds.analyst");
    Headline own = analytics.headline(FROM, TO, null, leeds);
    assertThat(own.notifications()).isEqualTo(2);
    assertThat(own.lasNotifying()).isEqualTo(1);
    assertThat(own.lateNotifications()).isEqualTo(2);
    assertThat(own.children()).isEqualTo(2);
    Headline other = analytics.headline(FROM, TO, WESTMINSTER, leeds);
    assertThat(other.notifications()).isZero();
    assertThat(other.children()).isZero();
    TestAccounts.create(accounts, "no.cases", Role.ADMIN);
    assertThat(analytics.headline(FROM, TO, null, viewers.of("no.cases")).notifications()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where actor = 'leeds.analyst'"
                    + " and action = 'REPORTED' and record_ref = 'H'",
                Long.class))
        .isEqualTo(2);
  }

  @Autowired Reports reports;

  @Test
  @DisplayName(
      "an authority's notifier sees LA1 of its own authority only, not every other as none")
  void authoritiesTableScoped() {
    TestAccounts.create(accounts, "leeds.la1", Role.LA_NOTIFIER, LEEDS);
    List<String> cells =
        reports
            .report(
                new ReportRequest(FROM, TO, TO, null, null),
                List.of("LA1"),
                viewers.of("leeds.la1"))
            .cells()
            .stream()
            .filter(c -> c.columnCode().equals("LA_COUNT"))
            .map(c -> c.rowCode() + "=" + c.value())
            .toList();
    // Leeds notified twice in 2020.
    assertThat(cells)
        .containsExactly("NONE=0", "ONE_TO_TWO=1", "THREE_TO_SIX=0", "SEVEN_PLUS=0", "TOTAL=1");
  }

  @Test
  @DisplayName("a period ending before it starts, or an unknown authority, is refused by name")
  void badRequests() {
    assertThatThrownBy(() -> analytics.headline(TO, FROM, null, Viewer.system("test")))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("must be the same as or after its start (2020-12-31)");
    assertThatThrownBy(() -> analytics.headline(FROM, TO, "E99999999", Viewer.system("test")))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("E99999999 is not a local authority's GSS code");
  }
}
