package io.tracewell.regulatory.fmd;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The EU FMD connector's configuration file (docs/fmd.md, "Configuration"): the hub's endpoint, our client key store
 * and the trust store for the hub's certificate (both PKCS #12), timeouts, the release rule and the retry schedule.
 * Read once at start-up; every mistake is reported with its JSON pointer, and relative paths are read from the file's
 * directory.
 *
 * @param hub      how to reach the hub
 * @param release  when batches are uploaded
 * @param schedule retries, dead letters and leases
 */
public record FmdConfiguration(SoapHubAdapter.Settings hub, ReleaseRule release, FmdConnector.Schedule schedule) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A configuration that cannot be used: where and why. */
    public static final class InvalidConfiguration extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidConfiguration(Path file, String pointer, String message) {
            super(file + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + message, null, false, false);
        }
    }

    /**
     * Reads the file.
     *
     * @throws InvalidConfiguration naming the file, the JSON pointer and the problem
     */
    public static FmdConfiguration load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new InvalidConfiguration(file, "", "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidConfiguration(file, "", "cannot be read: " + e);
        }
        Path dir = file.toAbsolutePath().getParent();
        object(file, root, "", Set.of("hub", "release", "retry"));
        JsonNode hub = object(file, root.get("hub"), "/hub", Set.of("url", "senderId", "clientKeyStore",
                "clientKeyStorePassword", "trustStore", "trustStorePassword", "connectTimeoutSeconds",
                "readTimeoutSeconds"));
        URI url;
        try {
            url = URI.create(text(file, hub, "/hub", "url"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(file, "/hub/url", "not a URL: " + e.getMessage());
        }
        String sender = text(file, hub, "/hub", "senderId");
        SSLContext tls;
        Path keyStore = dir.resolve(text(file, hub, "/hub", "clientKeyStore"));
        Path trustStore = dir.resolve(text(file, hub, "/hub", "trustStore"));
        try {
            tls = tls(keyStore, text(file, hub, "/hub", "clientKeyStorePassword").toCharArray(), trustStore,
                    text(file, hub, "/hub", "trustStorePassword").toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidConfiguration(file, "/hub/clientKeyStore", "cannot read the PKCS #12 key store "
                    + keyStore + " or trust store " + trustStore + " with the passwords given: " + e.getMessage());
        }
        Duration connect = Duration.ofSeconds(seconds(file, hub, "/hub", "connectTimeoutSeconds", 10));
        Duration read = Duration.ofSeconds(seconds(file, hub, "/hub", "readTimeoutSeconds", 60));
        SoapHubAdapter.Settings settings;
        try {
            settings = new SoapHubAdapter.Settings(url, sender, tls, connect, read);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(file, "/hub/url", e.getMessage());
        }
        ReleaseRule release = ReleaseRule.FIRST_SHIPMENT;
        if (root.has("release")) {
            String r = text(file, root, "", "release");
            release = switch (r) {
                case "firstShipment" -> ReleaseRule.FIRST_SHIPMENT;
                case "commissioning" -> ReleaseRule.COMMISSIONING;
                default -> throw new InvalidConfiguration(file, "/release", "expected \"firstShipment\" or"
                        + " \"commissioning\", found \"" + r + "\"");
            };
        }
        FmdConnector.Schedule d = FmdConnector.Schedule.defaults();
        FmdConnector.Schedule schedule = d;
        if (root.has("retry")) {
            JsonNode retry = object(file, root.get("retry"), "/retry", Set.of("firstRetrySeconds", "maxRetrySeconds",
                    "maxAttempts"));
            try {
                schedule = new FmdConnector.Schedule(
                        Duration.ofSeconds(seconds(file, retry, "/retry", "firstRetrySeconds",
                                d.firstRetry().toSeconds())),
                        Duration.ofSeconds(seconds(file, retry, "/retry", "maxRetrySeconds", d.maxRetry().toSeconds())),
                        (int) seconds(file, retry, "/retry", "maxAttempts", d.maxAttempts()), d.lease());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfiguration(file, "/retry", e.getMessage());
            }
        }
        return new FmdConfiguration(settings, release, schedule);
    }

    /** A TLS context presenting the client key of a PKCS #12 key store and trusting the certificates of another. */
    public static SSLContext tls(Path keyStore, char[] keyPassword, Path trustStore, char[] trustPassword)
            throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(pkcs12(keyStore, keyPassword), keyPassword);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(pkcs12(trustStore, trustPassword));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore pkcs12(Path path, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    private static JsonNode object(Path file, JsonNode node, String at, Set<String> members) {
        if (node == null || !node.isObject()) {
            throw new InvalidConfiguration(file, at, "expected an object with " + String.join(", ",
                    members.stream().sorted().toList()));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new InvalidConfiguration(file, at + "/" + name, "\"" + name + "\" is not a setting here;"
                        + " expected " + String.join(", ", members.stream().sorted().toList()));
            }
        }
        return node;
    }

    private static String text(Path file, JsonNode node, String at, String member) {
        JsonNode v = node.get(member);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InvalidConfiguration(file, at + "/" + member, "expected a non-empty string"
                    + (v == null ? "" : ", found " + v));
        }
        return v.asText();
    }

    private static long seconds(Path file, JsonNode node, String at, String member, long otherwise) {
        JsonNode v = node.get(member);
        if (v == null) {
            return otherwise;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
            throw new InvalidConfiguration(file, at + "/" + member, "expected a whole number of at least 1, found "
                    + v);
        }
        return v.asLong();
    }
}
