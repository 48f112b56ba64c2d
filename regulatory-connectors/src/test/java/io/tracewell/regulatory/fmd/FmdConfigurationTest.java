package io.tracewell.regulatory.fmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: every setting read, every mistake named with its JSON pointer. */
class FmdConfigurationTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        new HubPki(dir);
        return Files.writeString(dir.resolve("fmd.json"), json);
    }

    private static final String HUB = "\"hub\": {\"url\": \"https://hub.example.eu/obp\", \"senderId\": \"OBP-1\","
            + " \"clientKeyStore\": \"obp-client.p12\", \"clientKeyStorePassword\": \"changeit\","
            + " \"trustStore\": \"obp-trusts.p12\", \"trustStorePassword\": \"changeit\"";

    @Test
    void readsEverySetting() throws Exception {
        FmdConfiguration c = FmdConfiguration.load(write("{" + HUB + ", \"connectTimeoutSeconds\": 3,"
                + " \"readTimeoutSeconds\": 20}, \"release\": \"commissioning\", \"retry\": {\"firstRetrySeconds\": 10,"
                + " \"maxRetrySeconds\": 600, \"maxAttempts\": 5}}"));
        assertThat(c.hub().endpoint()).hasToString("https://hub.example.eu/obp");
        assertThat(c.hub().senderId()).isEqualTo("OBP-1");
        assertThat(c.hub().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.hub().requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.release()).isEqualTo(ReleaseRule.COMMISSIONING);
        assertThat(c.schedule().maxAttempts()).isEqualTo(5);
        assertThat(c.schedule().firstRetry()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void defaults() throws Exception {
        FmdConfiguration c = FmdConfiguration.load(write("{" + HUB + "}}"));
        assertThat(c.release()).isEqualTo(ReleaseRule.FIRST_SHIPMENT);
        assertThat(c.hub().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.schedule()).isEqualTo(FmdConnector.Schedule.defaults());
    }

    @Test
    void mistakesAreNamed() throws Exception {
        assertThatThrownBy(() -> FmdConfiguration.load(write("{" + HUB.replace("https:", "http:") + "}}")))
                .hasMessageContaining("at /hub/url").hasMessageContaining("https");
        assertThatThrownBy(() -> FmdConfiguration.load(write("{" + HUB + "}, \"release\": \"later\"}")))
                .hasMessageContaining("at /release");
        assertThatThrownBy(() -> FmdConfiguration.load(write("{" + HUB.replace("\"changeit\"", "\"wrong\"") + "}}")))
                .hasMessageContaining("at /hub/clientKeyStore");
        assertThatThrownBy(() -> FmdConfiguration.load(write("{" + HUB + ", \"proxy\": 1}}")))
                .hasMessageContaining("at /hub/proxy");
        assertThatThrownBy(() -> FmdConfiguration.load(write("{" + HUB + "}, \"retry\": {\"maxAttempts\": 0}}")))
                .hasMessageContaining("at /retry/maxAttempts");
    }
}
