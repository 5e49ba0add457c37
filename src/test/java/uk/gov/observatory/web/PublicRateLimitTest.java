package uk.gov.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public pages' rate limit: a bucket per client address, refilled over a minute. */
class PublicRateLimitTest {

  /** A clock a test moves on by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Europe/London");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  MockHttpServletResponse get(PublicRateLimit limit, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/statistics");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  @DisplayName(
      "past its limit an address gets a plain 429 page with Retry-After; another address does not;"
          + " a while later it may ask again")
  void limits() throws Exception {
    HandClock clock = new HandClock();
    PublicRateLimit limit = new PublicRateLimit(clock, 6);
    for (int i = 0; i < 6; i++) {
      assertThat(get(limit, "192.0.2.1").getStatus()).as("request " + (i + 1)).isEqualTo(200);
    }
    MockHttpServletResponse refused = get(limit, "192.0.2.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
    assertThat(refused.getContentAsString()).contains("Too many requests").contains("10 seconds");
    assertThat(refused.getHeader("Set-Cookie")).isNull();
    // Another client is not held up by the first.
    assertThat(get(limit, "192.0.2.2").getStatus()).isEqualTo(200);
    // Ten seconds on, one more request is allowed (6 a minute), then refused again.
    clock.now = clock.now.plus(Duration.ofSeconds(10));
    assertThat(get(limit, "192.0.2.1").getStatus()).isEqualTo(200);
    assertThat(get(limit, "192.0.2.1").getStatus()).isEqualTo(429);
    // A minute on, the bucket is full again.
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    for (int i = 0; i < 6; i++) {
      assertThat(get(limit, "192.0.2.1").getStatus()).isEqualTo(200);
    }
  }
}
