package io.tracewell.server.config;

import io.tracewell.trace.alert.AlertSettings;
import io.tracewell.trace.alert.AlertWebhook;
import io.tracewell.trace.serial.SerializationSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Track and trace: the alert rules (docs/alerts.md, keys {@code epcis.alerts.*}) and serial numbers
 * (docs/serialization.md, keys {@code epcis.serialization.*}). Every key has its default in
 * {@code application.properties}; a value the component refuses stops the start naming the key.
 *
 * @param alerts        which alert rules run, and their parameters
 * @param serialization serial number requests
 * @param webhook       where alerts are delivered; empty when {@value #ALERTS_WEBHOOK_URL} is empty
 * @param responderGln  the GLN DSCSA saleable-returns verification answers as {@code responderGLN}; empty: none
 */
public record TrackAndTraceSettings(AlertSettings alerts, SerializationSettings serialization,
                                    Optional<AlertWebhook.Settings> webhook, Optional<String> responderGln) {

    public static final String ALERTS_COMMISSIONED_TWICE = "epcis.alerts.commissioned-twice";
    public static final String ALERTS_SEEN_AFTER_END_OF_LIFE = "epcis.alerts.seen-after-end-of-life";
    public static final String ALERTS_SHIPPED_NOT_RECEIVED = "epcis.alerts.shipped-not-received";
    public static final String ALERTS_OUTSIDE_MARKET = "epcis.alerts.outside-market";
    public static final String ALERTS_CLONE = "epcis.alerts.clone";
    public static final String ALERTS_CLONE_MAX_SPEED_KMH = "epcis.alerts.clone.max-speed-kmh";
    public static final String ALERTS_CLONE_MIN_DISTANCE_KM = "epcis.alerts.clone.min-distance-km";
    public static final String ALERTS_RECEIVE_WITHIN_HOURS = "epcis.alerts.receive-within-hours";
    public static final String ALERTS_SHIPMENT_LOOKBACK_DAYS = "epcis.alerts.shipment-lookback-days";
    public static final String ALERTS_BATCH_SIZE = "epcis.alerts.batch-size";
    public static final String ALERTS_WEBHOOK_URL = "epcis.alerts.webhook.url";
    public static final String ALERTS_WEBHOOK_SECRET = "epcis.alerts.webhook.secret";
    public static final String ALERTS_WEBHOOK_FIRST_RETRY_MS = "epcis.alerts.webhook.first-retry-ms";
    public static final String ALERTS_WEBHOOK_MAX_RETRY_MS = "epcis.alerts.webhook.max-retry-ms";
    public static final String ALERTS_WEBHOOK_REQUEST_TIMEOUT_MS = "epcis.alerts.webhook.request-timeout-ms";
    public static final String ALERTS_WEBHOOK_POLL_MS = "epcis.alerts.webhook.poll-ms";
    public static final String VERIFICATION_RESPONDER_GLN = "epcis.verification.responder-gln";
    public static final String SERIALIZATION_RANDOM_LENGTH = "epcis.serialization.random-length";
    public static final String SERIALIZATION_MAX_COUNT = "epcis.serialization.max-count";
    public static final String SERIALIZATION_GUESS_ONE_IN = "epcis.serialization.guess-one-in";
    public static final String SERIALIZATION_INLINE_SERIALS = "epcis.serialization.inline-serials";
    public static final String SERIALIZATION_MAX_PER_PAGE = "epcis.serialization.max-per-page";
    public static final String SERIALIZATION_EPCS_PER_EVENT = "epcis.serialization.epcs-per-event";
    public static final String SERIALIZATION_RESOLVER_BASE = "epcis.serialization.resolver-base";

    public TrackAndTraceSettings {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(serialization, "serialization");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(responderGln, "responderGln");
    }

    static TrackAndTraceSettings from(ConfigSource source) {
        AlertSettings defaults = AlertSettings.defaults();
        AlertSettings alerts = new AlertSettings(
                bool(source, ALERTS_COMMISSIONED_TWICE),
                bool(source, ALERTS_SEEN_AFTER_END_OF_LIFE),
                bool(source, ALERTS_SHIPPED_NOT_RECEIVED),
                bool(source, ALERTS_OUTSIDE_MARKET),
                bool(source, ALERTS_CLONE),
                decimal(source, ALERTS_CLONE_MAX_SPEED_KMH, 1, 1_000_000_000),
                decimal(source, ALERTS_CLONE_MIN_DISTANCE_KM, 0, 20_100),
                Duration.ofHours(TracewellConfig.integer(source, ALERTS_RECEIVE_WITHIN_HOURS, 1, 87_600)),
                Duration.ofDays(TracewellConfig.integer(source, ALERTS_SHIPMENT_LOOKBACK_DAYS, 0, 36_500)),
                TracewellConfig.integer(source, ALERTS_BATCH_SIZE, 1, 100_000),
                defaults.lease());
        SerializationSettings serialization;
        try {
            serialization = new SerializationSettings(
                    TracewellConfig.integer(source, SERIALIZATION_RANDOM_LENGTH,
                            SerializationSettings.MIN_RANDOM_LENGTH, SerializationSettings.MAX_LENGTH),
                    TracewellConfig.integer(source, SERIALIZATION_MAX_COUNT, 1, SerializationSettings.MAX_COUNT),
                    TracewellConfig.parse(source, SERIALIZATION_GUESS_ONE_IN, "a whole number of at least 10000 (the"
                            + " EU FMD bound)", text -> {
                                long value = Long.parseLong(text);
                                if (value < io.tracewell.trace.serial.GuessingProbability.FMD_ONE_IN) {
                                    throw new IllegalArgumentException();
                                }
                                return value;
                            }),
                    TracewellConfig.integer(source, SERIALIZATION_INLINE_SERIALS, 0, SerializationSettings.MAX_COUNT),
                    TracewellConfig.integer(source, SERIALIZATION_MAX_PER_PAGE, 1, 1_000_000),
                    TracewellConfig.integer(source, SERIALIZATION_EPCS_PER_EVENT, 1, 1_000_000),
                    TracewellConfig.parse(source, SERIALIZATION_RESOLVER_BASE, "an http(s) URI without a trailing"
                            + " slash, e.g. https://id.gs1.org", text -> {
                                java.net.URI uri = java.net.URI.create(text);
                                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                                        || uri.getHost() == null || text.endsWith("/")) {
                                    throw new IllegalArgumentException();
                                }
                                return text;
                            }));
        } catch (IllegalArgumentException e) { // a combination the component refuses
            throw new ConfigException("epcis.serialization.*: " + e.getMessage());
        }
        Optional<AlertWebhook.Settings> webhook = Optional.empty();
        if (source.text(ALERTS_WEBHOOK_URL).isPresent()) {
            URI url = TracewellConfig.parse(source, ALERTS_WEBHOOK_URL, "an http(s) URL", text -> {
                URI uri = URI.create(text);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
                return uri;
            });
            int firstRetry = TracewellConfig.integer(source, ALERTS_WEBHOOK_FIRST_RETRY_MS, 1, 86_400_000);
            int maxRetry = TracewellConfig.integer(source, ALERTS_WEBHOOK_MAX_RETRY_MS, 1, 86_400_000);
            if (maxRetry < firstRetry) {
                throw new ConfigException(ALERTS_WEBHOOK_MAX_RETRY_MS + " (" + maxRetry + ") is shorter than "
                        + ALERTS_WEBHOOK_FIRST_RETRY_MS + " (" + firstRetry + ")");
            }
            webhook = Optional.of(new AlertWebhook.Settings(url,
                    source.raw(ALERTS_WEBHOOK_SECRET).map(String::trim), Duration.ofMillis(firstRetry),
                    Duration.ofMillis(maxRetry),
                    Duration.ofMillis(TracewellConfig.integer(source, ALERTS_WEBHOOK_REQUEST_TIMEOUT_MS, 100,
                            3_600_000)),
                    Duration.ofMillis(TracewellConfig.integer(source, ALERTS_WEBHOOK_POLL_MS, 10, 3_600_000)),
                    alerts.batchSize()));
        }
        Optional<String> responderGln = Optional.empty();
        if (source.text(VERIFICATION_RESPONDER_GLN).isPresent()) {
            responderGln = Optional.of(TracewellConfig.parse(source, VERIFICATION_RESPONDER_GLN,
                    "a GLN: 13 digits with a valid check digit", text -> {
                        try {
                            return new io.tracewell.epcis.id.Gln(text).value();
                        } catch (io.tracewell.epcis.id.IdentifierException e) {
                            throw new IllegalArgumentException(e);
                        }
                    }));
        }
        return new TrackAndTraceSettings(alerts, serialization, webhook, responderGln);
    }

    private static boolean bool(ConfigSource source, String key) {
        return TracewellConfig.parse(source, key, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        });
    }

    private static double decimal(ConfigSource source, String key, double min, double max) {
        return TracewellConfig.parse(source, key, "a number from " + (long) min + " to " + (long) max, text -> {
            double value = Double.parseDouble(text);
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }
}
