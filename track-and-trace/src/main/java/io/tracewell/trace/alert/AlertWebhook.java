package io.tracewell.trace.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracewell.epcis.store.write.StoreException;
import io.tracewell.epcis.subscription.NotificationSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored alerts to a webhook (docs/alerts.md, "Webhook"): each alert is POSTed once as JSON, signed like
 * subscription notifications ({@link NotificationSignature}, header {@code GS1-Signature}), and sent again with
 * doubling back-off until the receiver answers 2xx. The delivery state is kept in the alert's row (migration V15),
 * so a restart goes on with what was not delivered: at least once, across restarts and nodes.
 *
 * <p>Before sending, a node claims the alert by moving its {@code webhook_next_at} ahead by {@link
 * Settings#claim()} (database clock), in a statement that only succeeds while the alert is due: two nodes never
 * send the same attempt, and an attempt of a node that stopped mid-send is made again when the claim runs out.
 */
public final class AlertWebhook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DUE = "webhook_delivered_at IS NULL AND (webhook_next_at IS NULL"
            + " OR webhook_next_at <= UTC_TIMESTAMP(6))";

    /**
     * Where and how alerts are delivered.
     *
     * @param url            the receiver; every alert is POSTed there
     * @param secret         the key of the {@code GS1-Signature} HMAC; empty: requests are not signed
     * @param firstRetry     the wait after the first failed attempt; it doubles with every further failure
     * @param maxRetry       the longest wait between attempts
     * @param requestTimeout how long the receiver has to answer
     * @param poll           how often the deliverer looks for alerts besides being woken
     * @param batchSize      alerts claimed at a time
     */
    public record Settings(URI url, Optional<String> secret, Duration firstRetry, Duration maxRetry,
                           Duration requestTimeout, Duration poll, int batchSize) {

        public Settings {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("the webhook URL must be an http(s) URL, not " + url);
            }
            secret = secret.filter(s -> !s.isEmpty());
            for (Duration d : List.of(firstRetry, maxRetry, requestTimeout, poll)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("webhook durations must be positive, not " + d);
                }
            }
            if (maxRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("maxRetry " + maxRetry + " is shorter than firstRetry "
                        + firstRetry);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
            }
        }

        /** How long a claimed alert is left to its sender: the receiver's time to answer and half a minute more. */
        public Duration claim() {
            return requestTimeout.plusSeconds(30);
        }
    }

    private final DataSource dataSource;
    private final AlertStore alerts;
    private final Settings settings;
    private final HttpClient http;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();

    public AlertWebhook(DataSource dataSource, Settings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.alerts = new AlertStore(dataSource);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "alert-webhook");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Looks for alerts to deliver every {@link Settings#poll()}, first at once. No database access before. */
    public void start() {
        worker.scheduleWithFixedDelay(this::runLogged, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the deliverer's thread to run {@link #runOnce()} now (for new alerts); returns at once. */
    public void wake() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                runLogged();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
        }
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("delivering alerts to the webhook failed, tried again later: {}", e.getMessage());
        }
    }

    /**
     * Sends every alert that is due (never delivered, and its back-off over), oldest first; returns how many the
     * receiver accepted. Blocking.
     */
    public int runOnce() {
        int delivered = 0;
        while (true) {
            List<Long> claimed = claim();
            if (claimed.isEmpty()) {
                return delivered;
            }
            for (long id : claimed) {
                Optional<Alert> alert = alerts.findAny(id);
                if (alert.isPresent()) {
                    delivered += send(alert.get()) ? 1 : 0;
                }
            }
        }
    }

    /** Up to a batch of due alerts, each claimed for this node. */
    private List<Long> claim() {
        List<Long> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Long> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM trace_alert WHERE " + DUE
                    + " ORDER BY id LIMIT ?")) {
                s.setInt(1, settings.batchSize());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(r.getLong(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE trace_alert SET webhook_next_at = UTC_TIMESTAMP(6)"
                    + " + INTERVAL ? MICROSECOND WHERE id = ? AND " + DUE)) {
                for (long id : due) {
                    s.setLong(1, micros(settings.claim()));
                    s.setLong(2, id);
                    if (s.executeUpdate() == 1) {
                        claimed.add(id);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("claiming alerts for the webhook failed: " + e.getMessage(), e);
        }
        return claimed;
    }

    /** One attempt: the alert POSTed, the outcome stored. True when the receiver answered 2xx. */
    private boolean send(Alert alert) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(AlertRoutes.describe(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing alert " + alert.id() + " as JSON failed", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.secret().ifPresent(secret -> request.header(NotificationSignature.HEADER,
                NotificationSignature.sign(secret, body)));
        int status;
        String error = null;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                error = "the receiver answered " + status;
            }
        } catch (IOException e) {
            status = -1;
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = "interrupted";
        }
        record(alert.id(), status, error);
        if (error != null) {
            LOG.debug("alert {} not delivered to the webhook: {}", alert.id(), error);
        }
        return error == null;
    }

    private void record(long id, int status, String error) {
        String sql = error == null
                ? "UPDATE trace_alert SET webhook_delivered_at = UTC_TIMESTAMP(6), webhook_next_at = NULL,"
                        + " webhook_attempts = webhook_attempts + 1, webhook_status = ?, webhook_error = NULL"
                        + " WHERE id = ?"
                // the back-off doubles per failure: first, 2 first, 4 first, ... up to max
                : "UPDATE trace_alert SET webhook_next_at = UTC_TIMESTAMP(6) + INTERVAL CAST(LEAST(?, ? * POW(2,"
                        + " LEAST(webhook_attempts, 40))) AS SIGNED) MICROSECOND,"
                        + " webhook_attempts = webhook_attempts + 1, webhook_status = ?, webhook_error = ?"
                        + " WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (error == null) {
                s.setInt(1, status);
                s.setLong(2, id);
            } else {
                s.setLong(1, micros(settings.maxRetry()));
                s.setLong(2, micros(settings.firstRetry()));
                s.setInt(3, status);
                s.setString(4, error.length() > 512 ? error.substring(0, 511) + "…" : error);
                s.setLong(5, id);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            // the claim runs out and the alert is sent again: at least once
            throw new StoreException("storing the webhook delivery of alert " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    /** Stops the deliverer's thread, letting an attempt under way finish. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(settings.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
