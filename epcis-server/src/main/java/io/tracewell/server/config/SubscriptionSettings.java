package io.tracewell.server.config;

import io.tracewell.epcis.subscription.SubscriptionRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Webhook subscriptions (docs/subscriptions.md): how deliveries run and how failing receivers are retried.
 *
 * @param batchSize events per notification at most (a receiver's 413 halves it for its subscription)
 * @param runner    the delivery settings
 */
public record SubscriptionSettings(int batchSize, SubscriptionRunner.Settings runner) {

    public SubscriptionSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        Objects.requireNonNull(runner, "runner");
    }

    static SubscriptionSettings of(int batchSize, int workers, long pollMs, long firstRetryMs, long maxRetryMs,
                                   int failuresBeforeFailing, long requestTimeoutMs, ZoneId zone) {
        SubscriptionRunner.Settings defaults = SubscriptionRunner.Settings.defaults();
        return new SubscriptionSettings(batchSize, new SubscriptionRunner.Settings(workers, Duration.ofMillis(pollMs),
                defaults.lease(), Duration.ofMillis(firstRetryMs), Duration.ofMillis(maxRetryMs),
                failuresBeforeFailing, defaults.connectTimeout(), Duration.ofMillis(requestTimeoutMs), zone));
    }
}
