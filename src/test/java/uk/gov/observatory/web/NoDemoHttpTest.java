package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.cli.DemoData;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.TestClock;

/**
 * Without {@code --demo} there is no demonstration: no demo bean, no demo accounts, no synthetic
 * data loaded, no demo banner on the pages. (The register is not emptied first, so whatever the
 * start-up made would show.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
class NoDemoHttpTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired NotificationRegister register;

  @Test
  void withoutDemoThereIsNoDemoDataNoAccountsAndNoBanner() throws Exception {
    assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
    assertThat(context.containsBean("demoLoader")).isFalse();
    assertThat(accounts.list()).noneMatch(a -> a.username().startsWith(DemoData.PREFIX));
    assertThat(register.find("SYN-2020-00001")).isEmpty();

    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("govuk-phase-banner")
        .doesNotContain("Synthetic data — demonstration")
        .doesNotContain(">Demo<");
  }
}
