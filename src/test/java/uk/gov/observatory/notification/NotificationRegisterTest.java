package uk.gov.observatory.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

@RegisterTest
class NotificationRegisterTest {

  @Autowired NotificationRegister register;
  @Autowired NotificationQueries queries;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("new notifications get SIN-YYYY-NNNNN references numbered within the year notified")
  void assignsReferences() {
    assertThat(register.notify(Submissions.death()).ref()).isEqualTo("SIN-2020-00001");
    assertThat(register.notify(Submissions.death()).ref()).isEqualTo("SIN-2020-00002");
    assertThat(register.notify(Submissions.seriousHarm()).ref()).isEqualTo("SIN-2021-00001");
  }

  @Test
  @DisplayName("an invalid notification stores nothing, not even a reference number")
  void invalidStoresNothing() {
    var bad =
        new NotificationSubmission(
            null,
            "E99999999",
            "2020-06-01",
            "2020-06-02",
            "2020-06-05",
            "DEATH",
            null,
            null,
            null,
            null,
            null,
            "NONE",
            "NONE",
            "AT_HOME",
            null,
            java.util.List.of());
    assertThatThrownBy(() -> register.notify(bad))
        .isInstanceOfSatisfying(
            InvalidNotificationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactlyInAnyOrder("la_code", "death_category", "children"));
    assertThat(jdbc.queryForObject("select count(*) from notification", Long.class)).isZero();
    assertThat(register.notify(Submissions.death()).ref()).isEqualTo("SIN-2020-00001");
  }

  @Test
  @DisplayName(
      "an idempotency key answers as the first time, whatever the spacing, until its notification is gone")
  void idempotencyKey() {
    NotificationRegister.Notified first = register.notify(Submissions.death(), "key-1");
    var spaced = Submissions.death();
    spaced =
        new NotificationSubmission(
            null,
            " " + spaced.laCode() + " ",
            spaced.incidentDate(),
            spaced.awareDate(),
            spaced.notifiedDate(),
            spaced.notificationType(),
            spaced.deathCategory(),
            spaced.harmCategory(),
            spaced.imdDecile(),
            spaced.caseCharacteristics(),
            spaced.domesticAbusePattern(),
            spaced.cscInvolvement(),
            spaced.courtOrder(),
            spaced.livingArrangement(),
            spaced.covidFactors(),
            spaced.children());
    NotificationRegister.Notified again = register.notify(spaced, "key-1");
    assertThat(again.replayed()).isTrue();
    assertThat(again.notification().ref()).isEqualTo(first.notification().ref());
    assertThatThrownBy(() -> register.notify(Submissions.seriousHarm(), "key-1"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    // A different name alone is a different notification, though no message shows the name.
    var renamed = Submissions.death();
    var child = renamed.children().get(0);
    renamed =
        new NotificationSubmission(
            null,
            renamed.laCode(),
            renamed.incidentDate(),
            renamed.awareDate(),
            renamed.notifiedDate(),
            renamed.notificationType(),
            renamed.deathCategory(),
            renamed.harmCategory(),
            renamed.imdDecile(),
            renamed.caseCharacteristics(),
            renamed.domesticAbusePattern(),
            renamed.cscInvolvement(),
            renamed.courtOrder(),
            renamed.livingArrangement(),
            renamed.covidFactors(),
            java.util.List.of(
                new NotificationSubmission.ChildSubmission(
                    child.childSeq(),
                    child.gender(),
                    child.ageYears(),
                    child.ethnicity(),
                    "Another Synthetic Name",
                    child.dateOfBirth())));
    var renamedFinal = renamed;
    assertThatThrownBy(() -> register.notify(renamedFinal, "key-1"))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(renamed.toString()).doesNotContain("Another Synthetic Name");
    assertThat(first.notification().toString())
        .doesNotContain("Test Child")
        .doesNotContain("2020-01-15");
    assertThat(jdbc.queryForObject("select count(*) from notification", Long.class)).isEqualTo(1);

    jdbc.update("delete from notification");
    NotificationRegister.Notified afresh = register.notify(Submissions.death(), "key-1");
    assertThat(afresh.replayed()).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from notification", Long.class)).isEqualTo(1);
  }

  @Test
  @DisplayName("the stored notification reads back as given, with its children in order")
  void readsBack() {
    Notification n = register.notify(Submissions.seriousHarm());
    Notification read = register.find(n.ref()).orElseThrow();
    assertThat(read).isEqualTo(n);
    assertThat(read.children()).extracting(Notification.Child::childSeq).containsExactly(1, 2);
  }

  @Test
  @DisplayName(
      "timeliness is derived from the working-day calendar: late after 5 working days, review due on the 15th")
  void timeliness() {
    Notification n = register.notify(Submissions.death()); // aware 2020-06-02, notified 2020-06-05
    Timeliness t = register.timeliness(n);
    assertThat(t.workingDaysToNotify()).isEqualTo(3);
    assertThat(t.lateNotification()).isFalse();
    // 15 working days after Friday 5 June 2020: 8-12 (5), 15-19 (10), 22-26 (15) June.
    assertThat(t.rapidReviewDueDate()).isEqualTo(LocalDate.of(2020, 6, 26));
  }

  @Test
  @DisplayName("the register filters by local authority, type and notified dates, and pages")
  void search() {
    for (int i = 0; i < 3; i++) {
      register.notify(Submissions.death());
    }
    register.notify(Submissions.seriousHarm());
    NotificationPage all =
        register.search(
            queries.parse(
                new NotificationQueries.Parameters(null, null, null, null, null, null, null, "2")));
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.pages()).isEqualTo(2);
    assertThat(all.items()).hasSize(2);
    assertThat(all.items().get(0).ref()).isEqualTo("SIN-2021-00001"); // newest notified first
    NotificationPage leeds =
        register.search(
            queries.parse(
                new NotificationQueries.Parameters(
                    "E08000035", null, null, null, null, null, null, null)));
    assertThat(leeds.items()).extracting(Notification::ref).containsExactly("SIN-2021-00001");
    NotificationPage deaths2020 =
        register.search(
            queries.parse(
                new NotificationQueries.Parameters(
                    null,
                    "DEATH",
                    "2020-01-01",
                    "2020-12-31",
                    "notification_ref",
                    "asc",
                    null,
                    null)));
    assertThat(deaths2020.items())
        .extracting(Notification::ref)
        .containsExactly("SIN-2020-00001", "SIN-2020-00002", "SIN-2020-00003");
  }

  @Test
  @DisplayName("bad search parameters are refused with a reason each")
  void badSearch() {
    assertThatThrownBy(
            () ->
                queries.parse(
                    new NotificationQueries.Parameters(
                        "X", "DEAD", "2020-13-01", null, "name", "up", "0", "500")))
        .isInstanceOfSatisfying(
            InvalidNotificationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "la", "type", "from", "sort", "order", "page", "size"));
  }
}
