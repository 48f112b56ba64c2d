package io.tracewell.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys an issuer publishes as a JWKS document (RFC 7517), fetched on first use and kept. The document
 * is fetched again when it is older than {@link #MAX_AGE} or when a token names a key id it lacks (issuers rotate
 * keys by publishing the new one first), but at most once per {@link #MIN_REFETCH}, so that tokens with made-up key
 * ids cannot make the server hammer the issuer. Fetching blocks: call it off the event loop.
 */
final class JwksKeys implements JwtVerifier.Keys {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Key(String id, String algorithm, PublicKey key) {}

    private final URI url;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private List<Key> keys = List.of();
    private Instant fetchedAt = Instant.MIN;
    private Instant triedAt = Instant.MIN;

    JwksKeys(URI url, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<PublicKey> candidates(String keyId, String algorithm) throws AuthenticationException {
        Instant now = clock.instant();
        boolean stale = fetchedAt.plus(MAX_AGE).isBefore(now);
        if ((stale || matching(keyId, algorithm).isEmpty()) && !triedAt.plus(MIN_REFETCH).isAfter(now)) {
            fetch(now);
        }
        List<PublicKey> found = matching(keyId, algorithm);
        if (found.isEmpty() && keys.isEmpty()) {
            throw new AuthenticationException("the issuer's signing keys are not available");
        }
        return found;
    }

    private List<PublicKey> matching(String keyId, String algorithm) {
        List<PublicKey> found = new ArrayList<>();
        for (Key key : keys) {
            if ((keyId == null || keyId.equals(key.id()))
                    && (key.algorithm() == null || key.algorithm().equals(algorithm))) {
                found.add(key.key());
            }
        }
        return found;
    }

    private void fetch(Instant now) {
        triedAt = now;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("The JWKS document at {} answered HTTP {}; keeping the keys known", url,
                        response.statusCode());
                return;
            }
            List<Key> read = new ArrayList<>();
            for (JsonNode jwk : JSON.readTree(response.body()).path("keys")) {
                PublicKeys.fromJwk(jwk).ifPresent(key -> read.add(new Key(jwk.path("kid").asText(null),
                        jwk.path("alg").asText(null), key)));
            }
            keys = List.copyOf(read);
            fetchedAt = now;
            LOG.info("Read {} signing key(s) from the JWKS document at {}", read.size(), url);
        } catch (IOException e) {
            LOG.warn("Fetching the JWKS document at {} failed: {}; keeping the keys known", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
