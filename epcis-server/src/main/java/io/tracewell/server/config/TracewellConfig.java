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
                              java.util.Optional<DscsaGateway> dscsa,
                              java.util.Optional<FmdGateway> fmd, TrackAndTraceSettings trackAndTrace,
                              SecuritySettings security) {

    /**
     * The DSCSA gateway, when configured: its configuration file read and checked, and how often it looks for
     * work besides being woken by commits.
     */
    public record DscsaGateway(io.tracewell.regulatory.dscsa.DscsaConfiguration configuration,
                               java.time.Duration interval) {}

    /**
     * The EU FMD connector, when configured (docs/fmd.md): its configuration file read and checked (key stores
     * included), and how often it looks for work besides being woken by commits.
     */
    public record FmdGateway(io.tracewell.regulatory.fmd.FmdConfiguration configuration,
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
    public static final String FMD_CONFIG = "epcis.fmd.config";
    public static final String FMD_INTERVAL_MS = "epcis.fmd.interval-ms";
    public static final String SUBSCRIPTION_BATCH_SIZE = "epcis.subscriptions.batch-size";
    public static final String SUBSCRIPTION_WORKERS = "epcis.subscriptions.workers";
    public static final String SUBSCRIPTION_POLL_MS = "epcis.subscriptions.poll-ms";
    public static final String SUBSCRIPTION_FIRST_RETRY_MS = "epcis.subscriptions.first-retry-ms";
    public static final String SUBSCRIPTION_MAX_RETRY_MS = "epcis.subscriptions.max-retry-ms";
    public static final String SUBSCRIPTION_FAILURES_BEFORE_FAILING = "epcis.subscriptions.failures-before-failing";
    public static final String SUBSCRIPTION_REQUEST_TIMEOUT_MS = "epcis.subscriptions.request-timeout-ms";
    public static final String SUBSCRIPTION_SCHEDULE_ZONE = "epcis.subscriptions.schedule-zone";
    public static final String TLS_KEY_STORE = "epcis.http.tls.key-store";
    public static final String TLS_KEY_STORE_PASSWORD = "epcis.http.tls.key-store-password";
    public static final String SECURITY_DEVELOPMENT_MODE = "epcis.security.development-mode";
    public static final String SECURITY_DEVELOPMENT_ORGANISATION = "epcis.security.development-organisation";
    public static final String SECURITY_ADMIN_ORGANISATION = "epcis.security.admin-organisation";
    public static final String SECURITY_PUBLIC_VERIFICATION = "epcis.security.public-verification";
    public static final String SECURITY_RATE_PER_SECOND = "epcis.security.rate-limit.per-second";
    public static final String SECURITY_RATE_BURST = "epcis.security.rate-limit.burst";
    public static final String JWT_JWKS_URL = "epcis.security.jwt.jwks-url";
    public static final String JWT_PUBLIC_KEY = "epcis.security.jwt.public-key";
    public static final String JWT_ISSUER = "epcis.security.jwt.issuer";
    public static final String JWT_AUDIENCE = "epcis.security.jwt.audience";
    public static final String JWT_LEEWAY_SECONDS = "epcis.security.jwt.leeway-seconds";
    public static final String JWT_ORGANISATION_CLAIM = "epcis.security.jwt.organisation-claim";
    public static final String JWT_ROLES_CLAIM = "epcis.security.jwt.roles-claim";
    public static final String JWT_PARTNER_GLNS_CLAIM = "epcis.security.jwt.partner-glns-claim";

    /** Reads and checks every key; the first bad value stops start-up with a {@link ConfigException}. */
    public static TracewellConfig from(ConfigSource source) {
        java.util.Optional<TlsSettings> tls = java.util.Optional.empty();
        if (source.text(TLS_KEY_STORE).isPresent()) {
            Path keyStore = parse(source, TLS_KEY_STORE, "a PKCS#12 file path",
                    text -> Path.of(text).toAbsolutePath().normalize());
            if (!java.nio.file.Files.isReadable(keyStore)) {
                throw invalid(source.require(TLS_KEY_STORE), TLS_KEY_STORE, "a readable PKCS#12 file");
            }
            tls = java.util.Optional.of(new TlsSettings(keyStore, source.raw(TLS_KEY_STORE_PASSWORD).orElse("")));
        }
        HttpSettings http = new HttpSettings(
                source.require(HTTP_HOST).text().trim(),
                integer(source, HTTP_PORT, 0, 65_535),
                // absent or blank: the default, which application.properties also states
                source.text(HTTP_MAX_URI_LENGTH).isEmpty() ? HttpSettings.DEFAULT_MAX_URI_LENGTH
                        : integer(source, HTTP_MAX_URI_LENGTH, HttpSettings.MIN_MAX_URI_LENGTH,
                                HttpSettings.MAX_MAX_URI_LENGTH), tls);
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
        java.util.Optional<FmdGateway> fmd = java.util.Optional.empty();
        java.util.Optional<String> fmdFile = source.text(FMD_CONFIG);
        if (fmdFile.isPresent()) {
            ConfigSource.Value value = source.require(FMD_CONFIG);
            try {
                fmd = java.util.Optional.of(new FmdGateway(io.tracewell.regulatory.fmd.FmdConfiguration.load(
                        Path.of(fmdFile.get().trim())), Duration.ofMillis(integer(source, FMD_INTERVAL_MS, 100,
                        3_600_000))));
            } catch (io.tracewell.regulatory.fmd.FmdConfiguration.InvalidConfiguration e) {
                throw new ConfigException(FMD_CONFIG + " (from " + value.origin() + "): " + e.getMessage());
            }
        }
        return new TracewellConfig(http, database, embedded, capture, subscriptions, lengths, dscsa, fmd,
                TrackAndTraceSettings.from(source), security(source));
    }

    /** The security keys; an absent key means its default, as application.properties states it. */
    private static SecuritySettings security(ConfigSource source) {
        java.util.Optional<SecuritySettings.Jwt> jwt = java.util.Optional.empty();
        java.util.Optional<String> jwks = source.text(JWT_JWKS_URL);
        java.util.Optional<String> publicKey = source.text(JWT_PUBLIC_KEY);
        if (jwks.isPresent() && publicKey.isPresent()) {
            throw new ConfigException(JWT_JWKS_URL + " and " + JWT_PUBLIC_KEY + " are both set; give one of them");
        }
        if (jwks.isPresent() || publicKey.isPresent()) {
            java.util.Optional<java.net.URI> jwksUrl = jwks.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(parse(source, JWT_JWKS_URL, "an http(s) URL", text -> {
                        java.net.URI uri = java.net.URI.create(text);
                        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                            throw new IllegalArgumentException();
                        }
                        return uri;
                    }));
            java.util.Optional<Path> keyFile = publicKey.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(parse(source, JWT_PUBLIC_KEY, "a readable PEM file", text -> {
                        Path path = Path.of(text).toAbsolutePath().normalize();
                        if (!java.nio.file.Files.isReadable(path)) {
                            throw new IllegalArgumentException();
                        }
                        return path;
                    }));
            jwt = java.util.Optional.of(new SecuritySettings.Jwt(jwksUrl, keyFile,
                    source.require(JWT_ISSUER).text().trim(), source.require(JWT_AUDIENCE).text().trim(),
                    Duration.ofSeconds(source.text(JWT_LEEWAY_SECONDS).isEmpty() ? 60
                            : integer(source, JWT_LEEWAY_SECONDS, 0, 3_600)),
                    source.text(JWT_ORGANISATION_CLAIM).orElse("org"),
                    source.text(JWT_ROLES_CLAIM).orElse("roles"),
                    source.text(JWT_PARTNER_GLNS_CLAIM).orElse("partner_glns")));
        }
        double perSecond = source.text(SECURITY_RATE_PER_SECOND).isEmpty() ? 200
                : parse(source, SECURITY_RATE_PER_SECOND, "a number from 0 (off) to 1000000", text -> {
                    double value = Double.parseDouble(text);
                    if (!(value >= 0 && value <= 1_000_000)) {
                        throw new IllegalArgumentException();
                    }
                    return value;
                });
        int burst = source.text(SECURITY_RATE_BURST).isEmpty() ? 400
                : integer(source, SECURITY_RATE_BURST, 1, 10_000_000);
        return new SecuritySettings(
                bool(source, SECURITY_DEVELOPMENT_MODE, false),
                source.text(SECURITY_DEVELOPMENT_ORGANISATION).orElse("development"),
                source.text(SECURITY_ADMIN_ORGANISATION).orElse("local"),
                bool(source, SECURITY_PUBLIC_VERIFICATION, true),
                jwt,
                new SecuritySettings.RateLimit(perSecond, burst));
    }

    private static boolean bool(ConfigSource source, String key, boolean absent) {
        if (source.text(key).isEmpty()) {
            return absent;
        }
        return parse(source, key, "true or false", text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        });
    }

    /**
     * The host name and HTTP port: distinct for servers on different hosts or ports. Port 0 (any free port, chosen
     * only when the server starts) gets a random suffix, or two such servers in one JVM or on one host would share
     * a name and each take the other's leases as its own.
     */
    private static String defaultNodeId(int port) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String suffix = ":" + port + (port == 0 ? "-" + java.util.UUID.randomUUID().toString().substring(0, 8) : "");
        host = host.replace("/", "_");
        return (host.length() + suffix.length() > 64 ? host.substring(0, 64 - suffix.length()) : host) + suffix;
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

    static int integer(ConfigSource source, String key, int min, int max) {
        return parse(source, key, "a whole number from " + min + " to " + max, text -> {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }

    static <T> T parse(ConfigSource source, String key, String expected, Function<String, T> parser) {
        ConfigSource.Value value = source.require(key);
        try {
            return parser.apply(value.text().trim());
        } catch (IllegalArgumentException e) { // NumberFormatException and InvalidPathException included
            throw invalid(value, key, expected);
        }
    }

    static ConfigException invalid(ConfigSource.Value value, String key, String expected) {
        return new ConfigException(
                key + " (from " + value.origin() + "): expected " + expected + ", got \"" + value.text() + "\"");
    }
}
