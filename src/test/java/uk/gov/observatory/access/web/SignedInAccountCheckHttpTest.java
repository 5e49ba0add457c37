package uk.gov.observatory.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.access.Interests;
import uk.gov.observatory.access.Role;
import uk.gov.observatory.notification.NotificationRegister;
import uk.gov.observatory.support.EmptyRegister;
import uk.gov.observatory.support.SignedInHttp;
import uk.gov.observatory.support.Submissions;
import uk.gov.observatory.support.TestAccounts;
import uk.gov.observatory.support.TestClock;

/**
 * A signed-in person's pages are made for their account as it is at that request: its declared
 * interests read with it (one statement, {@link SignedInAccountCheck}), and kept for that request
 * only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
class SignedInAccountCheckHttpTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Interests interests;
  @Autowired NotificationRegister register;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName(
      "an interest declared, then withdrawn, while a Panel member is signed in applies at their"
          + " next page; the session never holds their interests")
  void interestsApplyAtTheNextPage() throws Exception {
    String leeds = register.notify(Submissions.seriousHarm()).ref();
    String westminster = register.notify(Submissions.death()).ref();
    SignedInHttp member =
        new SignedInHttp(port)
            .signIn(TestAccounts.create(accounts, "check.member", Role.PANEL_MEMBER));
    assertThat(member.get("/notifications/" + leeds).statusCode()).isEqualTo(200);
    assertThat(member.get("/notifications").body()).contains(leeds).contains(westminster);

    long id =
        interests
            .declare(
                "check.member", "E08000035", LocalDate.of(2019, 1, 1), null, "synthetic", "admin")
            .id();
    assertThat(member.get("/notifications/" + leeds).statusCode()).isEqualTo(404);
    assertThat(member.get("/notifications").body()).doesNotContain(leeds).contains(westminster);
    assertThat(member.get("/notifications/" + westminster).statusCode()).isEqualTo(200);

    interests.withdraw(id, "admin");
    assertThat(member.get("/notifications/" + leeds).statusCode()).isEqualTo(200);

    // What the session keeps is the sign-in alone: never the account's interests or details.
    List<byte[]> stored =
        jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class);
    assertThat(stored).isNotEmpty();
    for (byte[] bytes : stored) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("AccountHolder").doesNotContain("synthetic");
    }
  }
}
