package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import uk.gov.observatory.support.RegisterTest;

/**
 * The public pages' limit counted in PostgreSQL: two instances (two filters on one database) share
 * each address's bucket, so a client the load balancer sends to the other instance gets no new
 * allowance; the rule is the one PublicRateLimitTest shows in memory.
 */
@RegisterTest
class SharedRateLimitsTest {

  @Autowired SharedRateLimits shared;

  MockHttpServletResponse get(PublicRateLimit limit, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/statistics");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void twoInstancesShareEachAddressesBucket() throws Exception {
    PublicRateLimitTest.HandClock clock = new PublicRateLimitTest.HandClock();
    PublicRateLimit a =
        new PublicRateLimit(clock, 6, "/statistics", "Published statistics", shared);
    PublicRateLimit b =
        new PublicRateLimit(clock, 6, "/statistics", "Published statistics", shared);
    for (int i = 0; i < 6; i++) {
      assertThat(get(i % 2 == 0 ? a : b, "192.0.2.1").getStatus())
          .as("request " + (i + 1))
          .isEqualTo(200);
    }
    MockHttpServletResponse refused = get(b, "192.0.2.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
    assertThat(get(a, "192.0.2.1").getStatus()).isEqualTo(429);
    assertThat(get(a, "192.0.2.2").getStatus()).isEqualTo(200);
    // Ten seconds on, one more (6 a minute), on either, then refused again.
    clock.now = clock.now.plus(Duration.ofSeconds(10));
    assertThat(get(b, "192.0.2.1").getStatus()).isEqualTo(200);
    assertThat(get(a, "192.0.2.1").getStatus()).isEqualTo(429);
    // Another page group's limit is its own.
    PublicRateLimit learning =
        new PublicRateLimit(clock, 6, "/learning", "Learning library", shared);
    assertThat(get(learning, "192.0.2.1").getStatus()).isEqualTo(200);
    // A minute on, the bucket is full again.
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    for (int i = 0; i < 6; i++) {
      assertThat(get(i % 2 == 0 ? b : a, "192.0.2.1").getStatus()).isEqualTo(200);
    }
    assertThat(get(a, "192.0.2.1").getStatus()).isEqualTo(429);
  }
}
