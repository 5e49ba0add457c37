package uk.gov.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import uk.gov.observatory.database.DatabaseOwner;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.RegisterTest;
import uk.gov.observatory.support.Submissions;

/** {@code report --format opendata} as a person runs it, against the test's own database. */
@RegisterTest
class ReportOpenDataCommandTest {

  @Autowired NotificationRegister register;
  @Autowired DatabaseOwner owner;
  @Autowired DataSource dataSource;
  @Autowired Environment env;
  @TempDir Path tmp;

  CommandRun report(String... extra) {
    return CommandRun.onDatabase(owner, List.of("report"), extra);
  }

  @Test
  @DisplayName(
      "report --format opendata writes FILE.csv and FILE.meta.csv, suppressed without --suppress")
  void writesBothFiles() throws Exception {
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 6, 1), 7, 2));
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 7, 1), 1, 1));
    register.notify(Submissions.of("E09000033", "DEATH", LocalDate.of(2020, 8, 1), 1, 1));
    register.notify(Submissions.of("E08000035", "SERIOUS_HARM", LocalDate.of(2020, 6, 1), 8, 1));
    Path csv = tmp.resolve("serious_incidents_2020.csv");
    CommandRun run =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--as-at",
            "2021-03-31",
            "--format",
            "opendata",
            "--out",
            csv.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Path meta = tmp.resolve("serious_incidents_2020.meta.csv");
    assertThat(run.out())
        .contains("Calendar year 2020")
        .contains("National, Regional")
        .contains("disclosure-controlled for publication (with or without --suppress)")
        .contains(csv.toString())
        .contains(meta.toString());
    List<String> data = Files.readAllLines(csv);
    assertThat(data.get(0))
        .isEqualTo(
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
                + "region_name,breakdown_topic,breakdown,nature_of_notification,"
                + "number_notifications,percent_notifications");
    assertThat(data)
        .contains(
            "2020,Calendar year,National,E92000001,England,,,Total,Total,Total,4,z",
            "2020,Calendar year,National,E92000001,England,,,Total,Total,Child death,3,z",
            "2020,Calendar year,National,E92000001,England,,,Total,Total,Serious harm,c,z",
            "2020,Calendar year,Regional,E92000001,England,E12000007,London,"
                + "Total,Total,Child death,3,z",
            "2020,Calendar year,Regional,E92000001,England,E12000003,Yorkshire and The Humber,"
                + "Total,Total,Total,c,z");
    assertThat(data).noneMatch(l -> l.matches(".*,[12],[^,]*$"));
    List<String> metaLines = Files.readAllLines(meta);
    assertThat(metaLines.get(0))
        .isEqualTo(
            "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,"
                + "filter_grouping_column");
    assertThat(metaLines).hasSize(6);
    assertThat(metaLines.subList(1, 6))
        .extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
        .containsExactly(
            "breakdown_topic,Filter",
            "breakdown,Filter",
            "nature_of_notification,Filter",
            "number_notifications,Indicator",
            "percent_notifications,Indicator");

    Path la = tmp.resolve("leeds.csv");
    CommandRun leeds =
        report(
            "--from",
            "2020-04-01",
            "--to",
            "2021-03-31",
            "--as-at",
            "2021-03-31",
            "--la",
            "E08000035",
            "--format",
            "opendata",
            "--out",
            la.toString());
    assertThat(leeds.code()).as(leeds.err()).isZero();
    assertThat(Files.readAllLines(la))
        .contains(
            "202021,Financial year,Local authority,E92000001,England,E12000003,"
                + "Yorkshire and The Humber,E08000035,383,Leeds,Total,Total,Total,c,z");
    assertThat(tmp.resolve("leeds.meta.csv")).exists();
  }

  @Test
  @DisplayName("report --format opendata refuses other periods and names that are not .csv")
  void badRequests() {
    CommandRun half =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-06-30",
            "--format",
            "opendata",
            "--out",
            tmp.resolve("half.csv").toString());
    assertThat(half.code()).isEqualTo(2);
    assertThat(half.err().strip())
        .doesNotContain("\n")
        .contains("calendar year (1 January to 31 December)")
        .contains("financial year (1 April to 31 March)")
        .contains("2020-01-01 to 2020-06-30 is neither");
    assertThat(tmp.resolve("half.csv")).doesNotExist();
    CommandRun name =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--format",
            "opendata",
            "--out",
            tmp.resolve("open.txt").toString());
    assertThat(name.code()).isEqualTo(2);
    assertThat(name.err().strip()).doesNotContain("\n").contains("ending in .csv");
    CommandRun format =
        report(
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--format",
            "eesv",
            "--out",
            tmp.resolve("r.csv").toString());
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err().strip())
        .doesNotContain("\n")
        .contains("--format eesv is not known")
        .contains("opendata");
  }
}
