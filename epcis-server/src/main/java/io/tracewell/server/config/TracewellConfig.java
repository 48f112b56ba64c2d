package io.tracewell.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's typed configuration, read once at start-up from a {@link ConfigSource}.
 * Every key has a default in {@code application.properties}; {@link ConfigSource#environmentName} gives
 * the environment variable that overrides it.
 */
public record TracewellConfig(HttpSettings http, DatabaseSettings database, EmbeddedDatabaseSettings embeddedDatabase,
                              CaptureSettings capture, SubscriptionSettings subscriptions,
                              io.tracewell.epcis.id.CompanyPrefixLengths companyPrefixLengths,
                              java.util.Optional<DscsaGateway> dscsa) {

    /**
     * The DSCSA gateway, when configured: its configuration file read and checked, and how often it looks for
     * work besides being woken by commits.
     */
    public record DscsaGateway(io.tracewell.regulatory.dscsa.DscsaConfiguration configuration,
                               java.time.Duration interval) {}

    public static final String HTTP_HOST = "epcis.host";
    public static final String HTTP_PORT = "epcis.port";
    public static final String HTTP_MAX_URI_LENGTH = "epcis.http.max-uri-length";
    public static final String DATA_DIR = "epcis.data.dir";
    public static final String DB_URL = "epcis.db.url";
    public static final String DB_USER = "epcis.db.user";
    public static final String DB_PASSWORD = "epcis.db.password";
    public static final String DB_POOL_SIZE = "epcis.db.pool-size";
    public static final String DB_CONNECTION_TIMEOUT_MS = "epcis.db.connection-timeout-ms";
    public static final String EMBEDDED_DB_PORT = "epcis.embedded-db.port";
    public static final String EMBEDDED_DB_NAME = "epcis.embedded-db.name";
    public static final String CAPTURE_MAX_EVENTS = "epcis.capture.max-events";
    public static final String CAPTURE_MAX_BYTES = "epcis.capture.max-bytes";
    public static final String CAPTURE_WORKERS = "epcis.capture.workers";
    public static final String NODE_ID = "epcis.node-id";
    public static final String SECURITY_ORGANISATION = "epcis.security.organisation";
    public static final String COMPANY_PREFIX_LENGTHS = "epcis.company-prefix-lengths";
    public static final String DSCSA_CONFIG = "epcis.dscsa.config";
    public static final String DSCSA_INTERVAL_MS = "epcis.dscsa.interval-ms";
    public static final String SUBSCRIPTION_BATCH_SIZE = "epcis.subscriptions.batch-size";
    public static final String SUBSCRIPTION_WORKERS = "epcis.subscriptions.workers";
    public static final String SUBSCRIPTION_POLL_MS = "epcis.subscriptions.poll-ms";
    public static final String SUBSCRIPTION_FIRST_RETRY_MS = "epcis.subscriptions.first-retry-ms";
    public static final String SUBSCRIPTION_MAX_RETRY_MS = "epcis.subscriptions.max-retry-ms";
    public static final String SUBSCRIPTION_FAILURES_BEFORE_FAILING = "epcis.subscriptions.failures-before-failing";
    public static final String SUBSCRIPTION_REQUEST_TIMEOUT_MS = "epcis.subscriptions.request-timeout-ms";
    public static final String SUBSCRIPTION_SCHEDULE_ZONE = "epcis.subscriptions.schedule-zone";

    /** Reads and checks every key; the first bad value stops start-up with a {@link ConfigException}. */
    public static TracewellConfig from(ConfigSource source) {
        HttpSettings http = new HttpSettings(
                source.require(HTTP_HOST).text().trim(),
                integer(source, HTTP_PORT, 0, 65_535),
                // absent or blank: the default, which application.properties also states
                source.text(HTTP_MAX_URI_LENGTH).isEmpty() ? HttpSettings.DEFAULT_MAX_URI_LENGTH
                        : integer(source, HTTP_MAX_URI_LENGTH, HttpSettings.MIN_MAX_URI_LENGTH,
                                HttpSettings.MAX_MAX_URI_LENGTH));
        String url = source.text(DB_URL).orElse(null);
        if (url != null && !url.startsWith("jdbc:mariadb:")) {
            throw invalid(source.require(DB_URL), DB_URL, "a MariaDB JDBC URL starting with jdbc:mariadb://");
        }
        DatabaseSettings database = new DatabaseSettings(
                Optional.ofNullable(url),
                source.text(DB_USER),
                source.raw(DB_PASSWORD).orElse(""),
                integer(source, DB_POOL_SIZE, 1, 1_000),
                Duration.ofMillis(integer(source, DB_CONNECTION_TIMEOUT_MS, 250, 600_000)));
        EmbeddedDatabaseSettings embedded = new EmbeddedDatabaseSettings(
                parse(source, DATA_DIR, "a directory path", text -> Path.of(text).toAbsolutePath().normalize()),
                integer(source, EMBEDDED_DB_PORT, 0, 65_535),
                parse(source, EMBEDDED_DB_NAME, "1-64 letters, digits or '_'", text -> {
                    if (!EmbeddedDatabaseSettings.isDatabaseName(text)) {
                        throw new IllegalArgumentException();
                    }
                    return text;
                }));
        String nodeId = source.text(NODE_ID).orElse(null);
        if (nodeId == null) {
            nodeId = defaultNodeId(http.port());
        } else if (nodeId.contains("/") || nodeId.length() > 64) {
            throw invalid(source.require(NODE_ID), NODE_ID, "a name of at most 64 characters without '/'");
        }
        CaptureSettings capture = new CaptureSettings(new io.tracewell.epcis.capture.CaptureLimits(
                longValue(source, CAPTURE_MAX_EVENTS, 1, Long.MAX_VALUE),
                longValue(source, CAPTURE_MAX_BYTES, 1, Long.MAX_VALUE)),
                integer(source, CAPTURE_WORKERS, 1, 256), nodeId,
                parse(source, SECURITY_ORGANISATION, "a non-blank name of at most 128 characters", text -> {
                    if (text.isEmpty() || text.length() > 128) {
                        throw new IllegalArgumentException();
                    }
                    return text;
                }));
        SubscriptionSettings subscriptions = SubscriptionSettings.of(
                integer(source, SUBSCRIPTION_BATCH_SIZE, 1, 100_000),
                integer(source, SUBSCRIPTION_WORKERS, 1, 256),
                integer(source, SUBSCRIPTION_POLL_MS, 10, 3_600_000),
                integer(source, SUBSCRIPTION_FIRST_RETRY_MS, 1, 86_400_000),
                integer(source, SUBSCRIPTION_MAX_RETRY_MS, 1, 86_400_000),
                integer(source, SUBSCRIPTION_FAILURES_BEFORE_FAILING, 1, 1_000_000),
                integer(source, SUBSCRIPTION_REQUEST_TIMEOUT_MS, 100, 3_600_000),
                parse(source, SUBSCRIPTION_SCHEDULE_ZONE, "a time zone ID such as UTC or Europe/Berlin",
                        text -> {
                            try {
                                return java.time.ZoneId.of(text);
                            } catch (java.time.DateTimeException e) {
                                throw new IllegalArgumentException(e);
                            }
                        }));
        io.tracewell.epcis.id.CompanyPrefixLengths lengths = io.tracewell.epcis.id.CompanyPrefixLengths.none();
        java.util.Optional<String> lengthsFile = source.text(COMPANY_PREFIX_LENGTHS);
        if (lengthsFile.isPresent()) {
            ConfigSource.Value value = source.require(COMPANY_PREFIX_LENGTHS);
            try {
                lengths = io.tracewell.epcis.id.CompanyPrefixLengths.fixedTable()
                        .load(Path.of(lengthsFile.get().trim()));
            } catch (RuntimeException e) { // unreadable file, bad line, bad path
                throw new ConfigException(COMPANY_PREFIX_LENGTHS + " (from " + value.origin() + "): "
                        + e.getMessage() + "; expected a readable UTF-8 file of lines '<digit prefix>=<length>'");
            }
        }
        java.util.Optional<DscsaGateway> dscsa = java.util.Optional.empty();
        java.util.Optional<String> dscsaFile = source.text(DSCSA_CONFIG);
        if (dscsaFile.isPresent()) {
            ConfigSource.Value value = source.require(DSCSA_CONFIG);
            try {
                dscsa = java.util.Optional.of(new DscsaGateway(io.tracewell.regulatory.dscsa.DscsaConfiguration.load(
                        Path.of(dscsaFile.get().trim()), lengths),
                        Duration.ofMillis(integer(source, DSCSA_INTERVAL_MS, 100, 3_600_000))));
            } catch (io.tracewell.regulatory.dscsa.DscsaConfiguration.InvalidConfiguration e) {
                throw new ConfigException(DSCSA_CONFIG + " (from " + value.origin() + "): " + e.getMessage());
            }
        }
        return new TracewellConfig(http, database, embedded, capture, subscriptions, lengths, dscsa);
    }

    /** The host name and HTTP port: distinct for servers on different hosts or ports. */
    private static String defaultNodeId(int port) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String id = host.replace("/", "_") + ":" + port;
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    private static long longValue(ConfigSource source, String key, long min, long max) {
        return parse(source, key, "a whole number from " + min, text -> {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }

    private static int integer(ConfigSource source, String key, int min, int max) {
        return parse(source, key, "a whole number from " + min + " to " + max, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }

    private static <T> T parse(ConfigSource source, String key, String expected, Function<String, T> parser) {
        ConfigSource.Value value = source.require(key);
        try {
            return parser.apply(value.text().trim());
        } catch (IllegalArgumentException e) { // NumberFormatException and InvalidPathException included
            throw invalid(value, key, expected);
        }
    }

    private static ConfigException invalid(ConfigSource.Value value, String key, String expected) {
        return new ConfigException(
                key + " (from " + value.origin() + "): expected " + expected + ", got \"" + value.text() + "\"");
    }
}
