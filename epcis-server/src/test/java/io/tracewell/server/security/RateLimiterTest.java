package io.tracewell.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.server.config.SecuritySettings;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket, on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstPassesThenTheRateRefillsIt() {
        RateLimiter limiter = new RateLimiter(new SecuritySettings.RateLimit(2, 4), nanos::get);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("a")).as("request " + (i + 1)).isZero();
        }
        assertThat(limiter.acquire("a")).isEqualTo(1); // half a second to the next token, rounded up
        assertThat(limiter.acquire("b")).as("another client").isZero();
        nanos.addAndGet(500_000_000L); // one token back at 2 per second
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
        nanos.addAndGet(60_000_000_000L); // a long pause refills no more than the burst
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        RateLimiter limiter = new RateLimiter(new SecuritySettings.RateLimit(0.1, 1), nanos::get);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(10);
    }

    @Test
    void offLetsEverythingThrough() {
        RateLimiter limiter = new RateLimiter(SecuritySettings.RateLimit.OFF, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("a")).isZero();
        }
        assertThat(limiter.size()).isZero();
    }
}
