package io.tracewell.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TracewellConfigTest {

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void defaultsStartTheEmbeddedDatabaseUnderTheWorkingDirectory() {
        TracewellConfig config = TracewellConfig.from(ConfigSource.defaultsWith(Map.of()));

        assertThat(config.http()).isEqualTo(new HttpSettings("0.0.0.0", 8080));
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.database().connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.embeddedDatabase()).isEqualTo(new EmbeddedDatabaseSettings(
                Path.of("").toAbsolutePath().resolve("epcis-data"), 0, "tracewell"));
    }

    @Test
    void environmentOverridesDefaultsSystemPropertiesOverrideEnvironmentOptionsOverrideAll() {
        Properties systemProperties = new Properties();
        systemProperties.setProperty("epcis.port", "9002");
        systemProperties.setProperty("epcis.host", "127.0.0.1");
        Map<String, String> environment = Map.of(
                "EPCIS_PORT", "9001",
                "EPCIS_HOST", "10.0.0.1",
                "EPCIS_DB_URL", "jdbc:mariadb://db.example:3306/tracewell",
                "EPCIS_DB_USER", "epcis",
                "EPCIS_EMBEDDED_DB_PORT", "3310");

        TracewellConfig config = TracewellConfig.from(ConfigSource.layered(
                defaults(), environment, systemProperties, Map.of("epcis.port", "9003")));

        assertThat(config.http()).isEqualTo(new HttpSettings("127.0.0.1", 9003));
        assertThat(config.database().url()).hasValue("jdbc:mariadb://db.example:3306/tracewell");
        assertThat(config.database().user()).hasValue("epcis");
        assertThat(config.embeddedDatabase().port()).isEqualTo(3310);
    }

    @Test
    void captureSettingsHaveHighDefaultsAndAreChecked() {
        TracewellConfig defaults = TracewellConfig.from(ConfigSource.defaultsWith(Map.of()));
        assertThat(defaults.capture().limits()).isEqualTo(
                new io.tracewell.epcis.capture.CaptureLimits(5_000_000L, 4L * 1024 * 1024 * 1024));
        assertThat(defaults.capture().workers()).isEqualTo(2);
        assertThat(defaults.capture().nodeId()).endsWith(":8080");

        TracewellConfig set = TracewellConfig.from(ConfigSource.layered(defaults(), Map.of(
                "EPCIS_CAPTURE_MAX_EVENTS", "10", "EPCIS_CAPTURE_MAX_BYTES", "8000000000",
                "EPCIS_CAPTURE_WORKERS", "4", "EPCIS_NODE_ID", "node-a"), new Properties(), Map.of()));
        assertThat(set.capture().limits()).isEqualTo(new io.tracewell.epcis.capture.CaptureLimits(10, 8_000_000_000L));
        assertThat(set.capture().workers()).isEqualTo(4);
        assertThat(set.capture().nodeId()).isEqualTo("node-a");

        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.layered(defaults(),
                Map.of("EPCIS_CAPTURE_MAX_EVENTS", "0"), new Properties(), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("epcis.capture.max-events (from environment variable EPCIS_CAPTURE_MAX_EVENTS): expected a"
                        + " whole number from 1, got \"0\"");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.layered(defaults(),
                Map.of("EPCIS_NODE_ID", "a/b"), new Properties(), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("without '/'");
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertThat(ConfigSource.environmentName("epcis.embedded-db.port")).isEqualTo("EPCIS_EMBEDDED_DB_PORT");
        assertThat(ConfigSource.environmentName("epcis.data.dir")).isEqualTo("EPCIS_DATA_DIR");
    }

    @Test
    void serversOnAnyFreePortGetDistinctNodeIds() {
        Map<String, String> anyPort = Map.of("epcis.port", "0");
        String first = TracewellConfig.from(ConfigSource.defaultsWith(anyPort)).capture().nodeId();
        String second = TracewellConfig.from(ConfigSource.defaultsWith(anyPort)).capture().nodeId();
        assertThat(first).contains(":0-").isNotEqualTo(second);
        assertThat(first.length()).isLessThanOrEqualTo(64);
    }

    @Test
    void anEmptyDatabaseUrlKeepsTheEmbeddedDatabase() {
        TracewellConfig config = TracewellConfig.from(ConfigSource.layered(
                defaults(), Map.of("EPCIS_DB_URL", "  "), new Properties(), Map.of()));

        assertThat(config.database().embedded()).isTrue();
    }

    @Test
    void aBadNumberNamesTheVariableItCameFromAndWhatWasExpected() {
        ConfigSource source = ConfigSource.layered(
                defaults(), Map.of("EPCIS_PORT", "80a"), new Properties(), Map.of());

        assertThatThrownBy(() -> TracewellConfig.from(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("epcis.port (from environment variable EPCIS_PORT):"
                        + " expected a whole number from 0 to 65535, got \"80a\"");
    }

    @Test
    void aNumberOutOfRangeIsRejected() {
        ConfigSource source = ConfigSource.defaultsWith(Map.of("epcis.db.connection-timeout-ms", "100"));

        assertThatThrownBy(() -> TracewellConfig.from(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("epcis.db.connection-timeout-ms (from command-line option):"
                        + " expected a whole number from 250 to 600000, got \"100\"");
    }

    @Test
    void aDatabaseUrlMustBeAMariaDbJdbcUrl() {
        Properties systemProperties = new Properties();
        systemProperties.setProperty("epcis.db.url", "mysql://db:3306/x");
        ConfigSource source = ConfigSource.layered(defaults(), NO_ENVIRONMENT, systemProperties, Map.of());

        assertThatThrownBy(() -> TracewellConfig.from(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("epcis.db.url (from system property epcis.db.url):"
                        + " expected a MariaDB JDBC URL starting with jdbc:mariadb://, got \"mysql://db:3306/x\"");
    }

    @Test
    void anEmbeddedDatabaseNameMustNeedNoQuoting() {
        ConfigSource source = ConfigSource.defaultsWith(Map.of("epcis.embedded-db.name", "epcis;drop"));

        assertThatThrownBy(() -> TracewellConfig.from(source))
                .isInstanceOf(ConfigException.class)
                .hasMessage("epcis.embedded-db.name (from command-line option):"
                        + " expected 1-64 letters, digits or '_', got \"epcis;drop\"");
    }

    @Test
    void thePasswordIsKeptAsGivenAndNeverPrinted() {
        ConfigSource source = ConfigSource.layered(
                defaults(), Map.of("EPCIS_DB_URL", "jdbc:mariadb://db/x", "EPCIS_DB_PASSWORD", " s3cret "),
                new Properties(), Map.of());

        DatabaseSettings database = TracewellConfig.from(source).database();

        assertThat(database.password()).isEqualTo(" s3cret ");
        assertThat(database.toString()).doesNotContain("s3cret").contains("password=<hidden>");
    }

    @Test
    void environmentVariablesForUnknownKeysAreIgnored() {
        ConfigSource source = ConfigSource.layered(
                defaults(), Map.of("EPCIS_PORTS", "1"), new Properties(), Map.of());

        assertThat(source.find("epcis.ports")).isEmpty();
        assertThat(TracewellConfig.from(source).http().port()).isEqualTo(8080);
    }

    @Test
    void subscriptionSettingsHaveDefaultsAndAreChecked() {
        TracewellConfig defaults = TracewellConfig.from(ConfigSource.defaultsWith(Map.of()));
        assertThat(defaults.subscriptions().batchSize()).isEqualTo(500);
        assertThat(defaults.subscriptions().runner().poll()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(defaults.subscriptions().runner().maxRetry()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(defaults.subscriptions().runner().scheduleZone()).isEqualTo(java.time.ZoneId.of("UTC"));

        TracewellConfig set = TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.subscriptions.batch-size", "20", "epcis.subscriptions.schedule-zone", "Europe/Berlin",
                "epcis.subscriptions.failures-before-failing", "3")));
        assertThat(set.subscriptions().batchSize()).isEqualTo(20);
        assertThat(set.subscriptions().runner().scheduleZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(set.subscriptions().runner().failuresBeforeFailing()).isEqualTo(3);

        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.subscriptions.schedule-zone", "Mars/Olympus"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.subscriptions.schedule-zone")
                .hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.subscriptions.batch-size", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.subscriptions.batch-size");
    }

    @Test
    void companyPrefixLengthsComeFromTheFileNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of())).companyPrefixLengths()
                .lengthFor("0614141073464").isPresent()).isFalse();
        Path table = java.nio.file.Files.writeString(dir.resolve("lengths.txt"), "0614141=7\n");
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of("epcis.company-prefix-lengths",
                table.toString()))).companyPrefixLengths().lengthFor("0614141073464")).hasValue(7);
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.txt"), "0614141=seven\n");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.company-prefix-lengths", bad.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.company-prefix-lengths")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.company-prefix-lengths", dir.resolve("missing.txt").toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.txt");
    }

    @Test
    void aDscsaConfigurationThatCannotBeUsedStopsTheStart(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of())).dscsa()).isEmpty();
        Path file = java.nio.file.Files.writeString(dir.resolve("dscsa.json"), "{\"seller\": {}}");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.dscsa.config", file.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.dscsa.config")
                .hasMessageContaining("/seller/gln");
    }

    @Test
    void anFmdConfigurationThatCannotBeUsedStopsTheStart(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        assertThat(TracewellConfig.from(ConfigSource.defaultsWith(Map.of())).fmd()).isEmpty();
        Path file = java.nio.file.Files.writeString(dir.resolve("fmd.json"), "{\"hub\": {\"url\": \"https://hub\"}}");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.defaultsWith(Map.of(
                "epcis.fmd.config", file.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.fmd.config")
                .hasMessageContaining("/hub/senderId");
    }

    @Test
    void theOperatorsOrganisationIsLocalUnlessSet() {
        assertThat(TracewellConfig.from(ConfigSource.layered(defaults(), Map.of(), new Properties(), Map.of()))
                .capture().organisation()).isEqualTo("local");
        assertThat(TracewellConfig.from(ConfigSource.layered(defaults(), Map.of("EPCIS_SECURITY_ORGANISATION",
                "acme-pharma"), new Properties(), Map.of())).capture().organisation()).isEqualTo("acme-pharma");
        assertThatThrownBy(() -> TracewellConfig.from(ConfigSource.layered(defaults(),
                Map.of("EPCIS_SECURITY_ORGANISATION", " "), new Properties(), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("epcis.security.organisation");
    }

    /** Every key application.properties ships, as the lowest layer. */
    private static Properties defaults() {
        Properties defaults = new Properties();
        try (java.io.InputStream in = ConfigSource.class.getClassLoader()
                .getResourceAsStream(ConfigSource.DEFAULTS_RESOURCE)) {
            defaults.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return defaults;
    }
}
