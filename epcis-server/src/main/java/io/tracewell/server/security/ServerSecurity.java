package io.tracewell.server.security;

import io.tracewell.epcis.store.access.ApiKeys;
import io.tracewell.server.config.ConfigException;
import io.tracewell.server.config.SecuritySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's security, built from its settings: the {@link SecurityHandler} that runs before every route, the
 * API keys, and the first administrator key of a new database. Touches no database when built.
 */
public final class ServerSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSecurity.class);

    private final SecuritySettings settings;
    private final ApiKeys apiKeys;
    private final SecurityHandler handler;

    private ServerSecurity(SecuritySettings settings, ApiKeys apiKeys, SecurityHandler handler) {
        this.settings = settings;
        this.apiKeys = apiKeys;
        this.handler = handler;
    }

    public static ServerSecurity create(SecuritySettings settings, DataSource dataSource, Clock clock) {
        ApiKeys apiKeys = new ApiKeys(dataSource, clock, new SecureRandom());
        AccessRules rules = AccessRules.standard(settings.publicVerification());
        RateLimiter limiter = new RateLimiter(settings.rateLimit(), System::nanoTime);
        if (settings.developmentMode()) {
            return new ServerSecurity(settings, apiKeys,
                    SecurityHandler.development(rules, settings.developmentOrganisation(), limiter));
        }
        Optional<JwtVerifier> jwt = settings.jwt().map(j -> new JwtVerifier(j, keys(j, clock), clock));
        jwt.ifPresent(j -> LOG.info("Accepting JWT access tokens from issuer {} for audience {}",
                settings.jwt().get().issuer(), settings.jwt().get().audience()));
        return new ServerSecurity(settings, apiKeys,
                SecurityHandler.authenticating(rules, new Authenticator(apiKeys, jwt), limiter));
    }

    private static JwtVerifier.Keys keys(SecuritySettings.Jwt jwt, Clock clock) {
        if (jwt.jwksUrl().isPresent()) {
            return new JwksKeys(jwt.jwksUrl().get(), clock);
        }
        PublicKey key;
        try {
            key = PublicKeys.fromPem(Files.readString(jwt.publicKey().orElseThrow(), StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("epcis.security.jwt.public-key: " + jwt.publicKey().get() + ": "
                    + e.getMessage());
        }
        List<PublicKey> only = List.of(key);
        return (keyId, algorithm) -> only;
    }

    public SecurityHandler handler() {
        return handler;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    /**
     * On the first start on a database (and never again), makes an administrator key and prints it to
     * {@code console}, not to the log: it is shown this once. Nothing in development mode. A database that cannot
     * be reached now only postpones this to a later start.
     */
    public void createFirstAdminKey(PrintStream console) {
        if (settings.developmentMode()) {
            return;
        }
        Optional<ApiKeys.Created> created;
        try {
            created = apiKeys.createFirstAdminKey(settings.adminOrganisation());
        } catch (RuntimeException e) {
            LOG.warn("The first administrator key could not be made now ({}); a later start makes it, or make one"
                    + " with 'tracewell keys create'", e.getMessage());
            return;
        }
        created.ifPresent(key -> {
            LOG.info("Made the first administrator key {} (printed once on standard output)", key.key().id());
            console.println();
            console.println("=".repeat(78));
            console.println("Tracewell made its first administrator key. It is shown this once and is not stored:");
            console.println();
            console.println("    " + key.token());
            console.println();
            console.println("Send it as 'Authorization: Bearer <key>'. Make keys for clients with POST /admin/keys");
            console.println("or 'tracewell keys create', then revoke this one if it is not needed.");
            console.println("=".repeat(78));
            console.println();
            console.flush();
        });
    }

    /** A warning when credentials would cross a network unencrypted. */
    public static void warnIfPlain(String host, boolean tls) {
        if (!tls && !host.equals("127.0.0.1") && !host.equals("::1") && !host.equals("localhost")) {
            LOG.warn("HTTPS is off (epcis.http.tls.key-store is empty) while listening on {}: API keys and tokens"
                    + " cross the network unencrypted. Configure a PKCS#12 key store, or listen on 127.0.0.1 behind"
                    + " a TLS-terminating proxy.", host);
        }
    }

}
