package io.tracewell.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tracewell.trace.alert.AlertSettings;
import io.tracewell.trace.serial.SerializationSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackAndTraceSettingsTest {

    @Test
    void theShippedDefaultsAreTheComponentsDefaults() {
        TrackAndTraceSettings settings = TracewellConfig.from(ConfigSource.defaultsWith(Map.of())).trackAndTrace();
        assertThat(settings.alerts()).isEqualTo(AlertSettings.defaults());
        assertThat(settings.serialization()).isEqualTo(SerializationSettings.DEFAULT);
        assertThat(settings.webhook()).as("no webhook unless a URL is given").isEmpty();
        assertThat(settings.responderGln()).isEmpty();
    }

    @Test
    void theResponderGlnMustBeAGln() {
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of("epcis.verification.responder-gln",
                "9506000000015"))).trackAndTrace().responderGln()).hasValue("9506000000015");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.verification.responder-gln", "9506000000014"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.verification.responder-gln");
    }

    @Test
    void aWebhookUrlConfiguresTheWebhook() {
        TrackAndTraceSettings settings = TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.alerts.webhook.url", "https://alerts.example.com/in",
                "epcis.alerts.webhook.secret", "k",
                "epcis.alerts.webhook.first-retry-ms", "500",
                "epcis.alerts.webhook.max-retry-ms", "60000"))).trackAndTrace();
        var webhook = settings.webhook().orElseThrow();
        assertThat(webhook.url()).hasToString("https://alerts.example.com/in");
        assertThat(webhook.secret()).hasValue("k");
        assertThat(webhook.firstRetry()).isEqualTo(Duration.ofMillis(500));
        assertThat(webhook.maxRetry()).isEqualTo(Duration.ofMinutes(1));
        assertThat(webhook.requestTimeout()).isEqualTo(Duration.ofSeconds(30));

        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.alerts.webhook.url", "mailto:qa@example.com"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.alerts.webhook.url");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.alerts.webhook.url", "https://alerts.example.com/in",
                "epcis.alerts.webhook.max-retry-ms", "10"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.alerts.webhook.max-retry-ms");
    }

    @Test
    void everyRuleAndParameterCanBeSet() {
        TrackAndTraceSettings settings = TracewellConfig.from(ConfigSource.defaultsWith(Map.ofEntries(
                Map.entry("epcis.alerts.commissioned-twice", "false"),
                Map.entry("epcis.alerts.seen-after-end-of-life", "FALSE"),
                Map.entry("epcis.alerts.shipped-not-received", "false"),
                Map.entry("epcis.alerts.outside-market", "false"),
                Map.entry("epcis.alerts.clone", "false"),
                Map.entry("epcis.alerts.clone.max-speed-kmh", "250.5"),
                Map.entry("epcis.alerts.clone.min-distance-km", "0"),
                Map.entry("epcis.alerts.receive-within-hours", "48"),
                Map.entry("epcis.alerts.shipment-lookback-days", "10"),
                Map.entry("epcis.alerts.batch-size", "7"),
                Map.entry("epcis.serialization.random-length", "16"),
                Map.entry("epcis.serialization.max-count", "5000"),
                Map.entry("epcis.serialization.guess-one-in", "1000000"),
                Map.entry("epcis.serialization.inline-serials", "10"),
                Map.entry("epcis.serialization.max-per-page", "100"),
                Map.entry("epcis.serialization.epcs-per-event", "50"),
                Map.entry("epcis.serialization.resolver-base", "https://dl.example.com")))).trackAndTrace();
        AlertSettings alerts = settings.alerts();
        assertThat(alerts.commissionedTwice()).isFalse();
        assertThat(alerts.seenAfterEndOfLife()).isFalse();
        assertThat(alerts.shippedNotReceived()).isFalse();
        assertThat(alerts.outsideMarket()).isFalse();
        assertThat(alerts.cloneDetection()).isFalse();
        assertThat(alerts.cloneMaxSpeedKmh()).isEqualTo(250.5);
        assertThat(alerts.cloneMinDistanceKm()).isZero();
        assertThat(alerts.receiveWithin()).isEqualTo(Duration.ofHours(48));
        assertThat(alerts.shipmentLookback()).isEqualTo(Duration.ofDays(10));
        assertThat(alerts.batchSize()).isEqualTo(7);
        assertThat(settings.serialization()).isEqualTo(new SerializationSettings(16, 5000, 1_000_000, 10, 100, 50,
                "https://dl.example.com"));
    }

    @Test
    void aBadValueNamesItsKeyAndWhatWasExpected() {
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.alerts.clone", "yes"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.alerts.clone")
                .hasMessageContaining("true or false").hasMessageContaining("\"yes\"");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.alerts.clone.max-speed-kmh", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.alerts.clone.max-speed-kmh");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.alerts.clone.min-distance-km", "NaN"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.alerts.clone.min-distance-km");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.serialization.guess-one-in", "9999"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.serialization.guess-one-in")
                .hasMessageContaining("EU FMD");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.serialization.random-length", "7"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.serialization.random-length");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.serialization.resolver-base", "ftp://id.gs1.org"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.serialization.resolver-base");
    }
}
