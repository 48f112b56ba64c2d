package io.tracewell.server.security;

import io.tracewell.server.config.SecuritySettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each holds up to {@code burst} requests and refills at {@code perSecond}; a request
 * finding its bucket empty is refused with the time until the next token. Buckets that have been idle long enough
 * to be full again are dropped now and then, so that many one-off clients do not fill the memory.
 */
final class RateLimiter {

    private static final int SWEEP_EVERY = 4096;

    private final SecuritySettings.RateLimit settings;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    RateLimiter(SecuritySettings.RateLimit settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** 0 when the client may go on; otherwise the whole seconds to wait before trying again (at least 1). */
    long acquire(String client) {
        if (!settings.on()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(settings.burst(), now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        long refillNanos = (long) (settings.burst() / settings.perSecond() * 1e9);
        buckets.values().removeIf(bucket -> bucket.idleSince(now) > refillNanos);
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(settings.burst(), tokens + (now - last) / 1e9 * settings.perSecond());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / settings.perSecond()));
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
